/**
 * Marker images drawn on a canvas at start-up, so the app needs no sprite
 * server. Agreement markers are full-colour; source marks are SDF so each
 * takes its source's colour from the data.
 */
import type { AgreementKey } from '../claims/agreement';
import type { Status } from '../claims/model';
import { AGREEMENT_STYLE, STATUS_STYLE } from './palette';
import { RING_GEOMETRY, RING_MAX_SLOTS, ringSegment } from './placeFeatures';

export interface MarkerImage {
  name: string;
  data: ImageData;
  pixelRatio: number;
  sdf: boolean;
}

type Shape = 'circle' | 'square' | 'diamond' | 'star' | 'ring';

function tracePath(ctx: CanvasRenderingContext2D, shape: Shape, c: number, r: number): void {
  ctx.beginPath();
  if (shape === 'circle' || shape === 'ring') ctx.arc(c, c, r, 0, Math.PI * 2);
  else if (shape === 'square') ctx.rect(c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7);
  else if (shape === 'diamond') {
    ctx.moveTo(c, c - r);
    ctx.lineTo(c + r, c);
    ctx.lineTo(c, c + r);
    ctx.lineTo(c - r, c);
  } else {
    for (let i = 0; i < 16; i++) {
      const radius = i % 2 === 0 ? r : r * 0.55;
      const angle = (Math.PI * i) / 8 - Math.PI / 2;
      ctx.lineTo(c + radius * Math.cos(angle), c + radius * Math.sin(angle));
    }
  }
  ctx.closePath();
}

function draw(size: number, paint: (ctx: CanvasRenderingContext2D) => void, height = size): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is unavailable');
  paint(ctx);
  return ctx.getImageData(0, 0, size, height);
}

const RATIO = 2;

function agreementImage(key: AgreementKey): MarkerImage {
  const { color, shape } = AGREEMENT_STYLE[key];
  const size = (key === 'disputed' ? 40 : 30) * RATIO;
  const c = size / 2;
  const data = draw(size, (ctx) => {
    const r = c - 3 * RATIO;
    tracePath(ctx, shape as Shape, c, r);
    ctx.lineWidth = 2.5 * RATIO;
    ctx.strokeStyle = '#ffffff';
    if (shape === 'ring') {
      ctx.fillStyle = 'rgba(255,255,255,0.8)';
      ctx.fill();
      ctx.setLineDash([4 * RATIO, 3 * RATIO]);
      ctx.strokeStyle = color;
      ctx.stroke();
      return;
    }
    ctx.fillStyle = color;
    ctx.fill();
    ctx.stroke();
    if (key === 'disputed') {
      ctx.fillStyle = '#ffffff';
      ctx.font = `bold ${14 * RATIO}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('!', c, c + RATIO);
    }
  });
  return { name: `agreement-${key}`, data, pixelRatio: RATIO, sdf: false };
}

function markImage(status: Status): MarkerImage {
  const size = 16 * RATIO;
  const c = size / 2;
  const data = draw(size, (ctx) => {
    tracePath(ctx, STATUS_STYLE[status].shape as Shape, c, c - 2 * RATIO);
    // SDF icons take their colour from the alpha channel; white is the convention.
    if (status === 'none') {
      ctx.lineWidth = 2 * RATIO;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    } else {
      ctx.fillStyle = '#ffffff';
      ctx.fill();
    }
  });
  return { name: `mark-${status}`, data, pixelRatio: RATIO, sdf: true };
}

/**
 * One segment of the summary ring of `slots` segments (placeFeatures.ts `ringSegment`), upright at twelve
 * o'clock; SDF, so feature state colours it. Its layer turns it into place (`icon-rotate`, `icon-offset`).
 */
function ringSegmentImage(slots: number): MarkerImage {
  const { angle, size, offset } = ringSegment(slots);
  const data = draw(
    size[0] * RATIO,
    (ctx) => {
      ctx.scale(RATIO, RATIO);
      // The ring's centre in the image: the image's centre is `offset` from the place.
      const cx = size[0] / 2 - offset[0];
      const cy = size[1] / 2 - offset[1];
      ctx.beginPath();
      ctx.arc(cx, cy, RING_GEOMETRY.radius, -Math.PI / 2 - angle / 2, -Math.PI / 2 + angle / 2);
      ctx.lineWidth = RING_GEOMETRY.width;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    },
    size[1] * RATIO,
  );
  return { name: `ring-${slots}`, data, pixelRatio: RATIO, sdf: true };
}

/**
 * Nothing to see: a square as wide as the summary ring, drawn at opacity 0 so that labels are placed clear
 * of every place's marker and ring (appLayers.ts `place-footprint`). The ring's own segments cannot do it:
 * MapLibre's collision boxes for rotated, offset icons do not follow them round the ring.
 */
function footprintImage(): MarkerImage {
  const size = Math.ceil(2 * (RING_GEOMETRY.radius + RING_GEOMETRY.width / 2)) * RATIO;
  return { name: FOOTPRINT_IMAGE, data: draw(size, () => {}), pixelRatio: RATIO, sdf: false };
}

export const FOOTPRINT_IMAGE = 'place-footprint';

export function markerImages(agreements: readonly AgreementKey[], statuses: readonly Status[]): MarkerImage[] {
  const rings = Array.from({ length: RING_MAX_SLOTS }, (_, i) => ringSegmentImage(i + 1));
  return [...agreements.map(agreementImage), ...statuses.map(markImage), ...rings, footprintImage()];
}

/**
 * Patterns for the ground where the two compared area maps disagree (`fill-pattern`): diagonal hatching
 * where one says Ukrainian and the other Russian ("opposed"), dots where one holds it and the other calls
 * it contested ("contested"). Names and colours as in ./areaDisagreement.
 */
export function hatchImage(kind: 'opposed' | 'contested' = 'opposed'): MarkerImage {
  const size = 12 * RATIO;
  if (kind === 'contested') {
    const data = draw(size, (ctx) => {
      ctx.fillStyle = 'rgba(31,111,92,0.85)';
      for (const [x, y] of [
        [size / 4, size / 4],
        [(3 * size) / 4, (3 * size) / 4],
      ]) {
        ctx.beginPath();
        ctx.arc(x, y, 1.6 * RATIO, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
    return { name: 'hatch-contested', data, pixelRatio: RATIO, sdf: false };
  }
  const data = draw(size, (ctx) => {
    ctx.strokeStyle = 'rgba(163,0,143,0.75)';
    ctx.lineWidth = 1.5 * RATIO;
    ctx.beginPath();
    for (const offset of [-size, 0, size]) {
      ctx.moveTo(offset, size);
      ctx.lineTo(offset + size, 0);
    }
    ctx.stroke();
  });
  return { name: 'hatch-disagreement', data, pixelRatio: RATIO, sdf: false };
}
