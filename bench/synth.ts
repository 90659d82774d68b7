/**
 * Synthetic data for the benchmark: valid `Source`/`Place`/`Claim` objects
 * (src/claims/model.ts) and `AreaSnapshot`s (src/areas/model.ts), generated from a
 * fixed seed so every run, in Node and in the browser, measures the same dataset.
 */
import type { MultiLineString, Position } from 'geojson';
import { type AreaClaim, type AreaSnapshot, type AreaStatus, noneSkipped } from '../src/areas/model';
import { areaKm2 } from '../src/areas/ops';
import { addDays } from '../src/claims/dates';
import type { Claim, Dataset, Place, Source, Status } from '../src/claims/model';

const BENCH_SEED = 20240806;

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

/**
 * The default data scaled to `claims`: places (and so tracks, marks and ring segments) in proportion, the
 * same sources, days and seed, so the claims per place stay those of the default (100 per place).
 */
export function scaledSynth(claims: number): SynthOptions {
  const places = Math.max(1, Math.round((DEFAULT_SYNTH.places * claims) / DEFAULT_SYNTH.claims));
  return { ...DEFAULT_SYNTH, claims, places };
}

/** The Kursk area box the places are spread over: [west, south, east, north]. */
export const KURSK_BOX: [number, number, number, number] = [34.6, 50.7, 36.2, 51.6];

export interface AreaSpec {
  /** Area snapshots in all, over every area track. */
  count: number;
  /** Distinct positions per snapshot (a ring's closing position not counted). */
  verticesPerSnapshot: number;
}

/** The size of the synthetic area data (`generateAreas`). */
export const AREA_SNAPSHOTS: AreaSpec = { count: 1_000, verticesPerSnapshot: 2_000 };

type Random = () => number;

/** mulberry32: small, fast, good enough for synthetic data. */
function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomInt = (random: Random, n: number): number => Math.floor(random() * n);
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
        ? { kind: 'estimate', radiusM: 500 + randomInt(random, 3000), basis: 'synthetic' }
        : { kind: 'point', basis: 'synthetic' },
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

/**
 * The area tracks (one layer of one source each, as DeepState's `deepstate-kursk` or an ISW layer) and
 * their share of the snapshots: the first publishes most often, like DeepState. `patches` is the status
 * of the small areas drawn beside the held one (a grey zone, ISW's advances, ground the other side holds).
 */
const AREA_TRACKS: readonly { layer: string; share: number; patches: AreaStatus }[] = [
  { layer: 'synthetic-control', share: 0.4, patches: 'contested' },
  { layer: 'synthetic-advances', share: 0.3, patches: 'russian-advance' },
  { layer: 'synthetic-control', share: 0.2, patches: 'contested' },
  { layer: 'synthetic-control', share: 0.1, patches: 'russian' },
];
/** Patches per snapshot, and their share of its vertices; the rest outline the held area. */
const AREA_PATCHES = 3;
const PATCH_VERTEX_SHARE = 0.05;
/** The held area's middle (near Sudzha): it drifts around this and shrinks over the span. */
const AREA_CENTRE = { lng: 35.3, lat: 51.2 };
/** The held area's outline wobbles with these harmonics; their amplitudes sum to 0.3, so radii stay positive. */
const HARMONICS = [2, 3, 4, 5, 7];
const HARMONIC_AMPLITUDES = [0.12, 0.08, 0.05, 0.03, 0.02];

export interface SyntheticAreas {
  /** In date order (ties in track order), the order a user importing a folder of dated files gets. */
  snapshots: AreaSnapshot[];
  /**
   * One per snapshot, as the import worker returns them (src/areas/importWorker.ts): the edge of the
   * held area, here its whole outer ring (a copy). The app's `frontLine` would also leave out the odd
   * segment within 50 m of the state border, which the ring crosses: 1–3 vertices fewer in 2 of 3 snapshots.
   */
  frontLines: MultiLineString[];
  /** Distinct positions in all snapshots' rings (a ring's closing position not counted). */
  vertices: number;
  /** Positions in all front lines. */
  frontLineVertices: number;
  /** Tracks: (source, layer) pairs. */
  tracks: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const KX = 1 / Math.cos((AREA_CENTRE.lat * Math.PI) / 180);

/** sin and cos of k·θ at the n angles 2πi/n of a ring, for each k in `ks` (k = 1 first). */
function ringTable(n: number, ks: readonly number[]): { sin: Float64Array; cos: Float64Array }[] {
  return [1, ...ks].map((k) => ({
    sin: Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * k * i) / n)),
    cos: Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * k * i) / n)),
  }));
}

/**
 * A closed ring around `centre` (x east, y north, in degrees of latitude; converted to lng/lat on the way
 * out) with one vertex at each angle of `table` (equal steps, counter-clockwise), vertex i at the positive
 * radius `radius(i)`. Such a ring is star-shaped around its centre, so it never crosses itself.
 */
function starRing(
  table: readonly { sin: Float64Array; cos: Float64Array }[],
  centre: { x: number; y: number },
  radius: (i: number) => number,
): Position[] {
  const { sin, cos } = table[0];
  const ring: Position[] = new Array(sin.length + 1);
  for (let i = 0; i < sin.length; i++) {
    const r = radius(i);
    ring[i] = [round6(AREA_CENTRE.lng + (centre.x + r * cos[i]) * KX), round6(AREA_CENTRE.lat + centre.y + r * sin[i])];
  }
  ring[sin.length] = [ring[0][0], ring[0][1]];
  return ring;
}

