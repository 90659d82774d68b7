import type { Status } from './model';
import type { Position } from './timeline';

/** A position that takes a side; `none` (no comment, silence) does not. */
export type TakenStatus = Exclude<Status, 'none'>;

export type Agreement =
  | { kind: 'no-claim' }
  | { kind: 'agree'; status: TakenStatus; sourceIds: string[] }
  | { kind: 'disputed'; byStatus: Partial<Record<TakenStatus, string[]>> };

/** Agreement among the given positions (already limited to enabled sources). Disputes are kept, never averaged. */
export function agreementOf(positions: readonly Position[]): Agreement {
  const byStatus: Partial<Record<TakenStatus, string[]>> = {};
  for (const p of positions) {
    if (p.status === 'none') continue;
    const list = byStatus[p.status] ?? [];
    list.push(p.sourceId);
    byStatus[p.status] = list;
  }
  const statuses = Object.keys(byStatus) as TakenStatus[];
  if (statuses.length === 0) return { kind: 'no-claim' };
  if (statuses.length === 1) {
    const status = statuses[0];
    return { kind: 'agree', status, sourceIds: byStatus[status] ?? [] };
  }
  return { kind: 'disputed', byStatus };
}

/** One word for the map's feature state and the legend. */
export type AgreementKey = 'no-claim' | 'disputed' | `agree-${TakenStatus}`;

export function agreementKey(agreement: Agreement): AgreementKey {
  return agreement.kind === 'agree' ? `agree-${agreement.status}` : agreement.kind;
}
