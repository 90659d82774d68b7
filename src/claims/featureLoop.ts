/**
 * The steps every importer of untrusted GeoJSON shares, claims and areas alike: text → JSON → the list of
 * features → each feature checked on its own, with errors naming file, feature and field, the same wording
 * and the same cap (MAX_ERRORS). Nothing here throws: a pathological input is reported, not raised.
 *
 * Loads zod, so it is not part of the app's start-up (errors.ts holds what start-up needs). Relative
 * imports name their files (`.ts`) because vite.config.ts loads this module through ./schema.
 */
import { capErrors, type DataError, fail, MAX_ERRORS, type Result } from './errors.ts';
import { z } from './zod.ts';

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
    // `nonoptional`: a key whose value may be anything (z.unknown()) but must be there.
    if (issue.expected === 'nonoptional') return 'is missing';
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

/** zod's issues as errors of one record; `prefix` is the record's field the schema was given (e.g. `geometry`). */
export function issuesToErrors(
  file: string,
  index: number | undefined,
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
): DataError[] {
  return issues.map((issue) => ({
    file,
    index,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || undefined,
    message: issue.message,
  }));
}

/** The message of anything thrown while checking a record (zod on a huge list, a clipping library on a bad ring). */
function uncheckable(file: string, index: number | undefined, err: unknown): Result<never> {
  const detail = err instanceof Error ? err.message : String(err);
  return fail([{ file, index, message: `could not be checked: it is too large or too deeply nested (${detail})` }]);
}

/** One value through zod, never throwing, with the app's wording. `prefix` as in `issuesToErrors`. */
export function safeParseItem<T>(
  file: string,
  index: number | undefined,
  item: unknown,
  schema: z.ZodType<T, unknown>,
  prefix = '',
): Result<T> {
  try {
    const parsed = schema.safeParse(item, { error: describeIssue });
    return parsed.success
      ? { ok: true, value: parsed.data }
      : fail(issuesToErrors(file, index, parsed.error.issues, prefix));
  } catch (err) {
    return uncheckable(file, index, err);
  }
}

/** Far deeper than any of the app's files (a claim file needs 6 levels), far shallower than any stack limit. */
const MAX_JSON_DEPTH = 64;

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
  if (text.trim() === '') return fail([{ file, message: 'the file is empty' }]);
  // Checked before parsing, so hostile nesting ([[[[…]]]]) cannot exhaust the stack of any engine or checker.
  if (jsonDepthOver(text, MAX_JSON_DEPTH))
    return fail([
      { file, message: `nested more than ${MAX_JSON_DEPTH} levels deep ([[[… or {{{…): not a file of this app` },
    ]);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // Engines that parse JSON recursively run out of stack on deeply nested lists ([[[[…]]]]).
    if (err instanceof RangeError || /recursion|call stack/i.test(detail))
      return fail([{ file, message: `not valid JSON: it is nested too deeply to read (${detail})` }]);
    return fail([{ file, message: `not valid JSON (${detail})` }]);
  }
}

const FEATURE_COLLECTION = 'a GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]}';
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** The features of a parsed GeoJSON file, unchecked; errors say what the file is instead of a FeatureCollection. */
export function featuresOf(file: string, json: unknown): Result<unknown[]> {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return fail([{ file, message: `must be ${FEATURE_COLLECTION}, not ${describeValue(json)}` }]);
  if ('type' in json && json.type === 'Feature')
    return fail([
      { file, field: 'type', message: `is a single Feature: the file must be ${FEATURE_COLLECTION} around it` },
    ]);
  const collection = safeParseItem(file, undefined, json, collectionSchema);
  return collection.ok ? { ok: true, value: collection.value.features } : collection;
}

/**
 * How one feature is read: a zod schema, or a function given the feature and its index (which may use
 * `safeParseItem`, and may return anything, e.g. "skip this one"). Errors it returns must carry the index.
 */
export type FeatureParser<T> = z.ZodType<T, unknown> | ((item: unknown, index: number) => Result<T>);

/**
 * The one per-feature loop: every item read on its own, so one bad feature does not hide the others, until
 * more than MAX_ERRORS errors are found (then the list is cut, led by a note that checking stopped).
 * All or nothing: the values of every item, in order (so value i is feature i), or the errors.
 */
export function parseFeatures<T>(file: string, items: readonly unknown[], parse: FeatureParser<T>): Result<T[]> {
  const values: T[] = [];
  const errors: DataError[] = [];
  for (let index = 0; index < items.length && errors.length <= MAX_ERRORS; index++) {
    let read: Result<T>;
    try {
      read = typeof parse === 'function' ? parse(items[index], index) : safeParseItem(file, index, items[index], parse);
    } catch (err) {
      read = uncheckable(file, index, err);
    }
    if (read.ok) values.push(read.value);
    else errors.push(...read.errors);
  }
  return errors.length ? fail(capErrors(file, errors)) : { ok: true, value: values };
}

/** Ids used twice in one file: each later use names the feature that used the id first. */
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