/**
 * `spec.count` area snapshots of about `spec.verticesPerSnapshot` vertices each, over the dataset's days,
 * for the first four of `sourceIds` (fewer if there are fewer; none without sources). Each snapshot holds
 * a Ukrainian-held polygon, a wobbly ring whose centre drifts and which shrinks over the span, and a
 * MultiPolygon of three small patches on its edge. Every source draws the area a little differently, so
 * their maps disagree. Rings are valid and do not cross themselves (checked by the query bench with the
 * app's importer). Uses its own stream from `options.seed`, so it does not depend on the claim count.
 */
export function generateAreas(
  options: SynthOptions,
  sourceIds: readonly string[],
  spec: AreaSpec = AREA_SNAPSHOTS,
): SyntheticAreas {
  const random = seededRandom(options.seed + 4);
  const tracks = AREA_TRACKS.slice(0, sourceIds.length);
  const shareSum = tracks.reduce((sum, t) => sum + t.share, 0);
  const patchVertices = Math.max(8, Math.round((spec.verticesPerSnapshot * PATCH_VERTEX_SHARE) / AREA_PATCHES));
  const mainVertices = Math.max(8, spec.verticesPerSnapshot - AREA_PATCHES * patchVertices);
  const mainTable = ringTable(mainVertices, HARMONICS);
  const patchTable = ringTable(patchVertices, []);
  const made: { day: number; track: number; snapshot: AreaSnapshot; frontLine: MultiLineString }[] = [];
  let assigned = 0;
  tracks.forEach((track, t) => {
    const sourceId = sourceIds[t];
    const share = Math.round((spec.count * track.share) / shareSum);
    const count = Math.max(0, t === tracks.length - 1 ? spec.count - assigned : share);
    assigned += count;
    // How this source draws the area: its own offset, scale and wobble, which drift slowly over time.
    const offset = { x: 0.03 * (random() - 0.5), y: 0.03 * (random() - 0.5) };
    const scale = 0.9 + 0.2 * random();
    const phase = 2 * Math.PI * random();
    const harmonics = HARMONICS.map((k, h) => ({
      k,
      amplitude: HARMONIC_AMPLITUDES[h],
      phase: 2 * Math.PI * random(),
      drift: 2 * Math.PI * (random() - 0.5) * 3,
    }));
    for (let i = 0; i < count; i++) {
      // One snapshot per bin of the span, at a random day in it: strictly increasing days.
      const day = Math.min(options.days - 1, Math.floor(((i + random()) * options.days) / count));
      const f = day / Math.max(1, options.days - 1);
      const centre = {
        x: offset.x + 0.1 * Math.sin(2 * Math.PI * 0.8 * f + phase),
        y: offset.y + 0.04 * Math.cos(2 * Math.PI * 1.1 * f + phase),
      };
      const size = (0.07 + 0.13 * (1 - f)) * scale;
      // The outline's wobble: Σ a·sin(kθ + φ), with φ drifting over the span, so the shape changes slowly.
      const phases = harmonics.map((h) => h.phase + h.drift * f);
      const shape = (theta: number) =>
        harmonics.reduce((m, h, j) => m + h.amplitude * Math.sin(h.k * theta + phases[j]), 1);
      const sinPart = harmonics.map((h, j) => h.amplitude * Math.cos(phases[j]));
      const cosPart = harmonics.map((h, j) => h.amplitude * Math.sin(phases[j]));
      // shape(θi) from the table, plus per-vertex noise of ±3 %: sources redraw the outline every time.
      const held = starRing(mainTable, centre, (v) => {
        let m = 1 + 0.06 * (random() - 0.5);
        for (let j = 0; j < sinPart.length; j++)
          m += mainTable[j + 1].sin[v] * sinPart[j] + mainTable[j + 1].cos[v] * cosPart[j];
        return size * m;
      });
      const patches = Array.from({ length: AREA_PATCHES }, (_, j) => {
        // On the held area's edge, a third of a turn apart (drifting by less than ±0.5 rad): they never overlap.
        const at = phase + (2 * Math.PI * j) / AREA_PATCHES + 0.5 * Math.sin(2 * Math.PI * f + j);
        const edge = size * shape(at);
        const rho = 0.15 * size * (0.8 + 0.4 * random());
        const c = { x: centre.x + edge * Math.cos(at), y: centre.y + edge * Math.sin(at) };
        return [starRing(patchTable, c, () => rho * (0.85 + 0.3 * random()))];
      });
      const date = addDays(options.firstDate, day);
      const fileName = `synthetic/${sourceId}-${track.layer}-${date}.geojson`;
      const claim = (suffix: string, status: AreaStatus, geometry: AreaClaim['geometry']): AreaClaim => ({
        id: `${sourceId}-${track.layer}-${date}-${suffix}`,
        sourceId,
        layer: track.layer,
        status,
        statedDate: date,
        geometry,
        fileName,
        areaKm2: areaKm2(geometry),
      });
      made.push({
        day,
        track: t,
        snapshot: {
          sourceId,
          layer: track.layer,
          statedDate: date,
          fileName,
          format: 'native',
          claims: [
            claim('held', 'ukrainian', { type: 'Polygon', coordinates: [held] }),
            claim(track.patches, track.patches, { type: 'MultiPolygon', coordinates: patches }),
          ],
          skipped: noneSkipped(),
        },
        frontLine: { type: 'MultiLineString', coordinates: [held.map((p) => [p[0], p[1]])] },
      });
    }
  });
  made.sort((a, b) => a.day - b.day || a.track - b.track);
  const vertices = made.length * (mainVertices + AREA_PATCHES * patchVertices);
  return {
    snapshots: made.map((m) => m.snapshot),
    frontLines: made.map((m) => m.frontLine),
    vertices,
    frontLineVertices: made.length * (mainVertices + 1),
    tracks: tracks.length,
  };
}
