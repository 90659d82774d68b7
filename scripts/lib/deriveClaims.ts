/**
 * Map-derived claims: each place tested against each imported DeepState and ISW map, written at
 * change points only (DeepState: the first map, then each map where the place's status changes;
 * ISW: see ./deriveRule). Pure: snapshots in, claims out; the files are read by ./deriveSources.
 */

import type { ClipRegion } from '../../src/areas/basemap';
import type { AreaSnapshot } from '../../src/areas/model';
import { baseName } from '../../src/areas/parse';
import { type Footprint, placeFootprint, statusShares } from '../../src/areas/placeShare';
import type { Claim, Place, Status } from '../../src/claims/model';
import { precisionRadiusM } from '../../src/map/precisionStyle';
import {
  changePoints,
  type DeepStateBasis,
  type DeepStateShares,
  deepStateRule,
  deepStateShares,
  iswChangePoints,
  iswInside,
  roundShare,
} from './deriveRule';

/** The public files the local copies were taken from (shared/data/MANIFEST.md §1, §4). */
const DEEPSTATE_ARCHIVE =
  'https://github.com/DanielRose2310/deepstatemaps-history/blob/df633a1700680411949934a4345f1af263327377/geojsons/';
const ISW_ARCHIVE =
  'https://github.com/sdspieg/war-datasets-dashboard/blob/cc9e7eb5ca3a84b75e2b0fb751ccad6d9f3d2bf9/public/data/kursk_geojson/';
const DEEPSTATE_OUTLET = 'Independent archive of DeepState map snapshots (GitHub)';
const ISW_OUTLET = 'War-datasets dashboard export of the ISW layer (GitHub)';

/**
 * Research rows (research/claims.md) that recorded one of these readings by hand, by source, place and
 * date: the derived claim carries the row id, so the trail from the research stays.
 */
const RESEARCH_ROWS: Record<string, string> = {
  'deepstate/sudzha/2024-08-14': 'S13',
  'deepstate/sudzha/2025-03-12': 'S19',
  'isw/sudzha/2025-03-12': 'S18',
};

export interface MapSeries {
  /** DeepState snapshots, in publication order. */
  deepstate: readonly AreaSnapshot[];
  /** ISW layer files, in date order. */
  isw: readonly AreaSnapshot[];
}

/** One place's footprint on the maps: its point, or its uncertainty circle inside `clip`. */
function footprintOf(place: Place, clip?: ClipRegion): Footprint {
  return placeFootprint(place.coordinates, precisionRadiusM(place.precision), clip);
}

export function deriveClaims(places: readonly Place[], series: MapSeries, clip?: ClipRegion): Claim[] {
  const claims: Claim[] = [];
  for (const place of places) claims.push(...deriveDeepState(place, footprintOf(place, clip), series.deepstate));
  for (const place of places) claims.push(...deriveIsw(place, footprintOf(place, clip), series.isw));
  return claims;
}

interface DeepStateReading {
  snapshot: AreaSnapshot;
  shares: DeepStateShares;
  status: Status;
  basis: DeepStateBasis;
}

function deriveDeepState(place: Place, footprint: Footprint, snapshots: readonly AreaSnapshot[]): Claim[] {
  const readings: DeepStateReading[] = snapshots.map((snapshot) => {
    const shares = deepStateShares(statusShares(footprint, snapshot.claims, ['ukrainian', 'contested', 'russian']));
    return { snapshot, shares, ...deepStateRule(shares) };
  });
  const ids = new Set<string>();
  return changePoints(readings, (a, b) => a.status === b.status).map((i) => {
    const r = readings[i];
    const { statedDate: date, snapshotTime } = r.snapshot;
    const time = snapshotTime ?? `${date}T00:00:00Z`;
    const id = uniqueId(ids, `ds-${place.id}-${date}`, time.slice(11, 16).replace(':', ''));
    const url = `${DEEPSTATE_ARCHIVE}${baseName(r.snapshot.fileName)}`;
    return claim({
      id,
      sourceId: 'deepstate',
      claimant: `DeepState map (archived snapshot of ${dayText(date)}, ${time.slice(11, 16)} UTC)`,
      place,
      date,
      dateNote: `Snapshot time ${time.slice(0, 16)}Z.`,
      status: r.status,
      summary: deepStateSummary(place, footprint, r, i === 0 ? undefined : readings[i - 1], i === 0),
      url,
      outlet: DEEPSTATE_OUTLET,
      note: `Read off the archived map file by a computer test, not a statement in words: ${testWords(place, footprint)}. The archive can miss map updates made between snapshots, so the change may have been drawn earlier.`,
    });
  });
}

