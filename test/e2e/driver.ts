/**
 * A small driver so specs read as given/when/then. It talks to the real
 * MapLibre map (exposed in e2e builds) and waits for `idle`, never for time.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';

export interface RenderedPlace {
  placeId: string;
  agreement: string;
}

export interface RenderedMark {
  placeId: string;
  sourceId: string;
  status: string;
}

/** Where a place asked for is not seen: outside the map, or under something laid over (or beside) it. */
export interface HiddenPlace {
  placeId: string;
  under: string;
}

/**
 * What can hide a place: every overlay the app lays over the map (legend, cards, hint), the map's own buttons
 * and credits, and the panels, sheet, table and notices around it.
 */
const OVERLAYS: Record<string, string> = {
  overlay: '[data-map-overlay]',
  'zoom buttons': '.maplibregl-ctrl-group',
  attribution: '.maplibregl-ctrl-attrib',
  'side panel or sheet': '.side-panel',
  'place panel': '.place-panel',
  'claims table': '.table-side',
  notices: '.notices',
};

/** The bundled places' coordinates ([lng, lat]), by id. */
const PLACES: ReadonlyMap<string, [number, number]> = new Map(
  (
    JSON.parse(readFileSync('data/places.geojson', 'utf8')) as {
      features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
    }
  ).features.map((f) => [f.properties.id, f.geometry.coordinates]),
);

/** Which map a driver talks to: the first, or the second side in compare mode. */
export type MapKey = '__frontlineMap' | '__frontlineMap2';

