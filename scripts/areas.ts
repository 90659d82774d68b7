/**
 * `npm run areas -- FILE... [--date YYYY-MM-DD]`: import area snapshots (DeepState, ISW or the
 * app's schema) and print each one's date and km² per status inside Russia (Kursk box).
 *
 * `npm run areas -- --check`: CI check of the importer and clipping against the figures in
 * shared/data/MANIFEST.md and research/claims.md §4.2, and of the area-disagreement rule on a real
 * DeepState/ISW pair against an independent computation (./lib/independentDisagreement.ts), when
 * ../shared/data is present.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type AreaImportContext, importAreaFile } from '../src/areas/detect';
import { areaDisagreement } from '../src/areas/disagreement';
import { disagreementPair } from '../src/areas/disagreementPair';
import { loadRussiaClip } from '../src/areas/loadNode';
import { measureClaims, type StatusKm2 } from '../src/areas/measure';
import { AREA_STATUSES, type AreaSnapshot } from '../src/areas/model';
import { isValidIsoDate } from '../src/claims/dates';
import { decodeUtf8 } from '../src/claims/importBatch';
import { formatDataError } from '../src/claims/schema';
import { independentDisagreementKm2, sampledDisagreementKm2 } from './lib/independentDisagreement';
import { loadRepoDataset } from './lib/loadData';

const repoRoot = join(import.meta.dirname, '..');
const km2 = (n: number) => n.toFixed(1);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A file's bytes as the app reads a picked file: a fatal UTF-8 decode, then the drop-a-file entry. */
function importBytes(path: string, ctx: AreaImportContext): ReturnType<typeof importAreaFile> {
  const text = decodeUtf8(basename(path), readFileSync(path));
  return text.ok ? importAreaFile(basename(path), text.value, ctx) : text;
}

function importFile(path: string, ctx: AreaImportContext): { snapshot?: AreaSnapshot; km2?: StatusKm2; ms: number } {
  const started = performance.now();
  const result = importBytes(path, ctx);
  if (!result.ok) {
    for (const e of result.errors) console.error(`  ${formatDataError(e)}`);
    return { ms: performance.now() - started };
  }
  // DeepState areas are already cut to Russia; ISW and app files are measured inside it here.
  const measured = measureClaims(result.value.claims, ctx.clip);
  return { snapshot: result.value, km2: measured, ms: performance.now() - started };
}

function report(args: string[]): number {
  const dateAt = args.indexOf('--date');
  const date = dateAt >= 0 ? args[dateAt + 1] : undefined;
  if (date !== undefined && !isValidIsoDate(date)) {
    console.error(`--date must be YYYY-MM-DD, not "${date}"`);
    return 1;
  }
  const files = args.filter((_, i) => dateAt < 0 || (i !== dateAt && i !== dateAt + 1));
  if (files.length === 0) {
    console.error('usage: npm run areas -- FILE... [--date YYYY-MM-DD] | --check');
    return 1;
  }
  const ctx: AreaImportContext = { clip: loadRussiaClip(repoRoot), date };
  let failed = 0;
  for (const path of files) {
    const { snapshot: s, km2: measured, ms } = importFile(path, ctx);
    if (!s || !measured) {
      failed++;
      continue;
    }
    const time = s.snapshotTime ? ` (snapshot ${s.snapshotTime} UTC)` : '';
    const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0);
    console.log(`${basename(path)}: ${s.format} ${s.sourceId}/${s.layer}, stated ${s.statedDate}${time}`);
    console.log(
      `  ${s.claims.length} areas kept${skipped.length ? `; skipped ${skipped.map(([k, n]) => `${n} ${k}`).join(', ')}` : ''}; ${seconds(ms)}`,
    );
    const held = AREA_STATUSES.filter((st) => measured[st] > 0);
    console.log(
      `  km² inside Russia: ${held.length ? held.map((st) => `${st} ${km2(measured[st])}`).join(', ') : 'none'}`,
    );
  }
  return failed ? 1 : 0;
}

