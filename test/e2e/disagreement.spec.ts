import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { area } from '@turf/turf';
import { PNG } from 'pngjs';
import { clipRegionFromCountries } from '../../src/areas/basemap';
import { importAreaFile } from '../../src/areas/detect';
import { areaDisagreement } from '../../src/areas/disagreement';
import { box } from '../fixtures/areas/load';
import { hatchedFeatures } from './archiveMirror';
import { MapDriver, openFullLegend, openTab } from './driver';

/** Real-format synthetic files (test/fixtures/areas-e2e/README.md): DeepState of 2025-02-06, ISW of 2025-02-07. */
const DEEPSTATE = 'test/fixtures/areas-e2e/1738800000.geojson';
const ISW = 'test/fixtures/areas-e2e/2025-02-07.geojson';

/** What the core computes for the pair, in Node: the figures map and panel must both show. */
function expectedKm2() {
  const clip = clipRegionFromCountries('countries', readFileSync('public/basemap/countries-detail.geojson', 'utf8'));
  if (!clip.ok) throw new Error('basemap clip');
  const [a, b] = [DEEPSTATE, ISW].map((file) => {
    const r = importAreaFile(file.split('/').at(-1) ?? file, readFileSync(file, 'utf8'), { clip: clip.value });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  });
  return areaDisagreement(a, b).km2;
}

/**
 * Hatched features at a point (lng, lat), as the map renders them: their kind and who says what. The hatching
 * of the pairs within reach is held in slots, drawn only while their opacity is above 0.
 */
function hatchedAt(page: Page, lngLat: [number, number]) {
  return page.evaluate(
    ({ lngLat }) => {
      const m = window.__frontlineMap;
      if (!m) throw new Error('map not exposed');
      const p = m.project(lngLat);
      const { width, height } = m.getCanvas().getBoundingClientRect();
      if (p.x < 5 || p.y < 5 || p.x > width - 5 || p.y > height - 5) throw new Error(`${lngLat} is off the map`);
      const drawn = m
        .getLayersOrder()
        .filter((id) => id.startsWith('area-disagreement-fill-') && Number(m.getPaintProperty(id, 'fill-opacity')) > 0);
      if (!drawn.length) return [];
      return [
        ...new Set(
          m
            .queryRenderedFeatures(p, { layers: drawn })
            .map(
              (f) =>
                `${f.properties.kind} ${f.properties.aSource}:${f.properties.aStatus} ${f.properties.bSource}:${f.properties.bStatus}`,
            ),
        ),
      ];
    },
    { lngLat },
  );
}

/** The pixels of a 16 px square of the map canvas around (lng, lat). */
async function pixelsAt(page: Page, lngLat: [number, number]): Promise<Buffer> {
  const clip = await page.evaluate((lngLat) => {
    const m = window.__frontlineMap;
    if (!m) throw new Error('map not exposed');
    const p = m.project(lngLat);
    const rect = m.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x - 8, y: rect.top + p.y - 8, width: 16, height: 16 };
  }, lngLat);
  return PNG.sync.read(await page.screenshot({ clip })).data;
}

async function setDisagreementVisible(map: MapDriver, visible: boolean) {
  await map.page.evaluate((visible) => {
    const m = window.__frontlineMap;
    for (const id of m?.getLayersOrder() ?? [])
      if (id.startsWith('area-disagreement-')) m?.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }, visible);
  await map.waitForIdle();
}

async function importBoth(map: MapDriver) {
  await openTab(map.page, 'data');
  await map.page.getByLabel('Choose files…').setInputFiles([DEEPSTATE, ISW]);
  await expect(map.page.getByText(/Imported \d+ area polygons? from 2025-02-07.geojson/)).toBeVisible({
    timeout: 30_000,
  });
  await map.waitForIdle();
}

const INSIDE: [number, number] = [35.42, 51.2]; // DeepState Liberated ∩ ISW advance
const GREY: [number, number] = [35.53, 51.2]; // DeepState grey zone ∩ ISW advance
const DEEPSTATE_ONLY: [number, number] = [35.2, 51.2]; // Liberated, ISW says nothing
const ISW_ONLY: [number, number] = [35.75, 51.2]; // advance, DeepState says nothing

