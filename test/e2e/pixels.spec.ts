/**
 * What is drawn, not what the feature state says: each test reads the map canvas's pixels where a marker, a
 * mark, a halo, a ring, a dimmed place, an area or the hatching must be, and checks the colour against the
 * palette. An inverted opacity or size expression in src/map/appLayers.ts fails here even when the feature
 * state is right. Views are set in the URL (zoomed in so places do not overlap) and samples sit away from
 * labels, which are drawn below each place.
 *
 * The tests named "golden: …" compare the whole map canvas (never the panels) with test/e2e/golden/*.png; the
 * map container is given a fixed size out of the page's layout first, so panel changes do not move them.
 * Regenerate after an intended change to the map's look: `npm run goldens` (all), or
 * `npm run goldens -- -g "area pair"` (one), and look at the pictures before committing them.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DISPUTE_HALO, MARKS_MIN_ZOOM, placeSymbolScale } from '../../src/map/appLayers';
import { AREA_STATUS_STYLE } from '../../src/map/areaLayers';
import { AGREEMENT_STYLE, STATUS_STYLE } from '../../src/map/palette';
import { RING_GEOMETRY } from '../../src/map/placeFeatures';
import { MapDriver, openTab } from './driver';
import {
  around,
  blend,
  captureMap,
  css,
  distance,
  expectGolden,
  fixMapSize,
  GOLDEN_SIZE,
  hex,
  jumpToView,
  type MapImage,
  markOffset,
  median,
  nearest,
  neighbourhood,
  offsetBy,
  type Point,
  placeLngLat,
  projectToCanvas,
  type Rgb,
  ringSegments,
  waitForDisagreementDrawn,
  withLayersHidden,
} from './pixels';

const UKRAINIAN = 'ua-general-staff,ua-president,ua-commander-in-chief';
/** How far a drawn colour may be from the expected one (largest channel difference): antialiasing, rounding. */
const TOLERANCE = 24;

const AGREEMENT_COLOURS = Object.fromEntries(
  Object.entries(AGREEMENT_STYLE).map(([key, style]) => [key, hex(style.color)]),
) as Record<keyof typeof AGREEMENT_STYLE, Rgb>;
const WHITE: Rgb = [255, 255, 255];
const MAGENTA = AGREEMENT_COLOURS.disputed;
/** place-changed-ring's stroke (appLayers.ts), drawn at 0.95 opacity. */
const AMBER = hex('#e08a00');

async function placeCentre(page: Page, placeId: string): Promise<Point> {
  return projectToCanvas(page, await placeLngLat(page, placeId));
}

/** The median colour of the few pixels around a point. */
const colourAt = (image: MapImage, at: Point, radius = 1) => median(neighbourhood(image, at, radius));

/** Asserts a drawn colour is within TOLERANCE of `expected` and nearer to it than to any other candidate. */
function expectColour(what: string, drawn: Rgb, expected: string, candidates: Record<string, Rgb>) {
  const near = nearest(drawn, candidates);
  expect(near, `${what}: drew ${css(drawn)}, nearest to ${near}, expected ${expected}`).toBe(expected);
  expect(distance(drawn, candidates[expected]), `${what}: drew ${css(drawn)}, expected ${expected}`).toBeLessThan(
    TOLERANCE,
  );
}

/**
 * A point inside a place's agreement marker away from its centre: the disputed star has a white "!" in the
 * middle, so sample to its left, still well inside the shape.
 */
const insideMarker = (centre: Point, ratio: number) => offsetBy(centre, -5, 0, ratio);

/** Konopelka, Ulanok (disputed on 6 February 2025) and Plekhovo (Russian per all) well apart. */
const SOUTH_EAST = '11.50/51.13000/35.35000';
/** Sudzha and Konopelka, zoomed in enough to keep Sudzha's neighbours off the samples. */
const SUDZHA_KONOPELKA = '12.00/51.17000/35.30000';
/** The app's default view (App.tsx). */
const DEFAULT_VIEW = '10.30/51.16000/35.33000';

