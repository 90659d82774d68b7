import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { duplicateIdErrors } from '../../src/claims/featureLoop.ts';
import type { Dataset } from '../../src/claims/model.ts';
import { claimReferenceErrors, parseClaims, parseDataset, type Result } from '../../src/claims/schema.ts';
import { mergeDerived } from './deriveCompare.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The data files, by their place in the repo (which is also how errors name them). */
export const DATA_FILES = {
  sources: 'data/sources.json',
  places: 'data/places.geojson',
  claims: 'data/claims.geojson',
  /** Written by `npm run derive` (scripts/derive.ts): claims read off DeepState's and ISW's archived maps. */
  derivedClaims: 'data/derived-claims.geojson',
} as const;

/**
 * The repo's data files, parsed and cross-checked exactly as the app's imports are, with the derived
 * claims merged into the hand-entered ones (a derived claim replaces a hand-entered map reading of the
 * same source, place and day, and yields to a statement in words of that day: ./deriveCompare.ts). The app itself gets them already checked, from this
 * function at build time (./datasetPlugin.ts).
 */
export function loadRepoDataset(root: string = repoRoot): Result<Dataset> {
  const read = (file: string) => ({ file, text: readFileSync(join(root, file), 'utf8') });
  const base = parseDataset({
    sources: read(DATA_FILES.sources),
    places: read(DATA_FILES.places),
    claims: read(DATA_FILES.claims),
  });
  const derivedFile = read(DATA_FILES.derivedClaims);
  const derived = parseClaims(derivedFile.file, derivedFile.text);
  if (!base.ok || !derived.ok) return { ok: false, errors: [base, derived].flatMap((r) => (r.ok ? [] : r.errors)) };

  const { claims, replaced } = mergeDerived(base.value.claims, derived.value);
  const gone = new Set(replaced);
  const handIds = new Set(base.value.claims.filter((c) => !gone.has(c)).map((c) => c.id));
  const errors = [
    ...duplicateIdErrors(
      DATA_FILES.derivedClaims,
      derived.value.map((c) => c.id),
      'properties.id',
    ),
    ...derived.value.flatMap((c, index) =>
      handIds.has(c.id)
        ? [
            {
              file: DATA_FILES.derivedClaims,
              index,
              field: 'properties.id',
              message: `duplicate id "${c.id}" (also used in ${DATA_FILES.claims})`,
            },
          ]
        : [],
    ),
    ...claimReferenceErrors(DATA_FILES.derivedClaims, derived.value, {
      sources: new Set(base.value.sources.map((s) => s.id)),
      places: new Set(base.value.places.map((p) => p.id)),
      claims: new Set(claims.map((c) => c.id)),
    }),
  ];
  return errors.length ? { ok: false, errors } : { ok: true, value: { ...base.value, claims } };
}
