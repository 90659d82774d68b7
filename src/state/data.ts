/**
 * What the app shows, as opposed to how the user looks at it: the bundled dataset with the claims
 * imported on top, the area maps imported this session, and what is derived from them once per change
 * (time index, area layer data, the slider's dates, what a link may restore).
 */
import type { LoadedArea } from '../areas/importWorker';
import { type ImportBatch, withImports } from '../claims/importBatch';
import type { Dataset, IsoDate } from '../claims/model';
import type { Story } from '../claims/story';
import { buildTimeIndex, type TimeIndex } from '../claims/timeline';
import { type AreaLayerData, buildAreaLayerData } from '../map/areaLayers';
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
  areaLayerData: AreaLayerData | undefined;
  /** Everything claimed, points and area maps: the slider's ticks. */
  dates: readonly IsoDate[];
  ctx: StateContext;
}

/** DeepState's maps fetched from the public archive are credited on the map while they are drawn. */
const ARCHIVE_CREDIT = 'Front line: DeepStateMap.live, via the deepstatemaps-history archive';

function withAttribution(data: AreaLayerData, areas: readonly LoadedArea[]): AreaLayerData {
  return areas.some((a) => a.fetchedFrom) ? { ...data, attribution: ARCHIVE_CREDIT } : data;
}

/** Recomputes only what the changed inputs feed: an area import does not rebuild the time index. */
export function deriveData(next: DataInputs, previous?: DataInputs & DerivedData): DerivedData {
  const sameClaims = previous && previous.bundled === next.bundled && previous.claimBatches === next.claimBatches;
  const dataset = sameClaims ? previous.dataset : withImports(next.bundled, next.claimBatches);
  const index = sameClaims ? previous.index : buildTimeIndex(dataset.claims);
  const sameAreas = previous && previous.areas === next.areas;
  const areaLayerData = sameAreas
    ? previous.areaLayerData
    : next.areas.length
      ? withAttribution(
          buildAreaLayerData(
            next.areas.map((a) => a.snapshot),
            next.areas.map((a) => a.frontLine),
          ),
          next.areas,
        )
      : undefined;
  if (previous && sameClaims && sameAreas) return previous;
  const dates = [...new Set([...index.claimDates, ...(areaLayerData?.index.dates ?? [])])].sort();
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
  return { dataset, index, areaLayerData, dates, ctx };
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
