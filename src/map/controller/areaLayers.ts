/**
 * The area maps on the map (part of the adapter behind ../MapController): the area and front-line sources,
 * which hold only the snapshots on hand, each in a slot of its track whose layers are shown while it is in
 * force (../areaLayers.ts: slots). Which snapshots
 * are on hand is the caller's answer (`MapInputs.areasOnHand`: the store's frame selector, src/state/view.ts):
 * this part never works it out. The features of a shown snapshot also carry the `visible` feature state, so
 * what is drawn can be read back from the map (the e2e tests do).
 */
import * as maplibregl from 'maplibre-gl';
import type { SnapshotsOnHand } from '../../areas/catalog';
import type { AreaSnapshot } from '../../areas/model';
import { FIRST_APP_LAYER } from '../appLayers';
import { DISAGREEMENT_FILL_LAYER } from '../areaDisagreement';
import {
  AREA_OPACITY,
  AREA_SOURCE,
  type AreaLayerData,
  areaSlotLayers,
  FRONTLINE_SOURCE,
  SLOTS_PER_TRACK,
  slotLayerIds,
} from '../areaLayers';
import { addSlotLayers } from './addSlotLayers';
import { setSlotOpacities } from './slotOpacity';

type AreaSources = readonly { id: string; color: string }[];

/** What the area sources and layers are installed for: the tracks' slots, their outline style, and the credit. */
const installKey = (areas: AreaLayerData, sources: AreaSources) =>
  JSON.stringify([sources, areas.tracks, areas.attribution ?? null]);

/** What the area sources are sent for a change of the snapshots on hand. */
interface SourceChange {
  polygons: AreaLayerData['featuresBySnapshot'][number];
  lines: AreaLayerData['frontLines']['features'];
  removedPolygons: number[];
  removedLines: number[];
}

/** The positions on hand that are in `areas` (on hand for other layer data, an index may be out of range). */
function positionsOnHand(areas: AreaLayerData, onHand: SnapshotsOnHand | null) {
  const inData = (i: number) => i >= 0 && i < areas.snapshots.length;
  return {
    visible: [...(onHand?.visible ?? [])].filter(inData),
    needed: [...(onHand?.needed ?? [])].filter(inData),
    ready: [...(onHand?.ready ?? [])].filter(inData),
  };
}

/** What the area sources hold of a snapshot: the index it was added under, its features' ids, its slot. */
interface OnMap {
  index: number;
  ids: number[];
  line: number | null;
  slot: number;
}

