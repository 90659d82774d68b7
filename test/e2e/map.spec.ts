import { expect, test } from '@playwright/test';
import { MapDriver } from './driver';

const THREE_PLACES = ['sudzha', 'ulanok', 'cherkasskaya-konopelka'];

test('the map loads on the offline basemap, shows the three places, and nothing leaves the origin', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const map = new MapDriver(page);
  await map.open();
  const rendered = (await map.renderedPlaces()).map((p) => p.placeId);
  for (const id of THREE_PLACES) expect(rendered).toContain(id);
  const basemapRendered = await page.evaluate(() => {
    const m = window.__frontlineMap;
    return m ? m.queryRenderedFeatures({ layers: ['border', 'detail-fill'] }).length : 0;
  });
  expect(basemapRendered).toBeGreaterThan(0);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');
  expect(map.foreignRequests).toEqual([]);
  expect(errors).toEqual([]);
});

test('Sudzha per the Ukrainian sources differs between 20 August 2024 and 20 March 2025', async ({ page }) => {
  const map = new MapDriver(page);
  const ukrainian = 'ua-general-staff,ua-president,ua-commander-in-chief';
  await map.open(`?date=2024-08-20&sources=${ukrainian}`);
  expect(await map.statusBy('sudzha', 'ua-commander-in-chief')).toBe('ukrainian');
  expect(await map.agreementOf('sudzha')).toBe('agree-ukrainian');

  await map.open(`?date=2025-03-20&sources=${ukrainian}`);
  expect(await map.statusBy('sudzha', 'ua-general-staff')).toBe('russian');
  expect(await map.agreementOf('sudzha')).not.toBe('agree-ukrainian');
});

test('switching a source off changes what a place shows', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-07');
  expect(await map.agreementOf('cherkasskaya-konopelka')).toBe('disputed');
  expect(await map.statusBy('cherkasskaya-konopelka', 'ru-mod')).toBe('russian');

  await page.locator('[data-source-id="ru-mod"] button.solo').click();
  await map.waitForIdle();
  expect(await map.agreementOf('cherkasskaya-konopelka')).toBe('agree-russian');

  await map.setSource('ru-mod', false);
  expect(await map.statusBy('cherkasskaya-konopelka', 'ru-mod')).toBeUndefined();
  expect(await map.agreementOf('cherkasskaya-konopelka')).toBe('no-claim');
});

test('clicking a place opens its timeline with working citation links', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await map.clickPlaceOnMap('ulanok');
  const panel = page.locator('.place-detail[data-place-id="ulanok"]');
  await expect(panel.getByRole('heading', { name: 'Ulanok', exact: true })).toBeFocused();
  const claims = panel.locator('.claim');
  expect(await claims.count()).toBeGreaterThan(3);
  // In date order, with those in force on the current date marked.
  const dates = await claims.locator('time').allTextContents();
  expect(dates).toEqual([...dates].sort());
  await expect(panel.locator('.claim.in-force').first()).toBeVisible();
  const links = panel.locator('.claim a.citation');
  const count = await links.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  }
  // A citation opens in a new tab without navigating the map away (its request is blocked: we are offline).
  await page
    .context()
    .route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, body: 'cited page' }));
  const [popup] = await Promise.all([page.waitForEvent('popup'), links.first().click()]);
  expect(popup.url()).toMatch(/^https?:\/\//);
  expect(page.url()).toContain('place=ulanok');
});

test('a permalink restores date and sources, and back/forward step through changes', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2024-08-20&sources=isw,deepstate&place=sudzha');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2024-08-20');
  await expect(page.locator('#source-isw')).toBeChecked();
  await expect(page.locator('#source-ru-mod')).not.toBeChecked();
  await expect(page.locator('.place-detail[data-place-id="sudzha"]')).toBeVisible();

  await map.setSource('ru-mod', true);
  expect(new URL(page.url()).searchParams.get('sources')?.split(',').sort()).toEqual(['deepstate', 'isw', 'ru-mod']);
  await page.goBack();
  await expect(page.locator('#source-ru-mod')).not.toBeChecked();
  await page.goForward();
  await expect(page.locator('#source-ru-mod')).toBeChecked();
});

test('a malformed link is ignored with a visible notice', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-31&sources=isw,nobody&place=ulanok');
  await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toContainText('date "2025-02-31"');
  await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toContainText('unknown source "nobody"');
  await expect(page.locator('.place-detail[data-place-id="ulanok"]')).toBeVisible();
});

test('the date slider moves by day with arrows and by claim with Shift+arrows', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-07');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-05');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-06');
  await page.keyboard.press('Shift+ArrowLeft');
  const previous = await map.currentDate().getAttribute('data-date');
  expect(previous !== null && previous < '2025-02-06').toBe(true);
});
