import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { MapDriver, openTab } from './driver';

const fixture = (name: string) => `test/fixtures/imports/${name}`;

test('importing a good file changes the map, survives a reload, and can be removed', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-12&sources=isw');
  await openTab(page, 'data');
  expect(await map.statusBy('ulanok', 'isw')).toBe('contested');

  await page.getByLabel('Choose files…').setInputFiles(fixture('good-claims.geojson'));
  await expect(page.getByText('Imported 2 claims from good-claims.geojson.')).toBeVisible();
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'isw')).toBe('ukrainian');

  // Imported claim text is shown as text, never run as HTML.
  await openTab(page, 'places');
  await page.getByRole('button', { name: /^Cherkasskaya Konopelka/ }).click();
  await expect(page.locator('.claim-summary').filter({ hasText: "<script>alert('x')</script>" })).toBeVisible();
  expect(await page.locator('.place-detail script').count()).toBe(0);

  await page.reload();
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'isw')).toBe('ukrainian');
  await openTab(page, 'data');
  await page.getByRole('button', { name: 'Remove imported file good-claims.geojson' }).click();
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'isw')).toBe('contested');
});

test('a bad file shows every error and leaves the map as it was', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-12');
  const before = await map.renderedPlaces();
  const marksBefore = await map.renderedMarks('ulanok');

  // Dropped on the page, like a user dragging it from the desktop.
  const text = readFileSync(fixture('bad-claims.geojson'), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'bad-claims.geojson', { type: 'application/geo+json' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });

  const alert = page.getByRole('alert').filter({ hasText: 'Nothing imported from bad-claims.geojson' });
  await expect(alert).toContainText('2 errors');
  await expect(alert).toContainText('feature 1 › properties.statedDate');
  await expect(alert).toContainText('feature 1 › properties.evidence.url');
  await map.waitForIdle();
  expect(await map.renderedPlaces()).toEqual(before);
  expect(await map.renderedMarks('ulanok')).toEqual(marksBefore);
  await expect(page.getByRole('list', { name: 'Imported files' })).toHaveCount(0);
});

test('exports the claims in view as GeoJSON and CSV with citations', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06&sources=ru-mod');
  await openTab(page, 'data');
  const panel = page.locator('.export-panel');

  const [geojson] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'GeoJSON' }).click(),
  ]);
  expect(geojson.suggestedFilename()).toBe('frontline-claims-until-2025-02-06.geojson');
  const collection = JSON.parse(readFileSync(await geojson.path(), 'utf8'));
  expect(collection.type).toBe('FeatureCollection');
  expect(collection.features.length).toBeGreaterThan(0);
  for (const f of collection.features) {
    expect(f.properties.sourceId).toBe('ru-mod');
    expect(f.properties.statedDate <= '2025-02-06').toBe(true);
    expect(f.properties.evidence.url).toMatch(/^https?:\/\//);
  }

  await panel.getByLabel('all dates').check();
  const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('frontline-claims-all-dates.csv');
  const lines = readFileSync(await csv.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toContain('citation_url');
  expect(lines.length - 1).toBeGreaterThan(collection.features.length);
  expect(lines.slice(1).every((l) => l.includes(',ru-mod,'))).toBe(true);
});

test('finds Cherkasskaya Konopelka by its Cyrillic name and flies to it', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?view=8.00/51.50000/36.00000');
  await openTab(page, 'places');
  const search = page.getByRole('combobox', { name: 'Find a place' });
  await search.fill('Черкасская');
  await expect(page.getByRole('option', { name: /Cherkasskaya Konopelka/ })).toBeVisible();
  await search.press('Enter');
  await expect(page.locator('.place-detail[data-place-id="cherkasskaya-konopelka"]')).toBeVisible();
  await map.waitForIdle();
  const center = await page.evaluate(() => window.__frontlineMap?.getCenter().toArray());
  expect(center?.[0]).toBeCloseTo(35.327, 2);
  expect(center?.[1]).toBeCloseTo(51.151, 2);
  expect((await map.renderedPlaces()).map((p) => p.placeId)).toContain('cherkasskaya-konopelka');
});
