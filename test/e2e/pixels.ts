/**
 * Reading what the map actually drew. `captureMap` copies the WebGL canvas inside a `render` handler (while
 * its drawing buffer is still valid, as MapController.capture does) and decodes the PNG in Node, so tests see
 * the map's pixels only: no panel, control or popup can cover them. Positions are canvas pixels: CSS pixels
 * from `map.project` times the map's pixel ratio.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { MapKey } from './driver';

export type Rgb = readonly [number, number, number];

export interface MapImage {
  width: number;
  height: number;
  /** RGBA, row-major, as pngjs decodes it. */
  data: Buffer;
  /** Canvas pixels per CSS pixel. */
  ratio: number;
}

export interface Point {
  x: number;
  y: number;
}

type Page = import('@playwright/test').Page;

interface Frame {
  base64: string;
  ratio: number;
}
/** The armed captures, per map, and the page's own predicates (`armFrameCapture`'s `when`). */
type Capturing = Window & { __mapFrames?: Partial<Record<MapKey, Promise<Frame>>> } & Record<string, unknown>;

/**
 * From now on, keep a copy of the first frame `key`'s map draws for which `window[when]()` is true (the next
 * frame without `when`), taken in the `render` handler while the drawing buffer is still valid; `armedFrame`
 * waits for it. `repaint` asks for a frame at once.
 */
export async function armFrameCapture(
  page: Page,
  { key = '__frontlineMap', when, repaint = false }: { key?: MapKey; when?: string; repaint?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    ({ key, when, repaint }) => {
      const w = window as unknown as Capturing;
      const map = w[key];
      if (!map) throw new Error(`${key} not exposed`);
      w.__mapFrames ??= {};
      w.__mapFrames[key] = new Promise<Frame>((resolve, reject) => {
        const onRender = () => {
          const test = when ? w[when] : undefined;
          if (typeof test === 'function' && !test()) return;
          map.off('render', onRender);
          const source = map.getCanvas();
          const copy = document.createElement('canvas');
          copy.width = source.width;
          copy.height = source.height;
          const ctx = copy.getContext('2d');
          if (!ctx) return reject(new Error('2D canvas is unavailable'));
          ctx.drawImage(source, 0, 0);
          resolve({ base64: copy.toDataURL('image/png').split(',')[1], ratio: map.getPixelRatio() });
        };
        map.on('render', onRender);
      });
      if (repaint) map.triggerRepaint();
    },
    { key, when, repaint },
  );
}

/** The frame `armFrameCapture` kept (waits until it is drawn). */
export async function armedFrame(page: Page, key: MapKey = '__frontlineMap'): Promise<MapImage> {
  const { base64, ratio } = await page.evaluate(
    (key) =>
      (window as unknown as Capturing).__mapFrames?.[key] ?? Promise.reject(new Error(`no capture armed for ${key}`)),
    key,
  );
  return decodeMapImage(base64, ratio);
}

/** The map's canvas as drawn now (call after `MapDriver.waitForIdle`). */
export async function captureMap(page: Page, key: MapKey = '__frontlineMap'): Promise<MapImage> {
  await armFrameCapture(page, { key, repaint: true });
  return armedFrame(page, key);
}

/** A canvas copy sent from the page as a PNG data URL's base64 part. */
function decodeMapImage(base64: string, ratio: number): MapImage {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  return { width: png.width, height: png.height, data: png.data, ratio };
}

/** Where a coordinate is drawn, in canvas pixels. */
export async function projectToCanvas(page: Page, lngLat: [number, number], key: MapKey = '__frontlineMap') {
  return page.evaluate(
    ({ lngLat, key }) => {
      const map = window[key];
      if (!map) throw new Error(`${key} not exposed`);
      const p = map.project(lngLat);
      const ratio = map.getPixelRatio();
      return { x: p.x * ratio, y: p.y * ratio };
    },
    { lngLat, key },
  );
}

/** A place's coordinates, from the map's own places source. */
export async function placeLngLat(page: Page, placeId: string, key: MapKey = '__frontlineMap') {
  return page.evaluate(
    ({ placeId, key }) => {
      const map = window[key];
      if (!map) throw new Error(`${key} not exposed`);
      const f = map.querySourceFeatures('app-places').find((f) => f.properties.placeId === placeId);
      if (f?.geometry.type !== 'Point') throw new Error(`${placeId} is not in the places source`);
      return f.geometry.coordinates as [number, number];
    },
    { placeId, key },
  );
}

/**
 * Where a source's mark sits around its place, in CSS pixels, and its colour: the feature's `offset` property
 * (the mark layers' `icon-offset`) times the layers' `icon-size` at the current zoom (icon-offset is in icon
 * units, so the ring shrinks with the marks).
 */
