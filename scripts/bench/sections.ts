/** The printed sections of the cold start with its floor, the real archive and the growth curve. */
import { kB, MB, ms, type Summary } from '../../bench/stats';
import type { ArchiveResults, ArchiveScrub } from './archive';
import type { ColdLoads, ColdStartResult } from './coldStart';
import { type GrowthResults, MOVES_PER_REPAINT_LIMIT } from './growth';

const cells = (values: string[], widths: number[]) =>
  values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');

function coldRow(name: string, c: ColdLoads): string {
  const m = (s: { median: number }) => ms(s.median);
  return cells(
    [name, m(c.shell), m(c.firstIdle), ms(c.firstIdle.p95), m(c.mapChunkStart), m(c.workerStart), String(c.runs)],
    [26, 10, 11, 10, 14, 14, 4],
  );
}

const task = (v: number) => (v ? ms(v) : 'none ≥ 50 ms');
/** A per-move longest task: median, p95 and the worst move (0: no long task). */
export const taskSpread = (s: Summary) => `${task(s.median)} (p95 ${task(s.p95)}, max ${task(s.max)})`;

export function printColdStart(c: ColdStartResult): void {
  console.log('\ncold start (ms since navigation, medians; fresh context each load, app and empty page alternating)');
  console.log(
    cells(['page', 'shell', 'map idle', 'idle p95', 'MapLibre chunk', 'map worker', 'n'], [26, 10, 11, 10, 14, 14, 4]),
  );
  console.log(coldRow('real app (e2e build)', c));
  if (c.emptyMap) console.log(coldRow('empty MapLibre page', c.emptyMap));
  console.log(
    '  "shell": header, date slider and source rows in the DOM; "MapLibre chunk"/"map worker": their requests began',
  );
  const files = c.scripts.map((f) => `${f.path.replace(/^.*\//, '')} ${kB(f.gzipBytes)}`).join(', ');
  console.log(`  JS before the first idle: ${kB(c.jsGzipBytes)} gzip (${files})`);
  console.log(
    `  the app's own (not MapLibre's chunk, not a worker) ${kB(c.appOwnGzipBytes)}; main thread ${kB(c.mainThreadGzipBytes)}`,
  );
}

export function printArchive(a: ArchiveResults | { skipped: string }): void {
  if ('skipped' in a) {
    console.log(`\n${a.skipped}`);
    return;
  }
  const i = a.import;
  console.log(
    `\nreal archive: ${i.files} DeepState snapshots (${i.firstDate} … ${i.lastDate}) dropped on the real app with 100k claims ` +
      `(load ${a.load[0].toFixed(1)} → ${a.load[1].toFixed(1)})`,
  );
  console.log(
    `  import: ${i.imported} imported, ${i.failed} refused; drop → import done ${ms(i.importMs)}, → map idle ${ms(i.toIdleMs)} ` +
      `(fetching the files first, not counted: ${ms(i.fetchMs)})`,
  );
  if (i.refusals?.length) console.log(`  refused: ${[...new Set(i.refusals)].slice(0, 3).join('; ')}`);
  if (i.timelineMs !== undefined)
    console.log(
      `  area timeline (the worker measures every pair the slider may show): filled ${ms(i.timelineMs)} after the drop; ` +
        `longest main-thread task until then ${ms(i.longestTaskWithTimelineMs ?? 0)}`,
    );
  console.log(
    `  main thread while importing: ${i.longTasks} long tasks, longest ${ms(i.longestTaskMs)}, ${i.tasksOver200} over 200 ms; ` +
      `${i.frames} map frames drawn, longest task that drew none ${ms(i.longestTaskNoFrameMs)}`,
  );
  const g = a.agreement;
  if (g)
    console.log(
      `  agreement chart (after the scrub, if any; Data tab open): ${g.imported}/${g.files} ISW maps dropped, imported in ${ms(g.importMs)}; ` +
        `${g.measured}/${g.pairs} map pairs measured ${ms(g.fillMs)} after the drop; main thread meanwhile: ${g.longTasks} long tasks, ` +
        `longest ${ms(g.longestTaskMs)} (${ms(g.longestTaskImportingMs)} while importing, ${ms(g.longestTaskMeasuringMs)} after), ` +
        `${g.tasksOver200} over 200 ms; ${g.frames} map frames drawn, longest task that drew none ${ms(g.longestTaskNoFrameMs)}`,
    );
  console.log(
    `  JS heap after GC: ${MB(a.heapAfterBytes)} (before the import ${MB(a.heapBeforeBytes)}, +${MB(a.heapAfterBytes - a.heapBeforeBytes)})`,
  );
  if (a.scrub) printArchiveScrub(a.scrub);
  else console.log('  no scrub (BENCH_ARCHIVE_MOVES=0)');
}

