/**
 * `npm run agreement`: the two area maps' agreement on each ISW file date, as the app's agreement chart gives
 * it, for docs/AGREEMENT.md. Imports ISW's Kursk layer (37 change points) and DeepState's archive (MANIFEST.md
 * §4) from `$SHARED_DIR/data` (else ../shared/data) through the app's importers, builds the app's area
 * catalog, and measures each pair compared on an ISW date with the worker's rule (src/areas/disagreement.ts,
 * src/areas/russianHeld.ts), looked up per day as the chart does (src/areas/agreementSeries.ts). Prints a
 * markdown table. Nothing is written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { agreementSeries, pairSpans } from '../src/areas/agreementSeries';
import { pairStarts } from '../src/areas/areaTimeline';
import { buildAreaCatalog } from '../src/areas/catalog';
import { type AreaImportContext, importAreaFile } from '../src/areas/detect';
import { type AreaDisagreement, areaDisagreement } from '../src/areas/disagreement';
import { loadRussiaClip } from '../src/areas/loadNode';
import type { AreaSnapshot } from '../src/areas/model';
import { toDayNumber } from '../src/claims/dates';
import { decodeUtf8 } from '../src/claims/importBatch';
import { formatDataError } from '../src/claims/schema';
import { loadRepoDataset } from './lib/loadData';
import { sharedDataPath } from './lib/sharedDir';

const repoRoot = join(import.meta.dirname, '..');
const data = sharedDataPath(repoRoot);
const ISW_DIR = join(data, 'isw_kursk_russian_advances');
const DEEPSTATE_DIR = join(data, 'deepstate_kursk_clipped');

function importDir(dir: string, ctx: AreaImportContext): AreaSnapshot[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => {
      const text = decodeUtf8(f, readFileSync(join(dir, f)));
      const result = text.ok ? importAreaFile(basename(f), text.value, ctx) : text;
      if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
      return result.value;
    });
}

function main(): number {
  if (!existsSync(ISW_DIR) || !existsSync(DEEPSTATE_DIR)) {
    console.error(`agreement: ${ISW_DIR} or ${DEEPSTATE_DIR} is missing (set SHARED_DIR to the folder holding data/)`);
    return 1;
  }
  const dataset = loadRepoDataset();
  if (!dataset.ok) throw new Error('the repository data does not parse (npm run data:check)');
  const ctx: AreaImportContext = { clip: loadRussiaClip(repoRoot) };
  const started = performance.now();
  const isw = importDir(ISW_DIR, ctx);
  const deepstate = importDir(DEEPSTATE_DIR, ctx);
  const catalog = buildAreaCatalog([...deepstate, ...isw]);
  const order = dataset.value.sources.map((s) => s.id);
  // The app's pair rule and spans: DeepState before ISW in the Sources panel's order.
  const spans = pairSpans(
    pairStarts(catalog, new Set(['deepstate', 'isw']), order),
    toDayNumber(catalog.index.dates.at(-1) ?? '2025-01-01'),
  );
  const iswDays = new Set(isw.map((s) => toDayNumber(s.statedDate)));
  const wanted = spans.filter((span) => [...iswDays].some((day) => span.from <= day && day <= span.to));
  const answers = new Map<string, AreaDisagreement>(
    wanted.map((span) => [span.key, areaDisagreement(span.pair[0], span.pair[1])]),
  );
  const days = agreementSeries(wanted, answers).days.filter((d) => iswDays.has(d.day));
  const km2 = (n: number) => n.toFixed(1);
  console.log(
    '| ISW map | DeepState map in force (UTC) | opposed km² | contested km² | disagreement km² | Russian-held km²: DeepState / ISW / both | IoU |',
  );
  console.log('|---|---|--:|--:|--:|--:|--:|');
  for (const d of days) {
    const [a, b] = d.span.pair;
    const answer = d.answer;
    if (!answer || answer.error) {
      console.log(
        `| ${d.date} | ${a.snapshotTime ?? a.statedDate} | clipping failed: ${answer?.error ?? 'not measured'} | | | | |`,
      );
      continue;
    }
    const r = answer.russianHeld;
    console.log(
      `| ${b.statedDate} | ${(a.snapshotTime ?? a.statedDate).replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, '')} | ${km2(answer.km2.opposed)} | ${km2(answer.km2.contested)} | ` +
        `${km2(d.km2 ?? 0)} | ${km2(r.aKm2)} / ${km2(r.bKm2)} / ${km2(r.bothKm2)} | ${r.iou === null ? '–' : r.iou.toFixed(3)} |`,
    );
  }
  console.error(
    `agreement: ${isw.length} ISW and ${deepstate.length} DeepState maps, ${days.length} dates, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return days.length === isw.length ? 0 : 1;
}

process.exit(main());
