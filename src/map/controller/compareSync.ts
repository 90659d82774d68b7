/** Compare mode's shared view (part of the adapter behind ../MapController). */
import type * as maplibregl from 'maplibre-gl';

/**
 * Keep maps `a` and `b` on the same view: a move of either is copied to the other with `jumpTo`, padding
 * included (only the first side pads for what lies over it; with the same padding both sides draw the same
 * ground at the same place), and `b` starts at `a`'s view. The copy fires the other map's own `move` synchronously, so a flag stops it from
 * bouncing back. Returns the function that ends it.
 */
export function syncViews(a: maplibregl.Map, b: maplibregl.Map): () => void {
  let copying = false;
  const follow = (from: maplibregl.Map, to: maplibregl.Map) => () => {
    if (copying) return;
    copying = true;
    try {
      to.jumpTo({
        center: from.getCenter(),
        zoom: from.getZoom(),
        bearing: from.getBearing(),
        pitch: from.getPitch(),
        padding: from.getPadding(),
      });
    } finally {
      copying = false;
    }
  };
  const aToB = follow(a, b);
  const bToA = follow(b, a);
  a.on('move', aToB);
  b.on('move', bToA);
  aToB();
  return () => {
    a.off('move', aToB);
    b.off('move', bToA);
  };
}