/** The origin the app is served from (playwright.config.ts's baseURL); anything else counts as foreign. */
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4174}`;

export class MapDriver {
  /** Requests to anything but the app's own origin. */
  readonly foreignRequests: string[] = [];

  constructor(
    readonly page: Page,
    readonly key: MapKey = '__frontlineMap',
  ) {
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== APP_ORIGIN) this.foreignRequests.push(request.url());
    });
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/${search}`);
    await this.waitForIdle();
  }

  /** Resolves once the map has loaded the app's layers and finished rendering. */
  async waitForIdle(): Promise<void> {
    await waitForMapIdle(this.page, this.key);
  }

  /** Places as drawn: one entry per rendered place marker whose layer is showing it. */
  async renderedPlaces(): Promise<RenderedPlace[]> {
    return this.page.evaluate((key) => {
      const map = window[key];
      if (!map) throw new Error('map not exposed');
      const layers = map.getLayersOrder().filter((id) => id.startsWith('place-marker-'));
      const seen = new Map<string, string>();
      for (const f of map.queryRenderedFeatures({ layers })) {
        const placeId = String(f.properties.placeId);
        const layerKey = f.layer.id.replace('place-marker-', '');
        // Each agreement has its own layer; the feature state says which one is showing the place.
        if (f.state.agreement === layerKey) seen.set(placeId, layerKey);
      }
      return [...seen].map(([placeId, agreement]) => ({ placeId, agreement }));
    }, this.key);
  }

  async renderedMarks(placeId: string): Promise<RenderedMark[]> {
    return this.page.evaluate(
      ({ placeId, key }) => {
        const map = window[key];
        if (!map) throw new Error('map not exposed');
        const layers = map.getLayersOrder().filter((id) => id.startsWith('place-mark-'));
        const seen = new Map<string, string>();
        for (const f of map.queryRenderedFeatures({ layers })) {
          if (f.properties.placeId !== placeId) continue;
          const layerStatus = f.layer.id.replace('place-mark-', '');
          if (f.state.status === layerStatus) seen.set(String(f.properties.sourceId), layerStatus);
        }
        return [...seen].map(([sourceId, status]) => ({ placeId, sourceId, status }));
      },
      { placeId, key: this.key },
    );
  }

  async agreementOf(placeId: string): Promise<string | undefined> {
    return (await this.renderedPlaces()).find((p) => p.placeId === placeId)?.agreement;
  }

  async statusBy(placeId: string, sourceId: string): Promise<string | undefined> {
    return (await this.renderedMarks(placeId)).find((m) => m.sourceId === sourceId)?.status;
  }

  /** Switches a source in the Sources tab (which it opens). */
  async setSource(sourceId: string, on: boolean): Promise<void> {
    await openTab(this.page, 'sources');
    await this.page.locator(`#source-${sourceId}`).setChecked(on);
    await this.waitForIdle();
  }

  /** Clicks the place's marker on the map canvas at its projected position. */
  async clickPlaceOnMap(placeId: string): Promise<void> {
    const point = await this.page.evaluate(
      ({ placeId, key }) => {
        const map = window[key];
        if (!map) throw new Error('map not exposed');
        const feature = map
          .queryRenderedFeatures({ layers: ['place-labels'] })
          .find((f) => f.properties.placeId === placeId);
        if (feature?.geometry.type !== 'Point') throw new Error(`${placeId} is not rendered`);
        const p = map.project(feature.geometry.coordinates as [number, number]);
        const rect = map.getCanvas().getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
      { placeId, key: this.key },
    );
    await this.page.mouse.click(point.x, point.y);
    await expect(this.page.locator(`.place-detail[data-place-id="${placeId}"]`)).toBeVisible();
  }

  /** The place's feature state as the map holds it (agreement, changed, dimmed…). */
  async placeState(placeId: string): Promise<Record<string, unknown>> {
    return this.page.evaluate(
      ({ placeId, key }) => {
        const map = window[key];
        if (!map) throw new Error('map not exposed');
        const f = map.querySourceFeatures('app-places').find((f) => f.properties.placeId === placeId);
        if (f?.id === undefined) throw new Error(`${placeId} is not in the places source`);
        return map.getFeatureState({ source: 'app-places', id: f.id });
      },
      { placeId, key: this.key },
    );
  }

  currentDate() {
    return this.page.locator('.current-date');
  }

  /**
   * The places (ids) that are not in the free part of the map as drawn now: each projected by the map to the
   * page, and outside the map's canvas or inside the box of an overlay, panel, sheet or notice.
   */
  async hiddenPlaces(placeIds: readonly string[]): Promise<HiddenPlace[]> {
    const places = placeIds.map((placeId) => {
      const coordinates = PLACES.get(placeId);
      if (!coordinates) throw new Error(`no place ${placeId}`);
      return { placeId, coordinates };
    });
    return this.page.evaluate(
      ({ places, overlays, key }) => {
        const map = window[key];
        if (!map) throw new Error('map not exposed');
        const canvas = map.getCanvas().getBoundingClientRect();
        const boxes = Object.entries(overlays).flatMap(([kind, selector]) =>
          [...document.querySelectorAll(selector)]
            .map((element) => ({
              name: `${kind} (${element.className})`,
              box: element.getBoundingClientRect(),
            }))
            .filter(({ box }) => box.width > 0 && box.height > 0),
        );
        const hidden: { placeId: string; under: string }[] = [];
        for (const { placeId, coordinates } of places) {
          const p = map.project(coordinates);
          const x = canvas.left + p.x;
          const y = canvas.top + p.y;
          const inside = (b: DOMRect) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
          if (!inside(canvas)) hidden.push({ placeId, under: `outside the map, at ${Math.round(x)},${Math.round(y)}` });
          else for (const { name, box } of boxes) if (inside(box)) hidden.push({ placeId, under: name });
        }
        return hidden;
      },
      { places, overlays: OVERLAYS, key: this.key },
    );
  }

  /** Waits until every place asked for is in the free part of the map (it fails with the ones that are not). */
  async expectInView(placeIds: readonly string[], what: string): Promise<void> {
    await expect.poll(() => this.hiddenPlaces(placeIds), { message: what }).toEqual([]);
  }

  /** The story card (a story is on) and its step. */
  storyCard() {
    return this.page.locator('.story-card[data-story]');
  }

  /** Steps the story on with the card's Next button, and waits for the map. */
  async nextStoryStep(): Promise<void> {
    const card = this.storyCard();
    const step = Number(await card.getAttribute('data-step'));
    await card.locator('.panel-actions button').nth(1).click();
    await expect(card).toHaveAttribute('data-step', String(step + 1));
    await this.waitForIdle();
  }

  /** Opens the claims table (header), narrows it to one place and clicks the first row's date. */
  async jumpFromTable(placeId: string): Promise<void> {
    const toggle = this.page.locator('.header-toggle[data-view="table"]');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const table = this.page.locator('.claims-table');
    await table.locator('select[name="claims-place"]').selectOption(placeId);
    await table.locator('tbody tr[data-claim-id] td:first-child button').first().click();
    await expect(this.page.locator(`.place-detail[data-place-id="${placeId}"]`)).toBeVisible();
    await this.waitForIdle();
  }
}