/** Sample points on a circle of `cssPx` around a place, skipping the label's side (below). */
const onCircle = (centre: Point, cssPx: number, ratio: number) =>
  [-150, -90, -30, 0, 180].map((deg) => around(centre, cssPx, deg, ratio));

// These share one page (loading the map is the slow part); each test sets its view first. A failure restarts
// the worker, so the next test gets a fresh page.
test.describe('6 February 2025, all sources', () => {
  let page: Page;
  let map: MapDriver;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    map = new MapDriver(page);
    await map.open(`?date=2025-02-06&view=${SOUTH_EAST}`);
  });
  test.afterAll(async () => page.close());

  test('each place marker is drawn in the colour of its agreement', async () => {
    await jumpToView(page, SOUTH_EAST);
    const image = await captureMap(page);
    const candidates = { ...AGREEMENT_COLOURS, background: colourAt(image, { x: 4, y: 4 }) };
    for (const [placeId, agreement] of [
      ['ulanok', 'disputed'],
      ['cherkasskaya-konopelka', 'disputed'],
      ['plekhovo', 'agree-russian'],
    ] as const) {
      expect(await map.agreementOf(placeId)).toBe(agreement);
      const drawn = colourAt(image, insideMarker(await placeCentre(page, placeId), image.ratio));
      expectColour(`${placeId}'s marker`, drawn, agreement, candidates);
    }
  });

  test('disputed places get a magenta halo, agreed places none', async () => {
    await jumpToView(page, SOUTH_EAST);
    const image = await captureMap(page);
    // place-dispute-halo: a circle with its stroke outside it, clear of the source marks (28 + 7.5 px) where the
    // place shows them, else just outside its summary ring, drawn at the ring's scale. Sampled mid-stroke.
    const scale = placeSymbolScale(Number(SOUTH_EAST.split('/')[0]));
    const haloMiddle = (expanded: boolean) => {
      const { radius, stroke } = expanded ? DISPUTE_HALO.aroundMarks : DISPUTE_HALO.aroundRing;
      return expanded ? radius + stroke / 2 : (radius + stroke / 2) * scale;
    };
    for (const [placeId, disputed] of [
      ['ulanok', true],
      ['cherkasskaya-konopelka', true],
      ['plekhovo', false],
    ] as const) {
      const at = haloMiddle((await map.placeState(placeId)).expanded === true);
      const samples = onCircle(await placeCentre(page, placeId), at, image.ratio).map((p) => colourAt(image, p));
      const magenta = samples.filter((c) => distance(c, MAGENTA) < 40).length;
      const drawn = samples.map(css).join(' ');
      const where = `5 samples at ${at.toFixed(1)} px`;
      if (disputed) expect(magenta, `${placeId}'s halo (${where}): ${drawn}`).toBeGreaterThanOrEqual(4);
      else expect(magenta, `${placeId} should have no halo: ${drawn}`).toBe(0);
    }
  });

  test('places whose position changed get an amber ring, which the Changes panel can switch off', async () => {
    await jumpToView(page, SUDZHA_KONOPELKA);
    // "Since previous claim" on 6 February 2025: Konopelka changed, Sudzha did not (both disputed).
    expect(await map.placeState('cherkasskaya-konopelka')).toMatchObject({ changed: true });
    expect(await map.placeState('sudzha')).toMatchObject({ changed: false });
    const ringSamples = async () => {
      const image = await captureMap(page);
      const ring = onCircle(await placeCentre(page, 'cherkasskaya-konopelka'), 46, image.ratio);
      // Sudzha's west and north have neighbours (Goncharovka, Zaoleshenka): look east only.
      const sudzha = [around(await placeCentre(page, 'sudzha'), 46, 0, image.ratio)];
      const amber = (points: Point[]) =>
        points.map((p) => colourAt(image, p)).filter((c) => distance(c, AMBER) < 30).length;
      return { konopelka: amber(ring), sudzha: amber(sudzha), drawn: ring.map((p) => css(colourAt(image, p))) };
    };
    const before = await ringSamples();
    expect(before.konopelka, `Konopelka's change ring (5 samples at 46 px): ${before.drawn.join(' ')}`).toBeGreaterThan(
      3,
    );
    expect(before.sudzha, 'Sudzha did not change: no ring').toBe(0);

    await openTab(page, 'changes');
    const highlight = page.getByLabel('Ring changed places on the map');
    await highlight.uncheck();
    await map.waitForIdle();
    const after = await ringSamples();
    expect(after.konopelka, `rings switched off, yet: ${after.drawn.join(' ')}`).toBe(0);
    await highlight.check();
    await map.waitForIdle();
  });

  test('"Only disagreements" fades agreed places to a fifth and leaves disputed ones at full colour', async () => {
    await jumpToView(page, SOUTH_EAST);
    const full = await captureMap(page);
    const plekhovo = insideMarker(await placeCentre(page, 'plekhovo'), full.ratio);
    const ulanok = insideMarker(await placeCentre(page, 'ulanok'), full.ratio);
    // Plekhovo's marks on that date: DeepState and ISW, both Russian.
    expect(await map.statusBy('plekhovo', 'deepstate')).toBe('russian');
    const { x, y } = await markOffset(page, 'plekhovo', 'deepstate');
    const dsMark = offsetBy(await placeCentre(page, 'plekhovo'), x, y, full.ratio);
    // What lies under the markers and marks: the same view with those layers hidden.
    const under = await withLayersHidden(page, ['place-marker-', 'place-mark-'], () => captureMap(page));

    await openTab(page, 'places');
    const only = page.getByLabel('Only disagreements');
    await only.check();
    await map.waitForIdle();
    expect(await map.placeState('plekhovo')).toMatchObject({ dimmed: true });
    expect(await map.placeState('ulanok')).toMatchObject({ dimmed: false });
    const dimmed = await captureMap(page);
    await only.uncheck();
    await map.waitForIdle();

    // Plekhovo's red square is drawn at 0.18 opacity: 18 % marker, 82 % what lies under it.
    const red = colourAt(full, plekhovo);
    expectColour("Plekhovo's marker before dimming", red, 'agree-russian', AGREEMENT_COLOURS);
    const expectedDim = blend(red, colourAt(under, plekhovo), 0.18);
    const drawnDim = colourAt(dimmed, plekhovo);
    expect(
      distance(drawnDim, expectedDim),
      `Plekhovo dimmed: drew ${css(drawnDim)}, expected ${css(expectedDim)} (0.18 × ${css(red)} over the map)`,
    ).toBeLessThan(12);
    // Its source marks fade with it.
    const mark = colourAt(full, dsMark);
    const expectedMark = blend(mark, colourAt(under, dsMark), 0.18);
    const drawnMark = colourAt(dimmed, dsMark);
    expect(
      distance(mark, colourAt(under, dsMark)),
      "DeepState's mark at Plekhovo is drawn before dimming",
    ).toBeGreaterThan(60);
    expect(
      distance(drawnMark, expectedMark),
      `DeepState's mark at Plekhovo dimmed: drew ${css(drawnMark)}, expected ${css(expectedMark)}`,
    ).toBeLessThan(12);

    // Ulanok, disputed, keeps its full magenta.
    expectColour('Ulanok (disputed) with "Only disagreements"', colourAt(dimmed, ulanok), 'disputed', {
      ...AGREEMENT_COLOURS,
      dimmed: blend(MAGENTA, colourAt(under, ulanok), 0.18),
    });
  });

  test("below the marks' zoom each place gets one summary ring, its segments in the status colours", async () => {
    const overviewZoom = MARKS_MIN_ZOOM - 0.5;
    const overview = `${overviewZoom}/51.13000/35.35000`;
    // The ring is drawn smaller with its marker at overview zooms.
    const ringRadius = RING_GEOMETRY.radius * placeSymbolScale(overviewZoom);
    await jumpToView(page, overview);
    // No per-source marks at this zoom: none is rendered, for any place.
    expect(await map.renderedMarks('plekhovo')).toEqual([]);
    expect(await map.renderedMarks('ulanok')).toEqual([]);
    const image = await captureMap(page);
    const background = colourAt(image, { x: 4, y: 4 });
    const statusColours = Object.fromEntries(Object.entries(STATUS_STYLE).map(([k, v]) => [k, hex(v.color)]));
    for (const placeId of ['plekhovo', 'ulanok']) {
      const centre = await placeCentre(page, placeId);
      const segments = await ringSegments(page, placeId);
      expect(segments.length, `${placeId} has ring segments`).toBeGreaterThan(1);
      // Statuses are grouped in a fixed order clockwise from twelve o'clock.
      const order = ['ukrainian', 'russian', 'contested', 'none', 'off'];
      const ranks = segments.map((s) => order.indexOf(s.status));
      expect(ranks, `${placeId}'s segments in status order`).toEqual([...ranks].sort((a, b) => a - b));
      for (const { rotate, status } of segments) {
        // The middle of the segment's band: `around` counts degrees clockwise from east.
        const drawn = colourAt(image, around(centre, ringRadius, rotate - 90, image.ratio), 0);
        if (status === 'off') continue;
        expectColour(`${placeId}'s ${status} segment at ${rotate}°`, drawn, status, {
          ...statusColours,
          background,
          white: WHITE,
        });
      }
    }
    // Plekhovo: Russian for every source that speaks of it on that date.
    expect((await ringSegments(page, 'plekhovo')).filter((s) => s.status !== 'off').map((s) => s.status)).toEqual(
      expect.arrayContaining(['russian']),
    );
  });

  // Last in the group: it takes the map out of the page's layout.
  test('golden: the default view on 6 February 2025', async () => {
    await jumpToView(page, DEFAULT_VIEW);
    await fixMapSize(page, GOLDEN_SIZE.width, GOLDEN_SIZE.height);
    await expectGolden(page, test.info(), 'default-2025-02-06');
  });
});

