/**
 * A tiny PMTiles v3 archive built byte by byte for the tests: one z0 vector tile whose `earth`
 * layer is a square covering the world, so @protomaps/basemaps has something to draw.
 */

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const field = (num: number, wire: number) => varint((num << 3) | wire);
const bytesField = (num: number, payload: number[]) => [...field(num, 2), ...varint(payload.length), ...payload];
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

function earthTile(): number[] {
  const geometry = [
    9,
    zigzag(0),
    zigzag(0),
    26,
    zigzag(4096),
    zigzag(0),
    zigzag(0),
    zigzag(4096),
    zigzag(-4096),
    zigzag(0),
    15,
  ].flatMap(varint);
  const feature = [...field(3, 0), 3, ...bytesField(4, geometry)];
  const name = [...Buffer.from('earth')];
  const layer = [
    ...field(15, 0),
    2,
    ...bytesField(1, name),
    ...bytesField(2, feature),
    ...field(5, 0),
    ...varint(4096),
  ];
  return bytesField(3, layer);
}

export function tinyPmtiles(): Buffer {
  const tile = earthTile();
  // Root directory: one entry (tile id 0, run length 1, length, offset 0 written as 0+1).
  const directory = [...varint(1), ...varint(0), ...varint(1), ...varint(tile.length), ...varint(1)];
  const metadata = [...Buffer.from('{}')];
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const tileOffset = metadataOffset + metadata.length;
  header.writeBigUInt64LE(BigInt(rootOffset), 8);
  header.writeBigUInt64LE(BigInt(directory.length), 16);
  header.writeBigUInt64LE(BigInt(metadataOffset), 24);
  header.writeBigUInt64LE(BigInt(metadata.length), 32);
  header.writeBigUInt64LE(BigInt(tileOffset), 40);
  header.writeBigUInt64LE(0n, 48);
  header.writeBigUInt64LE(BigInt(tileOffset), 56);
  header.writeBigUInt64LE(BigInt(tile.length), 64);
  header.writeBigUInt64LE(1n, 72);
  header.writeBigUInt64LE(1n, 80);
  header.writeBigUInt64LE(1n, 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(0, 100); // min zoom
  header.writeUInt8(0, 101); // max zoom
  header.writeInt32LE(-1800000000, 102);
  header.writeInt32LE(-850000000, 106);
  header.writeInt32LE(1800000000, 110);
  header.writeInt32LE(850000000, 114);
  header.writeUInt8(0, 118);
  header.writeInt32LE(0, 119);
  header.writeInt32LE(0, 123);
  return Buffer.concat([header, Buffer.from(directory), Buffer.from(metadata), Buffer.from(tile)]);
}
