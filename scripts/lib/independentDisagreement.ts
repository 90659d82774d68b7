/**
 * An independent computation of the area-disagreement rule (src/areas/disagreement.ts), for
 * `npm run areas -- --check`: the same definition, but clipped with the `polygon-clipping` package
 * (Martinez-Rueda sweep line) instead of the app's Clipper2 (src/areas/clipper2.ts), with no code shared with the app beyond the
 * imported snapshots. Areas are turf's spherical areas (`@turf/area`: the
 * Chamberlain–Duquette formula on a sphere of radius 6,371,008.8 m, not an ellipsoid), as in the app.
 */

import { createRequire } from 'node:module';
import { area, bbox, booleanPointInPolygon, feature } from '@turf/turf';
import type { MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import type { AreaGeometry, AreaSnapshot, AreaStatus } from '../../src/areas/model';

// The package's CommonJS build has no named exports Node can see; its types declare only named ones.
const { difference, intersection, union } = createRequire(import.meta.url)(
  'polygon-clipping',
) as typeof import('polygon-clipping');

type Kind = 'opposed' | 'contested';

/** Precedence inside one map, as the rule states it: contested, then Ukrainian, advance, Russian. */
const ORDER: AreaStatus[] = ['contested', 'ukrainian', 'russian-advance', 'russian'];

const flat = (g: AreaGeometry): PcMultiPolygon =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((polygon) =>
    polygon.map((ring) => ring.map(([x, y]) => [x, y] as [number, number])),
  );

const km2Of = (m: PcMultiPolygon) => (m.length ? area({ type: 'MultiPolygon', coordinates: m }) / 1e6 : 0);

function statusAreas(snapshot: AreaSnapshot): Map<AreaStatus, PcMultiPolygon> {
  const out = new Map<AreaStatus, PcMultiPolygon>();
  let taken: PcMultiPolygon = [];
  for (const status of ORDER) {
    const parts = snapshot.claims.filter((c) => c.status === status).map((c) => flat(c.geometry));
    if (parts.length === 0) continue;
    const held = union(parts[0], ...parts.slice(1));
    const own = taken.length ? difference(held, taken) : held;
    if (own.length) out.set(status, own);
    taken = taken.length ? union(taken, held) : held;
  }
  return out;
}

function kind(a: AreaStatus, b: AreaStatus): Kind | null {
  const ru = (s: AreaStatus) => s === 'russian' || s === 'russian-advance';
  if ((a === 'ukrainian' && ru(b)) || (b === 'ukrainian' && ru(a))) return 'opposed';
  if ((a === 'contested') !== (b === 'contested')) return 'contested';
  return null;
}

/** km² of each kind of disagreement between two maps, computed independently of the app. */
export function independentDisagreementKm2(a: AreaSnapshot, b: AreaSnapshot): Record<Kind, number> {
  const ofA = statusAreas(a);
  const ofB = statusAreas(b);
  const km2: Record<Kind, number> = { opposed: 0, contested: 0 };
  for (const [sa, ga] of ofA)
    for (const [sb, gb] of ofB) {
      const k = kind(sa, sb);
      if (k) km2[k] += km2Of(intersection(ga, gb));
    }
  return km2;
}

/**
 * A second, clipping-free estimate: the ground is sampled on a grid of `stepDeg` (cell centres, each
 * cell's exact area on a sphere of radius 6,371,008.8 m, the radius turf uses), and each point is classified by
 * point-in-polygon against each map's claims with the same precedence. Coarse, but it shares nothing
 * with either clipper (polygon-clipping here, Clipper2 in the app).
 */
export function sampledDisagreementKm2(a: AreaSnapshot, b: AreaSnapshot, stepDeg = 0.001): Record<Kind, number> {
  const R_KM = 6371.0088;
  const boxes = (s: AreaSnapshot) => s.claims.map((c) => ({ claim: c, box: bbox(c.geometry) }));
  const [ca, cb] = [boxes(a), boxes(b)];
  const statusAt = (claims: typeof ca, p: [number, number]): AreaStatus | null => {
    let best: AreaStatus | null = null;
    for (const { claim, box } of claims) {
      if (p[0] < box[0] || p[0] > box[2] || p[1] < box[1] || p[1] > box[3]) continue;
      if (best !== null && ORDER.indexOf(best) <= ORDER.indexOf(claim.status)) continue;
      if (booleanPointInPolygon(p, claim.geometry)) best = claim.status;
    }
    return best;
  };
  // Only where both maps draw something can they disagree: the overlap of their extents.
  const [wa, sa, ea, na] = bbox({ type: 'FeatureCollection', features: a.claims.map((c) => feature(c.geometry)) });
  const [wb, sb, eb, nb] = bbox({ type: 'FeatureCollection', features: b.claims.map((c) => feature(c.geometry)) });
  const [w, s, e, n] = [Math.max(wa, wb), Math.max(sa, sb), Math.min(ea, eb), Math.min(na, nb)];
  const km2: Record<Kind, number> = { opposed: 0, contested: 0 };
  const rad = Math.PI / 180;
  for (let y = s + stepDeg / 2; y < n; y += stepDeg) {
    const cell = R_KM * R_KM * stepDeg * rad * (Math.sin((y + stepDeg / 2) * rad) - Math.sin((y - stepDeg / 2) * rad));
    for (let x = w + stepDeg / 2; x < e; x += stepDeg) {
      const sA = statusAt(ca, [x, y]);
      const sB = sA && statusAt(cb, [x, y]);
      const k = sA && sB ? kind(sA, sB) : null;
      if (k) km2[k] += cell;
    }
  }
  return km2;
}
