/**
 * The two area maps' agreement over time, per day: for every day on which two enabled sources have a map in
 * force, the pair compared that day (./areaTimeline `pairStarts`, the rule the map's hatching follows) and
 * what the area timeline's worker measured for it: the disagreement's km² and the overlap of the two maps'
 * Russian-held ground (./russianHeld). A pair holds for a run of days, so the series is a lookup of each day's
 * pair among the answers: nothing here clips or measures.
 */
import { fromDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import type { PairStart } from './areaTimeline';
import { pairKey } from './catalog';
import type { AreaDisagreement } from './disagreement';
import type { DisagreementPair } from './disagreementPair';

/** A pair compared and the days it is in force: from its start to the day before the next change, inclusive. */
export interface PairSpan {
  key: string;
  pair: DisagreementPair;
  from: number;
  to: number;
}

/**
 * The runs of days each pair is in force, in time order, until `until` (the slider's last date: the last pair
 * holds until then, or for its first day when it starts later). Days without two maps are left out.
 */
export function pairSpans(starts: readonly PairStart[], until: number): PairSpan[] {
  const spans: PairSpan[] = [];
  starts.forEach(({ day, pair }, i) => {
    if (!pair) return;
    const next = starts[i + 1];
    const to = next ? next.day - 1 : Math.max(day, until);
    const key = pairKey(pair[0], pair[1]);
    const last = spans.at(-1);
    // A change of a third source's map leaves the pair compared as it was: one run, not two.
    if (last && last.key === key && last.to === day - 1) last.to = to;
    else spans.push({ key, pair, from: day, to });
  });
  return spans;
}

/** One day of the chart. */
export interface AgreementDay {
  day: number;
  date: IsoDate;
  span: PairSpan;
  /** The pair's answer; undefined until the worker has measured it. */
  answer: AreaDisagreement | undefined;
  /** Opposed + contested km²; null until measured, or when clipping failed. */
  km2: number | null;
  /** Intersection over union of the two maps' Russian-held ground; null as km2, or when neither holds any. */
  iou: number | null;
}

export interface AgreementSeries {
  days: AgreementDay[];
  /** Distinct pairs compared, and how many of them are measured. */
  pairs: number;
  measured: number;
}

export function agreementSeries(
  spans: readonly PairSpan[],
  answers: ReadonlyMap<string, AreaDisagreement>,
): AgreementSeries {
  const days: AgreementDay[] = [];
  const keys = new Set<string>();
  let measured = 0;
  for (const span of spans) {
    const answer = answers.get(span.key);
    if (!keys.has(span.key)) {
      keys.add(span.key);
      if (answer) measured++;
    }
    const ok = answer && !answer.error ? answer : undefined;
    const km2 = ok ? ok.km2.opposed + ok.km2.contested : null;
    const iou = ok ? ok.russianHeld.iou : null;
    for (let day = span.from; day <= span.to; day++)
      days.push({ day, date: fromDayNumber(day), span, answer, km2, iou });
  }
  return { days, pairs: keys.size, measured };
}
