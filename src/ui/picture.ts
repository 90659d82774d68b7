/**
 * A picture of the map (or both sides in compare mode) for sharing: the map pixels with the title,
 * each side's date and enabled sources, the legend's key and the basemap's attribution burned in, as a PNG
 * (./PicturePanel.tsx) or as each frame of a timelapse (./timelapse.ts).
 */
import type { AgreementKey } from '../claims/agreement';
import { markerImages } from '../map/icons';
import { AGREEMENT_KEYS } from '../map/palette';
import { downloadBlob } from './download';

export interface PictureSide {
  /** A copy of the map canvas (MapController.capture). */
  canvas: HTMLCanvasElement;
  date: string;
  sources: readonly string[];
}

/** The words written on a picture, in the interface's language. */
export interface PictureText {
  title: string;
  /** A side's caption: its date and the short names of its enabled sources. */
  caption: (date: string, sources: readonly string[]) => string;
  /** The attribution line, given the credits of everything drawn. */
  attribution: (credits: string) => string;
}

/** One entry of the legend's key: the marker as the map draws it, and what it means. */
export interface KeyEntry {
  marker: HTMLCanvasElement;
  label: string;
}

/** The place markers' key (each agreement's marker image, as on the map), labelled by `label`. */
export function agreementKey(label: (key: AgreementKey) => string): KeyEntry[] {
  return markerImages(AGREEMENT_KEYS, []).flatMap((image) => {
    const key = AGREEMENT_KEYS.find((k) => image.name === `agreement-${k}`);
    const marker = document.createElement('canvas');
    marker.width = image.data.width;
    marker.height = image.data.height;
    const ctx = marker.getContext('2d');
    if (!key || !ctx) return [];
    ctx.putImageData(image.data, 0, 0);
    return [{ marker, label: label(key) }];
  });
}

const PAD = 12;
/** The key's markers, in CSS pixels. */
const MARKER = 16;

/** Greedy word wrap for canvas text. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Where each key entry goes: rows of markers and labels, wrapped to `width`; the rows' count. */
function layoutKey(ctx: CanvasRenderingContext2D, key: readonly KeyEntry[], width: number, scale: number) {
  const gap = 14 * scale;
  const marker = MARKER * scale;
  let x = 0;
  let row = 0;
  const placed = key.map((entry) => {
    const w = marker + 4 * scale + ctx.measureText(entry.label).width;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const at = { entry, x, row };
    x += w + gap;
    return at;
  });
  return { placed, rows: key.length ? row + 1 : 0 };
}

export function composePicture(
  sides: readonly PictureSide[],
  text: PictureText,
  attribution: string,
  key: readonly KeyEntry[] = [],
): HTMLCanvasElement {
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const mapWidth = sides.reduce((w, s) => w + s.canvas.width, 0);
  const mapHeight = Math.max(...sides.map((s) => s.canvas.height));
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('2D canvas is unavailable');
  const small = `${13 * scale}px sans-serif`;
  measure.font = small;
  const line = 17 * scale;
  const captions = sides.map((s) => wrap(measure, text.caption(s.date, s.sources), s.canvas.width - 2 * PAD * scale));
  const attributionLines = wrap(measure, text.attribution(attribution), mapWidth - 2 * PAD * scale);
  const keyLayout = layoutKey(measure, key, mapWidth - 2 * PAD * scale, scale);
  const header = 34 * scale;
  const captionHeight = Math.max(...captions.map((c) => c.length)) * line + PAD * scale;
  const keyHeight = keyLayout.rows * line * 1.2;
  const footer = keyHeight + attributionLines.length * line + PAD * scale;

  const out = document.createElement('canvas');
  out.width = mapWidth;
  out.height = header + mapHeight + captionHeight + footer;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('2D canvas is unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#111111';
  ctx.font = `bold ${18 * scale}px sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(text.title, PAD * scale, header / 2);
  ctx.font = small;
  ctx.textBaseline = 'top';
  let x = 0;
  sides.forEach((side, i) => {
    ctx.drawImage(side.canvas, x, header);
    captions[i].forEach((text, j) => {
      ctx.fillText(text, x + PAD * scale, header + mapHeight + PAD * scale * 0.5 + j * line);
    });
    if (i > 0) {
      ctx.fillStyle = '#555555';
      ctx.fillRect(x - scale, header, 2 * scale, mapHeight);
      ctx.fillStyle = '#111111';
    }
    x += side.canvas.width;
  });
  const keyTop = header + mapHeight + captionHeight;
  for (const { entry, x: left, row } of keyLayout.placed) {
    const top = keyTop + row * line * 1.2;
    ctx.drawImage(entry.marker, PAD * scale + left, top, MARKER * scale, MARKER * scale);
    ctx.fillText(entry.label, PAD * scale + left + (MARKER + 4) * scale, top + 2 * scale);
  }
  ctx.fillStyle = '#444444';
  attributionLines.forEach((line_, j) => {
    ctx.fillText(line_, PAD * scale, keyTop + keyHeight + j * line);
  });
  return out;
}

export function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the picture could not be encoded'));
      downloadBlob(fileName, blob);
      resolve();
    }, 'image/png');
  });
}