test("a source's mark is drawn at its offset in the source's colour, and only while the source has a position", async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open(`?date=2024-08-20&sources=${UKRAINIAN}&view=13.00/51.19139/35.27056`);
  const image = await captureMap(page);
  const centre = await placeCentre(page, 'sudzha');
  const background = colourAt(image, { x: 4, y: 4 });
  // The place marker too: the three Ukrainian sources agree on Ukrainian control.
  expect(await map.agreementOf('sudzha')).toBe('agree-ukrainian');
  expectColour("Sudzha's marker", colourAt(image, insideMarker(centre, image.ratio)), 'agree-ukrainian', {
    ...AGREEMENT_COLOURS,
    background,
  });

  const at = async (sourceId: string) => {
    const { x, y, color } = await markOffset(page, 'sudzha', sourceId);
    return { point: offsetBy(centre, x, y, image.ratio), colour: hex(color) };
  };
  // The C-in-C said Ukrainian control: a mark in the C-in-C's colour.
  expect(await map.statusBy('sudzha', 'ua-commander-in-chief')).toBe('ukrainian');
  const cinc = await at('ua-commander-in-chief');
  expectColour("the C-in-C's mark at Sudzha", colourAt(image, cinc.point), 'source', {
    source: cinc.colour,
    background,
    white: WHITE,
  });

  // The General Staff had said nothing yet (its mark exists for later dates), and ISW is switched off: no mark.
  expect(await map.statusBy('sudzha', 'ua-general-staff')).toBeUndefined();
  for (const sourceId of ['ua-general-staff', 'isw']) {
    const mark = await at(sourceId);
    const drawn = colourAt(image, mark.point);
    expect(
      distance(drawn, mark.colour),
      `${sourceId}'s empty slot at Sudzha drew ${css(drawn)}, its colour is ${css(mark.colour)}`,
    ).toBeGreaterThan(60);
  }

  // Switching ISW on (it said contested on 12 August 2024) draws its mark.
  await map.setSource('isw', true);
  const withIsw = await captureMap(page);
  const isw = await at('isw');
  expectColour("ISW's mark at Sudzha once ISW is on", colourAt(withIsw, isw.point), 'source', {
    source: isw.colour,
    background,
    white: WHITE,
  });
});

