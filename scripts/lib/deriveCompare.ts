/**
 * Derived claims against the hand-entered map-derived ones (data/claims.geojson, `nature: map-derived`):
 * which the derived file replaces, and whether the two agree. Pure.
 */
import type { Claim, Status } from '../../src/claims/model';

/** The sources whose maps are derived here. */
const DERIVED_SOURCES: ReadonlySet<string> = new Set(['deepstate', 'isw']);

const key = (sourceId: string, placeId: string, date: string) => `${sourceId}\u0000${placeId}\u0000${date}`;

function derivedKeys(derived: readonly Claim[]): Set<string> {
  return new Set(derived.flatMap((c) => c.placeIds.map((p) => key(c.sourceId, p, c.statedDate))));
}

/**
 * A hand-entered claim the derived file replaces: one we read off the same source's map ourselves
 * (`map-derived`, provenance `derived`) on a day the derived file has a claim for the same place.
 * A map reading reported by an outlet (provenance `reported`) is that outlet's statement: it stays.
 */
function isReplacedBy(claim: Claim, keys: ReadonlySet<string>): boolean {
  return (
    claim.nature === 'map-derived' &&
    claim.evidence.provenance === 'derived' &&
    claim.placeIds.every((p) => keys.has(key(claim.sourceId, p, claim.statedDate)))
  );
}

/**
 * The derived claims, then the hand-entered ones without those the derived ones replace. Derived claims
 * come first because the app takes a source's last claim of a day as its position that day: where one
 * source has both a statement in words and our reading of its map on the same day (ISW's written
 * "contested" and its layer's `none` on Cherkasskaya Konopelka, 7 Feb 2025), the statement counts.
 */
export function mergeDerived(
  hand: readonly Claim[],
  derived: readonly Claim[],
): { claims: Claim[]; replaced: Claim[] } {
  const keys = derivedKeys(derived);
  const replaced = hand.filter((c) => isReplacedBy(c, keys));
  const gone = new Set(replaced);
  return { claims: [...derived, ...hand.filter((c) => !gone.has(c))], replaced };
}

export interface Comparison {
  hand: Claim;
  placeId: string;
  /** The derived claim of the same source, place and day (the last, if several). */
  sameDay?: Claim;
  /** The derived claim in force that day (latest stated on or before it); the same as `sameDay` when there is one. */
  asOf?: Claim;
  /** What the derived record says that day: a status, or no claim. */
  derivedStatus: Status | 'no claim';
  agree: boolean;
  replaced: boolean;
}

/** Every hand-entered map-derived claim of a derived source, per place, against the derived record of that day. */
export function compareWithHand(hand: readonly Claim[], derived: readonly Claim[]): Comparison[] {
  const keys = derivedKeys(derived);
  const rows: Comparison[] = [];
  for (const h of hand) {
    if (h.nature !== 'map-derived' || !DERIVED_SOURCES.has(h.sourceId)) continue;
    for (const placeId of h.placeIds) {
      const track = derived.filter((d) => d.sourceId === h.sourceId && d.placeIds.includes(placeId));
      const asOf = track.filter((d) => d.statedDate <= h.statedDate).at(-1);
      const sameDay = asOf?.statedDate === h.statedDate ? asOf : undefined;
      const derivedStatus = asOf?.status ?? 'no claim';
      rows.push({
        hand: h,
        placeId,
        ...(sameDay ? { sameDay } : {}),
        ...(asOf ? { asOf } : {}),
        derivedStatus,
        // An ISW `none` and no claim at all say the same: nothing about the place.
        agree: derivedStatus === h.status || (h.status === 'none' && derivedStatus === 'no claim'),
        replaced: isReplacedBy(h, keys),
      });
    }
  }
  return rows;
}

/** The comparison as a Markdown table (data/README.md). */
export function comparisonTable(rows: readonly Comparison[]): string {
  const lines = [
    '| hand-entered claim | source | place | date | hand | derived that day | verdict |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const derived = r.sameDay
      ? `${r.derivedStatus} (\`${r.sameDay.id}\`)`
      : `${r.derivedStatus}${r.asOf ? ` (since ${r.asOf.statedDate}, \`${r.asOf.id}\`)` : ''}`;
    const verdict = `${r.agree ? 'agree' : '**disagree**'}${r.sameDay ? ', same day' : ''}${r.replaced ? '; replaced' : ''}`;
    lines.push(
      `| \`${r.hand.id}\` | ${r.hand.sourceId} | ${r.placeId} | ${r.hand.statedDate} | ${r.hand.status} (${r.hand.evidence.provenance}) | ${derived} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}
