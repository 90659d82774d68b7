import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { MapDriver, openTab } from './driver';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function savePicture(page: import('@playwright/test').Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save map as PNG' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width, height, and whether the pixels are not all one colour (decoded by the browser). */
async function inspect(page: import('@playwright/test').Page, bytes: Buffer) {
  return page.evaluate(async (base64) => {
    // Decoded from bytes (the page's CSP does not allow fetching data: URLs).
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length && colours.size < 50; i += 4 * 97)
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    // The map area (below the title band) must not be blank either.
    const map = ctx.getImageData(0, 60, bitmap.width, Math.min(300, bitmap.height - 60)).data;
    const mapColours = new Set<number>();
    for (let i = 0; i < map.length && mapColours.size < 50; i += 4 * 31)
      mapColours.add((map[i] << 16) | (map[i + 1] << 8) | map[i + 2]);
    return { width: bitmap.width, height: bitmap.height, colours: colours.size, mapColours: mapColours.size };
  }, bytes.toString('base64'));
}

test('the map saves as a PNG with pixels that are not all one colour', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06');
  await openTab(page, 'data');
  const { name, bytes } = await savePicture(page);
  expect(name).toMatch(/\.png$/);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  // IHDR: width and height, big-endian, at bytes 16–23.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(0);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(0);
  const picture = await inspect(page, bytes);
  expect(picture.colours).toBeGreaterThan(5);
  expect(picture.mapColours).toBeGreaterThan(5);
});

test('in compare mode the picture holds both sides', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2024-08-20&compare=1&date2=2025-03-20');
  await openTab(page, 'data');
  await new MapDriver(page, '__frontlineMap2').waitForIdle();
  const single = await page.evaluate(() => window.__frontlineMap?.getCanvas().width ?? 0);
  const { name, bytes } = await savePicture(page);
  expect(name).toContain('2024-08-20_vs_2025-03-20');
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(2 * single - 2);
  expect((await inspect(page, bytes)).mapColours).toBeGreaterThan(5);
});