test('DeepState and a real-format ISW map: hatching only where Ukrainian-held meets a Russian advance', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-07&view=9.60/51.20000/35.45000');
  await importBoth(map);
  const expected = expectedKm2();
  // The opposed ground is the intersection box, not all of DeepState's Ukrainian-held area.
  expect(expected.opposed).toBeCloseTo(area(box(35.35, 51.15, 35.5, 51.25)) / 1e6, 0);
  expect(expected.contested).toBeCloseTo(area(box(35.5, 51.15, 35.55, 51.25)) / 1e6, 0);

  expect(await hatchedAt(page, INSIDE)).toEqual(['opposed deepstate:ukrainian isw:russian-advance']);
  expect(await hatchedAt(page, GREY)).toEqual(['contested deepstate:contested isw:russian-advance']);
  expect(await hatchedAt(page, DEEPSTATE_ONLY)).toEqual([]);
  expect(await hatchedAt(page, ISW_ONLY)).toEqual([]);

  // Pixels: hiding the disagreement layers changes the picture inside the intersection, not outside it.
  const insideOn = await pixelsAt(page, INSIDE);
  const outsideOn = await pixelsAt(page, DEEPSTATE_ONLY);
  await setDisagreementVisible(map, false);
  expect((await pixelsAt(page, INSIDE)).equals(insideOn)).toBe(false);
  expect((await pixelsAt(page, DEEPSTATE_ONLY)).equals(outsideOn)).toBe(true);
  await setDisagreementVisible(map, true);

  // Map and panel report the same km², per kind, and the panel names the pair and how to change it.
  const mapKm2 = await page.evaluate(() => {
    const m = window.__frontlineMap;
    const shown = m
      ?.getLayersOrder()
      .find((id) => id.startsWith('area-disagreement-fill-') && Number(m.getPaintProperty(id, 'fill-opacity')) > 0);
    const byKind: Record<string, number> = {};
    for (const f of m?.querySourceFeatures('app-area-disagreement') ?? [])
      if (shown === `area-disagreement-fill-${f.properties.slot}`)
        byKind[String(f.properties.kind)] = Number(f.properties.km2);
    return byKind;
  });
  expect(mapKm2.opposed).toBeCloseTo(expected.opposed, 6);
  expect(mapKm2.contested).toBeCloseTo(expected.contested, 6);
  const panel = page.locator('.areas-panel .area-disagreement');
  await expect(panel.locator('[data-compared]')).toHaveAttribute('data-compared', 'deepstate,isw');
  await expect(panel).toContainText('Sources panel');
  await expect(panel.locator('[data-kind="opposed"]')).toHaveAttribute('data-km2', mapKm2.opposed.toFixed(1));
  await expect(panel.locator('[data-kind="contested"]')).toHaveAttribute('data-km2', mapKm2.contested.toFixed(1));
  await expect(panel.locator('[data-kind="opposed"] > strong')).toHaveText(`${expected.opposed.toFixed(1)} km²`);
  // The full legend explains both patterns.
  await openFullLegend(page);
  await expect(page.locator('.legend')).toContainText('Hatched: one map shows the ground Ukrainian-held');
  await expect(page.locator('.legend')).toContainText('Dotted: one map shows the ground held');
});

test('the hatching is set only when the pair changes, and goes with either source', async ({ page }) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-07&view=9.60/51.20000/35.45000');
  await importBoth(map);
  const hatched = () => hatchedFeatures(page);
  expect(await hatched()).toBeGreaterThan(0);

  // Count setData calls on the disagreement source while scrubbing within the same pair of snapshots.
  await page.evaluate(() => {
    const source = window.__frontlineMap?.getSource('app-area-disagreement') as unknown as {
      setData: (d: unknown) => unknown;
    };
    const original = source.setData.bind(source);
    (window as unknown as { __setDataCalls: number }).__setDataCalls = 0;
    source.setData = (d: unknown) => {
      (window as unknown as { __setDataCalls: number }).__setDataCalls++;
      return original(d);
    };
  });
  const calls = () => page.evaluate(() => (window as unknown as { __setDataCalls: number }).__setDataCalls);
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(map.currentDate()).toHaveAttribute('data-date', '2025-02-10');
  await map.waitForIdle();
  expect(await calls()).toBe(0);

  // The Changes panel lists the ISW map over a chosen range.
  await openTab(page, 'changes');
  await page.locator('input[name="changes-from"]').fill('2025-02-01');
  await page.locator('input[name="changes-to"]').fill('2025-02-10');
  await expect(page.locator('.area-changes li[data-source-id="isw"]')).toContainText('first map: 2025-02-07');

  // Switching one of the two sources off leaves nothing to compare: the hatching is hidden (its data stays on
  // hand, so switching back draws it with nothing set), and the panel says why and what to do.
  await map.setSource('isw', false);
  expect(await hatched()).toBe(0);
  expect(await calls()).toBe(0);
  await openTab(page, 'data');
  await expect(page.locator('.areas-panel .area-disagreement')).toContainText(
    'Only DeepState has an area map on this date',
  );
  await map.setSource('isw', true);
  expect(await hatched()).toBeGreaterThan(0);
  await map.setSource('deepstate', false);
  expect(await hatched()).toBe(0);
});
