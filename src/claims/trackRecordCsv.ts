/** The track record's export: one row per (voice, change it spoke on), with its claim's and the reference's citations. */
import { csvCell } from './exportClaims';
import type { Dataset } from './model';
import type { TrackRecord } from './trackRecord';

const COLUMNS = [
  'place_id',
  'place',
  'status',
  'change_date',
  'voice',
  'source_id',
  'source',
  'position',
  'date',
  'days_vs_reference',
  'contradicted_days',
  'reversed_on',
  'claim_id',
  'citation_url',
  'reference_date',
  'reference_claim_id',
  'reference_citation_url',
] as const;

const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : csvCell(v));

export function trackRecordToCsv(record: TrackRecord, dataset: Dataset): string {
  const place = new Map(dataset.places.map((p) => [p.id, p.names.en]));
  const source = new Map(dataset.sources.map((s) => [s.id, s.name]));
  // Numbers are written as they are: the formula guard would turn a negative offset into text.
  const rows: (string | number | null)[][] = [];
  for (const { voice, spoke } of record.voices)
    for (const { event, position, offsetDays, contradictedDays, reversedBy } of spoke) {
      const claim = position.kind === 'silent' ? undefined : position.claim;
      rows.push([
        event.placeId,
        place.get(event.placeId) ?? event.placeId,
        event.status,
        event.date,
        voice.id,
        voice.sourceId,
        source.get(voice.sourceId) ?? voice.sourceId,
        position.kind,
        position.kind === 'first' || position.kind === 'followed' ? position.date : '',
        offsetDays,
        contradictedDays,
        reversedBy?.statedDate ?? '',
        claim?.id ?? '',
        claim?.evidence.url ?? '',
        event.reference?.date ?? '',
        event.reference?.claim.id ?? '',
        event.reference?.claim.evidence.url ?? '',
      ]);
    }
  return `${[COLUMNS.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n')}\r\n`;
}
