/**
 * `npm run data:check`: validate every data file (schema, references, dates,
 * coordinates, duplicate ids, http(s) citations) and print what the record holds.
 * Exits non-zero with errors naming file, feature and field.
 *
 * It also checks the headline counts written between `<!-- counts -->` markers in data/README.md and
 * README.md (scripts/lib/counts.ts): stale counts fail the check; `npm run data:check -- --write` rewrites them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDataError } from '../src/claims/schema';
import { PRECISION_STYLE, precisionRadiusM } from '../src/map/precisionStyle';
import { borderDistanceKm } from './lib/border';
import { checkDerived } from './lib/checkDerived';
import { computeCounts, renderCounts, replaceCountsBlock } from './lib/counts';
import { loadRepoDataset, repoRoot } from './lib/loadData';
import { loadRepoStories } from './lib/loadStories';

/** Files whose counts block is kept in step with the data. data/README.md must have one. */
const COUNTED_FILES = [
  { file: 'data/README.md', required: true },
  { file: 'README.md', required: false },
];

const write = process.argv.includes('--write');
const result = loadRepoDataset();

if (!result.ok) {
  console.error(`data:check found ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`  ${formatDataError(error)}`);
  process.exit(1);
}

const { sources, places, claims } = result.value;
const stories = loadRepoStories(result.value);
if (!stories.ok) {
  console.error(`data:check found ${stories.errors.length} error(s) in the stories:`);
  for (const error of stories.errors) console.error(`  ${formatDataError(error)}`);
  process.exit(1);
}
const count = (key: (c: (typeof claims)[number]) => string[]) => {
  const counts = new Map<string, number>();
  for (const claim of claims) for (const k of key(claim)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};
const byPlace = count((c) => c.placeIds);
const bySource = count((c) => [c.sourceId]);
const dates = claims.map((c) => c.statedDate).sort();

console.log(
  `data:check OK: ${sources.length} sources, ${places.length} places, ${claims.length} claims, ${stories.value.length} stories`,
);
console.log(`claims stated from ${dates[0]} to ${dates.at(-1)}\n`);
console.log('claims per place (precision, radius, distance to the border):');
for (const p of places) {
  const radius = precisionRadiusM(p.precision);
  console.log(
    `  ${p.names.en.padEnd(28)} ${String(byPlace.get(p.id) ?? 0).padStart(3)}  ${PRECISION_STYLE[p.precision.kind].label}${radius === undefined ? '' : ` ±${radius} m`}, ${borderDistanceKm(p.coordinates).toFixed(1)} km from the border`,
  );
}
console.log('\nclaims per source:');
for (const s of sources)
  console.log(`  ${s.name.padEnd(44)} ${String(bySource.get(s.id) ?? 0).padStart(3)}  ${s.kind}, ${s.reliability}`);

const rendered = renderCounts(computeCounts(result.value));
let stale = 0;
for (const { file, required } of COUNTED_FILES) {
  const path = join(repoRoot, file);
  if (!existsSync(path)) continue;
  const block = replaceCountsBlock(readFileSync(path, 'utf8'), rendered);
  if (!block.ok) {
    if (!required) continue;
    console.error(`\n${file}: ${block.message}`);
    stale += 1;
  } else if (block.changed && write) {
    writeFileSync(path, block.text);
    console.log(`\n${file}: counts rewritten`);
  } else if (block.changed) {
    console.error(
      `\n${file}: the counts block is stale; run \`npm run data:check -- --write\`. It should read:\n  ${rendered}`,
    );
    stale += 1;
  }
}
if (stale > 0) process.exit(1);
console.log('');
if (!checkDerived()) process.exit(1);
