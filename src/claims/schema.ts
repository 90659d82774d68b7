/**
 * Parse untrusted input into the model. Every error names the file, the index
 * of the feature (or record) and the field, so a contributor can find it.
 * Nothing is cast: input is `unknown` until zod has checked it.
 *
 * This module (and zod with it) is not part of the app's start-up: the bundled data is checked with it
 * at build time (scripts/lib/datasetPlugin.ts), and the app imports it on demand to check an import.
 * The error types and helpers the start-up path needs are in ./errors. Relative imports here name their
 * files (`.ts`) because vite.config.ts loads this module, and Vite's config loader asks for that.
 */
import { isValidIsoDate } from './dates.ts';
import type { DataError, Result } from './errors.ts';
import { duplicateIdErrors, featuresOf, parseFeatures, parseJson, safeParseItem } from './featureLoop.ts';
import type { Claim, Dataset, Place, Source } from './model.ts';
import { isHttpUrl } from './urls.ts';
import { z } from './zod.ts';

export { type DataError, formatDataError, MAX_ERRORS, type Result } from './errors.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().refine(isValidIsoDate, 'must be a real calendar date written YYYY-MM-DD');
const httpUrl = z.string().refine(isHttpUrl, 'must be an http(s) URL');

const sourceSchema = z.strictObject({
  id,
  name: nonEmpty,
  shortName: nonEmpty.max(24, 'must be at most 24 characters'),
  kind: z.enum(['official', 'analyst', 'osint-map', 'news-agency', 'military-blogger']),
  alignment: z.enum(['ukrainian', 'russian', 'independent']),
  reliability: z.enum(['high', 'medium', 'low']),
  description: nonEmpty,
  reliabilityNote: nonEmpty.optional(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a #rrggbb colour'),
});

const longitude = z.number().finite().min(-180).max(180);
const latitude = z.number().finite().min(-90).max(90);

const radiusM = z.number().finite().positive().max(50_000);
/** The pages the point or the facts behind it were read on. */
const sources = z.array(httpUrl).optional();

/** The precision kinds (model.ts `Precision`): a published point, a whole-minute one, a landmark's, or our estimate. */
const precisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('point'), basis: nonEmpty, sources }),
  z.strictObject({ kind: z.literal('arc-minute'), radiusM, basis: nonEmpty, sources }),
  z.strictObject({ kind: z.literal('landmark'), landmark: nonEmpty, radiusM, basis: nonEmpty, sources }),
  z.strictObject({ kind: z.literal('estimate'), radiusM, basis: nonEmpty, sources }),
]);

const placeFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([longitude, latitude]) }),
  properties: z.strictObject({
    id,
    names: z.strictObject({ en: nonEmpty, ru: nonEmpty, uk: nonEmpty, alt: z.array(nonEmpty) }),
    kind: z.enum(['town', 'village', 'facility']),
    precision: precisionSchema,
  }),
});

const claimPropertiesSchema = z.strictObject({
  id,
  sourceId: id,
  claimant: nonEmpty,
  placeIds: z.array(id).min(1, 'must name at least one place'),
  statedDate: isoDate,
  dateNote: nonEmpty.optional(),
  refersTo: z.strictObject({ from: isoDate, to: isoDate }).optional(),
  status: z.enum(['ukrainian', 'russian', 'contested', 'none']),
  nature: z.enum([
    'capture',
    'holding',
    'advance',
    'attack-repelled',
    'denial',
    'no-comment',
    'assessment',
    'map-derived',
  ]),
  summary: nonEmpty.max(600, 'must be at most 600 characters'),
  evidence: z.strictObject({
    url: httpUrl,
    outlet: nonEmpty,
    provenance: z.enum(['first-hand', 'reported', 'derived']),
    alsoReportedAt: z.array(httpUrl).default([]),
  }),
  researchRef: nonEmpty.optional(),
  conflictsWith: z.array(id).default([]),
  conflictNote: nonEmpty.optional(),
  note: nonEmpty.optional(),
});

const claimFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.null({ error: 'must be null: a claim has no geometry of its own (its places have the coordinates)' }),
  properties: claimPropertiesSchema,
});

