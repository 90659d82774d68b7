/**
 * The domain model. Plain data, no behaviour: everything here is produced by
 * `schema.ts` from untrusted input and consumed by the pure functions beside it.
 */

/** A calendar day, `YYYY-MM-DD`. Claims are compared by day, in UTC. */
export type IsoDate = string;

type SourceKind = 'official' | 'analyst' | 'osint-map' | 'news-agency' | 'military-blogger';
type Alignment = 'ukrainian' | 'russian' | 'independent';
type Reliability = 'high' | 'medium' | 'low';

export interface Source {
  id: string;
  name: string;
  shortName: string;
  kind: SourceKind;
  alignment: Alignment;
  reliability: Reliability;
  description: string;
  reliabilityNote?: string;
  /** `#rrggbb`, used for the source's segment around place markers. */
  color: string;
}

type PlaceKind = 'town' | 'village' | 'facility';

/**
 * How a place's point was found, which is how sure it is. `basis` always says where the point comes from,
 * in words for the reader (no file paths); `radiusM` is how far the place may be from the point.
 * - `point`: a coordinate published to the arc-second or finer (Wikipedia infoboxes and their copies).
 * - `arc-minute`: a coordinate published in whole arc-minutes only; the radius covers the rounding.
 * - `landmark`: the published point of a building in the place (e.g. its church), not of the place itself.
 * - `estimate`: our own estimate from published distances and directions; the radius covers their spread.
 */
export type Precision = (
  | { kind: 'point' }
  | { kind: 'arc-minute'; radiusM: number }
  | { kind: 'landmark'; landmark: string; radiusM: number }
  | { kind: 'estimate'; radiusM: number }
) & {
  basis: string;
  /** The pages the point, or the facts it was estimated from, were read on. */
  sources?: string[];
};

export type PrecisionKind = Precision['kind'];

interface PlaceNames {
  en: string;
  ru: string;
  uk: string;
  alt: string[];
}

export interface Place {
  id: string;
  names: PlaceNames;
  kind: PlaceKind;
  /** [longitude, latitude], WGS84. */
  coordinates: [number, number];
  precision: Precision;
}

/** What a claim says about control. `none` records a statement that takes no position. */
export type Status = 'ukrainian' | 'russian' | 'contested' | 'none';

type Nature =
  | 'capture'
  | 'holding'
  | 'advance'
  | 'attack-repelled'
  | 'denial'
  | 'no-comment'
  | 'assessment'
  | 'map-derived';

type Provenance = 'first-hand' | 'reported' | 'derived';

interface Evidence {
  url: string;
  /** The outlet that carried the statement, kept apart from the claimant. */
  outlet: string;
  provenance: Provenance;
  alsoReportedAt: string[];
}

export interface Claim {
  id: string;
  sourceId: string;
  /** The individual or office that spoke, when narrower than the source. */
  claimant: string;
  placeIds: string[];
  statedDate: IsoDate;
  /** How the stated date is known, when it is not exact (e.g. "undated; c. Feb 2025"). */
  dateNote?: string;
  refersTo?: { from: IsoDate; to: IsoDate };
  status: Status;
  nature: Nature;
  summary: string;
  evidence: Evidence;
  /** Id of the row in the research file this claim was taken from. */
  researchRef?: string;
  /** Other claims reporting the same event differently; shown, never resolved. */
  conflictsWith: string[];
  conflictNote?: string;
  note?: string;
  imported?: boolean;
}

export interface Dataset {
  sources: Source[];
  places: Place[];
  claims: Claim[];
}
