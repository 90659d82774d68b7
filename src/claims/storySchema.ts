/**
 * The check of a story file: its shape (zod), then its links to the record: sources, places and claims
 * that exist, claims stated on or before their step's date, dates inside the record. Errors name the
 * file, the step and the field, as the claims' errors do. Build time only: not in the app's bundle.
 */
import { isValidIsoDate } from './dates';
import { type DataError, fail, type Result } from './errors';
import { parseJson, safeParseItem } from './featureLoop';
import type { Dataset } from './model';
import type { Story } from './story';
import { checkContext, checkStep } from './storyChecks';
import { z } from './zod';

const isoDate = z.string().refine(isValidIsoDate, 'must be a date written YYYY-MM-DD');
const placeList = z.array(z.string()).min(1);
const takenStatus = z.enum(['ukrainian', 'russian', 'contested']);

/** A caption's statement about the record, checked against it (./storyChecks.ts). */
const checkSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('no-claims'), places: placeList, since: isoDate.optional() }),
  z.strictObject({ kind: z.literal('no-position'), places: placeList }),
  z.strictObject({ kind: z.literal('agree'), places: placeList, status: takenStatus }),
  z.strictObject({ kind: z.literal('disputed'), places: placeList }),
  z.strictObject({
    kind: z.literal('position'),
    source: z.string(),
    places: placeList,
    status: z.enum(['ukrainian', 'russian', 'contested', 'none']),
  }),
  z
    .strictObject({
      kind: z.literal('count'),
      places: placeList,
      since: isoDate.optional(),
      atLeast: z.number().int().min(0).optional(),
      atMost: z.number().int().min(0).optional(),
    })
    .refine((c) => c.atLeast !== undefined || c.atMost !== undefined, 'needs atLeast or atMost'),
]);

const storySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(400),
  steps: z
    .array(
      z.strictObject({
        date: isoDate,
        sources: z.union([z.literal('all'), z.array(z.string()).min(1)]),
        place: z.string().nullable(),
        view: z.strictObject({
          zoom: z.number().min(3).max(16),
          lat: z.number().min(-85).max(85),
          lng: z.number().min(-180).max(180),
        }),
        caption: z.string().min(1).max(600),
        claims: z.array(z.string()),
        /** What the caption states about the record; each is checked against it. Optional: a caption that states nothing about the record needs none. */
        checks: z.array(checkSchema).optional(),
      }),
    )
    .min(1),
});

function parseStory(file: string, text: string, dataset: Dataset): Result<Story> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  const parsed = safeParseItem(file, undefined, json.value, storySchema);
  if (!parsed.ok) return parsed;
  const story = parsed.value;
  const sources = new Set(dataset.sources.map((s) => s.id));
  const places = new Set(dataset.places.map((p) => p.id));
  const claims = new Map(dataset.claims.map((c) => [c.id, c]));
  const dates = dataset.claims.map((c) => c.statedDate).sort();
  const errors: DataError[] = [];
  const at = (step: number, field: string, message: string) =>
    errors.push({ file, field: `steps.${step}.${field}`, message });
  const ctx = checkContext(dataset);
  story.steps.forEach((step, i) => {
    if (step.date < (dates[0] ?? '') || step.date > (dates.at(-1) ?? ''))
      at(i, 'date', `${step.date} is outside the record (${dates[0]} to ${dates.at(-1)})`);
    if (step.sources !== 'all')
      step.sources.forEach((id, j) => {
        if (!sources.has(id)) at(i, `sources.${j}`, `no source "${id}"`);
      });
    if (step.place !== null && !places.has(step.place)) at(i, 'place', `no place "${step.place}"`);
    step.claims.forEach((id, j) => {
      const claim = claims.get(id);
      if (!claim) at(i, `claims.${j}`, `no claim "${id}"`);
      else if (claim.statedDate > step.date)
        at(i, `claims.${j}`, `"${id}" is stated ${claim.statedDate}, after the step's date ${step.date}`);
    });
    const checks = step.checks ?? [];
    checks.forEach((check, j) => {
      for (const id of check.places) if (!places.has(id)) at(i, `checks.${j}.places`, `no place "${id}"`);
      if (check.kind === 'position' && !sources.has(check.source))
        at(i, `checks.${j}.source`, `no source "${check.source}"`);
    });
    for (const failure of checkStep(ctx, step, checks))
      at(i, `checks.${failure.check}`, `the caption ${failure.message}`);
  });
  return errors.length ? fail(errors) : { ok: true, value: story };
}

/** Every story file, each checked; ids must be unique. */
export function parseStories(files: readonly { file: string; text: string }[], dataset: Dataset): Result<Story[]> {
  const stories: Story[] = [];
  const errors: DataError[] = [];
  const seen = new Set<string>();
  for (const { file, text } of files) {
    const result = parseStory(file, text, dataset);
    if (!result.ok) errors.push(...result.errors);
    else if (seen.has(result.value.id))
      errors.push({ file, field: 'id', message: `"${result.value.id}" is used twice` });
    else {
      seen.add(result.value.id);
      stories.push(result.value);
    }
  }
  return errors.length ? fail(errors) : { ok: true, value: stories };
}
