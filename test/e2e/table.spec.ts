import { expect, test } from '@playwright/test';
import { MapDriver } from './driver';

test('the claims table sorts, filters and jumps the map and the slider to a row; its state is in the link', async ({
  page,
}) => {
  // Given the claims table open on the default view
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06&table=1');
  const table = page.locator('.claims-table');
  await expect(table).toBeVisible();
  const dates = () => table.locator('tbody tr[data-claim-id] td:first-child').allInnerTexts();

  // Sorted by date, ascending
  const ascending = await dates();
  expect(ascending.length).toBeGreaterThan(10);
  expect([...ascending].sort()).toEqual(ascending);
  // When the user sorts by date again: descending
  await table.getByRole('button', { name: /^Date/ }).click();
  const descending = await dates();
  expect([...descending].sort().reverse()).toEqual(descending);
  await expect(table.locator('th').first()).toHaveAttribute('aria-sort', 'descending');

  // When the user filters by place and status
  await table.locator('select[name="claims-place"]').selectOption('sudzha');
  await table.locator('select[name="claims-status"]').selectOption('russian');
  const rows = table.locator('tbody tr[data-claim-id]');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain('Sudzha');
    expect(text).toContain('Russian control');
  }
  // and by text
  await table.locator('input[name="claims-text"]').fill('Sever');
  await expect(rows).toHaveCount(1);
  await expect(table.getByRole('status')).toContainText('1 of');

  // When the user opens the row
  await rows.first().getByRole('button').click();
  // Then the slider moves to its date and the place opens
  await expect(page.locator('output.current-date')).toHaveAttribute('data-date', '2025-03-13');
  await expect(page.locator('.place-detail')).toHaveAttribute('data-place-id', 'sudzha');
  await expect(page).toHaveURL(/table=1/);
});
