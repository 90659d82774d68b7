import { expect, type Page, test } from '@playwright/test';
import { MapDriver } from './driver';
import { tinyPmtiles } from './pmtiles';

async function useStyleUrl(page: Page, url: string) {
  await page.locator('input[name="style-url"]').fill(url);
  await page.getByRole('button', { name: 'Use style' }).click();
}

async function expectFallback(page: Page, map: MapDriver) {
  await expect(page.locator('.basemap-notice[role="alert"]')).toContainText('showing the built-in basemap instead');
  await map.waitForIdle();
  // The built-in basemap is back, with the accurate border, the places and the attribution.
  const border = await page.evaluate(
    () => window.__frontlineMap?.queryRenderedFeatures({ layers: ['border'] }).length ?? 0,
  );
  expect(border).toBeGreaterThan(0);
  const rendered = (await map.renderedPlaces()).map((p) => p.placeId);
  expect(rendered).toContain('sudzha');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap');
  await expect(page.locator('.basemap-current')).toHaveText('Built-in offline basemap');
}

test('a style URL that 404s falls back to the built-in basemap with a notice, and places still render', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await useStyleUrl(page, new URL('/nope.json', page.url()).href);
  await expectFallback(page, map);
  expect(await map.agreementOf('ulanok')).toBeDefined();
});

test('a style URL that is not JSON falls back too, and a working style keeps the border and places on top', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await page.route('**/broken-style.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{ not json' }),
  );
  await useStyleUrl(page, new URL('/broken-style.json', page.url()).href);
  await expectFallback(page, map);

  // A valid style (served here by the test) with its own attribution: the border and the app's layers are added on top.
  await page.route('**/plain-style.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        version: 8,
        sources: {
          land: {
            type: 'geojson',
            attribution: 'Test basemap ©',
            data: {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [34, 50],
                    [37, 50],
                    [37, 52],
                    [34, 52],
                    [34, 50],
                  ],
                ],
              },
            },
          },
        },
        layers: [
          { id: 'bg', type: 'background', paint: { 'background-color': '#ddeeff' } },
          { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1e8' } },
        ],
      }),
    }),
  );
  await useStyleUrl(page, new URL('/plain-style.json', page.url()).href);
  await expect(page.locator('.basemap-current')).toContainText('plain-style.json');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Test basemap');
  await map.waitForIdle();
  const order = await page.evaluate(() => window.__frontlineMap?.getLayersOrder() ?? []);
  expect(order[0]).toBe('bg');
  expect(order.indexOf('border')).toBeGreaterThan(order.indexOf('land'));
  expect(order.indexOf('place-labels')).toBeGreaterThan(order.indexOf('border'));
  expect((await map.renderedPlaces()).map((p) => p.placeId)).toContain('sudzha');
  expect(await map.agreementOf('ulanok')).toBe('disputed');

  // The choice is remembered.
  await page.reload();
  await map.waitForIdle();
  await expect(page.locator('.basemap-current')).toContainText('plain-style.json');
  expect(await page.evaluate(() => window.__frontlineMap?.getLayer('land') !== undefined)).toBe(true);
});

test('a local .pmtiles file becomes the basemap, read in place, with the border and places on top', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await page
    .locator('input[name="pmtiles-file"]')
    .setInputFiles({ name: 'tiny.pmtiles', mimeType: 'application/octet-stream', buffer: tinyPmtiles() });
  await expect(page.locator('.basemap-current')).toHaveText('PMTiles file: tiny.pmtiles');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Protomaps');
  await map.waitForIdle();
  const drawn = await page.evaluate(() => {
    const m = window.__frontlineMap;
    if (!m) throw new Error('map not exposed');
    return {
      earth: m.queryRenderedFeatures({ layers: ['earth'] }).length,
      border: m.queryRenderedFeatures({ layers: ['border'] }).length,
      order: m.getLayersOrder(),
    };
  });
  expect(drawn.earth).toBeGreaterThan(0);
  expect(drawn.border).toBeGreaterThan(0);
  expect(drawn.order.indexOf('place-labels')).toBeGreaterThan(drawn.order.indexOf('border'));
  expect(await map.agreementOf('ulanok')).toBe('disputed');
  await expect(page.locator('.basemap-notice[role="alert"]')).toHaveCount(0);
  expect(map.foreignRequests).toEqual([]);
});
