// `npm run screenshot`: regenerates docs/screenshot.png from the built app (not part of the tests).
import { test } from '@playwright/test';
import { MapDriver } from '../../test/e2e/driver';

test('README screenshot: 6 February 2025, the Cherkasskaya Konopelka dispute', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06&place=cherkasskaya-konopelka&view=10.60/51.17000/35.33000');
  await page.screenshot({ path: 'docs/screenshot.png' });
});
