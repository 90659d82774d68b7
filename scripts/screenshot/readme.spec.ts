// `npm run screenshot`: regenerates docs/screenshot.png from the built app (not part of the tests).
import { test } from '@playwright/test';
import { MapDriver } from '../../test/e2e/driver';

test('README screenshot: the first view (6 February 2025, the seed story offered), the places clear of legend and card', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const map = new MapDriver(page);
  await map.open('');
  await page.screenshot({ path: 'docs/screenshot.png' });
});
