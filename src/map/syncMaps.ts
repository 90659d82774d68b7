/**
 * Keeps two maps on the same view: a move of either is copied to the other with `jumpTo`. The copy
 * fires the other map's own `move` synchronously, so a flag stops it from bouncing back (no feedback loop).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function syncMaps(a: MapLibreMap, b: MapLibreMap): () => void {
  let copying = false;
  const follow = (from: MapLibreMap, to: MapLibreMap) => () => {
    if (copying) return;
    copying = true;
    try {
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
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
