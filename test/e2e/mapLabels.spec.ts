/**
 * The map's labels follow the interface language, switched in the header without reloading: the Psel's
 * and the Seym's labels and the app's place labels read in Ukrainian and Russian (the record's names),
 * and the pixels where the labels are drawn change with them; in compare mode both maps follow.
 */
import { expect, type Page, test } from '@playwright/test';
import { MapDriver, type MapKey } from './driver';
import { captureMap, fixMapSize, type MapImage } from './pixels';

// Zoom 9 over Sudzha: above the river labels' minzoom (8), the Psel in view, the places labelled.
const VIEW = '9.2/51.15/35.3';

/** The text each rendered label shows, by layer, as MapLibre evaluated it for the feature. */
async function labels(page: Page, key: MapKey = '__frontlineMap'): Promise<{ rivers: string[]; places: string[] }> {
  return page.evaluate((key) => {
    const map = window[key];
    if (!map) throw new Error('map not exposed');
    const texts = (layer: string) =>
      [
        ...new Set(
          map.queryRenderedFeatures({ layers: [layer] }).map((f) => {
            const field: unknown = f.layer.type === 'symbol' ? f.layer.layout?.['text-field'] : undefined;
            return typeof field === 'string' ? field : JSON.stringify(field);
          }),
        ),
      ].sort();
    return { rivers: texts('river-labels'), places: texts('place-labels') };
  }, key);
}

/** How many pixels differ between two pictures of the same view. */
function changedPixels(a: MapImage, b: MapImage): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (
      Math.abs(a.data[i] - b.data[i]) +
        Math.abs(a.data[i + 1] - b.data[i + 1]) +
        Math.abs(a.data[i + 2] - b.data[i + 2]) >
      30
    )
      n++;
  return n;
}

async function switchTo(page: Page, map: MapDriver, label: string, lang: 'en' | 'uk' | 'ru') {
  await page.getByLabel(label).selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect.poll(async () => (await labels(page)).rivers.join(' ')).not.toBe('');
  await map.waitForIdle();
}

test('river and place labels switch to Ukrainian and Russian, and the picture changes with them', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open(`?date=2025-02-06&view=${VIEW}`);
  await fixMapSize(page, 800, 600);
  await map.waitForIdle();
  const english = await labels(page);
  expect(english.rivers.join(' ')).toContain('Psel');
  expect(english.places.join(' ')).toContain('Sudzha');
  const before = await captureMap(page);
  // A new data set for any source fires `sourcedata` with `sourceDataType: 'content'`: count them from here.
  await page.evaluate(() => {
    const map = window.__frontlineMap;
    if (!map) throw new Error('map not exposed');
    const w = window as unknown as { reloadedSources: string[] };
    w.reloadedSources = [];
    map.on('sourcedata', (e) => {
      if (e.sourceDataType === 'content') w.reloadedSources.push(e.sourceId);
    });
  });

  await switchTo(page, map, 'Language', 'uk');
  await expect.poll(async () => (await labels(page)).rivers.join(' ')).toContain('Псел');
  const uk = await labels(page);
  expect(uk.places.join(' ')).toContain('Суджа');
  expect(uk.places.join(' ')).not.toContain('Sudzha');
  const ukPicture = await captureMap(page);
  expect(changedPixels(before, ukPicture)).toBeGreaterThan(200);

  await switchTo(page, map, 'Мова', 'ru');
  await expect.poll(async () => (await labels(page)).rivers.join(' ')).toContain('Псёл');
  const ru = await labels(page);
  expect(ru.places.join(' ')).toContain('Суджа');
  const ruPicture = await captureMap(page);
  expect(changedPixels(ukPicture, ruPicture)).toBeGreaterThan(20);

  await switchTo(page, map, 'Язык', 'en');
  await expect.poll(async () => (await labels(page)).rivers.join(' ')).toContain('Psel');
  expect(await labels(page)).toEqual(english);
  // Only layout properties changed: no source was given new data.
  expect(await page.evaluate(() => (window as unknown as { reloadedSources: string[] }).reloadedSources)).toEqual([]);
});

test('in compare mode both maps label in the language', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open(`?date=2025-02-06&compare=1&view=${VIEW}&lang=ru`);
  const second = new MapDriver(page, '__frontlineMap2');
  await second.waitForIdle();
  for (const key of ['__frontlineMap', '__frontlineMap2'] as const) {
    await expect.poll(async () => (await labels(page, key)).rivers.join(' ')).toContain('Псёл');
    expect((await labels(page, key)).places.join(' ')).toContain('Суджа');
  }
});
