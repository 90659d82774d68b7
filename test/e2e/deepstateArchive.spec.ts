/**
 * The online DeepState front line, against a local stand-in for the archive (./archiveMirror.ts), so nothing
 * here reaches the internet.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FIXTURES, notice, ok, panel, SWITCH, standIn, status, stepDays, T, VIEW, visibleAreas } from './archiveMirror';
import { MapDriver, openTab } from './driver';

test('with the switch on, scrubbing to 2024-09-06 shows that snapshot, fetched once the date settles', async ({
  page,
}) => {
  const asked = await standIn(page);
  const map = new MapDriver(page);
  await map.open(`?date=2024-09-03&${VIEW}&archiveSettleMs=1500`);
  await openTab(page, 'data');
  await expect(page.getByLabel(SWITCH)).not.toBeChecked();
  await page.getByLabel(SWITCH).check();
  await expect(status(page)).toHaveText(/Showing DeepState's map of 3 Sept? 2024, 20:13 UTC/, { timeout: 30_000 });
  expect(await visibleAreas(map)).toEqual(['0:contested', '0:ukrainian']);
  await expect(panel(page)).toContainText('DeepStateMap.live');
  await expect(panel(page)).toContainText('DanielRose2310/deepstatemaps-history');
  // The map's own attribution credits DeepState while its polygons are drawn.
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('DeepStateMap.live');

  // Three quick steps: only the settled date's snapshot is asked for, not 4 and 5 September's.
  await stepDays(page, 3);
  await expect(map.currentDate()).toHaveAttribute('data-date', '2024-09-06');
  await expect(status(page)).toHaveText(/Showing DeepState's map of 6 Sept? 2024, 20:34 UTC/);
  expect(await visibleAreas(map)).toEqual(['1:contested', '1:ukrainian']);
  expect(asked).toEqual([T.sep3, T.sep6]);
  await expect(notice(page)).toHaveCount(0);

  // Back to a date already loaded: nothing is fetched again, and the older map is in force there.
  await stepDays(page, -3);
  await expect(map.currentDate()).toHaveAttribute('data-date', '2024-09-03');
  await expect(status(page)).toHaveText(/Showing DeepState's map of 3 Sept? 2024/);
  expect(await visibleAreas(map)).toEqual(['0:contested', '0:ukrainian']);
  expect(asked).toEqual([T.sep3, T.sep6]);

  // The switch is remembered; turning it off takes the fetched maps off the map.
  await page.reload();
  await expect(page.getByLabel(SWITCH)).toBeChecked();
  await page.getByLabel(SWITCH).uncheck();
  expect(await visibleAreas(map)).toEqual([]);
  await expect(panel(page)).not.toContainText('DeepStateMap.live');
});

test('with the switch off, no request leaves the app’s origin', async ({ page }) => {
  const asked = await standIn(page);
  const map = new MapDriver(page);
  await map.open(`?date=2024-09-03&${VIEW}`);
  await openTab(page, 'data');
  await expect(page.getByLabel(SWITCH)).not.toBeChecked();
  await stepDays(page, 3);
  await expect(map.currentDate()).toHaveAttribute('data-date', '2024-09-06');
  // Well past the settle delay.
  await page.waitForTimeout(1500);
  await map.waitForIdle();
  expect(map.foreignRequests).toEqual([]);
  expect(asked).toEqual([]);
  expect(await visibleAreas(map)).toEqual([]);
});

test('a 404, a timeout, an oversized body and files that are not DeepState maps give a notice and leave the map as it was', async ({
  page,
}) => {
  const big = readFileSync(`${FIXTURES}${T.sep3}.geojson`, 'utf8').replace('{', `{"padding": "${'x'.repeat(6000)}",`);
  await standIn(page, {
    // 4 September: no fixture, so 404.
    [T.sep5]: () => new Promise<void>(() => {}),
    [T.sep7]: ok(big),
    [T.sep8]: ok(readFileSync('test/fixtures/areas-e2e/2025-02-07.geojson', 'utf8')),
    [T.sep9]: ok('<!doctype html><title>Portal</title><p>Sign in to use this network</p>'),
  });
  const map = new MapDriver(page);
  await map.open(`?date=2024-09-03&${VIEW}&archiveTimeoutMs=1500&archiveMaxBytes=5000`);
  await openTab(page, 'data');
  await page.getByLabel(SWITCH).check();
  await expect(status(page)).toHaveText(/Showing DeepState's map of 3 Sept? 2024/, { timeout: 30_000 });
  const before = await visibleAreas(map);
  expect(before).toEqual(['0:contested', '0:ukrainian']);

  const expectFailure = async (file: number, reason: RegExp) => {
    await expect(notice(page)).toContainText(`(${file}.geojson) could not be loaded`, { timeout: 20_000 });
    await expect(notice(page)).toContainText(reason);
    await expect(notice(page)).toContainText('The map is unchanged.');
    expect(await visibleAreas(map)).toEqual(before);
    await notice(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice(page)).toHaveCount(0);
  };

  await stepDays(page, 1);
  await expectFailure(T.sep4, /the archive answered 404/);
  await stepDays(page, 1);
  await expect(status(page)).toHaveText(/Loading DeepState's map of 5 Sept? 2024…/);
  await expectFailure(T.sep5, /no answer within 1\.5 s/);
  await stepDays(page, 2);
  await expectFailure(T.sep7, /the file is over the 5 KB limit/);
  await stepDays(page, 1);
  await expectFailure(T.sep8, /not a DeepState map \(it reads as another format: isw\)/);
  await stepDays(page, 1);
  await expectFailure(T.sep9, /not a DeepState map \(1725915056\.geojson: .*JSON/);
});

test('a date seen before is served from this browser’s cache when the archive cannot be reached', async ({ page }) => {
  await standIn(page);
  const map = new MapDriver(page);
  await map.open(`?date=2024-09-06&${VIEW}`);
  await openTab(page, 'data');
  await page.getByLabel(SWITCH).check();
  await expect(status(page)).toHaveText(/Showing DeepState's map of 6 Sept? 2024, 20:34 UTC\.$/, { timeout: 30_000 });

  // Offline from here on: every request to the archive fails.
  await page.unrouteAll();
  const failed: string[] = [];
  await page.route('https://raw.githubusercontent.com/**', (route) => {
    failed.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await map.open(`?date=2024-09-06&${VIEW}`);
  await openTab(page, 'data');
  await expect(page.getByLabel(SWITCH)).toBeChecked();
  await expect(status(page)).toHaveText(/Showing DeepState's map of 6 Sept? 2024, 20:34 UTC \(kept in this browser\)/, {
    timeout: 30_000,
  });
  expect(await visibleAreas(map)).toEqual(['0:contested', '0:ukrainian']);
  expect(failed).toEqual([]);

  // A date not seen before needs the archive: a notice, and the cached map stays.
  await stepDays(page, 1);
  await expect(notice(page)).toContainText(`(${T.sep7}.geojson) could not be loaded`, { timeout: 20_000 });
  await expect(notice(page)).toContainText('the archive could not be reached');
  expect(await visibleAreas(map)).toEqual(['0:contested', '0:ukrainian']);
  expect(failed).toHaveLength(1);
});
