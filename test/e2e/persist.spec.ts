import { expect, test } from '@playwright/test';
import { drawnAreaFeatures } from './archiveMirror';
import { MapDriver, openTab } from './driver';

const CLAIMS = 'test/fixtures/imports/good-claims.geojson';
const AREA = 'test/fixtures/areas-e2e/1738800000.geojson';

/** How many area polygons the map draws. */
const drawnAreas = (map: MapDriver) => drawnAreaFeatures(map.page);

test('a claims file and an area map imported on one visit are there after a reload, and can be removed', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-12&sources=isw,deepstate');
  await openTab(page, 'data');
  expect(await map.statusBy('ulanok', 'isw')).toBe('contested');
  await page.getByLabel('Choose files…').setInputFiles([CLAIMS, AREA]);
  await expect(page.getByText('Imported 2 claims from good-claims.geojson.')).toBeVisible();
  await expect(page.getByText(/Imported \d+ area polygons? from 1738800000\.geojson/)).toBeVisible({ timeout: 30_000 });
  await map.waitForIdle();
  expect(await drawnAreas(map)).toBeGreaterThan(0);

  await page.reload();
  await map.waitForIdle();
  const files = page.getByRole('list', { name: 'Imported files' });
  await expect(files).toContainText('good-claims.geojson: 2 claims');
  await expect(files).toContainText(/1738800000\.geojson: area map, \d+ polygons?/, { timeout: 30_000 });
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'isw')).toBe('ukrainian');
  expect(await drawnAreas(map)).toBeGreaterThan(0);
  await expect(page.locator('.import-panel [role="alert"]')).toHaveCount(0);

  // One by one: the area map goes, the claims stay, after a reload too.
  await page.getByRole('button', { name: 'Remove imported file 1738800000.geojson' }).click();
  await map.waitForIdle();
  expect(await drawnAreas(map)).toBe(0);
  await page.reload();
  await map.waitForIdle();
  await expect(files).toContainText('good-claims.geojson');
  await expect(files).not.toContainText('1738800000.geojson');

  // All at once, after a confirmation.
  await page.getByRole('button', { name: 'Remove all…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(files).toContainText('good-claims.geojson');
  await page.getByRole('button', { name: 'Remove all…' }).click();
  await page.getByRole('button', { name: 'Yes, remove all' }).click();
  await expect(files).toHaveCount(0);
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'isw')).toBe('contested');
  await page.reload();
  await map.waitForIdle();
  await expect(files).toHaveCount(0);
  expect(await map.statusBy('ulanok', 'isw')).toBe('contested');
  expect(map.foreignRequests).toEqual([]);
});

test('claims stored in localStorage by an earlier version are moved to IndexedDB and the old key deleted', async ({
  page,
}) => {
  const text = (await import('node:fs')).readFileSync(CLAIMS, 'utf8');
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const record = { id: 'old-1', fileName: 'good-claims.geojson', importedAt: '2025-01-01T00:00:00Z', text };
    localStorage.setItem('frontline-claims:imports:v1', JSON.stringify([record]));
  }, text);
  const map = new MapDriver(page);
  await map.open('?date=2025-02-12&sources=isw');
  await openTab(page, 'data');
  expect(await map.statusBy('ulanok', 'isw')).toBe('ukrainian');
  expect(await page.evaluate(() => localStorage.getItem('frontline-claims:imports:v1'))).toBeNull();
  await page.reload();
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'isw')).toBe('ukrainian');
});

test('a full disk: the import applies for this visit, with a notice that it will not survive a reload', async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const map = new MapDriver(page);
  await map.open('?date=2025-02-12&sources=isw');
  await openTab(page, 'data');
  await page.getByLabel('Choose files…').setInputFiles(CLAIMS);
  await expect(
    page.getByRole('alert').filter({ hasText: 'good-claims.geojson is imported for this visit only' }),
  ).toContainText('full');
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'isw')).toBe('ukrainian');
});

test('a damaged stored record is named and skipped; the app starts', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const open = indexedDB.open('frontline-claims');
    open.onupgradeneeded = () => open.result.createObjectStore('imports');
    open.onsuccess = () => {
      const tx = open.result.transaction('imports', 'readwrite');
      tx.objectStore('imports').put({ id: 'x', fileName: 'broken.geojson' }, 'x');
      tx.oncomplete = () => open.result.close();
    };
  });
  await page.goto('/');
  // The seeding above races the app's first read; a reload reads what it wrote.
  await page.reload();
  const map = new MapDriver(page);
  await map.waitForIdle();
  // The notice is in the Data tab; the tab says so while another one is open.
  await expect(page.locator('#tab-data')).toHaveAccessibleName('Data (has a notice)');
  await openTab(page, 'data');
  await expect(page.locator('#tab-data')).toHaveAccessibleName('Data');
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'broken.geojson, stored on an earlier visit, could not be read' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Remove it' }).click();
  await expect(alert).toHaveCount(0);
  await page.reload();
  await map.waitForIdle();
  await expect(page.getByText('broken.geojson')).toHaveCount(0);
});
