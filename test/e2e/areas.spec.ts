import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { clipRegionFromCountries } from '../../src/areas/basemap';
import { importAreaFile } from '../../src/areas/detect';
import { measureSnapshot } from '../../src/areas/measure';
import { hatchedFeatures, visibleAreas } from './archiveMirror';
import { MapDriver, openTab } from './driver';

const FILES = ['test/fixtures/areas-e2e/1738800000.geojson', 'test/fixtures/areas-e2e/1741780000.geojson'];

/** What the core computes for a fixture, in Node: the figure the UI must show. */
function expectedUkrainianKm2(file: string): number {
  const clip = clipRegionFromCountries('countries', readFileSync('public/basemap/countries-detail.geojson', 'utf8'));
  if (!clip.ok) throw new Error('basemap clip');
  const result = importAreaFile(file.split('/').at(-1) ?? file, readFileSync(file, 'utf8'), { clip: clip.value });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return measureSnapshot(result.value).ukrainian;
}

test('imported area maps clip to Russia, follow the slider, and show their km²', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06&view=9.50/51.15000/35.30000');
  await openTab(page, 'data');
  await page.getByLabel('Choose files…').setInputFiles(FILES);
  await expect(page.getByText(/Imported \d+ area polygons? from 1741780000.geojson/)).toBeVisible({ timeout: 30_000 });
  await map.waitForIdle();

  const feb = expectedUkrainianKm2(FILES[0]);
  const mar = expectedUkrainianKm2(FILES[1]);
  // The February rectangle reaches into Ukraine: clipping must have removed that part.
  expect(feb).toBeLessThan(0.95 * 31 * 33.4);
  expect(mar).toBeLessThan(feb);

  const figure = page.locator('.area-figures [data-status="ukrainian"] strong');
  await expect(figure).toHaveText(`${feb.toFixed(1)} km²`);
  expect(await visibleAreas(map)).toEqual(['0:contested', '0:ukrainian']);
  // One source's maps alone: nothing is hatched, and the panel says how to get a pair to compare.
  expect(await hatchedFeatures(page)).toBe(0);
  await expect(page.locator('.areas-panel .area-disagreement')).toContainText(
    'Only DeepState has an area map on this date',
  );
  await expect(page.locator('.areas-panel .area-disagreement')).toContainText('switch sources off or on');

  await page.goto('/?date=2025-03-13&view=9.50/51.15000/35.30000');
  // Area imports are kept in this browser: after navigation they are imported again, and March's is in force.
  await map.waitForIdle();
  await openTab(page, 'data');
  await expect(page.locator('.areas-panel .area-figures [data-status="ukrainian"] strong')).toHaveText(
    `${mar.toFixed(1)} km²`,
    { timeout: 30_000 },
  );
});

test('scrubbing from the February map to the March map shrinks the salient', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-03-11&view=9.50/51.15000/35.30000');
  await openTab(page, 'data');
  await page.getByLabel('Choose files…').setInputFiles(FILES);
  await expect(page.getByText(/Imported \d+ area polygons? from 1741780000.geojson/)).toBeVisible({ timeout: 30_000 });
  await map.waitForIdle();
  expect(await visibleAreas(map)).toEqual(['0:contested', '0:ukrainian']);
  const figure = page.locator('.area-figures [data-status="ukrainian"] strong');
  await expect(figure).toHaveText(`${expectedUkrainianKm2(FILES[0]).toFixed(1)} km²`);

  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-03-12');
  await map.waitForIdle();
  expect(await visibleAreas(map)).toEqual(['1:contested', '1:ukrainian']);
  await expect(figure).toHaveText(`${expectedUkrainianKm2(FILES[1]).toFixed(1)} km²`);
  await expect(page.locator('.area-chart')).toBeVisible();

  // A source switched off takes its areas with it.
  await map.setSource('deepstate', false);
  expect(await visibleAreas(map)).toEqual([]);
});
