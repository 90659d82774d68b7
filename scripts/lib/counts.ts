/**
 * Headline figures of the claim record, written into the READMEs between `<!-- counts -->` and
 * `<!-- /counts -->` by `npm run data:check -- --write`, and checked by `npm run data:check` (which fails
 * when a block is stale), so the prose can never disagree with the data.
 */
import type { Dataset, PrecisionKind } from '../../src/claims/model.ts';

export const COUNTS_START = '<!-- counts -->';
export const COUNTS_END = '<!-- /counts -->';

const KIND_WORDS: Record<PrecisionKind, string> = {
  point: 'published point',
  landmark: 'landmark in the place',
  'arc-minute': 'published to the arc-minute',
  estimate: 'estimated from distances',
};
const KIND_ORDER: PrecisionKind[] = ['point', 'landmark', 'arc-minute', 'estimate'];

export interface Counts {
  sources: number;
  places: number;
  placesByPrecision: Record<PrecisionKind, number>;
  claims: number;
  /** Claims whose source made them in words, and those read off a map. */
  mapDerived: number;
  firstStated: string | undefined;
  lastStated: string | undefined;
}

export function computeCounts(dataset: Dataset): Counts {
  const placesByPrecision: Record<PrecisionKind, number> = { point: 0, landmark: 0, 'arc-minute': 0, estimate: 0 };
  for (const place of dataset.places) placesByPrecision[place.precision.kind] += 1;
  const dates = dataset.claims.map((c) => c.statedDate).sort();
  return {
    sources: dataset.sources.length,
    places: dataset.places.length,
    placesByPrecision,
    claims: dataset.claims.length,
    mapDerived: dataset.claims.filter((c) => c.nature === 'map-derived').length,
    firstStated: dates[0],
    lastStated: dates.at(-1),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line of prose, e.g. "17 sources, 15 places (8 published point, …), 96 claims (… map-derived), stated 2024-08-07 to 2025-04-08." */
export function renderCounts(counts: Counts): string {
  const kinds = KIND_ORDER.filter((k) => counts.placesByPrecision[k] > 0)
    .map((k) => `${counts.placesByPrecision[k]} ${KIND_WORDS[k]}`)
    .join(', ');
  const range = counts.firstStated ? `, stated ${counts.firstStated} to ${counts.lastStated}` : '';
  return (
    `${plural(counts.sources, 'source')}, ${plural(counts.places, 'place')} (${kinds}), ` +
    `${plural(counts.claims, 'claim')} (${counts.mapDerived} of them map-derived)${range}.`
  );
}

export type BlockResult = { ok: true; text: string; changed: boolean } | { ok: false; message: string };

/** Put `rendered` between the markers of `text`. A file without markers is an error, as are unpaired ones. */
export function replaceCountsBlock(text: string, rendered: string): BlockResult {
  const start = text.indexOf(COUNTS_START);
  const end = text.indexOf(COUNTS_END);
  if (start < 0 && end < 0) return { ok: false, message: `no ${COUNTS_START} … ${COUNTS_END} block` };
  if (start < 0 || end < start) return { ok: false, message: `unpaired ${COUNTS_START} / ${COUNTS_END} markers` };
  if (text.indexOf(COUNTS_START, start + 1) >= 0) return { ok: false, message: `more than one ${COUNTS_START} block` };
  const next = `${text.slice(0, start + COUNTS_START.length)}${rendered}${text.slice(end)}`;
  return { ok: true, text: next, changed: next !== text };
}
