/**
 * `npm run bench:clipping [-- --every N] [--only name,name]`: polygon clipping libraries measured on the
 * app's own work with the real DeepState archive (shared/data/MANIFEST.md §4) and ISW's Kursk layers (§1),
 * found as data:check finds them (`$SHARED_DIR`, else `../shared` beside the checkout).
 *
 * Each library is put behind src/areas/ops.ts in turn (`useClipping`), and the app's own code runs:
 * - **import**: every DeepState snapshot through the drop-a-file entry (`decodeUtf8`, `importAreaFile`:
 *   each polygon cut to Russia with `intersectLocal`), then what the import worker adds (`measureSnapshot`:
 *   a union per status; `frontLine`, which does not clip);
 * - **disagreement**: `computeDisagreement` (unions, differences, intersections) between every N-th
 *   DeepState snapshot from ISW's first layer on and the ISW layer in force that day.
 *
 * Answers are compared with polyclip-ts's (turf 7's, what the app used before round 7): km² per status
 * per snapshot and km² per kind per pair, as the largest relative difference where either side holds at
 * least `FLOOR_KM2` (below that a difference is a sliver, given in km²). A failure is a file refused or a
 * throw (polyclip-ts's "Unable to complete output ring"). Optional candidates are measured when installed
 * (`npm i --no-save martinez-polygon-clipping js-angusj-clipper`), skipped otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { difference, feature, featureCollection, intersect, union } from '@turf/turf';
import polygonClipping, { type Geom } from 'polygon-clipping';
import { geometryFromTree, toPaths } from '../../src/areas/clipper2';
import { type AreaImportContext, importAreaFile } from '../../src/areas/detect';
import { computeDisagreement } from '../../src/areas/disagreement';
import { frontLine } from '../../src/areas/frontline';
import { loadBorder, loadRussiaClip } from '../../src/areas/loadNode';
import { measureSnapshot, type StatusKm2 } from '../../src/areas/measure';
import { AREA_STATUSES, type AreaGeometry, type AreaSnapshot } from '../../src/areas/model';
import { type PolygonClipping, useClipping } from '../../src/areas/ops';
import { formatDataError } from '../../src/claims/errors';
import { decodeUtf8 } from '../../src/claims/importBatch';
import { sharedDataDir } from '../lib/deriveSources';
import { repoRoot } from '../lib/loadData';

/** Below this, km² differences are slivers: reported absolutely, not as a share. */
const FLOOR_KM2 = 1;

const asGeometry = (coordinates: Geom[] | Geom | null | undefined): AreaGeometry | null => {
  const polygons = (coordinates ?? []) as number[][][][] | number[][][];
  if (polygons.length === 0) return null;
  // A Polygon's first element is a ring (of positions); a MultiPolygon's is a polygon (of rings).
  const multi = Array.isArray((polygons as number[][][][])[0][0][0]);
  if (!multi) return { type: 'Polygon', coordinates: polygons as number[][][] };
  const parts = polygons as number[][][][];
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
};

const polyclipTs: PolygonClipping = {
  intersect: (a, b) => intersect(featureCollection([feature(a), feature(b)]))?.geometry ?? null,
  union: (parts) => union(featureCollection(parts.map((g) => feature(g))))?.geometry ?? null,
  difference: (a, b) => difference(featureCollection([feature(a), feature(b)]))?.geometry ?? null,
};

const polygonClippingLib: PolygonClipping = {
  intersect: (a, b) => asGeometry(polygonClipping.intersection(a.coordinates as Geom, b.coordinates as Geom)),
  union: (parts) =>
    asGeometry(
      polygonClipping.union(parts[0].coordinates as Geom, ...parts.slice(1).map((p) => p.coordinates as Geom)),
    ),
  difference: (a, b) => asGeometry(polygonClipping.difference(a.coordinates as Geom, b.coordinates as Geom)),
};

