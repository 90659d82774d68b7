/**
 * What the specs of the online DeepState front line share: a local stand-in for the archive (`page.route`
 * answers for raw.githubusercontent.com with the fixtures in test/fixtures/deepstate-archive, synthetic
 * DeepState-format files named by real snapshot times, so nothing reaches the internet), the panel's parts,
 * and what the map draws of the areas.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import type { MapDriver } from './driver';

const ARCHIVE =
  'https://raw.githubusercontent.com/DanielRose2310/deepstatemaps-history/df633a1700680411949934a4345f1af263327377/geojsons/';
export const FIXTURES = 'test/fixtures/deepstate-archive/geojsons/';
export const VIEW = 'view=9.50/51.15000/35.30000';
export const SWITCH = 'DeepState front line (online)';

/** Snapshot times of the archive (src/areas/deepstateSnapshotTimes.ts) the specs use. */
export const T = {
  aug13: 1723548365,
  aug14: 1723661653,
  aug15: 1723752578,
  aug16: 1723839267,
  sep3: 1725394431,
  sep4: 1725481410,
  sep5: 1725566785,
  sep6: 1725654859,
  sep7: 1725740856,
  sep8: 1725828293,
  sep9: 1725915056,
};

type Answer = (route: Route) => Promise<void> | void;

/**
 * The stand-in: serves a fixture for each `<time>.geojson` that has one (404 otherwise), unless `answers`
 * says otherwise for that time. Returns the times asked for, in order.
 */
export async function standIn(page: Page, answers: Record<number, Answer> = {}): Promise<number[]> {
  const asked: number[] = [];
  await page.route('https://raw.githubusercontent.com/**', async (route) => {
    const url = route.request().url();
    const m = /\/geojsons\/(\d+)\.geojson$/.exec(url);
    if (!url.startsWith(ARCHIVE) || !m) return route.fulfill({ status: 404, body: 'not the archive path' });
    const time = Number(m[1]);
    asked.push(time);
    const answer = answers[time];
    if (answer) return answer(route);
    const file = `${FIXTURES}${time}.geojson`;
    if (!existsSync(file))
      return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: '404: Not Found' });
    return route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*', 'content-type': 'text/plain; charset=utf-8' },
      body: readFileSync(file, 'utf8'),
    });
  });
  return asked;
}

export const ok = (body: string) => (route: Route) =>
  route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, body });

/**
 * Snapshot:status of every drawn area polygon. The map also holds each track's neighbouring snapshots,
 * hidden: each snapshot has a slot of fill layers, drawn only while its opacity is above 0.
 */
export async function visibleAreas(map: MapDriver): Promise<string[]> {
  await map.waitForIdle();
  return map.page.evaluate(() => {
    const m = window.__frontlineMap;
    if (!m) throw new Error('map not exposed');
    const drawn = m
      .getLayersOrder()
      .filter((id) => id.startsWith('area-fill-') && Number(m.getPaintProperty(id, 'fill-opacity')) > 0);
    if (!drawn.length) return [];
    const ids = new Set<string>();
    for (const f of m.queryRenderedFeatures({ layers: drawn }))
      ids.add(`${f.properties.snapshot}:${f.properties.status}`);
    return [...ids].sort();
  });
}

/** How many area polygons the map draws (in the slots shown: fill opacity above 0). */
export function drawnAreaFeatures(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = window.__frontlineMap;
    if (!m) return 0;
    const drawn = m
      .getLayersOrder()
      .filter((id) => id.startsWith('area-fill-') && Number(m.getPaintProperty(id, 'fill-opacity')) > 0);
    return drawn.length ? m.queryRenderedFeatures({ layers: drawn }).length : 0;
  });
}

/**
 * How many hatched features the map draws. The map holds the hatching of the pairs within reach, each in a
 * slot of layers drawn only while their opacity is above 0 (src/map/areaDisagreement.ts).
 */
export function hatchedFeatures(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = window.__frontlineMap;
    if (!m) throw new Error('map not exposed');
    const drawn = m
      .getLayersOrder()
      .filter((id) => id.startsWith('area-disagreement-fill-') && Number(m.getPaintProperty(id, 'fill-opacity')) > 0);
    return drawn.length ? m.queryRenderedFeatures({ layers: drawn }).length : 0;
  });
}

export const panel = (page: Page) => page.locator('.deepstate-archive-panel');
export const status = (page: Page) => panel(page).locator('.archive-status');
export const notice = (page: Page) => panel(page).getByRole('alert');

export async function stepDays(page: Page, days: number) {
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  for (let i = 0; i < Math.abs(days); i++) await page.keyboard.press(days > 0 ? 'ArrowRight' : 'ArrowLeft');
}