test('at the opening view crowded Sudzha draws a compact ring; pointing at it, or zooming in, draws its marks', async ({
  page,
}) => {
  const map = new MapDriver(page);
  await map.open(`?date=2024-08-20&sources=${UKRAINIAN}&legend=0`);
  const centre = await placeCentre(page, 'sudzha');
  const cinc = await markOffset(page, 'sudzha', 'ua-commander-in-chief');
  const colour = hex(cinc.color);
  expect(await map.statusBy('sudzha', 'ua-commander-in-chief')).toBe('ukrainian');
  const markDrawn = async () => {
    const image = await captureMap(page);
    return distance(colourAt(image, offsetBy(centre, cinc.x, cinc.y, image.ratio)), colour) < TOLERANCE;
  };
  // Goncharovka and Zaoleshenka lie 33–35 px off: no marks at 28 px, only the ring that hugs the marker.
  expect(await markDrawn(), "the C-in-C's mark before pointing").toBe(false);
  const segments = await ringSegments(page, 'sudzha');
  expect(segments.some((s) => s.status === 'ukrainian')).toBe(true);

  const box = await page.locator('.map-canvas canvas').first().boundingBox();
  if (!box) throw new Error('no map canvas');
  const ratio = (await captureMap(page)).ratio;
  await page.mouse.move(box.x + centre.x / ratio, box.y + centre.y / ratio);
  await map.waitForIdle();
  expect(await markDrawn(), "the C-in-C's mark while pointing at Sudzha").toBe(true);
  // Still there on the way to the mark itself, so it can be pointed at.
  await page.mouse.move(box.x + centre.x / ratio + cinc.x, box.y + centre.y / ratio + cinc.y);
  await map.waitForIdle();
  expect(await markDrawn(), "the C-in-C's mark with the pointer on it").toBe(true);
  await page.mouse.move(box.x + 5, box.y + box.height - 5);
  await map.waitForIdle();
  expect(await markDrawn(), "the C-in-C's mark once the pointer has left").toBe(false);

  // Zoomed in far enough for its neighbours, Sudzha shows its marks unasked (the view centred on it).
  await jumpToView(page, '13.00/51.19139/35.27056');
  const zoomedCentre = await placeCentre(page, 'sudzha');
  const image = await captureMap(page);
  expect(
    distance(colourAt(image, offsetBy(zoomedCentre, cinc.x, cinc.y, image.ratio)), colour),
    "the C-in-C's mark at zoom 13",
  ).toBeLessThan(TOLERANCE);
});

