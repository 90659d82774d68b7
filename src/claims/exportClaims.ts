/**
 * Export of the claims in view as GeoJSON (the app's own import schema, so an
 * export can be imported elsewhere) and as CSV with citations.
 */
import { toDayNumber } from './dates';
import type { Claim, Dataset, IsoDate } from './model';
import { lastAtOrBefore } from './sortedDays';

export interface ExportFilter {
  sources: ReadonlySet<string>;
  /** Only claims stated on or before this date; all dates when absent. */
  until?: IsoDate;
}

export function claimsInView(dataset: Dataset, filter: ExportFilter): Claim[] {
  return dataset.claims
    .filter((c) => filter.sources.has(c.sourceId) && (!filter.until || c.statedDate <= filter.until))
    .sort((a, b) => (a.statedDate < b.statedDate ? -1 : a.statedDate > b.statedDate ? 1 : 0));
}

// Per dataset, each source's claim days in order: how many claims are in view is then a binary search per source.
const daysBySource = new WeakMap<Dataset, Map<string, Int32Array>>();

/** The number of claims `claimsInView` would return, in O(sources · log n): cheap enough for every slider tick. */
export function countClaimsInView(dataset: Dataset, filter: ExportFilter): number {
  let bySource = daysBySource.get(dataset);
  if (!bySource) {
    const lists = new Map<string, number[]>();
    for (const c of dataset.claims) {
      const list = lists.get(c.sourceId) ?? [];
      list.push(toDayNumber(c.statedDate));
      lists.set(c.sourceId, list);
    }
    bySource = new Map([...lists].map(([id, days]) => [id, Int32Array.from(days).sort()]));
    daysBySource.set(dataset, bySource);
  }
  const until = filter.until ? toDayNumber(filter.until) : undefined;
  let count = 0;
  for (const id of filter.sources) {
    const days = bySource.get(id);
    if (days) count += until === undefined ? days.length : lastAtOrBefore(days, until) + 1;
  }
  return count;
}

export function claimsToGeoJson(claims: readonly Claim[]): string {
  const features = claims.map(({ imported: _imported, ...properties }) => ({
    type: 'Feature',
    geometry: null,
    properties,
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}

const CSV_COLUMNS = [
  'id',
  'stated_date',
  'source_id',
  'source',
  'claimant',
  'places',
  'status',
  'nature',
  'summary',
  'outlet',
  'provenance',
  'citation_url',
  'also_reported_at',
  'date_note',
  'conflicts_with',
  'note',
] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function claimsToCsv(claims: readonly Claim[], dataset: Dataset): string {
  const sourceName = new Map(dataset.sources.map((s) => [s.id, s.name]));
  const placeName = new Map(dataset.places.map((p) => [p.id, p.names.en]));
  const rows = claims.map((c) => [
    c.id,
    c.statedDate,
    c.sourceId,
    sourceName.get(c.sourceId) ?? c.sourceId,
    c.claimant,
    c.placeIds.map((p) => placeName.get(p) ?? p).join('; '),
    c.status,
    c.nature,
    c.summary,
    c.evidence.outlet,
    c.evidence.provenance,
    c.evidence.url,
    c.evidence.alsoReportedAt.join(' '),
    c.dateNote ?? '',
    c.conflictsWith.join(' '),
    c.note ?? '',
  ]);
  return `${[CSV_COLUMNS as readonly string[], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
