import { expect, test } from '@playwright/test';
import { MapDriver, openTab } from './driver';

test('the changes between 5 February and 15 March 2025 list Sudzha per source, and ring it on the map', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-03-15');
  await openTab(page, 'changes');
  const panel = page.locator('.changes-panel');
  await panel.locator('input[name="changes-from"]').fill('2025-02-05');
  await panel.locator('input[name="changes-to"]').fill('2025-03-15');
  const sudzha = panel.locator('.changes-list > li[data-place-id="sudzha"]');
  await expect(sudzha).toBeVisible();
  const change = (source: string) => sudzha.locator(`.change[data-source-id="${source}"]`);
  // data/claims.geojson: the MoD's first claim on Sudzha is s20, stated 2025-03-13.
  await expect(change('ru-mod')).toHaveAttribute('data-from', 'no-claim');
  await expect(change('ru-mod')).toHaveAttribute('data-to', 'russian');
  await expect(change('ru-mod')).toContainText('no claim → Russian control (claim of 2025-03-13)');
  // DeepState: s13 (2024-08-14, Ukrainian) in force on 5 February, s26 (2025-03-15, Russian) on 15 March.
  await expect(change('deepstate')).toHaveAttribute('data-from', 'ukrainian');
  await expect(change('deepstate')).toHaveAttribute('data-to', 'russian');
  await expect(change('deepstate')).toContainText('(2024-08-14)');
  await expect(change('deepstate')).toContainText('(claim of 2025-03-15)');
  // ISW: contested (s05, 2024-08-12) to Russian (2025-03-12).
  await expect(change('isw')).toHaveAttribute('data-from', 'contested');
  await expect(change('isw')).toHaveAttribute('data-to', 'russian');
  // The General Staff said "no information" (none) on 13 March, then Russian control on 15 March.
  await expect(change('ua-general-staff')).toHaveAttribute('data-to', 'russian');

  await map.waitForIdle();
  expect(await map.placeState('sudzha')).toMatchObject({ changed: true });
  const ringed = await page.evaluate(() => {
    const m = window.__frontlineMap;
    if (!m) throw new Error('map not exposed');
    return m
      .queryRenderedFeatures({ layers: ['place-changed-ring'] })
      .filter((f) => f.state.changed)
      .map((f) => f.properties.placeId);
  });
  expect(ringed).toContain('sudzha');

  // Switching a source off removes its changes.
  await map.setSource('ru-mod', false);
  await openTab(page, 'changes');
  await expect(change('ru-mod')).toHaveCount(0);

  // "Since previous claim" follows the slider again.
  await panel.getByRole('button', { name: 'Since previous claim' }).click();
  await expect(panel.locator('input[name="changes-to"]')).toHaveValue('2025-03-15');
  // The latest claim date before 15 March in data/claims.geojson is 14 March (a claim about another place).
  await expect(panel.locator('input[name="changes-from"]')).toHaveValue('2025-03-14');
});

test('"Only disagreements" dims places where the sources agree and says who says what', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-07');
  await openTab(page, 'places');
  await page.getByLabel('Only disagreements').check();
  await map.waitForIdle();
  expect(await map.placeState('cherkasskaya-konopelka')).toMatchObject({ agreement: 'disputed', dimmed: false });
  const list = page.locator('.disagreement-list');
  const konopelka = list.locator('li[data-place-id="cherkasskaya-konopelka"]');
  await expect(konopelka.locator('[data-source-id="ru-mod"]')).toHaveAttribute('data-status', 'russian');
  // Every place that is not disputed is dimmed.
  const states = await page.evaluate(() => {
    const m = window.__frontlineMap;
    if (!m) throw new Error('map not exposed');
    return m.querySourceFeatures('app-places').map((f) => m.getFeatureState({ source: 'app-places', id: f.id }));
  });
  for (const s of states) expect(s.dimmed).toBe(s.agreement !== 'disputed');
  expect(states.some((s) => s.dimmed)).toBe(true);
});
