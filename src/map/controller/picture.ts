/**
 * What the UI takes of the map for a picture (part of the adapter behind ../MapController): a copy of its
 * pixels, and the credits of every source drawn, as plain text for the caption.
 */
import type * as maplibregl from 'maplibre-gl';

/** A copy of the map's pixels, taken in a `render` handler while the drawing buffer is still valid. */
export function capture(map: maplibregl.Map): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d');
      if (!ctx) return reject(new Error('2D canvas is unavailable'));
      ctx.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/**
 * Resolves once the map has nothing left to load, fade or draw: its sources' tiles (the area snapshots of
 * the day among them) and the last feature states are on screen.
 */
export function settled(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * The text of the attribution control: every source's credit on the map now (basemap, border,
 * imported areas), as plain text for a picture's caption.
 */
export function attribution(map: maplibregl.Map): string {
  const credits = new Set<string>();
  for (const id of Object.keys(map.getStyle()?.sources ?? {})) {
    const html = map.getSource(id)?.attribution;
    if (!html) continue;
    const text = new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim();
    if (text) credits.add(text);
  }
  return [...credits].join(' · ');
}