export class AreaLayers {
  private areas: AreaLayerData | undefined;
  private sources: AreaSources = [];
  /**
   * The snapshots on hand for `areas`, as last given; undefined while none were given since `areas` changed
   * (indices into other layer data mean nothing here), and then the map is left as it is.
   */
  private onHand: SnapshotsOnHand | null | undefined;
  /** What the area sources hold, per snapshot. */
  private onMap = new Map<AreaSnapshot, OnMap>();
  /** The snapshots shown: their slots' layers are opaque and their features have the `visible` feature state. */
  private visible = new Set<AreaSnapshot>();
  /** The slots whose layers are shown now. */
  private shownSlots = new Set<number>();
  /** The layer ids installed per slot (every slot of every track). */
  private slots = 0;
  /** The outline layers and credit the area sources were installed with (null: none installed). */
  private installed: string | null = null;
  /** Set while new layer data waits for its snapshots on hand to be installed with them (`installAreas`). */
  private installPending = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onError: (message: string) => void,
  ) {}

  /** Adds the area sources and layers afresh (after a style change: the map lost them). */
  install(): void {
    this.installAreas();
  }

  /**
   * Imported area snapshots changed. On a loaded map (`live`), with the same outline layers and credit the
   * sources stay and get only the snapshots that came or went on hand; otherwise the area sources and layers
   * are installed again. New layer data waits for its own snapshots on hand (`show`).
   */
  setData(areas: AreaLayerData | undefined, sources: AreaSources, live: boolean): void {
    if (areas !== this.areas) this.onHand = undefined;
    this.areas = areas;
    this.sources = sources.filter((s) => areas?.sourceIds.includes(s.id));
    if (!live) return;
    if (areas && this.installed === installKey(areas, this.sources) && this.map.getSource(AREA_SOURCE)) this.apply();
    else this.installAreas();
  }

  /** The snapshots on hand now (indices into the layer data last given to `setData`); applied by `apply`. */
  show(onHand: SnapshotsOnHand | null): void {
    this.onHand = onHand;
  }

  /**
   * Show the snapshots in force. A snapshot already on hand is shown by its slot's paint and its features'
   * state alone, in the same call as the places' states, so both are in the next frame. The sources change
   * only when a move leaves the nearest snapshots (one step each way) or one left the data: then they get
   * the snapshots within reach, as a diff, and the worker tiles them while the frame shows what it has.
   */
  apply(): void {
    const areas = this.areas;
    const onHand = this.onHand;
    if (!areas || onHand === undefined) return;
    if (this.installPending) {
      this.installAreas();
      return;
    }
    const polygons = this.map.getSource(AREA_SOURCE);
    const lines = this.map.getSource(FRONTLINE_SOURCE);
    if (!(polygons instanceof maplibregl.GeoJSONSource) || !(lines instanceof maplibregl.GeoJSONSource)) return;
    const positions = positionsOnHand(areas, onHand);
    const visible = new Set(positions.visible.map((i) => areas.snapshots[i]));
    for (const snapshot of this.visible) if (!visible.has(snapshot)) this.setVisible(snapshot, false);
    const change = this.sourceChange(areas, positions.needed, positions.ready);
    if (change) {
      const settle = (update: Promise<void>) =>
        update.catch((err: unknown) => this.onError(err instanceof Error ? err.message : String(err)));
      settle(polygons.updateData({ remove: change.removedPolygons, add: change.polygons }));
      settle(lines.updateData({ remove: change.removedLines, add: change.lines }));
    }
    for (const snapshot of visible) if (!this.visible.has(snapshot)) this.setVisible(snapshot, true);
    this.visible = visible;
    this.showSlots(new Set([...visible].flatMap((s) => this.onMap.get(s)?.slot ?? [])));
  }

  private setVisible(snapshot: AreaSnapshot, visible: boolean): void {
    const entry = this.onMap.get(snapshot);
    if (!entry) return;
    for (const id of entry.ids) this.map.setFeatureState({ source: AREA_SOURCE, id }, { visible });
    if (entry.line !== null) this.map.setFeatureState({ source: FRONTLINE_SOURCE, id: entry.line }, { visible });
  }

  /** Only the slots that change are touched: a constant paint value, no re-tiling, no fade, one frame. */
  private showSlots(shown: ReadonlySet<number>): void {
    const set = (slot: number, on: boolean) => {
      const ids = slotLayerIds(slot);
      return [
        { layerId: ids.fill, property: 'fill-opacity', opacity: on ? AREA_OPACITY.fill : 0 },
        { layerId: ids.outline, property: 'line-opacity', opacity: on ? AREA_OPACITY.outline : 0 },
        { layerId: ids.frontLine, property: 'line-opacity', opacity: on ? AREA_OPACITY.frontLine : 0 },
      ] as const;
    };
    setSlotOpacities(this.map, [
      ...[...this.shownSlots].filter((slot) => !shown.has(slot)).flatMap((slot) => set(slot, false)),
      ...[...shown].filter((slot) => !this.shownSlots.has(slot)).flatMap((slot) => set(slot, true)),
    ]);
    this.shownSlots = new Set(shown);
  }

  /**
   * What the area sources must take for the snapshots on hand: the features to add and the ids to remove, with
   * `onMap` updated to match; null when nothing needs sending.
   */
  private sourceChange(areas: AreaLayerData, needed: readonly number[], ready: readonly number[]): SourceChange | null {
    const onMap = this.onMap;
    // Added under another index: its features' `snapshot` property is stale, so it is sent again.
    const stale = (i: number) => onMap.get(areas.snapshots[i])?.index !== i;
    const left = [...onMap.keys()].some((snapshot) => !areas.snapshotIndex.has(snapshot));
    // Snapshots no longer within reach stay until a move leaves the nearest ones: moving back and forth
    // within reach sends nothing, and the sources hold at most the snapshots within reach of the last load.
    if (!needed.some(stale) && !left) return null;
    const wanted = new Set(ready.map((i) => areas.snapshots[i]));
    const dropped = [...onMap].filter(
      ([snapshot, entry]) => !wanted.has(snapshot) || areas.snapshotIndex.get(snapshot) !== entry.index,
    );
    for (const [snapshot] of dropped) onMap.delete(snapshot);
    const used = new Set([...onMap.values()].map((entry) => entry.slot));
    const freeSlot = (track: number) => {
      for (let k = 0; k < SLOTS_PER_TRACK; k++) {
        const slot = track * SLOTS_PER_TRACK + k;
        if (!used.has(slot)) return slot;
      }
      return -1;
    };
    const added = ready.filter(stale).flatMap((i) => {
      const slot = freeSlot(areas.trackOf[i] ?? -1);
      // Within reach there is a slot for every snapshot of a track; a track the layers do not know has none.
      if (slot < 0 || slot >= this.slots) return [];
      used.add(slot);
      const features = (areas.featuresBySnapshot[i] ?? []).map((f) => ({
        ...f,
        properties: { ...f.properties, slot },
      }));
      const line = areas.frontLines.features[i];
      onMap.set(areas.snapshots[i], {
        index: i,
        ids: features.map((f) => Number(f.id)),
        line: line ? Number(line.id) : null,
        slot,
      });
      return [{ features, line: line ? { ...line, properties: { ...line.properties, slot } } : undefined }];
    });
    return {
      polygons: added.flatMap((a) => a.features),
      lines: added.flatMap((a) => (a.line ? [a.line] : [])),
      removedPolygons: dropped.flatMap(([, entry]) => entry.ids),
      removedLines: dropped.flatMap(([, entry]) => (entry.line === null ? [] : [entry.line])),
    };
  }

  private installAreas(): void {
    for (let slot = 0; slot < this.slots; slot++)
      for (const layer of Object.values(slotLayerIds(slot))) if (this.map.getLayer(layer)) this.map.removeLayer(layer);
    for (const source of [AREA_SOURCE, FRONTLINE_SOURCE]) if (this.map.getSource(source)) this.map.removeSource(source);
    this.onMap = new Map();
    this.visible = new Set();
    this.shownSlots = new Set();
    this.slots = 0;
    this.installed = null;
    const areas = this.areas;
    this.installPending = false;
    if (!areas) return;
    // New layer data comes before its snapshots on hand (`show`, in the same task): the sources are added once
    // those are known, already holding them. Added empty and then filled, they were loaded twice by MapLibre's
    // worker, and each load drew a frame (with software WebGL each holds the main thread for its whole
    // rasterisation, docs/PERFORMANCE.md round 13).
    const onHand = this.onHand;
    if (onHand === undefined) {
      this.installPending = true;
      return;
    }
    this.slots = areas.tracks.length * SLOTS_PER_TRACK;
    const { needed, ready } = positionsOnHand(areas, onHand);
    const initial = this.sourceChange(areas, needed, ready);
    const collection = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
    this.map.addSource(AREA_SOURCE, {
      type: 'geojson',
      data: collection(initial?.polygons ?? []),
      ...(areas.attribution ? { attribution: areas.attribution } : {}),
    });
    this.map.addSource(FRONTLINE_SOURCE, { type: 'geojson', data: collection(initial?.lines ?? []) });
    // Below the disagreement hatching and the places, so markers stay on top of any area.
    const below = this.map.getLayer(DISAGREEMENT_FILL_LAYER) ? DISAGREEMENT_FILL_LAYER : FIRST_APP_LAYER;
    addSlotLayers(this.map, areaSlotLayers(areas.tracks, this.sources), below);
    this.installed = installKey(areas, this.sources);
    this.apply();
  }
}
