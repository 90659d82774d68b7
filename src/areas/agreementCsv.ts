/** The agreement chart's export: one row per day both maps are in force, with the pair's measures. */
import { csvCell } from '../claims/exportClaims';
import type { AgreementDay } from './agreementSeries';
import type { AreaSnapshot } from './model';

const COLUMNS = [
  'date',
  'first_source',
  'first_map',
  'second_source',
  'second_map',
  'opposed_km2',
  'contested_km2',
  'disagreement_km2',
  'first_russian_held_km2',
  'second_russian_held_km2',
  'both_russian_held_km2',
  'russian_held_iou',
  'note',
] as const;

const mapTime = (s: AreaSnapshot) => s.snapshotTime ?? s.statedDate;
const km2 = (n: number) => n.toFixed(3);

/** `sourceName` gives a source's name for its id. A day whose pair is not measured yet or failed says so. */
export function agreementToCsv(days: readonly AgreementDay[], sourceName: (id: string) => string): string {
  const rows = days.map(({ date, span, answer }) => {
    const [a, b] = span.pair;
    const head = [date, sourceName(a.sourceId), mapTime(a), sourceName(b.sourceId), mapTime(b)];
    if (!answer) return [...head, '', '', '', '', '', '', '', 'not measured yet'];
    if (answer.error) return [...head, '', '', '', '', '', '', '', `clipping failed: ${answer.error}`];
    const { opposed, contested } = answer.km2;
    const r = answer.russianHeld;
    return [
      ...head,
      km2(opposed),
      km2(contested),
      km2(opposed + contested),
      km2(r.aKm2),
      km2(r.bKm2),
      km2(r.bothKm2),
      r.iou === null ? '' : r.iou.toFixed(4),
      '',
    ];
  });
  return `${[[...COLUMNS], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
