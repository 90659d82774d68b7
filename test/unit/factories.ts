import type { Claim, Dataset, Place, Source } from '../../src/claims/model';
import type { StateContext } from '../../src/state/appState';

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

/** A link context for three sources and two places, over the record's dates (`stories` none unless given). */
export function stateContext(extra: Partial<StateContext> = {}): StateContext {
  return {
    sourceIds: ['ru-mod', 'isw', 'deepstate'],
    placeIds: ['sudzha', 'ulanok'],
    firstDate: '2024-08-07',
    lastDate: '2025-03-28',
    defaultDate: '2025-02-06',
    defaultView: { lng: 35.3, lat: 51.2, zoom: 10 },
    stories: [],
    ...extra,
  };
}