function printArchiveScrub(a: ArchiveScrub): void {
  const row = (name: string, s: { median: number; p95: number; n: number }) =>
    console.log(cells([name, ms(s.median), ms(s.p95), String(s.n)], [44, 10, 10, 4]));
  console.log(cells(['', 'median', 'p95', 'n'], [44, 10, 10, 4]));
  row('  real app, move → idle', a.moves);
  row('  real app, move → frame drawn', a.drawn);
  if (a.js) row('    of it JS before the frames', a.js);
  if (a.map) row('    of it that JS → idle (map)', a.map);
  row('  real app, repaint → idle', a.floorIdle);
  row('  real app, repaint → frame drawn', a.floorDrawn);
  if (a.setdata) {
    row('  setData baseline, move → idle', a.setdata.moves);
    row('  setData baseline, move → frame drawn', a.setdata.drawn);
    console.log(`  setData / real app (median to idle, same moves): ${a.setdata.speedup.toFixed(2)}×`);
  }
  console.log(
    `  to settled: frames drawn per move ${a.frames.median} (p95 ${a.frames.p95}, max ${a.frames.max}); ` +
      `longest main-thread task per move ${a.longestTask ? taskSpread(a.longestTask) : 'n/a'}`,
  );
}

export function printGrowth(g: GrowthResults): void {
  console.log(`\nhow cost grows (places scaled with the claims; Node medians of the interleaved dates)`);
  const wn = [10, 7, 8, 10, 10, 10, 9, 12, 12, 12];
  console.log(
    cells(['claims', 'places', 'tracks', 'generate', 'index', 'layers', 'heap', 'query', 'view', 'map state'], wn),
  );
  for (const n of g.node)
    console.log(
      cells(
        [
          n.claims.toLocaleString('en'),
          String(n.places),
          String(n.tracks),
          ms(n.generateMs),
          ms(n.buildIndexMs),
          ms(n.buildLayerDataMs),
          MB(n.heapBytes),
          ms(n.trackStatusesAsOf.median),
          ms(n.computeClaimsView.median),
          ms(n.computeFeatureStates.median),
        ],
        wn,
      ),
    );
  if (!g.nodeGc) console.log('  (heap n/a: run Node with --expose-gc for it)');
  const wb = [10, 10, 11, 9, 11, 11, 11, 9];
  console.log(`browser, adapter page without areas, ${g.moves} moves per size, to a frame drawn:`);
  console.log(cells(['claims', 'set-up', 'first idle', 'heap', 'move', 'move p95', 'repaint', 'moves/rp'], wb));
  for (const b of g.browser)
    console.log(
      b.failed
        ? `${b.claims.toLocaleString('en').padEnd(10)}  failed: ${b.failed}`
        : cells(
            [
              b.claims.toLocaleString('en'),
              ms(b.setupMs),
              ms(b.firstIdleMs),
              MB(b.heapBytes),
              ms(b.moves.median),
              ms(b.moves.p95),
              ms(b.floor.median),
              `${b.movesPerRepaint.toFixed(2)}×`,
            ],
            wb,
          ),
    );
  console.log(
    g.firstOverTwoRepaints === undefined
      ? `  no size's median move exceeds ${MOVES_PER_REPAINT_LIMIT} repaints`
      : `  first size whose median move exceeds ${MOVES_PER_REPAINT_LIMIT} repaints (or whose page failed): ${g.firstOverTwoRepaints.toLocaleString('en')} claims`,
  );
}
