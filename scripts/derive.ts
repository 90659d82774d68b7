/**
 * `npm run derive`: DeepState's and ISW's view of every place, day by day. Reads the archived maps in
 * shared/data (MANIFEST.md §1, §4; `$SHARED_DIR/data` or `../shared/data`), imports each with the app's
 * own importer, tests each place of data/places.geojson against each map and writes the claims at
 * change points to data/derived-claims.geojson. Then prints how they compare with the hand-entered
 * map-derived claims in data/claims.geojson. The rule: scripts/lib/deriveRule.ts and data/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClaims } from '../src/claims/schema';
import { deriveClaims } from './lib/deriveClaims';
import { compareWithHand, comparisonTable } from './lib/deriveCompare';
import { derivedClaimsText } from './lib/deriveFile';
import { loadMapSeries, loadPlaces, placesClip, sharedDataDir } from './lib/deriveSources';
import { DATA_FILES, repoRoot } from './lib/loadData';

const started = performance.now();
const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('derive: shared/data is not present (set SHARED_DIR to the folder holding data/)');
  process.exit(1);
}
const places = loadPlaces();
const clip = placesClip(places);
const series = loadMapSeries(dataDir, clip);
const claims = deriveClaims(places, series, clip);
writeFileSync(join(repoRoot, DATA_FILES.derivedClaims), derivedClaimsText(claims));

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `derive: ${series.deepstate.length} DeepState snapshots and ${series.isw.length} ISW files, ${places.length} places → ${claims.length} claims in ${DATA_FILES.derivedClaims} (${seconds} s)`,
);
for (const sourceId of ['deepstate', 'isw']) {
  const own = claims.filter((c) => c.sourceId === sourceId);
  console.log(`\n${sourceId}: ${own.length} claims (change points per place)`);
  for (const p of places) {
    const track = own.filter((c) => c.placeIds.includes(p.id));
    console.log(
      `  ${p.names.en.padEnd(24)} ${String(track.length).padStart(2)}  ${track.map((c) => `${c.statedDate} ${c.status}`).join(', ')}`,
    );
  }
}

const hand = parseClaims(DATA_FILES.claims, readFileSync(join(repoRoot, DATA_FILES.claims), 'utf8'));
if (!hand.ok) {
  console.error(`\n${DATA_FILES.claims} does not parse; no comparison (npm run data:check lists why)`);
  process.exit(1);
}
const rows = compareWithHand(hand.value, claims);
const disagree = rows.filter((r) => !r.agree).length;
const replaced = rows.filter((r) => r.replaced).length;
console.log(
  `\nhand-entered map-derived claims of DeepState and ISW: ${rows.length}; agree ${rows.length - disagree}, disagree ${disagree}; replaced by a derived claim of the same day ${replaced}\n`,
);
if (rows.length) console.log(comparisonTable(rows));