/** Union km² of "Liberated" in Russia from claims.md §4.2; DeepState's own published figures for context. */
const CHECKS = [
  { file: '1738790518.geojson', date: '2025-02-05', unionKm2: 439.5, publishedKm2: 428 },
  { file: '1741781084.geojson', date: '2025-03-12', unionKm2: 151.4, publishedKm2: 140 },
];
const TOLERANCE = 0.02;

function check(): number {
  // SHARED_DIR lets a clone elsewhere (e.g. a scratch CI checkout) point at the shared folder.
  const shared = process.env.SHARED_DIR ?? join(repoRoot, '..', 'shared');
  const dir = join(shared, 'data', 'deepstate_raw_key_snapshots');
  if (!existsSync(join(shared, 'data'))) {
    console.log(`areas --check skipped: ${join(shared, 'data')} is not present (set SHARED_DIR to its parent)`);
    return 0;
  }
  console.log(
    'areas --check: DeepState Ukrainian-held ("Liberated") km² inside Russia, within 2 % of the union figure',
  );
  const ctx: AreaImportContext = { clip: loadRussiaClip(repoRoot) };
  let passed = 0;
  let failed = 0;
  for (const c of CHECKS) {
    const path = join(dir, c.file);
    const { snapshot, km2: measured, ms } = existsSync(path) ? importFile(path, ctx) : { ms: 0 };
    const ours = measured?.ukrainian;
    const off = ours === undefined ? Number.NaN : (ours - c.unionKm2) / c.unionKm2;
    const ok = snapshot?.statedDate === c.date && Math.abs(off) <= TOLERANCE;
    if (ok) passed++;
    else failed++;
    console.log(
      `  ${ok ? 'ok  ' : 'FAIL'} ${c.date} ${c.file}: ours ${ours === undefined ? (existsSync(path) ? 'import failed' : 'file missing') : km2(ours)}` +
        ` vs union ${km2(c.unionKm2)} (${Number.isNaN(off) ? '–' : `${off >= 0 ? '+' : ''}${(off * 100).toFixed(1)} %`});` +
        ` DeepState published ${c.publishedKm2}; stated ${snapshot?.statedDate ?? '?'}; ${seconds(ms)}`,
    );
  }
  const gap = checkDisagreement(shared, ctx);
  passed += gap.passed;
  failed += gap.failed;
  if (checkArchive(shared, ctx)) passed++;
  else failed++;
  if (process.env.CI) {
    const out = join(repoRoot, '.ci', 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'checks.json'), `${JSON.stringify({ passed, failed })}\n`);
  }
  return failed ? 1 : 0;
}

/**
 * Every snapshot of the real DeepState archive (MANIFEST.md §4) imports through the drop-a-file entry,
 * read from its bytes as the app reads them: 7 of them hold U+FFFD in a description, and are text.
 */
function checkArchive(shared: string, ctx: AreaImportContext): boolean {
  const dir = join(shared, 'data', 'deepstate_kursk_clipped');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d+\.geojson$/.test(f)) : [];
  const started = performance.now();
  const refused = files.flatMap((f) => {
    const result = importBytes(join(dir, f), ctx);
    return result.ok ? [] : [result.errors.map(formatDataError).join('; ')];
  });
  const ok = files.length > 0 && refused.length === 0;
  console.log(
    `areas --check: every DeepState snapshot of the real archive imports\n  ${ok ? 'ok  ' : 'FAIL'} ` +
      `${files.length - refused.length}/${files.length} imported in ${seconds(performance.now() - started)}`,
  );
  for (const r of refused.slice(0, 10)) console.log(`    refused: ${r}`);
  return ok;
}

/** The pair from the bug report: DeepState's map of 2025-02-05 21:21 UTC and ISW's layer of 2025-02-07. */
const DISAGREEMENT_CHECK = {
  deepstate: join('deepstate_raw_key_snapshots', '1738790518.geojson'),
  isw: join('isw_kursk_russian_advances', '2025-02-07.geojson'),
  date: '2025-02-07',
};
const DISAGREEMENT_TOLERANCE = 0.01;
/** The grid estimate (0.001°, about 70 × 111 m cells) is coarser: 2 %. */
const SAMPLED_TOLERANCE = 0.02;
/** Below this, a kind's km² are compared absolutely (1 % of a sliver is rounding noise). */
const DISAGREEMENT_FLOOR_KM2 = 0.05;

