/**
 * One frame per step through DeepState's archive: with the switch on, the snapshots before and after the one
 * in force are loaded once the date settles and held on the map hidden, so a step to the next or previous
 * snapshot asks the archive for nothing, sends the map's area sources nothing, and its first drawn frame
 * already shows the new snapshot, with the places' states of the new date in that same frame, and is the only
 * frame the step draws.
 */
import { expect, type Page, test } from '@playwright/test';
import { AREA_STATUS_STYLE } from '../../src/map/areaLayers';
import { notice, SWITCH, standIn, status, stepDays, T, VIEW, visibleAreas } from './archiveMirror';
import { MapDriver, openTab } from './driver';
import {
  armedFrame,
  armFrameCapture,
  blend,
  captureMap,
  distance,
  hex,
  type MapImage,
  median,
  neighbourhood,
  projectToCanvas,
} from './pixels';

/** Inside 15 August's Liberated rectangle only (fixtures README): 14 August's ends at 35.40 E. */
const AUG15_ONLY: [number, number] = [35.55, 51.08];
/** Inside 14 and 15 August's, outside 13 August's (which ends at 35.30 E). */
const AUG14_AND_15: [number, number] = [35.38, 51.185];

/** What the page keeps of the first frame drawn after the areas' feature state changed. */
interface StepFrame {
  /** Snapshot indices with `visible` before the step, and in that frame. */
  before: string;
  shown: string;
  /** Place and mark feature states in that frame. */
  states: string;
}

type Watched = Window & {
  __step?: StepFrame;
  __areasChanged?: () => boolean;
  __areaReloads?: () => number;
  __framesToIdle?: () => number;
  __pointStates?: () => string;
};

/** Defines, in the page, what reads the places' and marks' feature states (what a date change sets). */
async function installStateProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as Watched;
    w.__pointStates = () => {
      const m = w.__frontlineMap;
      if (!m) throw new Error('map not exposed');
      return JSON.stringify(
        ['app-places', 'app-marks'].map((source) => {
          const byId = new Map(
            m.querySourceFeatures(source).map((f) => [Number(f.id), m.getFeatureState({ source, id: f.id })]),
          );
          return [...byId].sort(([a], [b]) => a - b);
        }),
      );
    };
  });
}

const pointStates = (page: Page) => page.evaluate(() => (window as Watched).__pointStates?.() ?? '');

/**
 * From now on: count the area sources' data and tile events (a `setData`, `updateData` or re-tiling fires
 * them; feature state does not), and keep the first frame drawn once the areas' `visible` states change.
 */
async function watchNextAreaFrame(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as Watched;
    const m = w.__frontlineMap;
    if (!m) throw new Error('map not exposed');
    const features = new Map(
      m.querySourceFeatures('app-areas').map((f) => [Number(f.id), String(f.properties.snapshot)]),
    );
    const shown = () =>
      [
        ...new Set(
          [...features]
            .filter(([id]) => m.getFeatureState({ source: 'app-areas', id }).visible === true)
            .map(([, s]) => s),
        ),
      ]
        .sort()
        .join();
    let reloads = 0;
    m.on('sourcedata', (e) => {
      if ((e.sourceId === 'app-areas' || e.sourceId === 'app-frontlines') && (e.sourceDataType || e.tile)) reloads++;
    });
    w.__areaReloads = () => reloads;
    // Frames drawn up to the map's first `idle` after the watch began (the driver's own wait for idle asks
    // for a frame of its own, which is not the step's).
    let frames = 0;
    let framesToIdle = -1;
    const onRender = () => frames++;
    m.on('render', onRender);
    m.once('idle', () => {
      framesToIdle = frames;
      m.off('render', onRender);
    });
    w.__framesToIdle = () => framesToIdle;
    const before = shown();
    delete w.__step;
    // Checked in each frame's `render` handler: true from the first frame drawn with the areas changed.
    w.__areasChanged = () => {
      if (w.__step) return true;
      const now = shown();
      if (now === before) return false;
      w.__step = { before, shown: now, states: w.__pointStates?.() ?? '' };
      return true;
    };
  });
  await armFrameCapture(page, { when: '__areasChanged' });
}

const stepFrame = async (page: Page) => {
  const image = await armedFrame(page);
  const frame = await page.evaluate(() => (window as Watched).__step);
  if (!frame) throw new Error('no step frame');
  return { ...frame, image };
};
const areaReloads = (page: Page) => page.evaluate(() => (window as Watched).__areaReloads?.() ?? -1);
/** Frames the map drew from `watchNextAreaFrame` to its next `idle` (-1: not idle yet). */
const framesToIdle = (page: Page) => page.evaluate(() => (window as Watched).__framesToIdle?.() ?? -1);