function deriveIsw(place: Place, footprint: Footprint, snapshots: readonly AreaSnapshot[]): Claim[] {
  const shares = snapshots.map(
    (s) => statusShares(footprint, s.claims, ['russian-advance']).get('russian-advance') ?? 0,
  );
  return iswChangePoints(shares.map(iswInside)).map(({ index, status }) => {
    const { statedDate: date } = snapshots[index];
    const share = roundShare(shares[index]);
    const previous = index > 0 ? snapshots[index - 1].statedDate : undefined;
    return claim({
      id: `isw-layer-${place.id}-${date}`,
      sourceId: 'isw',
      claimant: `ISW map layer "Russian advances in Kursk" (file dated ${dayText(date)})`,
      place,
      date,
      status,
      summary:
        status === 'russian'
          ? `ISW's "Russian advances in Kursk" layer of ${dayText(date)} covers ${place.names.en} (${where(place, footprint, share)}): ISW assesses that Russian forces have advanced into or retaken it.`
          : `ISW's "Russian advances in Kursk" layer of ${dayText(date)} no longer covers ${place.names.en}${footprint.kind === 'circle' ? ` (${where(place, footprint, share)})` : ''}; ${previous ? `its layer of ${dayText(previous)} did` : 'an earlier layer did'}. The layer shows only Russian advances, so this says nothing about who holds the ${kindWord(place)}.`,
      url: `${ISW_ARCHIVE}${baseName(snapshots[index].fileName)}`,
      outlet: ISW_OUTLET,
      note: `Read off the layer file by a computer test, not a statement in words: ${testWords(place, footprint, true)}. The file is a third-party export of ISW's layer; its exact meaning should be checked against ISW's own legend.`,
    });
  });
}

/** `base`, or `base-<suffix>` when a second change point falls on the same day. */
function uniqueId(taken: Set<string>, base: string, suffix: string): string {
  const id = taken.has(base) ? `${base}-${suffix}` : base;
  taken.add(id);
  return id;
}

function claim(c: {
  id: string;
  sourceId: string;
  claimant: string;
  place: Place;
  date: string;
  dateNote?: string;
  status: Status;
  summary: string;
  url: string;
  outlet: string;
  note: string;
}): Claim {
  const researchRef = RESEARCH_ROWS[`${c.sourceId}/${c.place.id}/${c.date}`];
  return {
    id: c.id,
    sourceId: c.sourceId,
    claimant: c.claimant,
    placeIds: [c.place.id],
    statedDate: c.date,
    ...(c.dateNote ? { dateNote: c.dateNote } : {}),
    refersTo: { from: c.date, to: c.date },
    status: c.status,
    nature: 'map-derived',
    summary: c.summary,
    evidence: { url: c.url, outlet: c.outlet, provenance: 'derived', alsoReportedAt: [] },
    ...(researchRef ? { researchRef } : {}),
    conflictsWith: [],
    note: c.note,
  };
}

// ---- words for the reader ----

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-08-14` → `14 Aug 2024`. */
function dayText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const kindWord = (place: Place) => (place.kind === 'facility' ? 'site' : place.kind);
const pct = (share: number) => `${Math.round(share * 100)} %`;
const km = (m: number) => `${Number((m / 1000).toFixed(1))} km`;
const circleWords = (place: Place, f: Footprint & { kind: 'circle' }) => `${kindWord(place)}'s ${km(f.radiusM)} circle`;

