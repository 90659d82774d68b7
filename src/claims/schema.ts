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
import { capErrors, type DataError, MAX_ERRORS, type Result } from './errors.ts';
import type { Claim, Dataset, Place, Source } from './model.ts';
import { isHttpUrl } from './urls.ts';
import { z } from './zod.ts';

export { capErrors, type DataError, formatDataError, MAX_ERRORS, type Result } from './errors.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().refine(isValidIsoDate, 'must be a real calendar date written YYYY-MM-DD');
const httpUrl = z.string().refine(isHttpUrl, 'must be an http(s) URL');

export const sourceSchema = z.strictObject({
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

const precisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exact'), basis: nonEmpty }),
  z.strictObject({
    kind: z.literal('approximate'),
    radiusM: z.number().finite().positive().max(50_000),
    basis: nonEmpty,
  }),
]);

export const placeFeatureSchema = z.strictObject({
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

export const claimFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.null({ error: 'must be null: a claim has no geometry of its own (its places have the coordinates)' }),
  properties: claimPropertiesSchema,
});

/** A short, inert description of a JSON value for an error message (never the whole value). */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? `the number ${value}` : `${value} (a number too large to hold)`;
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'an object',
  tuple: 'a list',
  null: 'null',
};

/** Messages that say what was found, for the issues zod would word generically. Schema-level messages win. */
const describeIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    if (issue.input === undefined) return `is missing (must be ${expected})`;
    return `must be ${expected}, not ${describeValue(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.slice(0, 10).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k));
    const more = issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : '';
    return `unknown field${issue.keys.length === 1 ? '' : 's'} ${shown.join(', ')}${more}`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    const allowed = `${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return issue.input === undefined
      ? `is missing (must be ${allowed})`
      : `must be ${allowed}, not ${describeValue(issue.input)}`;
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const bound = issue.code === 'too_big' ? 'at most' : issue.inclusive ? 'at least' : 'more than';
    const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
    return `must be ${bound} ${limit}, not ${describeValue(issue.input)}`;
  }
  if (
    (issue.code === 'too_big' || issue.code === 'too_small') &&
    issue.origin === 'array' &&
    Array.isArray(issue.input)
  ) {
    const bound = issue.code === 'too_big' ? 'at most' : 'at least';
    const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
    return `must have ${bound} ${limit} items, not ${issue.input.length}`;
  }
  return undefined;
};

function issuesToErrors(file: string, index: number | undefined, issues: z.core.$ZodIssue[]): DataError[] {
  return issues.map((issue) => ({
    file,
    index,
    field: issue.path.map(String).join('.') || undefined,
    message: issue.message,
  }));
}

/** Far deeper than any of the app's files (a claim file needs 6 levels), far shallower than any stack limit. */
export const MAX_JSON_DEPTH = 64;

/** How deep the brackets of JSON text go, stopping as soon as it passes `limit`. Linear, no recursion. */
function jsonDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character, so \" does not end the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseJson(file: string, raw: string): Result<unknown> {
  // A UTF-8 byte-order mark (Windows editors write one) is not content: drop it, as browsers' decoders do.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, errors: [{ file, message: 'the file is empty' }] };
  // Checked before parsing, so hostile nesting ([[[[…]]]]) cannot exhaust the stack of any engine or checker.
  if (jsonDepthOver(text, MAX_JSON_DEPTH))
    return {
      ok: false,
      errors: [
        { file, message: `nested more than ${MAX_JSON_DEPTH} levels deep ([[[… or {{{…): not a file of this app` },
      ],
    };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // Engines that parse JSON recursively run out of stack on deeply nested lists ([[[[…]]]]).
    if (err instanceof RangeError || /recursion|call stack/i.test(detail))
      return { ok: false, errors: [{ file, message: `not valid JSON: it is nested too deeply to read (${detail})` }] };
    return { ok: false, errors: [{ file, message: `not valid JSON (${detail})` }] };
  }
}

/** One record through zod, never throwing: a pathological record is reported, not raised. */
function safeParseItem<T>(file: string, index: number | undefined, item: unknown, schema: z.ZodType<T>): Result<T> {
  try {
    const parsed = schema.safeParse(item, { error: describeIssue });
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, errors: issuesToErrors(file, index, parsed.error.issues) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      errors: [{ file, index, message: `could not be checked: it is too large or too deeply nested (${detail})` }],
    };
  }
}

/** Parse each element of a list with its own schema so one bad record does not hide the others. */
function parseEach<T>(file: string, items: unknown[], schema: z.ZodType<T>): Result<T[]> {
  const values: T[] = [];
  const errors: DataError[] = [];
  for (let index = 0; index < items.length && errors.length <= MAX_ERRORS; index++) {
    const parsed = safeParseItem(file, index, items[index], schema);
    if (parsed.ok) values.push(parsed.value);
    else errors.push(...parsed.errors);
  }
  return errors.length ? { ok: false, errors: capErrors(file, errors) } : { ok: true, value: values };
}

const FEATURE_COLLECTION = 'a GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]}';

function featuresOf(file: string, text: string): Result<unknown[]> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  const value = json.value;
  const fail = (message: string, field?: string): Result<unknown[]> => ({
    ok: false,
    errors: [field ? { file, field, message } : { file, message }],
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(`must be ${FEATURE_COLLECTION}, not ${describeValue(value)}`);
  if ('type' in value && value.type === 'Feature')
    return fail(`is a single Feature: the file must be ${FEATURE_COLLECTION} around it`, 'type');
  const collection = safeParseItem(
    file,
    undefined,
    value,
    z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
  );
  if (!collection.ok) return collection;
  return { ok: true, value: collection.value.features };
}

export function parseSources(file: string, text: string): Result<Source[]> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  const list = safeParseItem(file, undefined, json.value, z.object({ sources: z.array(z.unknown()) }));
  if (!list.ok) return list;
  return parseEach(file, list.value.sources, sourceSchema);
}

export function parsePlaces(file: string, text: string): Result<Place[]> {
  const features = featuresOf(file, text);
  if (!features.ok) return features;
  const parsed = parseEach(file, features.value, placeFeatureSchema);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: parsed.value.map((f) => ({ ...f.properties, coordinates: f.geometry.coordinates })),
  };
}

export function parseClaims(file: string, text: string): Result<Claim[]> {
  const features = featuresOf(file, text);
  if (!features.ok) return features;
  const parsed = parseEach(file, features.value, claimFeatureSchema);
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

export function duplicateIdErrors(file: string, ids: string[], field: string): DataError[] {
  const seen = new Map<string, number>();
  const errors: DataError[] = [];
  ids.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else errors.push({ file, index, field, message: `duplicate id "${value}" (first used by feature ${first})` });
  });
  return errors;
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
export function checkReferences(
  dataset: Dataset,
  files: { sources: string; places: string; claims: string },
): DataError[] {
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
