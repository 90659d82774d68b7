/**
 * `npm run data:check`: validate every data file (schema, references, dates,
 * coordinates, duplicate ids, http(s) citations) and print what the record holds.
 * Exits non-zero with errors naming file, feature and field.
 */
import { formatDataError } from '../src/claims/schema';
import { checkDerived } from './lib/checkDerived';
import { loadRepoDataset } from './lib/loadData';

const result = loadRepoDataset();

if (!result.ok) {
  console.error(`data:check found ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`  ${formatDataError(error)}`);
  process.exit(1);
}

const { sources, places, claims } = result.value;
const count = (key: (c: (typeof claims)[number]) => string[]) => {
  const counts = new Map<string, number>();
  for (const claim of claims) for (const k of key(claim)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};
const byPlace = count((c) => c.placeIds);
const bySource = count((c) => [c.sourceId]);
const dates = claims.map((c) => c.statedDate).sort();

console.log(`data:check OK: ${sources.length} sources, ${places.length} places, ${claims.length} claims`);
console.log(`claims stated from ${dates[0]} to ${dates.at(-1)}\n`);
console.log('claims per place:');
for (const p of places)
  console.log(
    `  ${p.names.en.padEnd(28)} ${String(byPlace.get(p.id) ?? 0).padStart(3)}  ${p.precision.kind === 'approximate' ? `approximate ±${p.precision.radiusM} m` : 'exact'}`,
  );
console.log('\nclaims per source:');
for (const s of sources)
  console.log(`  ${s.name.padEnd(44)} ${String(bySource.get(s.id) ?? 0).padStart(3)}  ${s.kind}, ${s.reliability}`);

console.log('');
if (!checkDerived()) process.exit(1);