const AREA_VIEW_AT = '10.50/51.17000/35.30000';
const AREA_VIEW = `?date=2025-02-07&view=${AREA_VIEW_AT}`;
const DEEPSTATE_FEB = {
  name: '1738800000.geojson',
  mimeType: 'application/geo+json',
  buffer: readFileSync('test/fixtures/areas-e2e/1738800000.geojson'),
};
/** ISW's real format: only `kursk_russian_advances` polygons (35.35–35.55 E and 35.7–35.8 E, 51.15–51.25 N). */
const ISW_FEB = {
  name: '2025-02-07.geojson',
  mimeType: 'application/geo+json',
  buffer: readFileSync('test/fixtures/areas-e2e/2025-02-07.geojson'),
};
/** DeepState's Ukrainian box (35.05–35.5 E, 51.0–51.3 N) where ISW says nothing: away from places and outlines. */
const DEEPSTATE_ONLY: [number, number] = [35.15, 51.27];
/** DeepState Ukrainian and ISW's Russian advance: the ground the two maps oppose. */
const OPPOSED: [number, number] = [35.42, 51.2];
/** DeepState's "unknown status" strip (35.5–35.6 E) outside ISW's advance: contested in DeepState alone. */
const CONTESTED: [number, number] = [35.58, 51.27];
/** ISW's second advance box, where DeepState draws nothing. */
const ISW_ONLY: [number, number] = [35.75, 51.2];