/** Resolves once the map in `target` (the page, or a frame that holds the app) has its layers and is idle. */
async function waitForMapIdle(target: Page | Frame, key: MapKey): Promise<void> {
  await target.waitForFunction((key) => window[key]?.getLayer('place-labels') !== undefined, key, {
    timeout: 30_000,
  });
  await target.evaluate(
    (key) =>
      new Promise<void>((resolve) => {
        const map = window[key];
        if (!map) throw new Error('map not exposed');
        if (map.loaded() && !map.isMoving()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
    key,
  );
}

/** The side panel's tabs, by the id the link uses (`tab=…`); language-independent. */
export type SideTabName = 'sources' | 'places' | 'changes' | 'data';

/** Opens a side panel tab (on a small screen this also unfolds the bottom sheet). */
export async function openTab(page: Page, name: SideTabName): Promise<void> {
  const tab = page.locator(`#tab-${name}`);
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`#tabpanel-${name}`)).toBeVisible();
}

/** Opens the full legend from the short key (the legend itself must be open). */
export async function openFullLegend(page: Page): Promise<void> {
  const more = page.locator('.map-legend-more');
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await expect(page.locator('.map-legend')).toHaveAttribute('data-legend', 'full');
}

/**
 * The track record (header button "Track record"): its table, the list behind a figure, its chart and its CSV,
 * all by data attributes (language-independent).
 */
export class TrackRecordDriver {
  constructor(readonly page: Page) {}

  get view() {
    return this.page.locator('.track-record');
  }

  /** Opens the view from the header and waits for its table. */
  async open(): Promise<void> {
    const toggle = this.page.locator('.header-toggle[data-view="track"]');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(this.view.locator('tbody tr[data-voice]').first()).toBeVisible();
  }

  /** The voices listed, in the table's order (a source's id, or `<id>:map` for its map). */
  async voices(): Promise<string[]> {
    return this.view
      .locator('tbody tr[data-voice]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-voice') ?? ''));
  }

  /** A row's figures as shown, by column. */
  async figures(voiceId: string): Promise<Record<string, string>> {
    return this.view
      .locator(`tbody tr[data-voice="${voiceId}"] td[data-column]`)
      .evaluateAll((cells) =>
        Object.fromEntries(cells.map((c) => [c.getAttribute('data-column') ?? '', (c.textContent ?? '').trim()])),
      );
  }

  /** Opens the changes behind a figure (a column's button) and returns the list's items. */
  async openFigure(voiceId: string, column: string) {
    await this.view.locator(`tbody tr[data-voice="${voiceId}"] td[data-column="${column}"] button`).click();
    const list = this.view.locator('.track-events');
    await expect(list.locator('h3')).toBeFocused();
    return list.locator('li[data-place-id]');
  }

  /** The chart's dots per voice, each with its days against the reference and its x. */
  async chartDots(): Promise<Record<string, { offset: number; cx: number }[]>> {
    return this.view.locator('tbody tr[data-voice]').evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-voice') ?? '',
          [...row.querySelectorAll('svg.track-record-chart circle')].map((c) => ({
            offset: Number(c.getAttribute('data-offset')),
            cx: Number(c.getAttribute('cx')),
          })),
        ]),
      ),
    );
  }

  /** The x of the chart's zero line (the reference's own day), the same in every row. */
  async chartZeroX(): Promise<number> {
    return Number(await this.view.locator('tbody svg.track-record-chart line.zero').first().getAttribute('x1'));
  }

  async chooseReference(reference: 'deepstate' | 'isw' | 'independent'): Promise<void> {
    await this.view.locator('select[name="track-reference"]').selectOption(reference);
    await expect(this.view).toHaveAttribute('data-reference', reference);
  }

  /** Downloads the CSV and returns its file name and lines. */
  async downloadCsv(): Promise<{ name: string; lines: string[] }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.view.locator('.track-record-head button').first().click(),
    ]);
    const lines = readFileSync(await file.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    return { name: file.suggestedFilename(), lines };
  }
}

