/**
 * Export of the claims in view as GeoJSON (the app's own import schema, so an
 * export can be imported elsewhere) and as CSV with citations.
 */
import type { Claim, Dataset, IsoDate } from './model';

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