/** How magenta a colour is: red and blue above green. Blue area fills do not raise it; the hatching does. */
const magentaness = (c: Rgb) => (c[0] + c[2]) / 2 - c[1];

/** The share of a 24 × 24 px window whose pixels turned markedly more magenta from `before` to `after`. */
function hatchedShare(before: MapImage, after: MapImage, at: Point): number {
  const was = neighbourhood(before, at, 12);
  const now = neighbourhood(after, at, 12);
  return now.filter((c, i) => magentaness(c) - magentaness(was[i]) > 40).length / now.length;
}

test.describe('imported area maps on 7 February 2025: DeepState and ISW', () => {
  let page: Page;
  let map: MapDriver;

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    map = new MapDriver(page);
    await map.open(AREA_VIEW);
    await openTab(page, 'data');
    await page.getByLabel('Choose files…').setInputFiles([DEEPSTATE_FEB, ISW_FEB]);
    await expect(page.getByText(`Imported`).filter({ hasText: ISW_FEB.name })).toBeVisible({ timeout: 30_000 });
    await waitForDisagreementDrawn(page);
    await map.waitForIdle();
  });
  test.afterAll(async () => page.close());

  test('an imported area is filled in its status colour at 28 % over the map', async () => {
    await jumpToView(page, AREA_VIEW_AT);
    // What lies under the areas: the same view with every area layer hidden.
    const bare = await withLayersHidden(page, ['area-'], () => captureMap(page));
    const both = await captureMap(page);
    await map.setSource('isw', false);
    const deepstate = await captureMap(page);
    await map.setSource('isw', true);
    const fill = (status: keyof typeof AREA_STATUS_STYLE, under: Rgb) =>
      blend(hex(AREA_STATUS_STYLE[status].color), under, 0.28);
    for (const [what, image, lngLat, expected] of [
      ['DeepState, Ukrainian', deepstate, DEEPSTATE_ONLY, 'ukrainian'],
      ['DeepState, contested', deepstate, CONTESTED, 'contested'],
      // ISW draws nothing there: switching it on adds no fill.
      ['DeepState with ISW on, Ukrainian', both, DEEPSTATE_ONLY, 'ukrainian'],
    ] as const) {
      const point = await projectToCanvas(page, lngLat);
      const under = colourAt(bare, point, 2);
      const candidates = {
        ukrainian: fill('ukrainian', under),
        contested: fill('contested', under),
        russian: fill('russian', under),
        'russian-advance': fill('russian-advance', under),
        unfilled: under,
      };
      expectColour(`the area fill (${what})`, colourAt(image, point, 2), expected, candidates);
    }
    // ISW's second advance box lies east of this view: look there, with ISW on and off.
    await jumpToView(page, '11.00/51.20000/35.75000');
    const point = await projectToCanvas(page, ISW_ONLY);
    const withIsw = colourAt(await captureMap(page), point, 2);
    await map.setSource('isw', false);
    const under = colourAt(await captureMap(page), point, 2);
    await map.setSource('isw', true);
    expectColour('the area fill (ISW, Russian advance)', withIsw, 'russian-advance', {
      'russian-advance': fill('russian-advance', under),
      ukrainian: fill('ukrainian', under),
      contested: fill('contested', under),
      unfilled: under,
    });
  });

  test('where the two maps oppose each other the ground is hatched in magenta, and only there', async () => {
    await jumpToView(page, AREA_VIEW_AT);
    const opposed = await projectToCanvas(page, OPPOSED);
    const deepstateOnly = await projectToCanvas(page, DEEPSTATE_ONLY);
    const iswOnly = await projectToCanvas(page, ISW_ONLY);
    const hatched = await captureMap(page);
    // With ISW off there is nothing to compare: no hatching anywhere.
    await map.setSource('isw', false);
    const plain = await captureMap(page);
    await map.setSource('isw', true);
    // ISW's own fill changes the colours where it draws: compare with the same view, hatching hidden.
    const unhatched = await withLayersHidden(page, ['area-disagreement'], () => captureMap(page));
    expect(hatchedShare(unhatched, hatched, opposed), 'hatched share where DeepState and ISW oppose').toBeGreaterThan(
      0.1,
    );
    // Ground only one map speaks of is no disagreement (ISW's files carry only Russian advances).
    expect(hatchedShare(plain, hatched, deepstateOnly), 'hatched share where only DeepState speaks').toBeLessThan(0.01);
    expect(hatchedShare(unhatched, hatched, iswOnly), 'hatched share where only ISW speaks').toBeLessThan(0.01);
  });

  // Last in the group: it takes the map out of the page's layout. The hatching is being redrawn: regenerate
  // with `npm run goldens -- -g "area pair"`.
  test('golden: an imported area pair (DeepState and ISW) with their disagreement hatched', async () => {
    await jumpToView(page, '10.00/51.17000/35.30000');
    await fixMapSize(page, GOLDEN_SIZE.width, GOLDEN_SIZE.height);
    await expectGolden(page, test.info(), 'area-pair-2025-02-07');
  });
});