/** A library that may not be installed: imported by a name the type checker does not resolve. */
async function optional(name: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(/* @vite-ignore */ name)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

type Fn = (...args: unknown[]) => unknown;

async function martinez(): Promise<PolygonClipping | null> {
  const lib = await optional('martinez-polygon-clipping');
  if (!lib) return null;
  const op = (name: string) => lib[name] as (a: unknown, b: unknown) => Geom[] | Geom | null;
  return {
    intersect: (a, b) => asGeometry(op('intersection')(a.coordinates, b.coordinates)),
    // Martinez takes two operands: the union of many is folded pairwise.
    union: (parts) =>
      parts
        .slice(1)
        .reduce<AreaGeometry | null>(
          (acc, p) => (acc ? asGeometry(op('union')(acc.coordinates, p.coordinates)) : p),
          parts[0],
        ),
    difference: (a, b) => asGeometry(op('diff')(a.coordinates, b.coordinates)),
  };
}

/** Clipper 1 compiled to WebAssembly: asynchronous to load, synchronous once loaded. */
async function angusjClipper(): Promise<PolygonClipping | null> {
  const lib = await optional('js-angusj-clipper');
  if (!lib) return null;
  const enums = lib as {
    ClipType: Record<string, number>;
    PolyFillType: Record<string, number>;
    NativeClipperLibRequestedFormat: Record<string, number>;
  };
  const clipper = (await (lib.loadNativeClipperLibInstanceAsync as Fn)(
    enums.NativeClipperLibRequestedFormat.WasmOnly,
  )) as {
    clipToPolyTree: (params: unknown) => { childs: PolyNode[] };
  };
  interface PolyNode {
    contour: { x: number; y: number }[];
    childs: PolyNode[];
  }
  const tree = {
    ring: (n: PolyNode) => n.contour.map((p) => ({ x: p.x, y: p.y })),
    children: (n: PolyNode) => n.childs,
  };
  const run = (clipType: number, subject: AreaGeometry[], clip: AreaGeometry | null) => {
    const subjectPaths = subject.flatMap((g) => toPaths(g));
    const result = clipper.clipToPolyTree({
      clipType,
      subjectInputs: [{ data: subjectPaths, closed: true }],
      clipInputs: clip ? [{ data: toPaths(clip) }] : [],
      subjectFillType: enums.PolyFillType.NonZero,
      clipFillType: enums.PolyFillType.NonZero,
    });
    return geometryFromTree(result.childs, tree);
  };
  return {
    intersect: (a, b) => run(enums.ClipType.Intersection, [a], b),
    union: (parts) => run(enums.ClipType.Union, [...parts], null),
    difference: (a, b) => run(enums.ClipType.Difference, [a], b),
  };
}

interface LibraryRun {
  name: string;
  files: number;
  imported: number;
  importFailures: string[];
  importMs: number;
  measureMs: number;
  frontLineMs: number;
  /** The slowest file's import + measure + front line. */
  maxFileMs: number;
  km2: Map<string, StatusKm2>;
  pairs: number;
  pairFailures: string[];
  disagreementMs: number;
  disagreementKm2: Map<string, { opposed: number; contested: number }>;
}

function args() {
  const argv = process.argv.slice(2);
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return { every: Number(value('--every') ?? 6), only: value('--only')?.split(',') };
}

function runLibrary(
  name: string,
  deepstate: { file: string; bytes: Uint8Array }[],
  isw: { date: string; file: string; text: string }[],
  every: number,
): LibraryRun {
  const ctx: AreaImportContext = { clip: loadRussiaClip(repoRoot), sourceIds: new Set(['deepstate', 'isw']) };
  const border = loadBorder(repoRoot);
  const run: LibraryRun = {
    name,
    files: deepstate.length,
    imported: 0,
    importFailures: [],
    importMs: 0,
    measureMs: 0,
    frontLineMs: 0,
    maxFileMs: 0,
    km2: new Map(),
    pairs: 0,
    pairFailures: [],
    disagreementMs: 0,
    disagreementKm2: new Map(),
  };
  const sampled: AreaSnapshot[] = [];
  for (const [i, { file, bytes }] of deepstate.entries()) {
    const t0 = performance.now();
    const text = decodeUtf8(file, bytes);
    let result: ReturnType<typeof importAreaFile>;
    try {
      result = text.ok ? importAreaFile(file, text.value, ctx) : text;
    } catch (err) {
      result = { ok: false, errors: [{ file, message: err instanceof Error ? err.message : String(err) }] };
    }
    const t1 = performance.now();
    run.importMs += t1 - t0;
    if (!result.ok) {
      run.importFailures.push(result.errors.map(formatDataError).join('; '));
      continue;
    }
    run.imported++;
    try {
      run.km2.set(file, measureSnapshot(result.value));
    } catch (err) {
      run.importFailures.push(`${file}: measuring: ${err instanceof Error ? err.message : String(err)}`);
    }
    const t2 = performance.now();
    frontLine(result.value, border);
    const t3 = performance.now();
    run.measureMs += t2 - t1;
    run.frontLineMs += t3 - t2;
    run.maxFileMs = Math.max(run.maxFileMs, t3 - t0);
    if (i % every === 0) sampled.push(result.value);
  }
  const iswSnapshots = isw.flatMap(({ date, file, text }) => {
    const r = importAreaFile(file, text, ctx);
    return r.ok ? [{ date, snapshot: r.value }] : [];
  });
  for (const ds of sampled) {
    const inForce = iswSnapshots.filter((s) => s.date <= ds.statedDate).at(-1);
    if (!inForce) continue;
    const key = `${ds.fileName} × ${inForce.snapshot.fileName}`;
    run.pairs++;
    const t0 = performance.now();
    try {
      const d = computeDisagreement(ds, inForce.snapshot);
      run.disagreementKm2.set(key, d.km2);
    } catch (err) {
      run.pairFailures.push(`${key}: ${err instanceof Error ? err.message : String(err)}`);
    }
    run.disagreementMs += performance.now() - t0;
  }
  return run;
}

/** The largest difference from the reference over matching keys: relative above the floor, km² below it. */
function largestDelta<K extends string>(
  ours: Map<string, Record<K, number>>,
  reference: Map<string, Record<K, number>>,
  kinds: readonly K[],
): { relative: number; slivers: number; worst: string } {
  let relative = 0;
  let slivers = 0;
  let worst = '–';
  for (const [key, theirs] of reference) {
    const mine = ours.get(key);
    if (!mine) continue;
    for (const kind of kinds) {
      const a = mine[kind];
      const b = theirs[kind];
      if (Math.max(a, b) < FLOOR_KM2) slivers = Math.max(slivers, Math.abs(a - b));
      else if (Math.abs(a - b) / b > relative) {
        relative = Math.abs(a - b) / b;
        worst = `${key} ${kind}: ${a.toFixed(3)} vs ${b.toFixed(3)} km²`;
      }
    }
  }
  return { relative, slivers, worst };
}

const sum = <K extends string>(m: Map<string, Record<K, number>>, kinds: readonly K[]) =>
  [...m.values()].reduce((t, v) => t + kinds.reduce((s, k) => s + v[k], 0), 0);

async function main(): Promise<number> {
  const shared = sharedDataDir();
  if (!shared) {
    console.log(
      'bench:clipping skipped: no shared/data beside the checkout (set SHARED_DIR to the folder that holds data/)',
    );
    return 0;
  }
  const { every, only } = args();
  const dsDir = join(shared, 'deepstate_kursk_clipped');
  const iswDir = join(shared, 'isw_kursk_russian_advances');
  const deepstate = readdirSync(dsDir)
    .filter((f) => /^\d+\.geojson$/.test(f))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(dsDir, file)) }));
  const isw = readdirSync(iswDir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.geojson$/.test(f))
    .sort()
    .map((file) => ({ date: file.slice(0, 10), file, text: readFileSync(join(iswDir, file), 'utf8') }));
  const candidates: [string, () => Promise<PolygonClipping | null>][] = [
    ['polyclip-ts', async () => polyclipTs],
    ['polygon-clipping', async () => polygonClippingLib],
    ['martinez-polygon-clipping', martinez],
    ['js-angusj-clipper', angusjClipper],
    ['clipper2-ts', async () => (await import('../../src/areas/clipper2')).clipper2],
  ];
  console.log(
    `bench:clipping: ${deepstate.length} DeepState snapshots, ${isw.length} ISW layers; disagreement on every ${every}th snapshot`,
  );
  const runs: LibraryRun[] = [];
  for (const [name, load] of candidates) {
    if (only && !only.includes(name)) continue;
    const lib = await load();
    if (!lib) {
      console.log(`  ${name}: not installed, skipped (npm i --no-save ${name})`);
      continue;
    }
    const previous = useClipping(lib);
    try {
      const started = performance.now();
      runs.push(runLibrary(name, deepstate, isw, every));
      console.log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      useClipping(previous);
    }
  }
  const reference = runs.find((r) => r.name === 'polyclip-ts');
  const ms = (total: number, n: number) => (n ? (total / n).toFixed(1) : '–');
  console.log('');
  console.log(
    '| library | imported | import ms/file | measure ms/file | worker ms/file (+ front line) | slowest file ms | disagreement ms/pair | failures (import, pairs) | km² vs polyclip-ts: snapshots | disagreement |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    const km2 = reference ? largestDelta(r.km2, reference.km2, AREA_STATUSES) : undefined;
    const gap = reference
      ? largestDelta(r.disagreementKm2, reference.disagreementKm2, ['opposed', 'contested'] as const)
      : undefined;
    const delta = (d: typeof km2) =>
      d ? `${(d.relative * 100).toFixed(3)} % (slivers ≤ ${d.slivers.toFixed(3)} km²)` : '–';
    console.log(
      `| ${r.name} | ${r.imported}/${r.files} | ${ms(r.importMs, r.files)} | ${ms(r.measureMs, r.imported)} | ` +
        `${ms(r.importMs + r.measureMs + r.frontLineMs, r.files)} | ${r.maxFileMs.toFixed(0)} | ${ms(r.disagreementMs, r.pairs)} | ` +
        `${r.importFailures.length}, ${r.pairFailures.length}/${r.pairs} | ${delta(km2)} | ${delta(gap)} |`,
    );
  }
  console.log('');
  for (const r of runs) {
    const statuses = sum(r.km2, AREA_STATUSES);
    const kinds = sum(r.disagreementKm2, ['opposed', 'contested'] as const);
    console.log(`${r.name}: Σ km² over snapshots ${statuses.toFixed(1)}, over pairs ${kinds.toFixed(1)}`);
    if (reference && r !== reference) {
      console.log(`  largest snapshot difference: ${largestDelta(r.km2, reference.km2, AREA_STATUSES).worst}`);
      console.log(
        `  largest pair difference: ${largestDelta(r.disagreementKm2, reference.disagreementKm2, ['opposed', 'contested'] as const).worst}`,
      );
    }
    for (const f of [...r.importFailures, ...r.pairFailures].slice(0, 5)) console.log(`  failed: ${f}`);
  }
  return 0;
}

process.exit(await main());
