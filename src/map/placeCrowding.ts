/**
 * When a place has room for its ring of per-source marks. Places in the record lie as close as 1.3 km
 * (Sudzha, Goncharovka, Zaoleshenka): at the opening zoom that is 33 px, and a ring of marks 36 px in
 * radius would cover the neighbours' markers and labels. So each place gets the zoom from which its ring
 * clears its nearest neighbour; below it the place draws one compact summary ring that hugs its marker.
 * Pure: the map adapter compares the current zoom with it, the label layer reads it to place the label.
 */

/** Web Mercator at 512 px tiles: metres per pixel at the equator and zoom 0. */
const METRES_PER_PIXEL_Z0 = 40_075_016.686 / 512;

/**
 * The pixels between two places for a ring of marks to leave the other alone: the ring's outer edge
 * (28 px + a mark's 8), the other's marker (15) and its label (a box up to ~65 px to each side and ~50 px
 * below or above its own ring), rounded up. Two expanded neighbours' labels then still clear each ring.
 */
export const EXPAND_CLEARANCE_PX = 140;

/** The lowest zoom at which marks are drawn at all (appLayers.ts `MARKS_MIN_ZOOM` is this). */
export const LOWEST_EXPAND_ZOOM = 10;
const LOWEST = LOWEST_EXPAND_ZOOM;
/** The map's highest zoom: a place with a neighbour closer than the clearance at this zoom never expands on zoom. */
export const HIGHEST_EXPAND_ZOOM = 16;

function metresPerPixel(lat: number, zoom: number): number {
  return (METRES_PER_PIXEL_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
}

/** Metres between two points (equirectangular: ample at these distances of a few km). */
function metresBetween([lng1, lat1]: readonly [number, number], [lng2, lat2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const x = (lng2 - lng1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.hypot(x, y) * 6_371_008.8;
}

/**
 * For each place, the integer zoom from which its ring of marks clears every other place by
 * EXPAND_CLEARANCE_PX: LOWEST for a place alone, HIGHEST_EXPAND_ZOOM + 1 (never, by zoom) for one that
 * shares its point. Integer, because the label layer's offset is laid out per integer zoom (the tile's),
 * and the adapter's choice must agree with it.
 */
export function expandZooms(coordinates: readonly (readonly [number, number])[]): Int8Array {
  const out = new Int8Array(coordinates.length).fill(LOWEST);
  if (coordinates.length < 2) return out;
  // Only neighbours nearer than the clearance at the lowest zoom matter: bucket the places in cells that size.
  const cellM = EXPAND_CLEARANCE_PX * metresPerPixel(0, LOWEST);
  const cellDeg = (cellM / 6_371_008.8) * (180 / Math.PI);
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  const cells = new Map<string, number[]>();
  const cellOf = coordinates.map(([lng, lat]) => [Math.floor(lng / cellDeg), Math.floor(lat / cellDeg)] as const);
  cellOf.forEach(([cx, cy], i) => {
    const k = key(cx, cy);
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  });
  coordinates.forEach((point, i) => {
    const [cx, cy] = cellOf[i];
    let nearest = Infinity;
    // The clearance in metres shrinks with cos(latitude) as a degree of longitude does, so a neighbour
    // that matters is at most one cell away in each direction.
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of cells.get(key(cx + dx, cy + dy)) ?? [])
          if (j !== i) nearest = Math.min(nearest, metresBetween(point, coordinates[j]));
    if (!Number.isFinite(nearest)) return;
    if (nearest === 0) {
      out[i] = HIGHEST_EXPAND_ZOOM + 1;
      return;
    }
    // nearest / metresPerPixel(z) ≥ clearance  ⇔  z ≥ log2(clearance · mpp(0) / nearest)
    const zoom = Math.ceil(Math.log2((EXPAND_CLEARANCE_PX * metresPerPixel(point[1], 0)) / nearest) - 1e-9);
    out[i] = Math.min(HIGHEST_EXPAND_ZOOM + 1, Math.max(LOWEST, zoom));
  });
  return out;
}

/**
 * Whether a place shows its marks: zoomed in far enough for its room (the zoom as the tiles are laid out,
 * its integer part), or selected or under the pointer, which expand over their neighbours on purpose; never
 * below the zoom from which the marks' layers are drawn at all.
 */
export function isExpanded(expandZoom: number, zoom: number, focused: boolean): boolean {
  return zoom >= LOWEST && (focused || Math.floor(zoom) >= expandZoom);
}
