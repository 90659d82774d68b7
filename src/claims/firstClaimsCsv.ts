/** The "first claims" export: one row per (change of control, other source), with the first claim's citation. */
import { csvCell } from './exportClaims';
import type { ControlChange } from './firstClaims';
import type { Dataset } from './model';

const COLUMNS = [
  'place_id',
  'place',
  'status',
  'change_date',
  'first_position',
  'first_sources',
  'first_citation',
  'source_id',
  'source',
  'outcome',
  'date',
  'lag_days',
  'held_instead',
  'citation_url',
] as const;

export function firstClaimsToCsv(changes: readonly ControlChange[], dataset: Dataset): string {
  const place = new Map(dataset.places.map((p) => [p.id, p.names.en]));
  const source = new Map(dataset.sources.map((s) => [s.id, s.name]));
  const rows: string[][] = [];
  for (const c of changes) {
    const head = [
      c.placeId,
      place.get(c.placeId) ?? c.placeId,
      c.status,
      c.date,
      c.initial ? 'yes' : 'no',
      c.first.map((f) => f.sourceId).join(' '),
      c.first[0]?.claim.evidence.url ?? '',
    ];
    for (const f of c.followers) {
      const name = source.get(f.sourceId) ?? f.sourceId;
      if (f.kind === 'followed')
        rows.push([
          ...head,
          f.sourceId,
          name,
          'followed',
          f.date,
          String(f.lagDays),
          f.before ?? '',
          f.claim.evidence.url,
        ]);
      else if (f.kind === 'contradicted')
        rows.push([...head, f.sourceId, name, 'contradicted', f.until ?? '', '', f.held, '']);
      else rows.push([...head, f.sourceId, name, 'never', '', '', '', '']);
    }
    if (c.followers.length === 0) rows.push([...head, '', '', '', '', '', '', '']);
  }
  return `${[COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}
