/**
 * Story caption checks: a caption may state a fact about the record ("no source has spoken yet", "the
 * sources agree", "disputed", counts) only through a check declared on its step. Each check is evaluated
 * against the record as the step shows it: the claims stated on or before the step's date, of the step's
 * sources. A failing check names the claims that contradict it. Pure: used by ./storySchema.ts at build
 * time and by `npm run data:check`.
 */
import { agreementOf, type TakenStatus } from './agreement';
import type { Claim, Dataset, IsoDate, Status } from './model';
import { buildTimeIndex, type Position, positionsForPlace, type TimeIndex } from './timeline';

export type StoryCheck =
  /** No claim by the step's sources about any of the places (stated on or after `since`, when given). */
  | { kind: 'no-claims'; places: string[]; since?: IsoDate }
  /** No source of the step takes a side on each place: every position is `none`, or there is none. */
  | { kind: 'no-position'; places: string[] }
  /** The step's sources that take a side on each place all say `status` (and at least one does). */
  | { kind: 'agree'; places: string[]; status: TakenStatus }
  /** The step's sources take more than one side on each place. */
  | { kind: 'disputed'; places: string[] }
  /** `source`'s position on each place (its latest claim) is `status`. */
  | { kind: 'position'; source: string; places: string[]; status: Status }
  /** How many claims the step's sources made about the places (from `since`, when given, to the step's date). */
  | { kind: 'count'; places: string[]; since?: IsoDate; atLeast?: number; atMost?: number };

/** What a check needs from its step. */
export interface CheckedStep {
  date: IsoDate;
  sources: 'all' | readonly string[];
}

export interface CheckFailure {
  /** Index of the check in the step's `checks`. */
  check: number;
  message: string;
  /** Ids of the claims that contradict the caption (empty when it is absence that contradicts it). */
  claimIds: string[];
}

/** The record once, for checking many steps. */
export interface CheckContext {
  dataset: Dataset;
  index: TimeIndex;
}

export function checkContext(dataset: Dataset): CheckContext {
  return { dataset, index: buildTimeIndex(dataset.claims) };
}

const cite = (c: Claim) => `${c.sourceId} ${c.status} (${c.id}, ${c.statedDate})`;

function stepSources(step: CheckedStep, dataset: Dataset): Set<string> {
  return new Set(step.sources === 'all' ? dataset.sources.map((s) => s.id) : step.sources);
}

function claimsAbout(ctx: CheckContext, step: CheckedStep, places: readonly string[], since?: IsoDate): Claim[] {
  const sources = stepSources(step, ctx.dataset);
  const wanted = new Set(places);
  return ctx.dataset.claims.filter(
    (c) =>
      sources.has(c.sourceId) &&
      c.statedDate <= step.date &&
      (since === undefined || c.statedDate >= since) &&
      c.placeIds.some((p) => wanted.has(p)),
  );
}

function evaluate(ctx: CheckContext, step: CheckedStep, check: StoryCheck): Omit<CheckFailure, 'check'> | undefined {
  const sources = stepSources(step, ctx.dataset);
  const positions = (place: string) => positionsForPlace(ctx.index, place, step.date, sources);
  switch (check.kind) {
    case 'no-claims': {
      const found = claimsAbout(ctx, step, check.places, check.since);
      if (found.length === 0) return undefined;
      return {
        message: `says no source has spoken about ${check.places.join(', ')}${check.since ? ` since ${check.since}` : ''}, but the record holds ${found.length} claim(s): ${found.slice(0, 8).map(cite).join('; ')}${found.length > 8 ? '; …' : ''}`,
        claimIds: found.map((c) => c.id),
      };
    }
    case 'no-position': {
      const taking = check.places.flatMap((p) => positions(p).filter((x) => x.status !== 'none'));
      if (taking.length === 0) return undefined;
      return {
        message: `says no source takes a side on ${check.places.join(', ')}, but ${taking.map((x) => `${x.placeId}: ${cite(x.claim)}`).join('; ')}`,
        claimIds: taking.map((x) => x.claim.id),
      };
    }
    case 'agree': {
      const problems: string[] = [];
      const ids: string[] = [];
      for (const place of check.places) {
        const ps = positions(place);
        const agreement = agreementOf(ps);
        if (agreement.kind === 'agree' && agreement.status === check.status) continue;
        if (agreement.kind === 'no-claim') problems.push(`${place}: no source takes a side`);
        for (const x of ps)
          if (x.status !== 'none' && x.status !== check.status) {
            problems.push(`${place}: ${cite(x.claim)}`);
            ids.push(x.claim.id);
          }
      }
      if (problems.length === 0) return undefined;
      return { message: `says the sources agree on ${check.status}, but ${problems.join('; ')}`, claimIds: ids };
    }
    case 'disputed': {
      const problems: string[] = [];
      const ids: string[] = [];
      for (const place of check.places) {
        const ps = positions(place);
        if (agreementOf(ps).kind === 'disputed') continue;
        const taking = ps.filter((x) => x.status !== 'none');
        problems.push(
          taking.length === 0
            ? `${place}: no source takes a side`
            : `${place}: all say ${taking[0].status} (${taking.map((x) => x.claim.id).join(', ')})`,
        );
        ids.push(...taking.map((x) => x.claim.id));
      }
      if (problems.length === 0) return undefined;
      return { message: `says the sources disagree, but ${problems.join('; ')}`, claimIds: ids };
    }
    case 'position': {
      if (!sources.has(check.source))
        return { message: `names ${check.source}, which the step does not switch on`, claimIds: [] };
      const problems: string[] = [];
      const ids: string[] = [];
      for (const place of check.places) {
        const mine: Position | undefined = positionsForPlace(ctx.index, place, step.date, new Set([check.source]))[0];
        if (mine?.status === check.status) continue;
        problems.push(mine ? `${place}: ${cite(mine.claim)}` : `${place}: ${check.source} has said nothing yet`);
        if (mine) ids.push(mine.claim.id);
      }
      if (problems.length === 0) return undefined;
      return {
        message: `says ${check.source}'s position is ${check.status}, but ${problems.join('; ')}`,
        claimIds: ids,
      };
    }
    case 'count': {
      const found = claimsAbout(ctx, step, check.places, check.since);
      const n = found.length;
      const low = check.atLeast !== undefined && n < check.atLeast;
      const high = check.atMost !== undefined && n > check.atMost;
      if (!low && !high) return undefined;
      const wanted = [
        check.atLeast !== undefined ? `at least ${check.atLeast}` : '',
        check.atMost !== undefined ? `at most ${check.atMost}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      return {
        message: `counts ${wanted} claim(s) about ${check.places.join(', ')}, but the record holds ${n}${n ? `: ${found.slice(0, 8).map(cite).join('; ')}${n > 8 ? '; …' : ''}` : ''}`,
        claimIds: high ? found.map((c) => c.id) : [],
      };
    }
  }
}

/** Every failing check of one step, in declaration order. */
export function checkStep(ctx: CheckContext, step: CheckedStep, checks: readonly StoryCheck[]): CheckFailure[] {
  const failures: CheckFailure[] = [];
  checks.forEach((check, i) => {
    const failure = evaluate(ctx, step, check);
    if (failure) failures.push({ check: i, ...failure });
  });
  return failures;
}