export async function markOffset(page: Page, placeId: string, sourceId: string, key: MapKey = '__frontlineMap') {
  return page.evaluate(
    ({ placeId, sourceId, key }) => {
      const map = window[key];
      if (!map) throw new Error(`${key} not exposed`);
      const f = map
        .querySourceFeatures('app-marks')
        .find((f) => f.properties.placeId === placeId && f.properties.sourceId === sourceId);
      if (!f) throw new Error(`no mark for ${sourceId} at ${placeId}`);
      const layer = map.getLayersOrder().find((id) => id.startsWith('place-mark-'));
      if (!layer) throw new Error('no mark layer');
      if (JSON.stringify(map.getLayoutProperty(layer, 'icon-offset')) !== '["get","offset"]')
        throw new Error(`${layer} no longer takes icon-offset from the feature's offset`);
      const offset: [number, number] =
        typeof f.properties.offset === 'string' ? JSON.parse(f.properties.offset) : f.properties.offset;
      // icon-size: a number, or ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1, …].
      const size: unknown = map.getLayoutProperty(layer, 'icon-size') ?? 1;
      let scale = 1;
      if (typeof size === 'number') scale = size;
      else if (Array.isArray(size) && size[0] === 'interpolate' && size[1]?.[0] === 'linear') {
        const stops = size.slice(3) as number[];
        const zoom = map.getZoom();
        scale = stops[1];
        for (let i = 0; i + 3 < stops.length; i += 2) {
          const [z0, v0, z1, v1] = stops.slice(i, i + 4);
          if (zoom >= z1) scale = v1;
          else if (zoom > z0) scale = v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
        }
      } else throw new Error(`cannot evaluate icon-size ${JSON.stringify(size)}`);
      return { x: offset[0] * scale, y: offset[1] * scale, color: String(f.properties.color) };
    },
    { placeId, sourceId, key },
  );
}

/**
 * A place's summary ring as the map holds it (drawn below the marks' zoom): each segment's angle (clockwise
 * degrees from twelve o'clock, its `rotate` property) and its status from feature state.
 */
export async function ringSegments(page: Page, placeId: string, key: MapKey = '__frontlineMap') {
  return page.evaluate(
    ({ placeId, key }) => {
      const map = window[key];
      if (!map) throw new Error(`${key} not exposed`);
      const seen = new Map<number, { rotate: number; status: string }>();
      for (const f of map.querySourceFeatures('app-ring')) {
        if (f.properties.placeId !== placeId || typeof f.id !== 'number') continue;
        const state = map.getFeatureState({ source: 'app-ring', id: f.id });
        seen.set(f.id, { rotate: Number(f.properties.rotate), status: String(state.status ?? 'unset') });
      }
      return [...seen].sort(([a], [b]) => a - b).map(([, segment]) => segment);
    },
    { placeId, key },
  );
}

/** The canvas point `cssPx` CSS pixels from `origin` in a direction (degrees clockwise from east, y down). */
export function around(origin: Point, cssPx: number, degrees: number, ratio: number): Point {
  const a = (degrees * Math.PI) / 180;
  return { x: origin.x + Math.cos(a) * cssPx * ratio, y: origin.y + Math.sin(a) * cssPx * ratio };
}

export function offsetBy(origin: Point, dx: number, dy: number, ratio: number): Point {
  return { x: origin.x + dx * ratio, y: origin.y + dy * ratio };
}

function pixel(image: MapImage, x: number, y: number): Rgb {
  const xi = Math.min(image.width - 1, Math.max(0, Math.round(x)));
  const yi = Math.min(image.height - 1, Math.max(0, Math.round(y)));
  const i = (yi * image.width + xi) * 4;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

/** The pixels within `radius` CSS pixels (a square) of a point. */
export function neighbourhood(image: MapImage, at: Point, radius = 1): Rgb[] {
  const r = Math.max(0, Math.round(radius * image.ratio));
  const out: Rgb[] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) out.push(pixel(image, at.x + dx, at.y + dy));
  return out;
}

/** Channel-wise median: robust to a stray antialiased pixel in the neighbourhood. */
export function median(pixels: readonly Rgb[]): Rgb {
  const m = (c: 0 | 1 | 2) => {
    const v = pixels.map((p) => p[c]).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  return [m(0), m(1), m(2)];
}

export function hex(colour: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) throw new Error(`not a #rrggbb colour: ${colour}`);
  return [Number.parseInt(m[1], 16), Number.parseInt(m[2], 16), Number.parseInt(m[3], 16)];
}

