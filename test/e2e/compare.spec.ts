import { expect, test } from '@playwright/test';
import { MapDriver, openTab } from './driver';

const UKRAINIAN = 'ua-general-staff,ua-president,ua-commander-in-chief';

test('compare mode shows two dates side by side, synchronised, and a reload restores it', async ({ page }) => {
  const left = new MapDriver(page);
  await left.open(`?date=2024-08-20&sources=${UKRAINIAN}`);
  await openTab(page, 'changes');
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  const right = new MapDriver(page, '__frontlineMap2');
  await right.waitForIdle();
  await page.locator('input[name="date2"]').fill('2025-03-20');
  await expect(page.locator('.map-caption').last()).toHaveText('Right: 2025-03-20');
  await right.waitForIdle();
  await left.waitForIdle();

  expect(await left.agreementOf('sudzha')).toBe('agree-ukrainian');
  expect(await left.statusBy('sudzha', 'ua-general-staff')).toBeUndefined();
  expect(await right.statusBy('sudzha', 'ua-general-staff')).toBe('russian');
  expect(await right.agreementOf('sudzha')).not.toBe('agree-ukrainian');

  const url = new URL(page.url());
  expect(url.searchParams.get('compare')).toBe('1');
  expect(url.searchParams.get('date')).toBe('2024-08-20');
  expect(url.searchParams.get('date2')).toBe('2025-03-20');
  expect(url.searchParams.get('sources2')?.split(',').sort()).toEqual(UKRAINIAN.split(',').sort());

  // Pan and zoom follow from one side to the other.
  await page.evaluate(() => window.__frontlineMap2?.jumpTo({ center: [35.2, 51.2], zoom: 11 }));
  const leftView = await page.evaluate(() => {
    const m = window.__frontlineMap;
    return m ? { zoom: m.getZoom(), ...m.getCenter() } : null;
  });
  expect(leftView?.zoom).toBeCloseTo(11, 5);
  expect(leftView?.lng).toBeCloseTo(35.2, 5);

  // The right side has its own sources.
  await page.locator('#source2-ua-general-staff').uncheck();
  await right.waitForIdle();
  expect(await right.statusBy('sudzha', 'ua-general-staff')).toBeUndefined();
  await page.locator('#source2-ua-general-staff').check();

  await page.reload();
  await left.waitForIdle();
  await right.waitForIdle();
  expect(await left.agreementOf('sudzha')).toBe('agree-ukrainian');
  expect(await right.statusBy('sudzha', 'ua-general-staff')).toBe('russian');

  // Leaving compare mode keeps the left side's date and sources.
  await page.getByRole('button', { name: 'Leave compare mode' }).click();
  await expect(page.locator('.map-caption')).toHaveCount(0);
  expect(await page.evaluate(() => window.__frontlineMap2 === undefined)).toBe(true);
  await expect(left.currentDate()).toHaveAttribute('data-date', '2024-08-20');
  expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
  await expect(page.locator('#source-ru-mod')).not.toBeChecked();
});
