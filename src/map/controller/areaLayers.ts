/**
 * The area maps on the map (part of the adapter behind ../MapController): the area and front-line sources,
 * which hold only the snapshots on hand, the `visible` feature state of those in force, and the hatched
 * ground where two sources' maps disagree. Which snapshots are on hand is the caller's answer
 * (`MapInputs.areasOnHand`: the store's frame selector, src/state/view.ts): this part never works it out.
 */
import * as maplibregl from 'maplibre-gl';
import type { SnapshotsOnHand } from '../../areas/catalog';
import type { AreaSnapshot } from '../../areas/model';
import { FIRST_APP_LAYER } from '../appLayers';
import {
  DISAGREEMENT_FILL_LAYER,
  DISAGREEMENT_SOURCE,
  type DisagreementCollection,
  disagreementLayers,
  EMPTY_DISAGREEMENT,
} from '../areaDisagreement';
import {
  AREA_FILL_LAYER,
  AREA_SOURCE,
  type AreaLayerData,
  areaLayers,
  FRONTLINE_LAYER,
  FRONTLINE_SOURCE,
  frontLineLayer,
} from '../areaLayers';
import { hatchImage } from '../icons';

type AreaSources = readonly { id: string; color: string }[];

/** What the area sources and layers are installed for: the outline layer per source, and the credit. */
const installKey = (areas: AreaLayerData, sources: AreaSources) => JSON.stringify([sources, areas.attribution ?? null]);

