/**
 * What lies over the map (part of the adapter behind ../MapController): MapLibre's padding, so the centre of
 * the view is the centre of the part the user can see, and the places to keep in that free part. When the
 * padding, the map's size or the places changed, or the app set a view, and a place is outside the free
 * part, the camera jumps to hold them all, no closer than it is (../overlayPadding.ts).
 */
import type * as maplibregl from 'maplibre-gl';
import { boundsOf, type Frame, frameMargin, needsReframe, samePadding } from '../overlayPadding';

export class Framing {
  /** The padding, size and places last framed. */
  private frame: Frame | undefined;

  constructor(private readonly map: maplibregl.Map) {}

  set({ padding, places }: Pick<Frame, 'padding' | 'places'>): void {
    const container = this.map.getContainer();
    const frame: Frame = { size: { width: container.clientWidth, height: container.clientHeight }, padding, places };
    const canvas = this.map.getCanvas();
    if (frame.size.width !== canvas.clientWidth || frame.size.height !== canvas.clientHeight) this.map.resize();
    const last = this.frame;
    this.frame = frame;
    if (!last || !samePadding(last.padding, padding)) this.pad(padding);
    this.keep(last);
  }

  /**
   * A new padding moves the centre of the view; the map itself stays still under the user's eyes (a legend
   * that grows must not shift the map): the centre becomes what is already drawn at the new centre's pixel.
   */
  private pad(padding: Frame['padding']): void {
    const { width, height } = this.map.getContainer().getBoundingClientRect();
    const x = padding.left + (width - padding.left - padding.right) / 2;
    const y = padding.top + (height - padding.top - padding.bottom) / 2;
    this.map.jumpTo({ center: this.map.unproject([x, y]), padding });
  }

  /** Jumps to hold the framed places in the free part, if they are not (and, with `last`, if the frame changed). */
  keep(last: Frame | undefined): void {
    const frame = this.frame;
    if (!frame || !needsReframe(last, frame, (p) => this.map.project(p as [number, number]))) return;
    const margin = frameMargin(frame.size, frame.padding);
    const camera = this.map.cameraForBounds(boundsOf(frame.places), {
      padding: { top: margin.y, bottom: margin.y, left: margin.x, right: margin.x },
      maxZoom: this.map.getZoom(),
    });
    if (camera) this.map.jumpTo(camera);
  }
}