/**
 * The two area maps' agreement over time (the Areas panel in the Data tab; test/e2e/agreement.spec.ts): its
 * section, the chart (a slider over its days), the table of pairs, and what the chart drew.
 */
export class AgreementDriver {
  constructor(readonly page: Page) {}

  section() {
    return this.page.locator('.maps-agreement');
  }

  chart() {
    return this.section().getByRole('slider');
  }

  /** Opens the Data tab and waits until every pair of maps compared is measured (the chart has filled). */
  async waitFilled(pairs: number): Promise<void> {
    await openTab(this.page, 'data');
    await expect(this.section()).toHaveAttribute('data-pairs', String(pairs), { timeout: 30_000 });
    await expect(this.section()).toHaveAttribute('data-measured', String(pairs), { timeout: 30_000 });
    await expect(this.chart().locator('canvas')).toBeVisible();
  }

  /** The table of pairs, opened: per row its first day, km² and IoU as the data attributes give them. */
  async pairRows(): Promise<{ from: string | null; km2: string | null; iou: string | null }[]> {
    const details = this.section().locator('details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    const rows = this.section().locator('.agreement-table tbody tr');
    await expect(rows.first()).toBeVisible();
    return rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        from: tr.getAttribute('data-from'),
        km2: tr.getAttribute('data-km2'),
        iou: tr.getAttribute('data-iou'),
      })),
    );
  }

  /** Clicks the chart's plot at a fraction (0 = its first day, 1 = its last) of its width. */
  async clickAt(fraction: number): Promise<void> {
    const over = this.chart().locator('.u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('the chart has no plot area');
    await over.click({ position: { x: fraction * box.width, y: box.height / 2 } });
  }

  /** How many of the chart canvas's pixels are within `tolerance` of `hex` per channel (what it drew). */
  async pixelsOfColour(hex: string, tolerance = 40): Promise<number> {
    return this.chart()
      .locator('canvas')
      .evaluate(
        (canvas, { hex, tolerance }) => {
          const c = canvas as HTMLCanvasElement;
          const ctx = c.getContext('2d');
          if (!ctx) throw new Error('no 2d context');
          const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
          const { data } = ctx.getImageData(0, 0, c.width, c.height);
          let n = 0;
          for (let i = 0; i < data.length; i += 4)
            if (data[i + 3] > 200 && want.every((v, k) => Math.abs(data[i + k] - v) <= tolerance)) n++;
          return n;
        },
        { hex, tolerance },
      );
  }
}

// Embed and timelapse (issue 27): a page of another origin that frames the app, and the recorded video.

/** A page served from another origin than the app's (a free port of 127.0.0.1), until `close`. */
export async function serveHostPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The app's link for `search` (the origin the app is served from). */
export const appUrl = (search: string) => `${APP_ORIGIN}/${search}`;

/** The app framed in a host page (`embed=1`): its parts, and its map, through the frame. */
export class EmbeddedApp {
  readonly frame: FrameLocator;

  constructor(
    readonly page: Page,
    selector = 'iframe',
  ) {
    this.frame = page.frameLocator(selector);
  }

  slider() {
    return this.frame.locator('#date-range');
  }

  currentDate() {
    return this.frame.locator('.current-date');
  }

  openFullApp() {
    return this.frame.locator('.embed-open');
  }

  /** Waits for the framed app's map to be idle. */
  async waitForIdle(): Promise<void> {
    const element = await this.frame.owner().elementHandle();
    const frame = await element?.contentFrame();
    if (!frame) throw new Error('the frame holds no document');
    await waitForMapIdle(frame, '__frontlineMap');
  }
}

/** What the Timelapse panel asks for. */
export interface TimelapseRequest {
  from: string;
  to: string;
  daysPerSecond: number;
}

/** Fills the Timelapse panel (the Data tab), records, and returns the downloaded video. */
export async function recordTimelapse(page: Page, { from, to, daysPerSecond }: TimelapseRequest) {
  await openTab(page, 'data');
  const panel = page.locator('.timelapse-panel');
  await panel.locator('input[name="timelapse-from"]').fill(from);
  await panel.locator('input[name="timelapse-to"]').fill(to);
  await panel.locator('input[name="timelapse-speed"]').fill(String(daysPerSecond));
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    panel.locator('.panel-actions button').first().click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}
