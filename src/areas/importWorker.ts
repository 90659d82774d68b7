/**
 * Imports area files off the main thread: clipping a DeepState snapshot to
 * Russia and measuring it takes long enough to freeze the page otherwise.
 * The border and the Russia polygon are fetched once from the app's own origin.
 */
/// <reference lib="webworker" />
import type { MultiLineString } from 'geojson';
import type { Result } from '../claims/errors';
import { borderFromGeojson, type ClipRegion, clipRegionFromCountries } from './basemap';
import { importAreaFile } from './detect';
import { frontLine } from './frontline';
import { measureSnapshot, type StatusKm2 } from './measure';
import type { AreaSnapshot } from './model';

export interface AreaImportRequest {
  id: number;
  fileName: string;
  text: string;
  baseUrl: string;
  sourceIds: string[];
}

export interface LoadedArea {
  snapshot: AreaSnapshot;
  km2: StatusKm2;
  frontLine: MultiLineString;
  /** The URL it was fetched from, when the app fetched it (src/state/deepstateArchive.ts) rather than the user imported it. */
  fetchedFrom?: string;
}

export interface AreaImportResponse {
  id: number;
  result: Result<LoadedArea>;
}

let context: Promise<{ clip: ClipRegion; border: MultiLineString }> | undefined;

async function loadContext(baseUrl: string) {
  const fetchText = async (file: string) => {
    const response = await fetch(new URL(`basemap/${file}`, baseUrl));
    if (!response.ok) throw new Error(`could not load ${file} (${response.status})`);
    return response.text();
  };
  const [countries, borderText] = await Promise.all([
    fetchText('countries-detail.geojson'),
    fetchText('border-detail.geojson'),
  ]);
  const clip = clipRegionFromCountries('countries-detail.geojson', countries);
  const border = borderFromGeojson('border-detail.geojson', borderText);
  if (!clip.ok || !border.ok) throw new Error('the built-in basemap files are damaged');
  return { clip: clip.value, border: border.value };
}

async function handle(request: AreaImportRequest): Promise<AreaImportResponse> {
  try {
    context ??= loadContext(request.baseUrl);
    const { clip, border } = await context;
    const result = importAreaFile(request.fileName, request.text, { clip, sourceIds: new Set(request.sourceIds) });
    if (!result.ok) return { id: request.id, result };
    const snapshot = result.value;
    return {
      id: request.id,
      result: { ok: true, value: { snapshot, km2: measureSnapshot(snapshot), frontLine: frontLine(snapshot, border) } },
    };
  } catch (err) {
    context = undefined;
    const message = err instanceof Error ? err.message : String(err);
    return { id: request.id, result: { ok: false, errors: [{ file: request.fileName, message }] } };
  }
}

self.onmessage = async (event: MessageEvent<AreaImportRequest>) => {
  self.postMessage(await handle(event.data));
};
