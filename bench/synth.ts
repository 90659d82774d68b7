/**
 * Synthetic data for the benchmark: valid `Source`/`Place`/`Claim` objects
 * (src/claims/model.ts), generated from a fixed seed so every run, in Node and
 * in the browser, measures the same dataset.
 */
import { addDays } from '../src/claims/dates';
import type { Claim, Dataset, Place, Source, Status } from '../src/claims/model';

export const BENCH_SEED = 20240806;

export interface SynthOptions {
  seed: number;
  claims: number;
  places: number;
  sources: number;
  days: number;
  firstDate: string;
}

export const DEFAULT_SYNTH: SynthOptions = {
  seed: BENCH_SEED,
  claims: 100_000,
  places: 1_000,
  sources: 20,
  days: 1_000,
  firstDate: '2024-08-06',
};

/** The Kursk area box the places are spread over: [west, south, east, north]. */
export const KURSK_BOX: [number, number, number, number] = [34.6, 50.7, 36.2, 51.6];

// TODO(areas): area snapshots (1,000 snapshots of ~2,000 vertices each) are being designed in src/areas/.
// When that model settles, generate `AreaSnapshot`s (src/areas/model.ts) here from the same seed, e.g.
// `syntheticAreas(random, AREA_SNAPSHOTS)`, and add them to the bench data. Matching TODO(areas) hooks:
// scripts/bench/query.ts (as-of lookup, index vs naive), bench/main.ts (draw them via
// `controller.setAreas(...)` so the scrub includes them), scripts/bench/report.ts (`areas` in results.json).
export const AREA_SNAPSHOTS = { count: 1_000, verticesPerSnapshot: 2_000 } as const;

export type Random = () => number;

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randomInt = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)];
const pad = (n: number | string, width: number) => String(n).padStart(width, '0');

const KINDS: Source['kind'][] = ['official', 'analyst', 'osint-map', 'news-agency', 'military-blogger'];
const ALIGNMENTS: Source['alignment'][] = ['ukrainian', 'russian', 'independent'];
const RELIABILITIES: Source['reliability'][] = ['high', 'medium', 'low'];

function makeSources(random: Random, count: number): Source[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `src-${pad(i, 2)}`,
    name: `Synthetic source ${i}`,
    shortName: `S${i}`,
    kind: pick(random, KINDS),
    alignment: pick(random, ALIGNMENTS),
    reliability: pick(random, RELIABILITIES),
    description: `Synthetic benchmark source ${i}.`,
    color: `#${pad(randomInt(random, 0xffffff).toString(16), 6)}`,
  }));
}

interface PlaceTruth {
  /** Day index on which control flips from `before` to `after`. */
  flip: number;
  before: Status;
  after: Status;
}

function makePlaces(random: Random, count: number): { places: Place[]; truth: PlaceTruth[] } {
  const [west, south, east, north] = KURSK_BOX;
  const places: Place[] = [];
  const truth: PlaceTruth[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Place ${i}`;
    const lng = Math.round((west + random() * (east - west)) * 1e5) / 1e5;
    const lat = Math.round((south + random() * (north - south)) * 1e5) / 1e5;
    const approximate = random() < 0.1;
    places.push({
      id: `place-${pad(i, 4)}`,
      names: { en: name, ru: name, uk: name, alt: [] },
      kind: random() < 0.1 ? 'town' : 'village',
      coordinates: [lng, lat],
      precision: approximate
        ? { kind: 'approximate', radiusM: 500 + randomInt(random, 3000), basis: 'synthetic' }
        : { kind: 'exact', basis: 'synthetic' },
    });
    const ukrainianFirst = random() < 0.5;
    truth.push({
      flip: randomInt(random, 1000),
      before: ukrainianFirst ? 'ukrainian' : 'russian',
      after: ukrainianFirst ? 'russian' : 'ukrainian',
    });
  }
  return { places, truth };
}

/** Sources mostly report the truth, sometimes the other side, "contested" near the flip, and sometimes nothing. */
function statusFor(random: Random, truth: PlaceTruth, day: number): Status {
  const r = random();
  if (r < 0.05) return 'none';
  if (Math.abs(day - truth.flip) < 15 || r < 0.12) return 'contested';
  const actual = day < truth.flip ? truth.before : truth.after;
  if (r < 0.25) return actual === 'ukrainian' ? 'russian' : 'ukrainian';
  return actual;
}

export function generateDataset(options: SynthOptions = DEFAULT_SYNTH): Dataset {
  const random = seededRandom(options.seed);
  const sources = makeSources(random, options.sources);
  const { places, truth } = makePlaces(random, options.places);
  const dates = Array.from({ length: options.days }, (_, d) => addDays(options.firstDate, d));
  const claims: Claim[] = [];
  for (let i = 0; i < options.claims; i++) {
    const p = randomInt(random, places.length);
    const source = sources[randomInt(random, sources.length)];
    const day = randomInt(random, options.days);
    const status = statusFor(random, truth[p], day);
    claims.push({
      id: `claim-${pad(i, 6)}`,
      sourceId: source.id,
      claimant: source.name,
      placeIds: [places[p].id],
      statedDate: dates[day],
      status,
      nature: status === 'none' ? 'no-comment' : 'assessment',
      summary: `Synthetic claim ${i}.`,
      evidence: {
        url: `https://example.org/claims/${i}`,
        outlet: source.shortName,
        provenance: 'reported',
        alsoReportedAt: [],
      },
      conflictsWith: [],
    });
  }
  return { sources, places, claims };
}

/** `count` dates drawn uniformly from the dataset's span, from their own seed. */
export function randomDates(options: SynthOptions, count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => addDays(options.firstDate, randomInt(random, options.days)));
}

/**
 * A scripted scrub: mostly slider-sized steps (1–14 days either way), with one move in ten a jump anywhere,
 * clamped to the dataset's span. Starts from `start`.
 */
export function scrubDates(options: SynthOptions, count: number, seed: number, start: number): string[] {
  const random = seededRandom(seed);
  const dates: string[] = [];
  let day = start;
  for (let i = 0; i < count; i++) {
    if (random() < 0.1) day = randomInt(random, options.days);
    else {
      const step = (1 + randomInt(random, 14)) * (random() < 0.5 ? -1 : 1);
      day = Math.min(options.days - 1, Math.max(0, day + step));
    }
    dates.push(addDays(options.firstDate, day));
  }
  return dates;
}
