/**
 * Records a timelapse in the browser: each day's frame (the map with the picture's captions, key and
 * attribution, ./picture.ts) is fitted into the video's size on a canvas, and a MediaRecorder on the
 * canvas's stream (`captureStream(0)`: a frame only when asked) encodes it as WebM. Nothing leaves the
 * machine. Loaded when a recording starts, not with the page.
 *
 * Timing: MediaRecorder stamps frames with the wall clock, and drawing a day takes however long the map
 * takes. So the recorder is paused while a day is drawn, and runs for exactly one day's share (1/speed s)
 * after its frame: paused time is not in the video, so frame i starts at i/speed s whatever the drawing
 * cost. One closing frame (the last day again) at the end gives the last day its full share too.
 */
import type { IsoDate } from '../claims/model';
import type { TimelapseSize } from '../state/timelapse';

export interface TimelapseJob {
  days: readonly IsoDate[];
  /** Days per second of video. */
  speed: number;
  size: TimelapseSize;
  /** The day's frame, once the map has drawn it. */
  drawDay: (day: IsoDate) => Promise<HTMLCanvasElement>;
  /** After each day is in the video: how many of how many. */
  onProgress: (done: number, total: number) => void;
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

function hold(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', cancel);
      resolve();
    }, ms);
    const cancel = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', cancel, { once: true });
  });
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
  const stream = canvas.captureStream(0);
  const [track] = stream.getVideoTracks();
  if (!(track instanceof CanvasCaptureMediaStreamTrack)) throw new Error('this browser cannot capture a canvas');
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 8_000_000 });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  const showFrame = () => {
    if (recorder.state === 'inactive') recorder.start();
    else recorder.resume();
    track.requestFrame();
  };
  try {
    for (const [i, day] of days.entries()) {
      const frame = await drawDay(day);
      signal.throwIfAborted();
      fit(ctx, frame);
      showFrame();
      await hold(1000 / speed, signal);
      recorder.pause();
      onProgress(i + 1, days.length);
    }
    showFrame();
    await hold(CLOSING_MS, signal);
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    track.stop();
  }
  await stopped;
  return new Blob(chunks, { type: 'video/webm' });
}
