import type * as maplibregl from 'maplibre-gl';

/**
 * Blocks until the GPU has executed every command issued so far: a 1×1 `readPixels` of the map's own
 * context. Called in an `idle` handler, which runs right after the frame's commands were issued, so the
 * time to its return is the time to a frame actually drawn (MapLibre's `idle` alone is the time to a frame
 * issued; SwiftShader rasterises later, docs/PERFORMANCE.md "Where a frame goes").
 */
export function waitForDrawn(map: maplibregl.Map): void {
  const gl = map.getCanvas().getContext('webgl2');
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}
