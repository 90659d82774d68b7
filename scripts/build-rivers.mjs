#!/usr/bin/env node
// Writes public/basemap/rivers.geojson: the Psel and the Seym in the Kursk box, from Natural Earth 10m
// (public domain), as prepared in the shared data (../shared/data/natural_earth_rivers, MANIFEST.md §5:
// cut to 34.6–36.2 E, 50.7–51.6 N, names in English, Russian and Ukrainian added there).
//   node scripts/build-rivers.mjs            # or RIVERS_SRC=/path/to/rivers_kursk_box.geojson
// scripts/build-basemap.mjs calls buildRivers() too. Run on its own, this script updates the `rivers`
// entry of public/basemap/basemap-meta.json and leaves the rest of it as it is.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'public', 'basemap');
const DEFAULT_SRC = path.join(REPO, '..', 'shared', 'data', 'natural_earth_rivers', 'rivers_kursk_box.geojson');
const BOX = [34.6, 50.7, 36.2, 51.6];
const DP = 5; // ~1 m; the source has about one vertex per 2 km, so it needs no simplification
const RIVERS = ['Psel', 'Seym'];

const round = (x) => Number(x.toFixed(DP));

/** Reads the shared file, checks it, writes rivers.geojson; returns what it wrote, for basemap-meta.json. */
export function buildRivers(src = process.env.RIVERS_SRC ?? DEFAULT_SRC) {
  if (!fs.existsSync(src))
    throw new Error(`build-rivers: ${src} not found; set RIVERS_SRC to rivers_kursk_box.geojson (shared data §5)`);
  const bytes = fs.readFileSync(src);
  const input = JSON.parse(bytes.toString('utf8'));
  const problems = [];
  const features = input.features.map((f, i) => {
    const { name_en, name_ru, name_uk } = f.properties ?? {};
    if (f.geometry?.type !== 'LineString') problems.push(`feature ${i}: not a LineString`);
    if (![name_en, name_ru, name_uk].every((n) => typeof n === 'string' && n.length > 0))
      problems.push(`feature ${i}: missing a name`);
    const coordinates = f.geometry.coordinates.map(([lng, lat]) => [round(lng), round(lat)]);
    for (const [lng, lat] of coordinates)
      if (lng < BOX[0] - 1e-6 || lng > BOX[2] + 1e-6 || lat < BOX[1] - 1e-6 || lat > BOX[3] + 1e-6)
        problems.push(`feature ${i}: ${lng},${lat} outside the box`);
    return {
      type: 'Feature',
      properties: { kind: 'river', name: name_en, name_ru, name_uk, ne_file: f.properties.ne_file },
      geometry: { type: 'LineString', coordinates },
    };
  });
  const names = features.map((f) => f.properties.name).sort();
  if (names.join() !== RIVERS.join())
    problems.push(`expected the rivers ${RIVERS.join(', ')}, found ${names.join(', ')}`);
  if (problems.length) throw new Error(`build-rivers: ${problems.join('; ')}`);
  const text = `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
  fs.writeFileSync(path.join(OUT, 'rivers.geojson'), text);
  const vertices = features.reduce((n, f) => n + f.geometry.coordinates.length, 0);
  return {
    file: {
      bytes: Buffer.byteLength(text),
      features: features.length,
      vertices,
      sha256: createHash('sha256').update(text).digest('hex'),
    },
    source: {
      name: 'Natural Earth 10m rivers (ne_10m_rivers_europe: Psel; ne_10m_rivers_lake_centerlines: Seym)',
      via: 'martynafford/natural-earth-geojson @ 0b9a6ce, cut to the box and named in the shared data (MANIFEST.md §5)',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      licence: 'public domain (Natural Earth)',
      url: 'https://www.naturalearthdata.com/',
      usedFor: ['rivers.geojson'],
      box: BOX,
      decimals: DP,
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, source } = buildRivers();
  const metaPath = path.join(OUT, 'basemap-meta.json');
  const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8'));
  meta.rivers = source;
  meta.files = { ...meta.files, 'rivers.geojson': file };
  meta.attribution = { ...meta.attribution, naturalEarth: 'Natural Earth (public domain)' };
  fs.writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`rivers.geojson: ${file.bytes} bytes, ${file.features} rivers, ${file.vertices} vertices`);
}
