/**
 * A small driver so specs read as given/when/then. It talks to the real
 * MapLibre map (exposed in e2e builds) and waits for `idle`, never for time.
 */
import { expect, type Page } from '@playwright/test';

export interface RenderedPlace {
  placeId: string;
  agreement: string;
}

export interface RenderedMark {
  placeId: string;
  sourceId: string;
  status: string;
}

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
    await this.page.waitForFunction((key) => window[key]?.getLayer('place-labels') !== undefined, this.key, {
      timeout: 30_000,
    });
    await this.page.evaluate(
      (key) =>
        new Promise<void>((resolve) => {
          const map = window[key];
          if (!map) throw new Error('map not exposed');
          if (map.loaded() && !map.isMoving()) {
            map.once('idle', () => resolve());
            map.triggerRepaint();
          } else map.once('idle', () => resolve());
        }),
      this.key,
    );
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