/** `top` drawn with `alpha` over `under`. */
export function blend(top: Rgb, under: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((c) => Math.round(top[c] * alpha + under[c] * (1 - alpha))) as unknown as Rgb;
}

/** The largest channel difference. */
export function distance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** Which of the named candidate colours `colour` is nearest to. */
export function nearest(colour: Rgb, candidates: Record<string, Rgb>): string {
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [name, c] of Object.entries(candidates)) {
    const d = distance(colour, c);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

export const css = (c: Rgb) => `rgb(${c.join(',')})`;

/** Hides some layers while `fn` runs (for a reference picture of what lies under them), then shows them again. */
export async function withLayersHidden<T>(
  page: Page,
  layerPrefixes: string[],
  fn: () => Promise<T>,
  key: MapKey = '__frontlineMap',
): Promise<T> {
  const setVisibility = (visibility: 'none' | 'visible') =>
    page.evaluate(
      ({ layerPrefixes, visibility, key }) =>
        new Promise<void>((resolve) => {
          const map = window[key];
          if (!map) throw new Error(`${key} not exposed`);
          for (const id of map.getLayersOrder())
            if (layerPrefixes.some((p) => id.startsWith(p))) map.setLayoutProperty(id, 'visibility', visibility);
          map.once('idle', () => resolve());
          map.triggerRepaint();
        }),
      { layerPrefixes, visibility, key },
    );
  await setVisibility('none');
  try {
    return await fn();
  } finally {
    await setVisibility('visible');
  }
}

/**
 * Gives the map container a fixed size and position, out of the page's layout, so a picture of the map does
 * not change when the panels do. The view (centre and zoom) is kept, with no padding: the overlays the
 * app pads for are not over the fixed map.
 */
export async function fixMapSize(page: Page, width: number, height: number, left = 0, key: MapKey = '__frontlineMap') {
  await page.evaluate(
    ({ width, height, left, key }) =>
      new Promise<void>((resolve) => {
        const map = window[key];
        if (!map) throw new Error(`${key} not exposed`);
        const center = map.getCenter();
        const zoom = map.getZoom();
        const container = map.getContainer();
        for (const [p, v] of Object.entries({
          position: 'fixed',
          left: `${left}px`,
          top: '0px',
          width: `${width}px`,
          height: `${height}px`,
          'z-index': '1000',
        }))
          container.style.setProperty(p, v, 'important');
        map.resize();
        map.jumpTo({ center, zoom, padding: { top: 0, bottom: 0, left: 0, right: 0 } });
        // A place label keeps the anchor it had in the last placement while that still fits (MapLibre's stable
        // placement), so at the new size its side would depend on the sizes the map had before and on timing:
        // one placement without the labels, then a fresh one with them.
        const labels = 'place-labels';
        const setLabels = (visibility: 'none' | 'visible', then: () => void) => {
          if (map.getLayer(labels)) map.setLayoutProperty(labels, 'visibility', visibility);
          map.once('idle', then);
          map.triggerRepaint();
        };
        setLabels('none', () => setLabels('visible', resolve));
      }),
    { width, height, left, key },
  );
}

function encodePng(image: { width: number; height: number; data: Buffer | Uint8Array }): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png);
}

function decodePng(bytes: Buffer): MapImage {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data, ratio: 1 };
}

/** Waits until the map has drawn some area disagreement (any layer whose id says so): it is computed lazily. */
export async function waitForDisagreementDrawn(page: Page, key: MapKey = '__frontlineMap') {
  await page.waitForFunction(
    (key) => {
      const map = window[key];
      if (!map) return false;
      const layers = map.getLayersOrder().filter((id) => id.includes('disagreement'));
      return layers.length > 0 && map.queryRenderedFeatures({ layers }).length > 0;
    },
    key,
    { timeout: 30_000 },
  );
}

/** Moves the map to a view in the URL's form (`zoom/lat/lng`) without reloading, and waits for `idle`. */
export async function jumpToView(page: Page, view: string, key: MapKey = '__frontlineMap') {
  const [zoom, lat, lng] = view.split('/').map(Number);
  await page.evaluate(
    ({ zoom, lat, lng, key }) =>
      new Promise<void>((resolve) => {
        const map = window[key];
        if (!map) throw new Error(`${key} not exposed`);
        map.once('idle', () => resolve());
        // The view's centre at the canvas's centre, as the picture tests measure it: no padding for the overlays
        // (a later padding change keeps the map still, src/map/controller/framing.ts).
        map.jumpTo({ center: [lng, lat], zoom, padding: { top: 0, bottom: 0, left: 0, right: 0 } });
        map.triggerRepaint();
      }),
    { zoom, lat, lng, key },
  );
}

// Golden images of the map canvas, compared with pixelmatch. `UPDATE_GOLDENS=1` (npm run goldens) rewrites them.

