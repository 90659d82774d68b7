import { expect, test } from '@playwright/test';
import { MapDriver } from './driver';

const SEED = 'ulanok-konopelka-february-2025';

test('the seed story plays from its link in a fresh browser: steps by button and key, in the link, and back to free use', async ({
  page,
}) => {
  // Given a fresh browser opening the story's link
  const map = new MapDriver(page);
  await map.open(`?story=${SEED}&step=1`);
  const card = page.locator('.story-card[data-story]');
  await expect(card).toHaveAttribute('data-step', '1');
  await expect(card).toContainText('Step 1 of 6');
  await expect(page.locator('output.current-date')).toHaveAttribute('data-date', '2025-02-05');

  // When the user presses Next
  await card.getByRole('button', { name: 'Next →' }).click();
  // Then the step sets the date, the sources (only the Russian MoD) and the place
  await expect(card).toHaveAttribute('data-step', '2');
  await expect(page.locator('output.current-date')).toHaveAttribute('data-date', '2025-02-06');
  await expect(page.locator('#source-ru-mod')).toBeChecked();
  await expect(page.locator('#source-isw')).not.toBeChecked();
  await expect(page.locator('.place-detail')).toHaveAttribute('data-place-id', 'ulanok');
  await expect(page).toHaveURL(new RegExp(`story=${SEED}&step=2`));
  await map.waitForIdle();
  expect(await map.statusBy('ulanok', 'ru-mod')).toBe('russian');

  // And the arrow key steps on, and a claim the caption rests on opens in the place panel
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expect(card).toHaveAttribute('data-step', '3');
  await card.locator('.story-claims a').first().click();
  await expect(page.locator('.place-detail .claim.highlighted')).toHaveCount(1);

  // And back in history returns to the previous step
  await page.goBack();
  await expect(card).toHaveAttribute('data-step', '2');

  // When the user leaves the story, free use resumes with what was shown
  await card.getByRole('button', { name: 'Leave the story' }).click();
  await expect(page.locator('.story-card[data-story]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/story=/);
  await expect(page.locator('output.current-date')).toHaveAttribute('data-date', '2025-02-06');
});

test('a first visit with a bare link offers the seed story; declining is remembered', async ({ page }) => {
  await page.goto('/');
  const offer = page.locator('.story-offer');
  await expect(offer).toContainText('6–7 February 2025');
  await offer.getByRole('button', { name: 'No thanks' }).click();
  await expect(offer).toHaveCount(0);
  await page.goto('/');
  // The app is up (the first tab's sources are showing), and the offer stays declined.
  await expect(page.locator('.sources-panel')).toBeVisible();
  await expect(offer).toHaveCount(0);
});

test('starting the offered story opens its first step', async ({ page }) => {
  await page.goto('/');
  await page.locator('.story-offer').getByRole('button', { name: 'Start the story' }).click();
  await expect(page.locator('.story-card[data-story]')).toHaveAttribute('data-step', '1');
  await expect(page).toHaveURL(new RegExp(`story=${SEED}&step=1`));
});
