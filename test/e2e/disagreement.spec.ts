import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { MapDriver } from './driver';

/** An ISW area map in the app's own schema: one Ukrainian-held box over part of the salient. */
const iswMap = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [35.05, 51.1],
            [35.3, 51.1],
            [35.3, 51.3],
            [35.05, 51.3],
            [35.05, 51.1],
          ],
        ],
      },
      properties: { id: 'isw-box', sourceId: 'isw', layer: 'test', status: 'ukrainian', statedDate: '2025-02-06' },
    },
  ],
});

test('two area sources in force: their disagreement is hatched, and set only when the pair changes', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-07&view=9.50/51.15000/35.30000');
  await page.getByLabel('Choose files…').setInputFiles([
    {
      name: '1738800000.geojson',
      mimeType: 'application/geo+json',
      buffer: readFileSync('test/fixtures/areas-e2e/1738800000.geojson'),
    },
    { name: 'isw-test.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(iswMap) },
  ]);
  await expect(page.getByText(/Imported \d+ area polygons? from isw-test.geojson/)).toBeVisible({ timeout: 30_000 });
  await map.waitForIdle();
  const hatched = () =>
    page.evaluate(() => window.__frontlineMap?.queryRenderedFeatures({ layers: ['area-disagreement-fill'] }).length);
  expect(await hatched()).toBeGreaterThan(0);

  // Count setData calls on the disagreement source while scrubbing within the same pair of snapshots.
  await page.evaluate(() => {
    const source = window.__frontlineMap?.getSource('app-area-disagreement') as unknown as {
      setData: (d: unknown) => unknown;
    };
    const original = source.setData.bind(source);
    (window as unknown as { __setDataCalls: number }).__setDataCalls = 0;
    source.setData = (d: unknown) => {
      (window as unknown as { __setDataCalls: number }).__setDataCalls++;
      return original(d);
    };
  });
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-10');
  await map.waitForIdle();
  expect(await page.evaluate(() => (window as unknown as { __setDataCalls: number }).__setDataCalls)).toBe(0);

  // The Changes panel measures each area map's gain and loss over a chosen range.
  await page.locator('input[name="changes-from"]').fill('2025-02-01');
  await page.locator('input[name="changes-to"]').fill('2025-02-10');
  const isw = page.locator('.area-changes li[data-source-id="isw"]');
  await expect(isw).toContainText('first map: 2025-02-06');
  await expect(isw.locator('[data-lost]')).toHaveText('−0.0 km²');
  await expect(isw.locator('[data-gained]')).not.toHaveText('+0.0 km²');

  // Switching one of the two sources off leaves nothing to compare: the layer is emptied once.
  await map.setSource('isw', false);
  expect(await hatched()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __setDataCalls: number }).__setDataCalls)).toBe(1);
});
