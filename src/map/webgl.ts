/** MapLibre 6 needs WebGL 2; checking first lets the app explain instead of failing. */
export function supportsWebGL2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return canvas.getContext('webgl2') !== null;
  } catch {
    return false;
  }
}