/**
 * The disagreement rule on the real files, through the app's importers and pair choice, against an
 * independent computation (polygon-clipping instead of the app's Clipper2): within 1 % per kind.
 */
function checkDisagreement(shared: string, ctx: AreaImportContext): { passed: number; failed: number } {
  const paths = [DISAGREEMENT_CHECK.deepstate, DISAGREEMENT_CHECK.isw].map((p) => join(shared, 'data', p));
  console.log(
    `areas --check: area disagreement on ${DISAGREEMENT_CHECK.date}, app rule vs polygon-clipping (1 %) and a point grid (2 %)`,
  );
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) {
    console.log(`  FAIL file missing: ${missing.join(', ')}`);
    return { passed: 0, failed: 1 };
  }
  const snapshots = paths.map((p) => importFile(p, ctx).snapshot);
  const dataset = loadRepoDataset();
  if (!dataset.ok || snapshots.some((s) => !s)) {
    console.log('  FAIL import failed');
    return { passed: 0, failed: 1 };
  }
  const inForce = snapshots.filter((s): s is AreaSnapshot => s !== undefined);
  const order = dataset.value.sources.map((s) => s.id);
  const pair = disagreementPair(inForce, new Set(order), order);
  if (pair?.[0].sourceId !== 'deepstate' || pair[1].sourceId !== 'isw') {
    console.log(`  FAIL pair chosen: ${pair ? `${pair[0].sourceId} vs ${pair[1].sourceId}` : 'none'}`);
    return { passed: 0, failed: 1 };
  }
  const started = performance.now();
  const ours = areaDisagreement(pair[0], pair[1]);
  const ms = performance.now() - started;
  const theirs = independentDisagreementKm2(pair[0], pair[1]);
  const deepstateHeld = measureClaims(pair[0].claims).ukrainian;
  console.log(
    `  pair: ${pair[0].sourceId} ${pair[0].snapshotTime ?? pair[0].statedDate} vs ${pair[1].sourceId} ${pair[1].statedDate}; ` +
      `DeepState Ukrainian-held ${km2(deepstateHeld)} km² (what the old rule hatched); rule ${seconds(ms)}`,
  );
  if (ours.error) {
    console.log(`  FAIL the rule's clipping failed: ${ours.error}`);
    return { passed: 0, failed: 1 };
  }
  for (const part of ours.parts)
    console.log(
      `    ${part.kind}: ${part.a.sourceId} ${part.a.status} / ${part.b.sourceId} ${part.b.status}: ${km2(part.km2)} km²`,
    );
  const sampled = sampledDisagreementKm2(pair[0], pair[1], 0.001);
  let passed = 0;
  let failed = 0;
  const compare = (label: string, kind: 'opposed' | 'contested', b: number, tolerance: number) => {
    const a = ours.km2[kind];
    const off = Math.max(a, b) < DISAGREEMENT_FLOOR_KM2 ? 0 : (a - b) / b;
    const ok = Number.isFinite(off) && Math.abs(off) <= tolerance;
    if (ok) passed++;
    else failed++;
    console.log(
      `  ${ok ? 'ok  ' : 'FAIL'} ${kind}: app rule ${a.toFixed(3)} km² vs ${label} ${b.toFixed(3)} km²` +
        ` (${Number.isFinite(off) ? `${off >= 0 ? '+' : ''}${(off * 100).toFixed(3)} %` : '–'}, limit ${tolerance * 100} %)`,
    );
  };
  for (const kind of ['opposed', 'contested'] as const) {
    compare('polygon-clipping', kind, theirs[kind], DISAGREEMENT_TOLERANCE);
    compare('point grid', kind, sampled[kind], SAMPLED_TOLERANCE);
  }
  return { passed, failed };
}

const args = process.argv.slice(2);
process.exit(args.includes('--check') ? check() : report(args));
