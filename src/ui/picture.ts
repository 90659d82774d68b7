/**
 * A picture of the map (or both sides in compare mode) for sharing: the map pixels with the title,
 * each side's date and enabled sources, and the basemap's attribution burned in, as a PNG.
 */

export interface PictureSide {
  /** A copy of the map canvas (MapController.capture). */
  canvas: HTMLCanvasElement;
  date: string;
  sources: readonly string[];
}

const PAD = 12;

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

export function composePicture(sides: readonly PictureSide[], title: string, attribution: string): HTMLCanvasElement {
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const mapWidth = sides.reduce((w, s) => w + s.canvas.width, 0);
  const mapHeight = Math.max(...sides.map((s) => s.canvas.height));
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('2D canvas is unavailable');
  const small = `${13 * scale}px sans-serif`;
  measure.font = small;
  const line = 17 * scale;
  const captions = sides.map((s) =>
    wrap(measure, `${s.date} · Sources: ${s.sources.join(', ') || 'none'}`, s.canvas.width - 2 * PAD * scale),
  );
  const attributionLines = wrap(measure, `Basemap: ${attribution}`, mapWidth - 2 * PAD * scale);
  const header = 34 * scale;
  const captionHeight = Math.max(...captions.map((c) => c.length)) * line + PAD * scale;
  const footer = attributionLines.length * line + PAD * scale;

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
  ctx.fillText(title, PAD * scale, header / 2);
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
  ctx.fillStyle = '#444444';
  attributionLines.forEach((text, j) => {
    ctx.fillText(text, PAD * scale, header + mapHeight + captionHeight + j * line);
  });
  return out;
}

export function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the picture could not be encoded'));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      resolve();
    }, 'image/png');
  });
}
