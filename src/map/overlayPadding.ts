/**
 * The map's free part: which padding (MapLibre's `padding`, CSS pixels from each edge) keeps everything laid
 * over the map (legend, cards, hints, the map's own buttons and credits) out of it, and whether points lie
 * in it. Pure arithmetic on rectangles, so the UI measures and the adapter moves the camera.
 */

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A rectangle in page coordinates, as `getBoundingClientRect` gives it. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

const SIDES = ['top', 'right', 'bottom', 'left'] as const;
/** Past this many overlays the search over every choice of sides (4^n) gives way to one side each, greedily. */
const MAX_EXHAUSTIVE = 6;

/** How far into the map each side would have to reach to clear `rect` (clipped to the map), plus `gap`. */
function reach(map: Rect, rect: Rect, gap: number): Padding | null {
  const left = Math.max(rect.left, map.left);
  const top = Math.max(rect.top, map.top);
  const right = Math.min(rect.left + rect.width, map.left + map.width);
  const bottom = Math.min(rect.top + rect.height, map.top + map.height);
  if (right <= left || bottom <= top) return null;
  return {
    top: bottom - map.top + gap,
    right: map.left + map.width - left + gap,
    bottom: map.top + map.height - top + gap,
    left: right - map.left + gap,
  };
}

const freeArea = (map: Rect, p: Padding) =>
  Math.max(0, map.width - p.left - p.right) * Math.max(0, map.height - p.top - p.bottom);

/**
 * The padding that leaves the largest free rectangle: each overlay is cleared from one side of the map (the
 * side chosen so that, all overlays together, the free part is largest), each side as deep as its deepest
 * overlay. Overlays outside the map or empty count for nothing; `gap` keeps a little air beside each.
 */
export function overlayPadding(map: Rect, overlays: readonly Rect[], gap = 8): Padding {
  const reaches = overlays.map((r) => reach(map, r, gap)).filter((r): r is Padding => r !== null);
  if (reaches.length === 0) return NO_PADDING;
  let best: Padding = NO_PADDING;
  let bestArea = -1;
  const consider = (p: Padding) => {
    const area = freeArea(map, p);
    if (area > bestArea) {
      best = p;
      bestArea = area;
    }
  };
  if (reaches.length <= MAX_EXHAUSTIVE) {
    const choose = (i: number, p: Padding): void => {
      if (i === reaches.length) {
        consider(p);
        return;
      }
      for (const side of SIDES) choose(i + 1, { ...p, [side]: Math.max(p[side], reaches[i][side]) });
    };
    choose(0, NO_PADDING);
  } else {
    let p = NO_PADDING;
    for (const r of reaches) {
      const options = SIDES.map((side) => ({ ...p, [side]: Math.max(p[side], r[side]) }));
      p = options.reduce((a, b) => (freeArea(map, b) > freeArea(map, a) ? b : a));
    }
    consider(p);
  }
  return keepRoom(map, best);
}

/** Overlays may cover nearly all of a small map: the padding still leaves a quarter of each dimension free. */
const MIN_FREE = 0.25;

function keepRoom(map: Rect, p: Padding): Padding {
  const fit = (a: number, b: number, size: number): [number, number] => {
    const most = size * (1 - MIN_FREE);
    const scale = a + b > most ? most / (a + b) : 1;
    return [Math.round(a * scale), Math.round(b * scale)];
  };
  const [left, right] = fit(p.left, p.right, map.width);
  const [top, bottom] = fit(p.top, p.bottom, map.height);
  return { top, right, bottom, left };
}

export const samePadding = (a: Padding, b: Padding) => SIDES.every((side) => a[side] === b[side]);

interface Size {
  width: number;
  height: number;
}

/** Room kept around a framed place, CSS pixels: its marker, its ring and its label. */
const FRAME_MARGIN = 40;

/** The margin kept from the free part's edges: `margin`, or a quarter of a small free part. */
export function frameMargin(size: Size, padding: Padding, margin = FRAME_MARGIN): { x: number; y: number } {
  const freeWidth = size.width - padding.left - padding.right;
  const freeHeight = size.height - padding.top - padding.bottom;
  return { x: Math.min(margin, Math.max(0, freeWidth) / 4), y: Math.min(margin, Math.max(0, freeHeight) / 4) };
}

/**
 * Whether every point (map-relative CSS pixels) lies in the free part of a `width`×`height` map, at least
 * `margin` from its edges (less when the free part is small, so a small free part can still hold a point).
 */
export function allInFreePart(
  points: readonly { x: number; y: number }[],
  size: Size,
  padding: Padding,
  margin = FRAME_MARGIN,
): boolean {
  const { x: mx, y: my } = frameMargin(size, padding, margin);
  return points.every(
    (p) =>
      p.x >= padding.left + mx &&
      p.x <= size.width - padding.right - mx &&
      p.y >= padding.top + my &&
      p.y <= size.height - padding.bottom - my,
  );
}

/** What the map is asked to keep clear and in view: its size, the overlays' padding, the places ([lng, lat]). */
export interface Frame {
  size: Size;
  padding: Padding;
  places: readonly (readonly [number, number])[];
}

const samePlaces = (a: Frame['places'], b: Frame['places']) =>
  a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]);

/**
 * Whether the camera must move to bring the places into the free part: only when something changed since
 * the last frame (the places, the padding or the map's size), so a user who pans a place away keeps it away
 * until then; and only when a place is not in the free part already.
 */
export function needsReframe(
  last: Frame | undefined,
  next: Frame,
  project: (lngLat: readonly [number, number]) => { x: number; y: number },
): boolean {
  if (next.places.length === 0) return false;
  const changed =
    !last ||
    !samePlaces(last.places, next.places) ||
    !samePadding(last.padding, next.padding) ||
    last.size.width !== next.size.width ||
    last.size.height !== next.size.height;
  return changed && !allInFreePart(next.places.map(project), next.size, next.padding);
}

/** The bounding box of [lng, lat] points: [[west, south], [east, north]]. */
export function boundsOf(points: Frame['places']): [[number, number], [number, number]] {
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ];
}
