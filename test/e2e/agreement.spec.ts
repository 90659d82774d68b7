/**
 * The two area maps' agreement over time (Data tab, Areas panel): with DeepState's maps of 6 February and
 * 12 March 2025 and ISW's of 7 February (test/fixtures/areas-e2e: rectangles), two pairs are compared. The
 * chart fills once the area timeline's worker has measured both, reads the figures worked out by hand, moves
 * the slider on a click or a key, and the map then hatches that day's disagreement.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { area } from '@turf/turf';
import { DISAGREEMENT_COLOR } from '../../src/map/areaDisagreement';
import { box } from '../fixtures/areas/load';
import { hatchedFeatures } from './archiveMirror';
import { AgreementDriver, MapDriver, openTab } from './driver';

const FILES = [
  'test/fixtures/areas-e2e/1738800000.geojson',
  'test/fixtures/areas-e2e/1741780000.geojson',
  'test/fixtures/areas-e2e/2025-02-07.geojson',
];
const km2 = (west: number, south: number, east: number, north: number) => area(box(west, south, east, north)) / 1e6;

// From 7 February: DeepState's Liberated box (35.05–35.5 E) and grey zone (35.5–35.6 E) under ISW's first
// advance (35.35–35.55 E, 51.15–51.25 N): opposed 35.35–35.5, contested 35.5–35.55. DeepState marks no ground
// Russian-held and ISW's advances are, so the overlap is 0 of the union: IoU 0.
const FIRST_KM2 = km2(35.35, 51.15, 35.5, 51.25) + km2(35.5, 51.15, 35.55, 51.25);
// From 12 March: DeepState's boxes (35.1–35.32 E) no longer reach ISW's (from 35.35 E): no disagreement, IoU 0.

async function hatched(map: MapDriver): Promise<number> {
  await map.waitForIdle();
  return hatchedFeatures(map.page);
}

/** Given the app on `search` with the three fixture maps imported, the chart filled with its two pairs. */
async function withFixtures(page: Page, search: string) {
  const map = new MapDriver(page);
  const agreement = new AgreementDriver(page);
  await map.open(search);
  await openTab(page, 'data');
  await page.getByLabel('Choose files…').setInputFiles(FILES);
  await agreement.waitFilled(2);
  return { map, agreement };
}

test('the agreement chart fills, reads the pairs’ figures, and a click or a key moves the slider', async ({ page }) => {
  const { map, agreement } = await withFixtures(page, '?date=2025-02-07&view=9.60/51.20000/35.45000');

  // The table of pairs gives the figures worked out by hand.
  expect(await agreement.pairRows()).toEqual([
    { from: '2025-02-07', km2: FIRST_KM2.toFixed(1), iou: '0.000' },
    { from: '2025-03-12', km2: '0.0', iou: '0.000' },
  ]);
  // The chart drew the disagreement in the hatching's colour.
  expect(await agreement.pixelsOfColour(DISAGREEMENT_COLOR.opposed)).toBeGreaterThan(50);
  const days = Number(await agreement.chart().getAttribute('data-days'));
  expect(days).toBeGreaterThan(34); // 7 February to at least 12 March

  // A click on a day of the first pair moves the slider there; the map hatches that day's disagreement.
  await agreement.clickAt(20 / (days - 1)); // 20 days after 7 February
  await expect(map.currentDate()).toHaveAttribute('data-date', /2025-02-2[6-8]/);
  expect(await hatched(map)).toBeGreaterThan(0);
  await expect(agreement.chart()).toHaveAttribute('aria-valuetext', /disagreement \d+\.\d km², overlap 0\.00/);

  // The keys along the chart: End goes to its last day (the second pair: nothing hatched), Home to its first.
  await agreement.chart().focus();
  await page.keyboard.press('End');
  await expect(map.currentDate()).not.toHaveAttribute('data-date', /2025-02/);
  expect(await hatched(map)).toBe(0);
  await page.keyboard.press('Home');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-07');
  await page.keyboard.press('ArrowRight');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-08');
  expect(await hatched(map)).toBeGreaterThan(0);

  // A row of the table moves the slider to its pair's first day.
  await agreement.section().getByRole('button', { name: 'Show 12 Mar 2025 on the map' }).click();
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-03-12');

  // axe finds nothing serious in the section, table open.
  const results = await new AxeBuilder({ page }).include('.maps-agreement').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('the CSV export has a row per day with the pair’s figures', async ({ page }) => {
  const { agreement } = await withFixtures(page, '?date=2025-02-07');
  const download = page.waitForEvent('download');
  await agreement.section().getByRole('button', { name: 'Download the days (CSV)' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\r\n');
  expect(lines[0]).toMatch(/^date,first_source,first_map,second_source,second_map,opposed_km2/);
  const first = lines[1].split(',');
  expect(first[0]).toBe('2025-02-07');
  expect(Number(first[7])).toBeCloseTo(FIRST_KM2, 1);
  expect(first[11]).toBe('0.0000');
  expect(lines.find((l) => l.startsWith('2025-03-12,'))?.split(',')[7]).toBe('0.000');
  expect(lines.length - 1).toBe(Number(await agreement.chart().getAttribute('data-days')));
});