export function parseSources(file: string, text: string): Result<Source[]> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  const list = safeParseItem(file, undefined, json.value, z.object({ sources: z.array(z.unknown()) }));
  if (!list.ok) return list;
  return parseFeatures(file, list.value.sources, sourceSchema);
}

/** The features of a GeoJSON file's text. */
function featuresOfText(file: string, text: string): Result<unknown[]> {
  const json = parseJson(file, text);
  return json.ok ? featuresOf(file, json.value) : json;
}

export function parsePlaces(file: string, text: string): Result<Place[]> {
  const features = featuresOfText(file, text);
  if (!features.ok) return features;
  const parsed = parseFeatures(file, features.value, placeFeatureSchema);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: parsed.value.map((f) => ({ ...f.properties, coordinates: f.geometry.coordinates })),
  };
}

export function parseClaims(file: string, text: string): Result<Claim[]> {
  const features = featuresOfText(file, text);
  if (!features.ok) return features;
  const parsed = parseFeatures(file, features.value, claimFeatureSchema);
  if (!parsed.ok) return parsed;
  return { ok: true, value: parsed.value.map((f) => f.properties) };
}

export interface DatasetFiles {
  sources: { file: string; text: string };
  places: { file: string; text: string };
  claims: { file: string; text: string };
}

/** Parse all three files, then check the references between them. */
export function parseDataset(files: DatasetFiles): Result<Dataset> {
  const sources = parseSources(files.sources.file, files.sources.text);
  const places = parsePlaces(files.places.file, files.places.text);
  const claims = parseClaims(files.claims.file, files.claims.text);
  const errors = [sources, places, claims].flatMap((r) => (r.ok ? [] : r.errors));
  if (!sources.ok || !places.ok || !claims.ok) return { ok: false, errors };
  const dataset = { sources: sources.value, places: places.value, claims: claims.value };
  const refErrors = checkReferences(dataset, {
    sources: files.sources.file,
    places: files.places.file,
    claims: files.claims.file,
  });
  return refErrors.length ? { ok: false, errors: refErrors } : { ok: true, value: dataset };
}

export interface KnownIds {
  sources: ReadonlySet<string>;
  places: ReadonlySet<string>;
  /** Every claim id a `conflictsWith` may point at. */
  claims: ReadonlySet<string>;
}

/** Per-claim reference checks shared by the data files and imports: sources, places and conflicts resolve; ranges ordered. */
export function claimReferenceErrors(file: string, claims: readonly Claim[], known: KnownIds): DataError[] {
  const errors: DataError[] = [];
  claims.forEach((claim, index) => {
    const at = (field: string, message: string) => errors.push({ file, index, field: `properties.${field}`, message });
    if (!known.sources.has(claim.sourceId)) at('sourceId', `unknown source "${claim.sourceId}"`);
    claim.placeIds.forEach((p, i) => {
      if (!known.places.has(p)) at(`placeIds.${i}`, `unknown place "${p}"`);
    });
    claim.conflictsWith.forEach((c, i) => {
      if (!known.claims.has(c)) at(`conflictsWith.${i}`, `unknown claim "${c}"`);
      if (c === claim.id) at(`conflictsWith.${i}`, 'a claim cannot conflict with itself');
    });
    if (claim.refersTo && claim.refersTo.from > claim.refersTo.to)
      at('refersTo', `starts (${claim.refersTo.from}) after it ends (${claim.refersTo.to})`);
  });
  return errors;
}

/** Cross-file checks: ids unique, references resolve, date ranges ordered. */
function checkReferences(dataset: Dataset, files: { sources: string; places: string; claims: string }): DataError[] {
  return [
    ...duplicateIdErrors(
      files.sources,
      dataset.sources.map((s) => s.id),
      'id',
    ),
    ...duplicateIdErrors(
      files.places,
      dataset.places.map((p) => p.id),
      'properties.id',
    ),
    ...duplicateIdErrors(
      files.claims,
      dataset.claims.map((c) => c.id),
      'properties.id',
    ),
    ...claimReferenceErrors(files.claims, dataset.claims, {
      sources: new Set(dataset.sources.map((s) => s.id)),
      places: new Set(dataset.places.map((p) => p.id)),
      claims: new Set(dataset.claims.map((c) => c.id)),
    }),
  ];
}
