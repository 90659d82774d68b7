/**
 * The basemap under the app's layers (part of the adapter behind ../MapController): switching styles, the
 * fallback when a configured one fails or does not load in time, and the labels' language (the app's place
 * labels, the built-in basemap's rivers and towns, a foreign style's own labels).
 */
import type * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapStyle } from '../../common/types';
import { PLACE_LABEL_LAYER } from '../appLayers';
import { withAccurateBorder } from '../basemapStyle';
import {
  basemapLabelFields,
  ENGLISH_LABELS,
  foreignLabelField,
  type LabelLanguage,
  placeLabelField,
  type TextField,
} from '../labels';

/** A configured basemap that has not loaded by then counts as failed. */
const BASEMAP_TIMEOUT_MS = 20_000;

export class Basemap {
  /** The basemap last asked for (null: built-in), so asking again for the same one does nothing. */
  private style: BasemapStyle = null;
  /** Set while a configured basemap loads: an error then means it failed. */
  private pending: { timer: ReturnType<typeof setTimeout> } | null = null;
  /** The language the labels are in; a foreign style's own label fields, as it shipped them. */
  private labelLanguage: LabelLanguage = ENGLISH_LABELS;
  private foreignLabels = new Map<string, TextField>();

  /** `builtin`: the style the map was created with. `onFailed`: a configured basemap failed to load. */
  constructor(
    private readonly map: maplibregl.Map,
    private readonly builtin: StyleSpecification,
    private readonly onFailed: (message: string) => void,
  ) {}

  get labels(): LabelLanguage {
    return this.labelLanguage;
  }

  /**
   * Switch the basemap: a style URL or object, or null for the built-in one. The accurate border is
   * appended to any style, and the app's layers are re-added on `style.load`. A style that fails to
   * load (error or timeout) falls back to the built-in basemap and calls `onFailed`.
   */
  set(style: BasemapStyle): void {
    if (style === this.style) return;
    this.style = style;
    this.settle();
    // The built-in style has the border already; transforming it after a failed style would read that
    // style's half-loaded state, and MapLibre then never loads the new one.
    if (style === null) {
      this.map.setStyle(this.builtin, { diff: false });
      return;
    }
    this.pending = {
      timer: setTimeout(() => this.fallBack('the style did not load in time'), BASEMAP_TIMEOUT_MS),
    };
    const builtin = this.builtin;
    this.map.setStyle(style, {
      diff: false,
      transformStyle: (_previous, next) => withAccurateBorder(next, builtin),
    });
  }

  /** A style loaded (`style.load`): it is no longer pending, and a foreign one's label fields are read. */
  loaded(): void {
    this.settle();
    this.readForeignLabels();
  }

  /** The map reported an error: true when it means the configured basemap failed (and that is handled). */
  failed(message: string): boolean {
    if (!this.pending || this.map.isStyleLoaded()) return false;
    this.fallBack(message);
    return true;
  }

  /**
   * Labels in the interface language: only `text-field` layout properties change (the app's place
   * labels, the built-in rivers and towns, a foreign style's labels), never a source.
   */
  setLanguage(labels: LabelLanguage): void {
    if (labels.lang === this.labelLanguage.lang && labels.approx === this.labelLanguage.approx) return;
    this.labelLanguage = labels;
    if (this.map.isStyleLoaded()) this.applyLabels();
  }

  applyLabels(): void {
    const set = (id: string, field: TextField) => {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', field);
    };
    const { lang } = this.labelLanguage;
    set(PLACE_LABEL_LAYER, placeLabelField(this.labelLanguage));
    if (this.style === null) for (const [id, field] of Object.entries(basemapLabelFields(lang))) set(id, field);
    for (const [id, original] of this.foreignLabels) set(id, foreignLabelField(original, lang) ?? original);
  }

  /** No timer left running (the map is going away). */
  settle(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
  }

  /** The style failed: say so; the owner of the choice answers with `set` (e.g. back to built-in). */
  private fallBack(message: string): void {
    if (!this.pending) return;
    this.settle();
    this.onFailed(message);
  }

  /** A foreign style's symbol layers and their label fields, read once per style as it loads. */
  private readForeignLabels(): void {
    this.foreignLabels = new Map();
    if (this.style === null) return;
    for (const layer of this.map.getStyle()?.layers ?? [])
      if (layer.type === 'symbol' && layer.layout?.['text-field'] !== undefined)
        this.foreignLabels.set(layer.id, layer.layout['text-field']);
  }
}
