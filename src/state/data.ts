/**
 * What the app shows, as opposed to how the user looks at it: the bundled dataset with the claims
 * imported on top, the area maps imported this session, and what is derived from them once per change
 * (time index, area catalog, the slider's dates, what a link may restore). Domain indexes only: the map's
 * layer data is built from them in src/map.
 */
import { type AreaCatalog, buildAreaCatalog } from '../areas/catalog';
import type { LoadedArea } from '../areas/importWorker';
import { type ImportBatch, withImports } from '../claims/importBatch';
import type { Dataset, IsoDate } from '../claims/model';
import type { Story } from '../claims/story';
import { buildTimeIndex, type TimeIndex } from '../claims/timeline';
import type { StateContext } from './appState';

/** The date a first visit opens on: the day the Ulanok and Cherkasskaya Konopelka claims diverge. */
const DEFAULT_DATE = '2025-02-06';
export const DEFAULT_VIEW = { lng: 35.33, lat: 51.16, zoom: 10.3 };

export interface DataInputs {
  bundled: Dataset;
  stories: readonly Story[];
  claimBatches: readonly ImportBatch[];
  areas: readonly LoadedArea[];
}

export interface DerivedData {
  dataset: Dataset;
  index: TimeIndex;
  /** The area maps' time index; undefined while none are loaded. */
  areaCatalog: AreaCatalog | undefined;
  /** Everything claimed, points and area maps: the slider's ticks. */
  dates: readonly IsoDate[];
  ctx: StateContext;
}

/** Recomputes only what the changed inputs feed: an area import does not rebuild the time index. */
export function deriveData(next: DataInputs, previous?: DataInputs & DerivedData): DerivedData {
  const sameClaims = previous && previous.bundled === next.bundled && previous.claimBatches === next.claimBatches;
  const dataset = sameClaims ? previous.dataset : withImports(next.bundled, next.claimBatches);
  const index = sameClaims ? previous.index : buildTimeIndex(dataset.claims);
  const sameAreas = previous && previous.areas === next.areas;
  const areaCatalog = sameAreas
    ? previous.areaCatalog
    : next.areas.length
      ? buildAreaCatalog(next.areas.map((a) => a.snapshot))
      : undefined;
  if (previous && sameClaims && sameAreas) return previous;
  const dates = [...new Set([...index.claimDates, ...(areaCatalog?.index.dates ?? [])])].sort();
  const firstDate = dates[0] ?? DEFAULT_DATE;
  const lastDate = dates.at(-1) ?? DEFAULT_DATE;
  const inRange = DEFAULT_DATE >= firstDate && DEFAULT_DATE <= lastDate;
  const ctx: StateContext = {
    sourceIds: dataset.sources.map((s) => s.id),
    placeIds: dataset.places.map((p) => p.id),
    firstDate,
    lastDate,
    defaultDate: inRange ? DEFAULT_DATE : lastDate,
    defaultView: DEFAULT_VIEW,
    stories: next.stories,
  };
  return { dataset, index, areaCatalog, dates, ctx };
}

/** A change of data inputs with its derived data (index, dates, link context), for one store update. */
export function withDerived(
  state: DataInputs & DerivedData,
  patch: Partial<DataInputs>,
): Partial<DataInputs> & DerivedData {
  const inputs = {
    bundled: state.bundled,
    stories: state.stories,
    claimBatches: state.claimBatches,
    areas: state.areas,
    ...patch,
  };
  return { ...patch, ...deriveData(inputs, state) };
}
