import { expect, type Page, test } from '@playwright/test';
import { MapDriver, openTab } from './driver';
import { tinyPmtiles } from './pmtiles';

/** A small valid style served by the test: a background and one GeoJSON box over the Kursk box, with a credit. */
function standInStyle(
  sourceId: string,
  attribution: string,
  [backgroundId, background]: [string, string],
  [fillId, fill]: [string, string],
): string {
  const box = [
    [34, 50],
    [37, 50],
    [37, 52],
    [34, 52],
    [34, 50],
  ];
  return JSON.stringify({
    version: 8,
    sources: {
      [sourceId]: {
        type: 'geojson',
        attribution,
        data: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [box] } },
      },
    },
    layers: [
      { id: backgroundId, type: 'background', paint: { 'background-color': background } },
      { id: fillId, type: 'fill', source: sourceId, paint: { 'fill-color': fill } },
    ],
  });
}

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
  await openTab(page, 'data');
  await useStyleUrl(page, new URL('/nope.json', page.url()).href);
  await expectFallback(page, map);
  expect(await map.agreementOf('ulanok')).toBeDefined();
});

test('a style URL that is not JSON falls back too, and a working style keeps the border and places on top', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await openTab(page, 'data');
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
      body: standInStyle('land', 'Test basemap ©', ['bg', '#ddeeff'], ['land', '#f4f1e8']),
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
  await openTab(page, 'data');
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

/** CSP violations the page reports, collected from the start. */
async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

const renderedCount = (page: Page, layer: string) =>
  page.evaluate((layer) => window.__frontlineMap?.queryRenderedFeatures({ layers: [layer] }).length ?? 0, layer);

test('with nothing chosen, the built-in basemap draws the rivers and no request leaves the origin', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06&view=9/51.15/35.3');
  await openTab(page, 'data');
  expect(await renderedCount(page, 'rivers')).toBeGreaterThan(0);
  const names = await page.evaluate(() =>
    [
      ...new Set(window.__frontlineMap?.queryRenderedFeatures({ layers: ['rivers'] }).map((f) => f.properties.name)),
    ].sort(),
  );
  expect(names).toContain('Psel');
  const order = await page.evaluate(() => window.__frontlineMap?.getLayersOrder() ?? []);
  expect(order.indexOf('rivers')).toBeLessThan(order.indexOf('border'));
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
  await expect(page.locator('.basemap-presets')).toContainText('Contacts tiles.openfreemap.org');
  await expect(page.locator('.basemap-presets')).toContainText('Contacts tiles.maps.eox.at');
  expect(map.foreignRequests).toEqual([]);
});

test('the OpenStreetMap preset requests its style, keeps the app on top, and is remembered', async ({ page }) => {
  const violations = await recordCspViolations(page);
  const styleRequests: string[] = [];
  // A stand-in for OpenFreeMap: a small valid style (a background and a GeoJSON source), never the real server.
  await page.route('https://tiles.openfreemap.org/**', (route) => {
    styleRequests.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: standInStyle(
        'openmaptiles',
        'OpenFreeMap stand-in © OpenMapTiles Data from OpenStreetMap',
        ['background', '#f8f4f0'],
        ['landcover', '#e8eedd'],
      ),
    });
  });
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await openTab(page, 'data');
  expect(styleRequests).toEqual([]);
  await page.getByRole('button', { name: 'OpenStreetMap (OpenFreeMap)' }).click();
  await expect(page.locator('.basemap-current')).toHaveText('OpenStreetMap (OpenFreeMap), from tiles.openfreemap.org');
  await map.waitForIdle();
  expect(styleRequests).toEqual(['https://tiles.openfreemap.org/styles/liberty']);
  expect(await renderedCount(page, 'place-labels')).toBeGreaterThan(0);
  expect(await renderedCount(page, 'landcover')).toBeGreaterThan(0);
  const order = await page.evaluate(() => window.__frontlineMap?.getLayersOrder() ?? []);
  expect(order.indexOf('border')).toBeGreaterThan(order.indexOf('landcover'));
  expect(order.indexOf('place-labels')).toBeGreaterThan(order.indexOf('border'));
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenFreeMap stand-in');
  expect(await map.agreementOf('ulanok')).toBe('disputed');
  await expect(page.getByRole('button', { name: 'OpenStreetMap (OpenFreeMap)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.reload();
  await map.waitForIdle();
  await expect(page.locator('.basemap-current')).toContainText('OpenFreeMap');
  expect(await page.evaluate(() => window.__frontlineMap?.getLayer('landcover') !== undefined)).toBe(true);
  expect(await violations()).toEqual([]);
  // Only the chosen server was contacted.
  expect(new Set(map.foreignRequests.map((u) => new URL(u).host))).toEqual(new Set(['tiles.openfreemap.org']));

  await page.getByRole('button', { name: 'Use the built-in basemap' }).click();
  await map.waitForIdle();
  expect(await renderedCount(page, 'rivers')).toBeGreaterThan(0);
});

// A 1×1 green PNG.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgaPgPAAIDAYDH8cz+AAAAAElFTkSuQmCC',
  'base64',
);

test('the satellite preset draws EOxCloudless tiles under the border and the places, credited', async ({ page }) => {
  const violations = await recordCspViolations(page);
  const tiles: string[] = [];
  await page.route('https://tiles.maps.eox.at/**', (route) => {
    tiles.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'image/png',
      headers: { 'access-control-allow-origin': '*' },
      body: TILE,
    });
  });
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await openTab(page, 'data');
  await page.getByRole('button', { name: /^Satellite \(EOxCloudless/ }).click();
  await map.waitForIdle();
  expect(tiles.length).toBeGreaterThan(0);
  expect(tiles[0]).toMatch(
    /^https:\/\/tiles\.maps\.eox\.at\/wmts\/1\.0\.0\/s2cloudless-2024_3857\/default\/g\/\d+\/\d+\/\d+\.jpg$/,
  );
  const order = await page.evaluate(() => window.__frontlineMap?.getLayersOrder() ?? []);
  expect(order.indexOf('border')).toBeGreaterThan(order.indexOf('satellite'));
  expect(order.indexOf('place-labels')).toBeGreaterThan(order.indexOf('border'));
  expect(await renderedCount(page, 'place-labels')).toBeGreaterThan(0);
  expect(await renderedCount(page, 'border')).toBeGreaterThan(0);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('EOxCloudless 2024');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Contains modified Copernicus Sentinel data');
  await expect(page.locator('.basemap-notice[role="alert"]')).toHaveCount(0);
  expect(await violations()).toEqual([]);
  expect(new Set(map.foreignRequests.map((u) => new URL(u).host))).toEqual(new Set(['tiles.maps.eox.at']));
});