test('golden: the overview at zoom 9.2 on 6 February 2025 (summary rings, no marks)', async ({ page }, testInfo) => {
  const map = new MapDriver(page);
  await map.open('?date=2025-02-06&view=9.20/51.16000/35.33000');
  await fixMapSize(page, GOLDEN_SIZE.width, GOLDEN_SIZE.height);
  await expectGolden(page, testInfo, 'overview-2025-02-06');
});

test('golden: Sudzha selected on 20 August 2024', async ({ page }, testInfo) => {
  const map = new MapDriver(page);
  await map.open('?date=2024-08-20&place=sudzha&view=11.50/51.17000/35.30000');
  await expect(page.locator('.place-detail[data-place-id="sudzha"]')).toBeVisible();
  expect(await map.placeState('sudzha')).toMatchObject({ selected: true });
  await fixMapSize(page, GOLDEN_SIZE.width, GOLDEN_SIZE.height);
  await expectGolden(page, testInfo, 'sudzha-selected-2024-08-20');
});

const COMPARE_VIEW = '11.00/51.17000/35.30000';

test('golden: compare mode, 20 August 2024 beside 20 March 2025 (Ukrainian sources)', async ({ page }, testInfo) => {
  const left = new MapDriver(page);
  await left.open(`?date=2024-08-20&sources=${UKRAINIAN}&compare=1&date2=2025-03-20&view=${COMPARE_VIEW}`);
  const right = new MapDriver(page, '__frontlineMap2');
  await right.waitForIdle();
  await fixMapSize(page, GOLDEN_SIZE.width, GOLDEN_SIZE.height, 0, '__frontlineMap');
  await fixMapSize(page, GOLDEN_SIZE.width, GOLDEN_SIZE.height, GOLDEN_SIZE.width, '__frontlineMap2');
  // Both sides on the link's view, centred, once their containers are final: resizing one side while the
  // other follows its view (compare mode's sync) left the second side wherever the sync caught it.
  await jumpToView(page, COMPARE_VIEW, '__frontlineMap');
  await jumpToView(page, COMPARE_VIEW, '__frontlineMap2');
  await left.waitForIdle();
  await right.waitForIdle();
  await expectGolden(page, testInfo, 'compare-left-2024-08-20');
  await expectGolden(page, testInfo, 'compare-right-2025-03-20', '__frontlineMap2');
});

// The first view as a first-time visitor gets it (a bare link), the map as laid out beside the panels.
for (const [name, viewport] of [
  ['first-view-1440x900', { width: 1440, height: 900 }],
  ['first-view-390x844', { width: 390, height: 844 }],
] as const)
  test(`golden: the first view at ${viewport.width}×${viewport.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    const map = new MapDriver(page);
    await map.open();
    await expectGolden(page, testInfo, name);
  });
