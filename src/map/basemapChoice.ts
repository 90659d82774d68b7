/**
 * Which basemap the user chose, remembered in localStorage. The built-in offline basemap is the
 * default; nothing is requested elsewhere unless the user configures a style URL. A local PMTiles
 * file cannot be reopened without the user (browsers do not keep file handles), so only its name
 * is remembered, to say so.
 */
import { z } from 'zod';

export type BasemapChoice = { kind: 'builtin' } | { kind: 'url'; url: string } | { kind: 'pmtiles'; fileName: string };

const STORAGE_KEY = 'frontline-claims:basemap:v1';

const choiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin') }),
  z.object({ kind: z.literal('url'), url: z.string().max(2000) }),
  z.object({ kind: z.literal('pmtiles'), fileName: z.string().max(500) }),
]);

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
    const parsed = choiceSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return { kind: 'builtin' };
    if (parsed.data.kind === 'url' && !checkStyleUrl(parsed.data.url).ok) return { kind: 'builtin' };
    return parsed.data;
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