/** Filled blue (Ukrainian-held at 28 %) over what the bare map has there, not the bare map itself. */
function expectFilled(what: string, image: MapImage, under: MapImage, at: { x: number; y: number }, filled: boolean) {
  const drawn = median(neighbourhood(image, at, 2));
  const bare = median(neighbourhood(under, at, 2));
  const fill = blend(hex(AREA_STATUS_STYLE.ukrainian.color), bare, 0.28);
  const [near, far] = filled ? [fill, bare] : [bare, fill];
  expect(distance(drawn, near), `${what}: ${drawn} against ${near} (and ${far})`).toBeLessThan(distance(drawn, far));
  expect(distance(drawn, near), `${what}: ${drawn} against ${near}`).toBeLessThan(12);
}

test('a step to the next or previous snapshot draws it in its first frame, with no request and no area reload', async ({
  page,
}) => {
  const asked = await standIn(page);
  const map = new MapDriver(page);
  // A long settle time, so the checks of the step's first frame come before the settled date loads anything.
  await map.open(`?date=2024-08-14&${VIEW}&archiveNeighbours=1&archiveSettleMs=2500`);
  await installStateProbe(page);
  const bareImage = await captureMap(page);
  await openTab(page, 'data');
  await page.getByLabel(SWITCH).check();
  await expect(status(page)).toHaveText(/Showing DeepState's map of 14 Aug 2024, 18:54 UTC/, { timeout: 30_000 });
  // The one in force, then the next, then the previous.
  await expect.poll(() => asked, { timeout: 30_000 }).toEqual([T.aug14, T.aug15, T.aug13]);
  await expect.poll(async () => (await heldSnapshots(page)).length, { timeout: 30_000 }).toBe(3);
  expect(await visibleAreas(map)).toEqual(['0:ukrainian']);

  const p15 = await projectToCanvas(page, AUG15_ONLY);
  const p14 = await projectToCanvas(page, AUG14_AND_15);
  const statesAug14 = await pointStates(page);

  // Forward: 15 August's map is on hand.
  await watchNextAreaFrame(page);
  await stepDays(page, 1);
  const forward = await stepFrame(page);
  expect(forward.before).toBe('0');
  expect(forward.shown).toBe('1');
  expectFilled('15 August only, first frame after the step', forward.image, bareImage, p15, true);
  expectFilled('14 and 15 August, first frame after the step', forward.image, bareImage, p14, true);
  await map.waitForIdle();
  // That frame was the step's only one: showing a held snapshot asks MapLibre for no second frame.
  expect(await framesToIdle(page)).toBe(1);
  // The places' states of 15 August were already in that frame: no later frame changed them.
  const statesAug15 = await pointStates(page);
  expect(statesAug15).not.toBe(statesAug14);
  expect(forward.states).toBe(statesAug15);
  expect(asked).toHaveLength(3);
  expect(await areaReloads(page)).toBe(0);
  expect(await visibleAreas(map)).toEqual(['1:ukrainian']);

  // Once 15 August settles its own next is asked for: 16 August has no file (404). A neighbour that fails
  // gives no notice and leaves the map as it was; 14 August is still on hand.
  await expect.poll(() => asked, { timeout: 30_000 }).toEqual([T.aug14, T.aug15, T.aug13, T.aug16]);
  await expect(status(page)).toHaveText(/Showing DeepState's map of 15 Aug 2024, 20:09 UTC/);
  await map.waitForIdle();
  await expect(notice(page)).toHaveCount(0);
  expect(await visibleAreas(map)).toEqual(['1:ukrainian']);
  expect(await areaReloads(page)).toBe(0);

  // Back: 14 August's map is drawn in the first frame, and 15 August's only ground is bare again.
  await watchNextAreaFrame(page);
  await stepDays(page, -1);
  const back = await stepFrame(page);
  expect(back.shown).toBe('0');
  expectFilled('15 August only, first frame back', back.image, bareImage, p15, false);
  expectFilled('14 and 15 August, first frame back', back.image, bareImage, p14, true);
  await map.waitForIdle();
  expect(await framesToIdle(page)).toBe(1);
  expect(back.states).toBe(await pointStates(page));
  expect(back.states).toBe(statesAug14);
  expect(asked).toHaveLength(4);
  expect(await areaReloads(page)).toBe(0);
});

/** The snapshot indices the area source holds, drawn or hidden. */
function heldSnapshots(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const m = window.__frontlineMap;
    if (!m?.getSource('app-areas')) return [];
    return [...new Set(m.querySourceFeatures('app-areas').map((f) => String(f.properties.snapshot)))].sort();
  });
}
