/**
 * The hatched ground where two sources' maps disagree (part of the adapter behind ../MapController). The source
 * holds the hatching of the pairs within reach of the date, each in a slot (../areaDisagreement.ts); a move to a
 * pair on hand shows its slot and hides the last one, paint only. The source is set again only when the pair now
 * compared is not on hand (a jump, or its disagreement just measured), with the pairs within reach that are
 * measured, the compared one first.
 */

import * as maplibregl from 'maplibre-gl';
import { FIRST_APP_LAYER } from '../appLayers';
import {
  DISAGREEMENT_SOURCE,
  type DisagreementCollection,
  disagreementLayers,
  EMPTY_DISAGREEMENT,
  HATCH_OPACITY,
  HATCH_SLOTS,
  type HeldHatching,
  hatchLayerIds,
  NO_HATCHING,
} from '../areaDisagreement';
import { hatchImage } from '../icons';
import { addSlotLayers } from './addSlotLayers';
import { setSlotOpacities } from './slotOpacity';

export class Hatching {
  private held: HeldHatching = NO_HATCHING;
  /** What the source holds: each pair's collection and slot. */
  private onMap = new Map<string, { collection: DisagreementCollection; slot: number }>();
  private data: DisagreementCollection = EMPTY_DISAGREEMENT;
  private shownSlot: number | null = null;

  constructor(private readonly map: maplibregl.Map) {}

  /** Adds the patterns, the source (with what it held) and the slots' layers if missing. */
  install(): void {
    for (const image of [hatchImage(), hatchImage('contested')])
      if (!this.map.hasImage(image.name))
        this.map.addImage(image.name, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
    if (!this.map.getSource(DISAGREEMENT_SOURCE))
      this.map.addSource(DISAGREEMENT_SOURCE, { type: 'geojson', data: this.data });
    addSlotLayers(this.map, disagreementLayers(), FIRST_APP_LAYER);
    // Fresh layers start hidden: show the slot again.
    const slot = this.shownSlot;
    this.shownSlot = null;
    this.show(slot);
  }

  set(held: HeldHatching): void {
    if (held === this.held) return;
    this.held = held;
    this.apply();
  }

  private apply(): void {
    const source = this.map.getSource(DISAGREEMENT_SOURCE);
    if (!(source instanceof maplibregl.GeoJSONSource)) return;
    const { shown, onHand } = this.held;
    const now = onHand.find((p) => p.key === shown && p.collection.features.length > 0);
    if (now && this.onMap.get(now.key)?.collection !== now.collection) this.fill(source, now);
    this.show(now ? (this.onMap.get(now.key)?.slot ?? null) : null);
  }

  /** The pairs within reach that have hatching, the compared one first, one slot each. */
  private fill(source: maplibregl.GeoJSONSource, now: HeldHatching['onHand'][number]): void {
    const pairs = [now, ...this.held.onHand.filter((p) => p !== now && p.collection.features.length > 0)].slice(
      0,
      HATCH_SLOTS,
    );
    this.onMap = new Map(pairs.map((p, slot) => [p.key, { collection: p.collection, slot }]));
    this.data = {
      type: 'FeatureCollection',
      features: pairs.flatMap((p, slot) =>
        p.collection.features.map((f) => ({ ...f, properties: { ...f.properties, slot } })),
      ),
    };
    source.setData(this.data);
  }

  /** Only the slots that change are touched: a constant paint value, no re-tiling, no fade, one frame. */
  private show(slot: number | null): void {
    if (slot === this.shownSlot) return;
    const set = (s: number, on: boolean) => {
      const ids = hatchLayerIds(s);
      return [
        { layerId: ids.fill, property: 'fill-opacity', opacity: on ? HATCH_OPACITY.fill : 0 },
        { layerId: ids.line, property: 'line-opacity', opacity: on ? HATCH_OPACITY.line : 0 },
      ] as const;
    };
    setSlotOpacities(this.map, [
      ...(this.shownSlot !== null ? set(this.shownSlot, false) : []),
      ...(slot !== null ? set(slot, true) : []),
    ]);
    this.shownSlot = slot;
  }
}