/** Where on the place a share was measured: its point, or how much of its circle. */
function where(place: Place, footprint: Footprint, share: number): string {
  return footprint.kind === 'point'
    ? `at the ${kindWord(place)}'s published point`
    : `about ${pct(share)} of the ${circleWords(place, footprint)}`;
}

function testWords(place: Place, footprint: Footprint, isw = false): string {
  const what = isw ? 'the layer' : 'each shading';
  return footprint.kind === 'point'
    ? `whether the ${kindWord(place)}'s published point lies inside ${what}`
    : `the share of the ${kindWord(place)}'s ${km(footprint.radiusM)} uncertainty circle (its location is an estimate) inside ${what}`;
}

const SHADE_WORDS: Record<keyof DeepStateShares, string> = {
  ukrainian: 'Ukrainian-held',
  contested: 'grey zone',
  occupied: 'occupied',
  unshaded: 'unshaded',
};

/** The shares other than `main` that reach 1 %, e.g. `grey zone 13 %`. */
function otherShares(shares: DeepStateShares, main: readonly (keyof DeepStateShares)[]): string {
  const keys = Object.keys(SHADE_WORDS) as (keyof DeepStateShares)[];
  return keys
    .filter((k) => !main.includes(k) && shares[k] >= 0.01)
    .map((k) => `${SHADE_WORDS[k]} ${pct(shares[k])}`)
    .join(', ');
}

/** What the map shows of the place, e.g. `inside the Ukrainian-held area (about 87 % of the village's 2 km circle; grey zone 13 %)`. */
function shownAs(place: Place, footprint: Footprint, r: Pick<DeepStateReading, 'shares' | 'basis'>): string {
  const { shares, basis } = r;
  const detail = (share: number, main: (keyof DeepStateShares)[]) => {
    const rest = footprint.kind === 'circle' ? otherShares(shares, main) : '';
    return `(${where(place, footprint, share)}${rest ? `; ${rest}` : ''})`;
  };
  switch (basis) {
    case 'ukrainian':
      return `inside the Ukrainian-held area ${detail(shares.ukrainian, ['ukrainian'])}`;
    case 'grey':
      return `in the grey zone, status unknown ${detail(shares.contested, ['contested'])}`;
    case 'mixed':
      return `split, with no side holding more than half of the ${footprint.kind === 'circle' ? circleWords(place, footprint) : kindWord(place)} (${otherShares(shares, [])}), recorded as contested`;
    case 'occupied':
      return `inside an area marked occupied ${detail(shares.occupied + shares.unshaded, ['occupied', 'unshaded'])}`;
    case 'unshaded':
      return `in unshaded ground, which DeepState leaves unshaded where Russia holds its own territory ${detail(shares.occupied + shares.unshaded, ['occupied', 'unshaded'])}`;
  }
}

const BEFORE_WORDS: Record<DeepStateBasis, string> = {
  ukrainian: 'as Ukrainian-held',
  grey: 'in the grey zone',
  mixed: 'as split',
  occupied: 'as occupied',
  unshaded: 'in unshaded (Russian-held) ground',
};

function deepStateSummary(
  place: Place,
  footprint: Footprint,
  r: DeepStateReading,
  before: DeepStateReading | undefined,
  first: boolean,
): string {
  const { statedDate: date, snapshotTime } = r.snapshot;
  const when = `${dayText(date)}${snapshotTime ? `, ${snapshotTime.slice(11, 16)} UTC` : ''}`;
  const head = `DeepState's map of ${when}${first ? ' (the first we read)' : ''} shows ${place.names.en} ${shownAs(place, footprint, r)}.`;
  if (!before) return head;
  const b = before.snapshot;
  const beforeWhen = `${dayText(b.statedDate)}${b.snapshotTime ? `, ${b.snapshotTime.slice(11, 16)} UTC` : ''}`;
  return `${head} Its map of ${beforeWhen} showed it ${BEFORE_WORDS[before.basis]}.`;
}
