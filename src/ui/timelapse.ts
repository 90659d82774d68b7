/**
 * Records a timelapse in the browser: each day's frame (the map with the picture's captions, key and
 * attribution, ./picture.ts) is fitted into the video's size on a canvas, and a MediaRecorder on the
 * canvas's stream (`captureStream(0)`: a frame only when asked) encodes it as WebM. Nothing leaves the
 * machine. Loaded when a recording starts, not with the page.
 *
 * Timing: MediaRecorder stamps each frame with the wall clock, and drawing a day takes however long the map
 * takes (and pausing the recorder while it draws proved unreliable in Chromium: the first pause is not taken
 * out of the clock, and under load frames landed twice or late). So it goes in two passes: first every day
 * is drawn and kept as a compressed picture, then the pictures are played into the recorder on a fixed
 * schedule, frame i at i/speed s from the first, which costs a decode and a draw each. A closing frame (the
 * last day again) at N/speed s gives the last day its full share, so the video lasts N/speed s.
 */
import type { IsoDate } from '../claims/model';
import type { TimelapseSize } from '../state/timelapse';

/** The two passes: drawing the days, then playing them into the recorder. */
export type TimelapsePhase = 'drawing' | 'recording';

export interface TimelapseJob {
  days: readonly IsoDate[];
  /** Days per second of video. */
  speed: number;
  size: TimelapseSize;
  /** The day's frame, once the map has drawn it. */
  drawDay: (day: IsoDate) => Promise<HTMLCanvasElement>;
  /** After each day is drawn, then after each is in the video: how many of how many. */
  onProgress: (phase: TimelapsePhase, done: number, total: number) => void;
  signal: AbortSignal;
}
/** VP8 first: the cheapest to encode in software, and every browser that records WebM plays it. */
const MIME_TYPES = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'];

/** How long the closing frame runs before the recorder stops, so the encoder has it. */
const CLOSING_MS = 100;

/** The MediaRecorder WebM type this browser can record, or null when it cannot. */
function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

/** Resolves at `time` (performance.now()), or rejects when the job is cancelled. */
function until(time: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', cancel);
        resolve();
      },
      Math.max(0, time - performance.now()),
    );
    const cancel = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', cancel, { once: true });
  });
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('a frame could not be kept'))), 'image/png'),
  );
}

/** Draws `frame` as large as fits in the canvas, centred on white. */
function fit(ctx: CanvasRenderingContext2D, frame: HTMLCanvasElement): void {
  const { width, height } = ctx.canvas;
  const scale = Math.min(width / frame.width, height / frame.height);
  const w = frame.width * scale;
  const h = frame.height * scale;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(frame, (width - w) / 2, (height - h) / 2, w, h);
}

export async function recordTimelapse({ days, speed, size, drawDay, onProgress, signal }: TimelapseJob): Promise<Blob> {
  const mimeType = webmType();
  if (!mimeType) throw new Error('this browser cannot record WebM video');
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is unavailable');

  // First pass: every day as the map draws it, fitted and kept as PNG (a day's raw pixels would take
  // 3.7 MB at 1280 × 720; a PNG of a map a tenth of that).
  const pictures: Blob[] = [];
  for (const [i, day] of days.entries()) {
    const frame = await drawDay(day);
    signal.throwIfAborted();
    fit(ctx, frame);
    pictures.push(await toBlob(canvas));
    onProgress('drawing', i + 1, days.length);
  }

  // Second pass: the pictures into the recorder, on schedule. The closing frame repeats the last day.
  const stream = canvas.captureStream(0);
  const [track] = stream.getVideoTracks();
  if (!(track instanceof CanvasCaptureMediaStreamTrack)) throw new Error('this browser cannot capture a canvas');
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 8_000_000 });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  const period = 1000 / speed;
  const schedule = [...pictures, pictures[pictures.length - 1]];
  try {
    let next = schedule[0] && (await createImageBitmap(schedule[0]));
    recorder.start();
    const start = performance.now();
    for (let i = 0; i < schedule.length && next; i++) {
      ctx.drawImage(next, 0, 0);
      next.close();
      track.requestFrame();
      if (i < days.length) onProgress('recording', i + 1, days.length);
      const following = schedule[i + 1];
      next = following && (await createImageBitmap(following));
      await until(start + (i + 1) * period, signal);
    }
    // The encoder holds back its latest frame until another comes: this one, left out of the file, lets
    // the closing frame out.
    track.requestFrame();
    await until(performance.now() + CLOSING_MS, signal);
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    track.stop();
  }
  await stopped;
  return new Blob(chunks, { type: 'video/webm' });
}
