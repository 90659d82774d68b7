/**
 * Whether any place's marks (its per-source marks, or its summary ring below the marks' zoom) are drawn over
 * another place's label or marker. Two pictures of the map, each with only some layers showing and every
 * place painted in a colour of its own: one of the labels and markers, one of the marks. A pixel that is
 * place A's in the first and place B's in the second is A buried under B's marks.
 */
import type { Page } from '@playwright/test';
import { PLACE_SYMBOL_SCALE } from '../../src/map/appLayers';
import type { MapKey } from './driver';
import { captureMap, type MapImage } from './pixels';

/** Place `i` is painted in level i % 4 of red, (i / 4) % 4 of green, (i / 16) % 4 of blue: far apart enough to tell. */
const LEVELS = [0, 85, 170, 255];
/** Antialiased edges are part-transparent; only pixels drawn nearly opaque count. */
const MIN_ALPHA = 230;
const TOLERANCE = 20;

function owner(image: MapImage, offset: number, count: number): number | null {
  if (image.data[offset + 3] < MIN_ALPHA) return null;
  const level = (v: number) => {
    const i = LEVELS.findIndex((l) => Math.abs(l - v) <= TOLERANCE);
    return i < 0 ? null : i;
  };
  const [r, g, b] = [0, 1, 2].map((c) => level(image.data[offset + c]));
  if (r === null || g === null || b === null) return null;
  const i = r + 4 * g + 16 * b;
  return i < count ? i : null;
}

/** Shows only one pass's layers (the basemap hidden too), each place in its colour; resolves at idle with the place ids. */
async function paintOnly(page: Page, pass: 'labels' | 'marks', key: MapKey): Promise<string[]> {
  return page.evaluate(
    ({ pass, key, levels, scale }) =>
      new Promise<string[]>((resolve) => {
        const map = window[key];
        if (!map) throw new Error(`${key} not exposed`);
        const ids = [...new Set(map.querySourceFeatures('app-places').map((f) => String(f.properties.placeId)))].sort();
        const colour = (i: number) => `rgb(${levels[i % 4]},${levels[(i >> 2) % 4]},${levels[(i >> 4) % 4]})`;
        const byPlace = ['match', ['get', 'placeId'], ...ids.flatMap((id, i) => [id, colour(i)]), '#000000'];
        if (!map.getLayer('test-marker-boxes')) {
          const image = map.style.getImage('agreement-no-claim');
          if (!image) throw new Error('no marker image');
          // The marker's box as drawn: its image's size, scaled with zoom as the marker layers scale it.
          const radius = image.data.width / image.pixelRatio / 2;
          map.addLayer({
            id: 'test-marker-boxes',
            type: 'circle',
            source: 'app-places',
            paint: {
              'circle-radius': [
                'interpolate',
                ['linear'],
                ['zoom'],
                scale.smallUntil,
                radius * scale.small,
                scale.fullFrom,
                radius,
              ],
              'circle-color': byPlace as never,
            },
          });
        }
        const isMark = (id: string) => id.startsWith('place-mark-') || id === 'place-summary-ring';
        const isLabel = (id: string) => id === 'place-labels' || id === 'test-marker-boxes';
        // The unseen footprints place the labels: they stay, as in the app.
        for (const id of map.getLayersOrder()) {
          const show = id === 'place-footprint' || (pass === 'marks' ? isMark(id) : isLabel(id));
          map.setLayoutProperty(id, 'visibility', show ? 'visible' : 'none');
          if (!show || id === 'place-footprint') continue;
          if (id === 'place-labels') {
            map.setPaintProperty(id, 'text-color', byPlace as never);
            map.setPaintProperty(id, 'text-halo-color', byPlace as never);
          } else if (isMark(id)) {
            map.setPaintProperty(id, 'icon-color', byPlace as never);
            map.setPaintProperty(id, 'icon-halo-color', byPlace as never);
          }
        }
        map.once('idle', () => resolve(ids));
        map.triggerRepaint();
      }),
    { pass, key, levels: LEVELS, scale: PLACE_SYMBOL_SCALE },
  );
}

export interface Burial {
  place: string;
  under: string;
  pixels: number;
}

/**
 * Every place whose label or marker has more than `slack` pixels under another place's marks, as drawn now.
 * It repaints the map's layers; reload the page afterwards.
 */
export async function buriedPlaces(
  page: Page,
  slack = 4,
  key: MapKey = '__frontlineMap',
): Promise<{ burials: Burial[]; seen: string[] }> {
  const ids = await paintOnly(page, 'labels', key);
  if (ids.length > LEVELS.length ** 3) throw new Error(`${ids.length} places are more than the palette holds`);
  const labels = await captureMap(page, key);
  await paintOnly(page, 'marks', key);
  const marks = await captureMap(page, key);
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (let offset = 0; offset < labels.data.length; offset += 4) {
    const below = owner(labels, offset, ids.length);
    if (below === null) continue;
    seen.add(ids[below]);
    const above = owner(marks, offset, ids.length);
    if (above === null || above === below) continue;
    const pair = `${ids[below]}\u0000${ids[above]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  const burials = [...counts]
    .filter(([, n]) => n > slack)
    .map(([pair, pixels]) => {
      const [place, under] = pair.split('\u0000');
      return { place, under, pixels };
    });
  return { burials, seen: [...seen].sort() };
}
