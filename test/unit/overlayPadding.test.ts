import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allInFreePart, NO_PADDING, overlayPadding, type Rect } from '../../src/map/overlayPadding';

/** The map at 1440×900 beside the 340 px side panel, under the header. */
const MAP: Rect = { left: 340, top: 41, width: 1100, height: 758 };

describe('overlayPadding', () => {
  it('is none without overlays, or with overlays outside the map or empty', () => {
    expect(overlayPadding(MAP, [])).toEqual(NO_PADDING);
    expect(overlayPadding(MAP, [{ left: 0, top: 41, width: 340, height: 758 }])).toEqual(NO_PADDING);
    expect(overlayPadding(MAP, [{ left: 400, top: 100, width: 0, height: 50 }])).toEqual(NO_PADDING);
  });

  it('clears a tall panel at the left edge from the left, a wide card at the bottom from the bottom', () => {
    const legend = { left: 350, top: 51, width: 300, height: 600 };
    expect(overlayPadding(MAP, [legend], 0)).toEqual({ top: 0, right: 0, bottom: 0, left: 310 });
    const card = { left: 352, top: 648, width: 416, height: 123 };
    expect(overlayPadding(MAP, [card], 0)).toEqual({ top: 0, right: 0, bottom: 799 - 648, left: 0 });
  });

  it('chooses the sides together so that the free part is largest, with a gap beside each overlay', () => {
    const legend = { left: 350, top: 51, width: 260, height: 200 };
    const card = { left: 350, top: 600, width: 416, height: 160 };
    const zoom = { left: 1400, top: 51, width: 30, height: 60 };
    // A column of legend and card at the left is cleared from the left (one side, the card's width)…
    expect(overlayPadding(MAP, [legend, card, zoom], 8)).toEqual({ top: 0, right: 48, bottom: 0, left: 434 });
    // …a wide card at the bottom from the bottom, the legend then from the left.
    const wide = { left: 350, top: 600, width: 900, height: 160 };
    expect(overlayPadding(MAP, [legend, wide, zoom], 8)).toEqual({ top: 0, right: 48, bottom: 207, left: 278 });
  });

  it('always leaves a quarter of each dimension free', () => {
    const p = overlayPadding(MAP, [
      { left: 340, top: 41, width: 1000, height: 100 },
      { left: 340, top: 500, width: 1100, height: 299 },
      { left: 340, top: 41, width: 100, height: 758 },
      { left: 1000, top: 41, width: 440, height: 758 },
    ]);
    expect(MAP.width - p.left - p.right).toBeGreaterThanOrEqual(MAP.width / 4 - 1);
    expect(MAP.height - p.top - p.bottom).toBeGreaterThanOrEqual(MAP.height / 4 - 1);
  });

  it('leaves every overlay outside the free part, or keeps the quarter free (random overlays)', () => {
    const rect = fc.record({
      left: fc.integer({ min: 300, max: 1500 }),
      top: fc.integer({ min: 0, max: 900 }),
      width: fc.integer({ min: 1, max: 400 }),
      height: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 8 }), (overlays) => {
        const p = overlayPadding(MAP, overlays, 0);
        const free = {
          left: MAP.left + p.left,
          top: MAP.top + p.top,
          right: MAP.left + MAP.width - p.right,
          bottom: MAP.top + MAP.height - p.bottom,
        };
        const squeezed = p.left + p.right >= MAP.width * 0.75 - 1 || p.top + p.bottom >= MAP.height * 0.75 - 1;
        if (squeezed) return;
        for (const r of overlays) {
          const overlaps =
            r.left < free.right && r.left + r.width > free.left && r.top < free.bottom && r.top + r.height > free.top;
          expect(overlaps).toBe(false);
        }
      }),
    );
  });
});

describe('allInFreePart', () => {
  const size = { width: 1000, height: 600 };
  const padding = { top: 100, right: 50, bottom: 150, left: 300 };
  it('holds for points in the free part at the margin, not beyond it', () => {
    expect(allInFreePart([{ x: 340, y: 140 }], size, padding, 40)).toBe(true);
    expect(allInFreePart([{ x: 330, y: 300 }], size, padding, 40)).toBe(false);
    expect(
      allInFreePart(
        [
          { x: 500, y: 300 },
          { x: 200, y: 300 },
        ],
        size,
        padding,
        40,
      ),
    ).toBe(false);
    expect(allInFreePart([{ x: 500, y: 430 }], size, padding, 40)).toBe(false);
    expect(allInFreePart([], size, padding, 40)).toBe(true);
  });
  it('shrinks the margin when the free part is small', () => {
    const tight = { top: 0, right: 0, bottom: 540, left: 0 };
    // 60 px free: the margin is a quarter of it.
    expect(allInFreePart([{ x: 500, y: 20 }], size, tight, 40)).toBe(true);
  });
});