const GOLDEN_DIR = 'test/e2e/golden';
/** Golden pictures are taken at this canvas size, the map container taken out of the page's layout. */
export const GOLDEN_SIZE = { width: 800, height: 600 } as const;
/** pixelmatch's per-pixel colour threshold (0–1); antialiased pixels are not counted. */
const GOLDEN_THRESHOLD = 0.1;
/** The largest share of pixels allowed to differ. */
const GOLDEN_MAX_MISMATCH = 0.002;

/**
 * Compares the map canvas with test/e2e/golden/NAME.png, or writes it when UPDATE_GOLDENS=1. On a mismatch
 * the actual picture and a diff (differing pixels in red) go to the test's output folder in test-results.
 */
export async function expectGolden(
  page: Page,
  testInfo: import('@playwright/test').TestInfo,
  name: string,
  key: MapKey = '__frontlineMap',
) {
  const actual = await captureMap(page, key);
  const file = join(GOLDEN_DIR, `${name}.png`);
  if (process.env.UPDATE_GOLDENS === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, encodePng(actual));
    testInfo.annotations.push({ type: 'golden', description: `wrote ${file}` });
    return;
  }
  expect(existsSync(file), `${file} is missing: run \`npm run goldens\``).toBe(true);
  const golden = decodePng(readFileSync(file));
  expect(`${actual.width}×${actual.height}`, `${name}: canvas size`).toBe(`${golden.width}×${golden.height}`);
  const diff = Buffer.alloc(golden.data.length);
  const mismatched = pixelmatch(golden.data, actual.data, diff, golden.width, golden.height, {
    threshold: GOLDEN_THRESHOLD,
  });
  const share = mismatched / (golden.width * golden.height);
  if (share > GOLDEN_MAX_MISMATCH) {
    for (const [suffix, image] of [
      ['actual', actual],
      ['diff', { width: golden.width, height: golden.height, data: diff }],
    ] as const) {
      const path = testInfo.outputPath(`${name}-${suffix}.png`);
      writeFileSync(path, encodePng(image));
      await testInfo.attach(`${name}-${suffix}`, { path, contentType: 'image/png' });
    }
  }
  expect(
    share,
    `${name}: ${mismatched} pixels (${(share * 100).toFixed(2)} %) differ from ${file}; actual and diff in ` +
      `${testInfo.outputDir}. If the change is intended: npm run goldens`,
  ).toBeLessThanOrEqual(GOLDEN_MAX_MISMATCH);
}

// Timelapse (issue 27): frames of a recorded video, decoded by the browser.

/**
 * The video's duration as the browser decodes it, and its pictures at the times asked for (seconds), decoded
 * in a blank page (the app's policy admits no `blob:` media) and handed over as PNG, like `captureMap`'s.
 */
export async function decodeVideo(
  page: Page,
  bytes: Buffer,
  times: readonly number[],
): Promise<{ duration: number; frames: MapImage[] }> {
  const blank = await page.context().newPage();
  try {
    const { duration, pngs } = await blank.evaluate(
      async ({ base64, times }) => {
        const video = document.createElement('video');
        video.muted = true;
        const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'video/webm' });
        video.src = URL.createObjectURL(blob);
        await new Promise((resolve, reject) => {
          video.onloadeddata = resolve;
          video.onerror = () => reject(new Error(`the browser cannot decode the video: ${video.error?.message}`));
        });
        const seek = (time: number) =>
          new Promise<void>((resolve) => {
            video.onseeked = () => resolve();
            video.currentTime = time;
          });
        // A recorded WebM may leave its duration to be found by reading to the end.
        if (!Number.isFinite(video.duration)) await seek(1e6);
        const duration = video.duration;
        const pngs: string[] = [];
        for (const time of times) {
          await seek(time);
          const canvas = document.createElement('canvas');
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          canvas.getContext('2d')?.drawImage(video, 0, 0);
          pngs.push(canvas.toDataURL('image/png').split(',')[1] ?? '');
        }
        return { duration, pngs };
      },
      { base64: bytes.toString('base64'), times },
    );
    const frames = pngs.map((png) => {
      const image = PNG.sync.read(Buffer.from(png, 'base64'));
      return { width: image.width, height: image.height, data: image.data, ratio: 1 };
    });
    return { duration, frames };
  } finally {
    await blank.close();
  }
}

/** How many pixels of `image` are within `tolerance` (largest channel difference) of `colour`. */
export function countNear(image: MapImage, colour: Rgb, tolerance: number): number {
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4)
    if (distance([image.data[i], image.data[i + 1], image.data[i + 2]], colour) <= tolerance) n++;
  return n;
}
