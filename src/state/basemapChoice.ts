import { parseHttpUrl } from '../claims/urls';
import type { BasemapStyle } from '../common/types';

/**
 * Which basemap the user chose, remembered in localStorage. The built-in offline basemap is the
 * default; nothing is requested elsewhere unless the user picks a preset or configures a style URL
 * (either is the opt-in, and is remembered on this machine, never in a link). A local PMTiles
 * file cannot be reopened without the user (browsers do not keep file handles), so only its name
 * is remembered, to say so.
 */
export type BasemapChoice =
  | { kind: 'builtin' }
  | { kind: 'url'; url: string }
  | { kind: 'pmtiles'; fileName: string }
  | { kind: 'preset'; id: BasemapPresetId };

/**
 * One-click online basemaps. Each contacts one server, named in `host` (the panel says so before the
 * click, and index.html's CSP allows it); each credits its data as its terms require (docs/BASEMAP.md).
 */
export interface BasemapPreset {
  label: string;
  host: string;
  /** The credit the provider asks for, as HTML (the map's attribution control shows the sources' own). */
  attribution: string;
  /** The same credit as plain text, for the panel. */
  credit: string;
  /** Where the terms of use are. */
  terms: string;
  style: Exclude<BasemapStyle, null>;
}

const EOX_YEAR = 2024;
const EOX_ATTRIBUTION = `<a href="https://cloudless.eox.at">EOxCloudless ${EOX_YEAR}</a> by EOX IT Services GmbH (Contains modified Copernicus Sentinel data ${EOX_YEAR})`;

export const BASEMAP_PRESETS = {
  'openfreemap-liberty': {
    label: 'OpenStreetMap (OpenFreeMap)',
    host: 'tiles.openfreemap.org',
    attribution:
      '<a href="https://openfreemap.org">OpenFreeMap</a> <a href="https://www.openmaptiles.org/">© OpenMapTiles</a> Data from <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    credit: 'OpenFreeMap · © OpenMapTiles · Data from OpenStreetMap contributors (ODbL)',
    terms: 'https://openfreemap.org/',
    // OpenFreeMap's Liberty style: vector tiles, glyphs and sprites from the same host; its sources carry the credit.
    style: 'https://tiles.openfreemap.org/styles/liberty',
  },
  'eox-s2cloudless': {
    label: `Satellite (EOxCloudless ${EOX_YEAR})`,
    host: 'tiles.maps.eox.at',
    attribution: EOX_ATTRIBUTION,
    credit: `EOxCloudless ${EOX_YEAR} https://cloudless.eox.at by EOX IT Services GmbH (Contains modified Copernicus Sentinel data ${EOX_YEAR}), CC BY-NC-SA 4.0: non-commercial use`,
    terms: 'https://cloudless.eox.at/documentation/license',
    // Sentinel-2 cloudless, about 10 m a pixel: past zoom 14 the tiles are only enlarged, so none are asked for.
    style: {
      version: 8,
      sources: {
        'eox-s2cloudless': {
          type: 'raster',
          tiles: [`https://tiles.maps.eox.at/wmts/1.0.0/s2cloudless-${EOX_YEAR}_3857/default/g/{z}/{y}/{x}.jpg`],
          tileSize: 256,
          maxzoom: 14,
          attribution: EOX_ATTRIBUTION,
        },
      },
      layers: [
        { id: 'satellite-background', type: 'background', paint: { 'background-color': '#2b3a2f' } },
        { id: 'satellite', type: 'raster', source: 'eox-s2cloudless' },
      ],
    },
  },
} as const satisfies Record<string, BasemapPreset>;

export type BasemapPresetId = keyof typeof BASEMAP_PRESETS;

const isPresetId = (id: unknown): id is BasemapPresetId => typeof id === 'string' && Object.hasOwn(BASEMAP_PRESETS, id);

/** The style a choice draws: a URL or style object, or null for the built-in basemap (and for a PMTiles file, until it is opened). */
export function choiceStyle(choice: BasemapChoice): BasemapStyle {
  if (choice.kind === 'url') return choice.url;
  if (choice.kind === 'preset') return BASEMAP_PRESETS[choice.id].style as BasemapStyle;
  return null;
}

const STORAGE_KEY = 'frontline-claims:basemap:v1';

/**
 * A stored choice, field by field (storage may hold anything: an older version's, or edited by hand);
 * null when it is not one. Other fields are dropped. Checked by hand: zod is not loaded at start-up.
 */
function asChoice(value: unknown): BasemapChoice | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { kind, url, fileName, id } = value as { kind?: unknown; url?: unknown; fileName?: unknown; id?: unknown };
  if (kind === 'builtin') return { kind };
  if (kind === 'preset' && isPresetId(id)) return { kind, id };
  if (kind === 'url' && typeof url === 'string' && url.length <= 2000) return { kind, url };
  if (kind === 'pmtiles' && typeof fileName === 'string' && fileName.length <= 500) return { kind, fileName };
  return null;
}

/** A MapLibre style URL must be http(s); anything else (javascript:, data:, file:) is refused. */
export function checkStyleUrl(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  const parsed = parseHttpUrl(raw);
  return parsed.ok ? { ok: true, url: parsed.url.href } : parsed;
}

export function readBasemapChoice(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): BasemapChoice {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return { kind: 'builtin' };
    const choice = asChoice(JSON.parse(raw));
    if (!choice) return { kind: 'builtin' };
    if (choice.kind === 'url' && !checkStyleUrl(choice.url).ok) return { kind: 'builtin' };
    return choice;
  } catch {
    return { kind: 'builtin' };
  }
}

export function saveBasemapChoice(
  choice: BasemapChoice,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Storage full or unavailable: the choice applies for this visit only.
  }
}
