/**
 * `data:check`'s check of data/derived-claims.geojson: when the archived maps are present (shared/data,
 * as in CI), derive the claims again and fail unless the file holds exactly them; when they are not,
 * say so and pass. Also notes hand-entered map readings the derived file replaces (./deriveCompare.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClaims } from '../../src/claims/schema';
import { deriveClaims } from './deriveClaims';
import { mergeDerived } from './deriveCompare';
import { claimDiff, derivedClaimsText } from './deriveFile';
import { loadMapSeries, loadPlaces, placesClip, sharedDataDir } from './deriveSources';
import { DATA_FILES, repoRoot } from './loadData';

const MAX_LISTED = 10;

/** Prints what it finds; returns false on a mismatch. */
export function checkDerived(root: string = repoRoot): boolean {
  const file = DATA_FILES.derivedClaims;
  const text = readFileSync(join(root, file), 'utf8');
  const committed = parseClaims(file, text);
  const hand = parseClaims(DATA_FILES.claims, readFileSync(join(root, DATA_FILES.claims), 'utf8'));
  if (committed.ok && hand.ok) {
    const { replaced } = mergeDerived(hand.value, committed.value);
    if (replaced.length)
      console.log(
        `derived claims: ${replaced.length} hand-entered map reading(s) in ${DATA_FILES.claims} are replaced by derived ones (same source, place, day) and can be deleted: ${replaced.map((c) => c.id).join(', ')}`,
      );
  }

  const dataDir = sharedDataDir(root);
  if (!dataDir) {
    console.log(
      `derived claims: not re-derived, shared/data is not present (set SHARED_DIR to the folder holding data/); ${file} is checked by the schema only`,
    );
    return true;
  }
  const started = performance.now();
  const places = loadPlaces(root);
  const clip = placesClip(places, root);
  const derived = deriveClaims(places, loadMapSeries(dataDir, clip), clip);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (derivedClaimsText(derived) === text) {
    console.log(
      `derived claims: ${file} matches the archived maps (${derived.length} claims, re-derived in ${seconds} s)`,
    );
    return true;
  }
  console.error(
    `derived claims: ${file} does not match the archived maps (re-derived in ${seconds} s); run npm run derive`,
  );
  if (committed.ok) {
    const { onlyA, onlyB, changed } = claimDiff(derived, committed.value);
    const list = (label: string, ids: string[]) => {
      if (ids.length)
        console.error(
          `  ${label} (${ids.length}): ${ids.slice(0, MAX_LISTED).join(', ')}${ids.length > MAX_LISTED ? ', …' : ''}`,
        );
    };
    list('missing from the file', onlyA);
    list('in the file but not derived', onlyB);
    list('different', changed);
    if (!onlyA.length && !onlyB.length && !changed.length)
      console.error('  same claims, different text (order or formatting)');
  }
  return false;
}
