import { expect, test } from '@playwright/test';
import { MapDriver, openTab } from './driver';

test('a link copied after setting Only disagreements, a Changes range and compare mode restores all of them', async ({
  page,
  context,
}) => {
  // Given the default view
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  // When the user turns on Only disagreements, picks a Changes range and opens compare mode
  await openTab(page, 'places');
  await page.getByRole('checkbox', { name: 'Only disagreements' }).check();
  await openTab(page, 'changes');
  await page.locator('input[name="changes-from"]').fill('2024-08-20');
  await page.getByRole('checkbox', { name: 'Ring changed places on the map' }).uncheck();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await page.locator('input[name="date2"]').fill('2025-03-13');
  await expect(page).toHaveURL(/date2=2025-03-13/);
  const link = page.url();

  // Then the link, opened in a fresh page, restores every one of them
  const fresh = await context.newPage();
  const freshMap = new MapDriver(fresh);
  await freshMap.open(new URL(link).search);
  // The tab open when the link was copied is open again.
  await expect(fresh.locator('#tab-changes')).toHaveAttribute('aria-selected', 'true');
  await expect(fresh.locator('#tabpanel-changes')).toBeVisible();
  await openTab(fresh, 'places');
  await expect(fresh.getByRole('checkbox', { name: 'Only disagreements' })).toBeChecked();
  await openTab(fresh, 'changes');
  await expect(fresh.locator('input[name="changes-from"]')).toHaveValue('2024-08-20');
  await expect(fresh.locator('input[name="changes-to"]')).toHaveValue('2025-02-06');
  await expect(fresh.getByRole('checkbox', { name: 'Ring changed places on the map' })).not.toBeChecked();
  await expect(fresh.getByRole('button', { name: 'Leave compare mode' })).toBeVisible();
  await expect(fresh.locator('input[name="date2"]')).toHaveValue('2025-03-13');
  await expect(fresh.locator('.notices')).toHaveCount(0);
  // and the map draws them: every place but the disputed ones dimmed, no change rings
  const places = await freshMap.renderedPlaces();
  expect(places.some((p) => p.agreement === 'disputed')).toBe(true);
  for (const p of places)
    expect(await freshMap.placeState(p.placeId)).toMatchObject({ dimmed: p.agreement !== 'disputed', changed: false });

  // And in the first page, back steps out of the right map's date, then out of compare mode
  await page.goBack();
  await expect(page.locator('input[name="date2"]')).toHaveValue('2025-02-06');
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Compare side by side' })).toBeVisible();
  await openTab(page, 'places');
  await expect(page.getByRole('checkbox', { name: 'Only disagreements' })).toBeChecked();
});
