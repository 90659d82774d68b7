import type { StyleSpecification } from 'maplibre-gl';
/**
 * Which basemap the user chose, remembered in localStorage. The built-in offline basemap is the
 * default; nothing is requested elsewhere unless the user configures a style URL. A local PMTiles
 * file cannot be reopened without the user (browsers do not keep file handles), so only its name
 * is remembered, to say so.
 */
/** What the map draws under the app's layers: a style URL or object, or null for the built-in one. */
export type BasemapStyle = string | StyleSpecification | null;

export type BasemapChoice = { kind: 'builtin' } | { kind: 'url'; url: string } | { kind: 'pmtiles'; fileName: string };

const STORAGE_KEY = 'frontline-claims:basemap:v1';

/**
 * A stored choice, field by field (storage may hold anything: an older version's, or edited by hand);
 * null when it is not one. Other fields are dropped. Checked by hand: zod is not loaded at start-up.
 */
function asChoice(value: unknown): BasemapChoice | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { kind, url, fileName } = value as { kind?: unknown; url?: unknown; fileName?: unknown };
  if (kind === 'builtin') return { kind };
  if (kind === 'url' && typeof url === 'string' && url.length <= 2000) return { kind, url };
  if (kind === 'pmtiles' && typeof fileName === 'string' && fileName.length <= 500) return { kind, fileName };
  return null;
}

/** A MapLibre style URL must be http(s); anything else (javascript:, data:, file:) is refused. */
export function checkStyleUrl(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: 'only http(s) URLs are allowed' };
  return { ok: true, url: url.href };
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