export class AreaLayers {
  private areas: AreaLayerData | undefined;
  private sources: AreaSources = [];
  /**
   * The snapshots on hand for `areas`, as last given; undefined while none were given since `areas` changed
   * (indices into other layer data mean nothing here), and then the map is left as it is.
   */
  private onHand: SnapshotsOnHand | null | undefined;
  /** What the area sources hold, per snapshot: the index it was added under and its features' ids. */
  private onMap = new Map<AreaSnapshot, { index: number; ids: number[]; line: number | null }>();
  /** The snapshots whose features have the `visible` feature state. */
  private visible = new Set<AreaSnapshot>();
  /** The outline layers and credit the area sources were installed with (null: none installed). */
  private installed: string | null = null;
  private disagreement: DisagreementCollection = EMPTY_DISAGREEMENT;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onError: (message: string) => void,
  ) {}

  /** Adds the disagreement's images, source and layers if missing, then the area sources and layers afresh. */
  install(): void {
    for (const image of [hatchImage(), hatchImage('contested')])
      if (!this.map.hasImage(image.name))
        this.map.addImage(image.name, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
    if (!this.map.getSource(DISAGREEMENT_SOURCE))
      this.map.addSource(DISAGREEMENT_SOURCE, { type: 'geojson', data: this.disagreement });
    for (const layer of disagreementLayers())
      if (!this.map.getLayer(layer.id)) this.map.addLayer(layer, FIRST_APP_LAYER);
    this.installAreas();
  }

  /** The area where two sources' maps disagree; the source is only touched when the collection changes. */
  setDisagreement(data: DisagreementCollection): void {
    if (data === this.disagreement) return;
    this.disagreement = data;
    const source = this.map.getSource(DISAGREEMENT_SOURCE);
    if (source instanceof maplibregl.GeoJSONSource) source.setData(data);
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
   * Show the snapshots in force. A snapshot that was on hand (a neighbour) is shown by feature state alone,
   * in the same call as the places' states, so both are in the next frame. The sources change only when a
   * snapshot now on hand is missing (or one left the data): then they get exactly the snapshots on hand, as
   * a diff, and the worker tiles the new neighbours while the frame already shows what is in force.
   */
  apply(): void {
    const areas = this.areas;
    const onHand = this.onHand;
    const polygons = this.map.getSource(AREA_SOURCE);
    const lines = this.map.getSource(FRONTLINE_SOURCE);
    if (!areas || onHand === undefined) return;
    if (!(polygons instanceof maplibregl.GeoJSONSource) || !(lines instanceof maplibregl.GeoJSONSource)) return;
    const inData = (i: number) => i >= 0 && i < areas.snapshots.length;
    const visible = new Set([...(onHand?.visible ?? [])].filter(inData).map((i) => areas.snapshots[i]));
    for (const snapshot of this.visible) if (!visible.has(snapshot)) this.setVisible(snapshot, false);
    this.syncSources(areas, [...(onHand?.ready ?? [])].filter(inData), polygons, lines);
    for (const snapshot of visible) if (!this.visible.has(snapshot)) this.setVisible(snapshot, true);
    this.visible = visible;
  }

  private setVisible(snapshot: AreaSnapshot, visible: boolean): void {
    const entry = this.onMap.get(snapshot);
    if (!entry) return;
    for (const id of entry.ids) this.map.setFeatureState({ source: AREA_SOURCE, id }, { visible });
    if (entry.line !== null) this.map.setFeatureState({ source: FRONTLINE_SOURCE, id: entry.line }, { visible });
  }

  private syncSources(
    areas: AreaLayerData,
    ready: readonly number[],
    polygons: maplibregl.GeoJSONSource,
    lines: maplibregl.GeoJSONSource,
  ): void {
    const onMap = this.onMap;
    // Added under another index: its features' `snapshot` property is stale, so it is sent again.
    const missing = ready.filter((i) => onMap.get(areas.snapshots[i])?.index !== i);
    const left = [...onMap.keys()].some((snapshot) => !areas.snapshotIndex.has(snapshot));
    // Hidden snapshots no longer on hand may stay until something must be added: stepping back and forth
    // then sends nothing, and the sources still hold at most the snapshots on hand after the last change.
    if (missing.length === 0 && !left) return;
    const wanted = new Set(ready.map((i) => areas.snapshots[i]));
    const dropped = [...onMap].filter(([snapshot]) => !wanted.has(snapshot));
    for (const [snapshot] of dropped) onMap.delete(snapshot);
    const added = missing.map((i) => {
      const features = areas.featuresBySnapshot[i] ?? [];
      const line = areas.frontLines.features[i];
      onMap.set(areas.snapshots[i], {
        index: i,
        ids: features.map((f) => Number(f.id)),
        line: line ? Number(line.id) : null,
      });
      return { features, line };
    });
    const settle = (update: Promise<void>) =>
      update.catch((err: unknown) => this.onError(err instanceof Error ? err.message : String(err)));
    settle(
      polygons.updateData({
        remove: dropped.flatMap(([, entry]) => entry.ids),
        add: added.flatMap((a) => a.features),
      }),
    );
    settle(
      lines.updateData({
        remove: dropped.flatMap(([, entry]) => (entry.line === null ? [] : [entry.line])),
        add: added.flatMap((a) => (a.line ? [a.line] : [])),
      }),
    );
  }

  private installAreas(): void {
    for (const layer of this.map.getLayersOrder())
      if (layer === AREA_FILL_LAYER || layer === FRONTLINE_LAYER || layer.startsWith('area-outline-'))
        this.map.removeLayer(layer);
    for (const source of [AREA_SOURCE, FRONTLINE_SOURCE]) if (this.map.getSource(source)) this.map.removeSource(source);
    this.onMap = new Map();
    this.visible = new Set();
    this.installed = null;
    const areas = this.areas;
    if (!areas) return;
    // Empty at first: `apply` adds the snapshots on hand.
    this.map.addSource(AREA_SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      ...(areas.attribution ? { attribution: areas.attribution } : {}),
    });
    this.map.addSource(FRONTLINE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    // Below the disagreement hatching and the places, so markers stay on top of any area.
    const below = this.map.getLayer(DISAGREEMENT_FILL_LAYER) ? DISAGREEMENT_FILL_LAYER : FIRST_APP_LAYER;
    for (const layer of [...areaLayers(this.sources), frontLineLayer()]) this.map.addLayer(layer, below);
    this.installed = installKey(areas, this.sources);
    this.apply();
  }
}
