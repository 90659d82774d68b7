/**
 * The derived-claims file (data/derived-claims.geojson): the claims as `geometry: null` features, the
 * same shape as data/claims.geojson, so the schema that reads one reads the other.
 */
import type { Claim } from '../../src/claims/model';

export function derivedClaimsText(claims: readonly Claim[]): string {
  const features = claims.map((properties) => ({ type: 'Feature', geometry: null, properties }));
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}

/** How two lists of claims differ, by id: what only `a` has, what only `b` has, and what both have but differently. */
export function claimDiff(
  a: readonly Claim[],
  b: readonly Claim[],
): { onlyA: string[]; onlyB: string[]; changed: string[] } {
  const byId = (list: readonly Claim[]) => new Map(list.map((c) => [c.id, JSON.stringify(c)]));
  const ma = byId(a);
  const mb = byId(b);
  return {
    onlyA: [...ma.keys()].filter((id) => !mb.has(id)),
    onlyB: [...mb.keys()].filter((id) => !ma.has(id)),
    changed: [...ma.keys()].filter((id) => mb.has(id) && mb.get(id) !== ma.get(id)),
  };
}
