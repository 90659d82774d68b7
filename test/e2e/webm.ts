/**
 * Just enough of WebM (Matroska's EBML) to check a recorded video in Node: the video track's codec and size,
 * and each frame's time. MediaRecorder writes the Segment and its Clusters with an unknown size (it streams),
 * so the reader walks the file element by element, stepping into the containers it needs instead of
 * skipping them by size.
 */

export interface WebmVideo {
  docType: string;
  codec: string;
  width: number;
  height: number;
  /** Every frame (SimpleBlock or Block) of the video track, in file order. */
  frames: { timeMs: number }[];
}

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
  clusterTime: 0xe7,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
} as const;

/** Containers read in place: their children follow their header, whatever their size says. */
const CONTAINERS = new Set<number>([
  ID.ebml,
  ID.segment,
  ID.info,
  ID.tracks,
  ID.trackEntry,
  ID.video,
  ID.cluster,
  ID.blockGroup,
]);

/** A variable-length integer at `at`: its value (the length marker kept for ids) and its length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at];
  if (first === undefined || first === 0) throw new Error(`bad EBML integer at byte ${at}`);
  const length = Math.clz32(first) - 23;
  let value = keepMarker ? first : first & (0xff >> length);
  let unknown = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = bytes[at + i];
    if (b === undefined) throw new Error(`EBML integer cut short at byte ${at}`);
    value = value * 256 + b;
    unknown &&= b === 0xff;
  }
  return { value: !keepMarker && unknown ? Number.POSITIVE_INFINITY : value, length };
}

const uint = (bytes: Uint8Array) => bytes.reduce((n, b) => n * 256 + b, 0);

export function parseWebm(bytes: Uint8Array): WebmVideo {
  let docType = '';
  let timecodeScale = 1_000_000;
  const tracks = new Map<number, { type: number; codec: string; width: number; height: number }>();
  let track = { number: 0, type: 0, codec: '', width: 0, height: 0 };
  let clusterTime = 0;
  const blocks: { track: number; time: number }[] = [];
  const endTrack = () => {
    if (track.number) tracks.set(track.number, { ...track });
  };
  let at = 0;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    const size = vint(bytes, at + id.length, false);
    const start = at + id.length + size.length;
    if (CONTAINERS.has(id.value)) {
      if (id.value === ID.trackEntry) {
        endTrack();
        track = { number: 0, type: 0, codec: '', width: 0, height: 0 };
      }
      at = start;
      continue;
    }
    if (!Number.isFinite(size.value)) throw new Error(`element 0x${id.value.toString(16)} of unknown size`);
    const body = bytes.subarray(start, start + size.value);
    switch (id.value) {
      case ID.docType:
        docType = new TextDecoder().decode(body);
        break;
      case ID.timecodeScale:
        timecodeScale = uint(body);
        break;
      case ID.trackNumber:
        track.number = uint(body);
        break;
      case ID.trackType:
        track.type = uint(body);
        break;
      case ID.codecId:
        track.codec = new TextDecoder().decode(body);
        break;
      case ID.pixelWidth:
        track.width = uint(body);
        break;
      case ID.pixelHeight:
        track.height = uint(body);
        break;
      case ID.clusterTime:
        clusterTime = uint(body);
        break;
      case ID.simpleBlock:
      case ID.block: {
        const number = vint(body, 0, false);
        const relative = new DataView(body.buffer, body.byteOffset + number.length, 2).getInt16(0);
        blocks.push({ track: number.value, time: clusterTime + relative });
        break;
      }
    }
    at = start + size.value;
  }
  endTrack();
  const video = [...tracks].find(([, t]) => t.type === 1);
  if (!video) throw new Error('no video track');
  const [number, { codec, width, height }] = video;
  const frames = blocks.filter((b) => b.track === number).map((b) => ({ timeMs: (b.time * timecodeScale) / 1e6 }));
  return { docType, codec, width, height, frames };
}
