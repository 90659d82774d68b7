import type { Claim, Dataset, Place, Source } from '../../src/claims/model';

function source(id: string, extra: Partial<Source> = {}): Source {
  return {
    id,
    name: `Source ${id}`,
    shortName: id,
    kind: 'official',
    alignment: 'independent',
    reliability: 'medium',
    description: `Test source ${id}`,
    color: '#336699',
    ...extra,
  };
}

export function place(id: string, extra: Partial<Place> = {}): Place {
  return {
    id,
    names: { en: id, ru: id, uk: id, alt: [] },
    kind: 'village',
    coordinates: [35.27, 51.19],
    precision: { kind: 'point', basis: 'test' },
    ...extra,
  };
}

let counter = 0;
export function claim(
  sourceId: string,
  placeId: string,
  statedDate: string,
  status: Claim['status'],
  extra: Partial<Claim> = {},
): Claim {
  counter += 1;
  return {
    id: `c${counter}`,
    sourceId,
    claimant: sourceId,
    placeIds: [placeId],
    statedDate,
    status,
    nature: 'assessment',
    summary: 'test claim',
    evidence: { url: 'https://example.org/a', outlet: 'Example', provenance: 'reported', alsoReportedAt: [] },
    conflictsWith: [],
    ...extra,
  };
}

export function dataset(claims: Claim[]): Dataset {
  const sourceIds = [...new Set(claims.map((c) => c.sourceId))];
  const placeIds = [...new Set(claims.flatMap((c) => c.placeIds))];
  return { sources: sourceIds.map((id) => source(id)), places: placeIds.map((id) => place(id)), claims };
}
