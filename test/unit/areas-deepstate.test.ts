import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { clipRegionFromCountries } from '../../src/areas/basemap';
import { deepStateStatus, importDeepState, unixFileTime } from '../../src/areas/deepstate';
import { formatDataError } from '../../src/claims/schema';
import { box, collection, fixture, syntheticClip } from '../fixtures/areas/load';

const clip = syntheticClip();
const km2 = (g: Parameters<typeof area>[0]) => area(g) / 1e6;

describe('deepStateStatus', () => {
  it('reads the status key, whatever the spacing and date suffixes', () => {
    expect(deepStateStatus('Звільнено /// Liberated /// geoJSON.status.dismissed\n')).toBe('ukrainian');
    expect(
      deepStateStatus('Звільнено 27-31.03/// Liberated 27-31.03 /// geoJSON.status.dismissed_at {{at:27.03}}'),
    ).toBe('ukrainian');
    expect(deepStateStatus('Статус невідомий /// Unknown status /// geoJSON.status.unknown')).toBe('contested');
    expect(deepStateStatus('Окуповано /// Occupied /// geoJSON.status.occupied')).toBe('russian');
  });

  it('falls back to the words when there is no key, and ignores territory layers and markers', () => {
    expect(deepStateStatus('Звільнено/// Liberated ')).toBe('ukrainian');
    expect(deepStateStatus('Окуповано /// Occupied')).toBe('russian');
    expect(deepStateStatus('Окупований Крим /// Occupied Crimea /// geoJSON.territories.crimea')).toBeNull();
    expect(
      deepStateStatus('Окупована область Петсамо\n///\nOccupied Petsamo\n/// geoJSON.territories.petsamo'),
    ).toBeNull();
    expect(deepStateStatus('Напрямок удару /// Direction of attack /// geoJSON.status.attack_direction')).toBeNull();
  });
});

describe('unixFileTime', () => {
  it('turns a Unix-time file name into a UTC date and time', () => {
    expect(unixFileTime('1738790518.geojson')).toEqual({ date: '2025-02-05', time: '2025-02-05T21:21:58Z' });
    expect(unixFileTime('/some/dir/1700000000.json')).toEqual({ date: '2023-11-14', time: '2023-11-14T22:13:20Z' });
    expect(unixFileTime('deepstate.geojson')).toBeNull();
  });
});

describe('clipRegionFromCountries', () => {
  it('cuts the named country to the Kursk box', () => {
    const expected = km2(box(34, 51, 37, 52));
    expect(km2(clip.geometry)).toBeCloseTo(expected, 0);
    expect(clip.bbox).toEqual([34, 51, 37, 52]);
  });

  it('reports a missing country', () => {
    const result = clipRegionFromCountries('countries.geojson', fixture('countries.geojson'), 'BY');
    expect(!result.ok && result.errors.map(formatDataError)).toEqual([
      'countries.geojson: no feature with properties.iso "BY"',
    ]);
  });
});

describe('importDeepState', () => {
  const result = importDeepState('1700000000.geojson', fixture('1700000000.geojson'), { clip });
  if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
  const snapshot = result.value;

  it('dates the snapshot from the file name, in UTC', () => {
    expect(snapshot).toMatchObject({
      sourceId: 'deepstate',
      layer: 'deepstate-kursk',
      statedDate: '2023-11-14',
      snapshotTime: '2023-11-14T22:13:20Z',
      format: 'deepstate',
    });
  });

  it('keeps status polygons inside the clip region and counts what it left out', () => {
    expect(snapshot.claims.map((c) => [c.status, c.id])).toEqual([
      ['ukrainian', 'deepstate/deepstate-kursk/1700000000/0'],
      ['contested', 'deepstate/deepstate-kursk/1700000000/1'],
      ['russian', 'deepstate/deepstate-kursk/1700000000/2'],
      ['ukrainian', 'deepstate/deepstate-kursk/1700000000/7'],
    ]);
    expect(snapshot.skipped).toEqual({ noGeometry: 0, notArea: 1, otherLabel: 1, outsideClip: 2 });
  });

  it('keeps only the Russian half of a polygon straddling the border, with its area', () => {
    const straddling = snapshot.claims[0];
    const half = km2(box(35.0, 51.0, 35.2, 51.1));
    expect(straddling.areaKm2).toBeCloseTo(half, 1);
    expect(km2(straddling.geometry)).toBeCloseTo(half, 1);
    // The whole square is about twice as big: the Ukrainian half really is gone.
    expect(km2(box(35.0, 50.9, 35.2, 51.1))).toBeGreaterThan(1.9 * straddling.areaKm2);
    expect(straddling.geometry.type).toBe('Polygon');
    const lats = straddling.geometry.type === 'Polygon' ? straddling.geometry.coordinates.flat().map((p) => p[1]) : [];
    expect(Math.min(...lats)).toBeCloseTo(51.0, 9);
  });

  it('drops the altitude of 3-D positions', () => {
    for (const c of snapshot.claims) {
      const positions = c.geometry.type === 'Polygon' ? c.geometry.coordinates.flat() : c.geometry.coordinates.flat(2);
      expect(positions.every((p) => p.length === 2)).toBe(true);
    }
  });

  const liberated = (coordinates: unknown) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates },
    properties: { name: 'Звільнено /// Liberated /// geoJSON.status.dismissed' },
  });
  const good = liberated(box(35, 51.2, 35.1, 51.3).coordinates);

  it('keeps the Russian part of a MultiPolygon whose other part lies far away in Ukraine', () => {
    const multi = {
      type: 'Feature',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [box(37.5, 48, 37.6, 48.1).coordinates, box(35, 51.2, 35.1, 51.3).coordinates],
      },
      properties: { name: 'Статус невідомий /// Unknown status /// geoJSON.status.unknown' },
    };
    const result = importDeepState('1738790518.geojson', collection([multi]), { clip });
    expect(result.ok && result.value.claims.map((c) => c.status)).toEqual(['contested']);
    expect(result.ok && result.value.claims[0].areaKm2).toBeCloseTo(km2(box(35, 51.2, 35.1, 51.3)), 1);
  });

  it('needs a date when the file name is not a Unix time, and then has no snapshot time', () => {
    const text = collection([good]);
    const undated = importDeepState('deepstate-export.geojson', text, { clip });
    expect(!undated.ok && undated.errors[0]).toMatchObject({ file: 'deepstate-export.geojson', field: 'fileName' });
    const dated = importDeepState('deepstate-export.geojson', text, { clip, date: '2025-03-12' });
    expect(dated.ok && dated.value.statedDate).toBe('2025-03-12');
    expect(dated.ok && dated.value.snapshotTime).toBeUndefined();
    const badDate = importDeepState('deepstate-export.geojson', text, { clip, date: '2025-02-30' });
    expect(badDate.ok).toBe(false);
  });

  it('rejects the whole file on a bad status polygon, naming file, feature and field', () => {
    const open = liberated([
      [
        [35, 51.2],
        [35.1, 51.2],
        [35.1, 51.3],
        [35, 51.3],
      ],
    ]);
    const short = liberated([
      [
        [35, 51.2],
        [35.1, 51.2],
        [35, 51.2],
      ],
    ]);
    const offEarth = liberated([
      [
        [35, 51.2],
        [35.1, 95],
        [35.1, 51.3],
        [35, 51.2],
      ],
    ]);
    const result = importDeepState('1738790518.geojson', collection([good, open, short, offEarth]), { clip });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.file, e.index, e.field])).toEqual([
      ['1738790518.geojson', 1, 'geometry.coordinates.0'],
      ['1738790518.geojson', 2, 'geometry.coordinates.0'],
      ['1738790518.geojson', 3, 'geometry.coordinates.0.1.1'],
    ]);
    expect(result.errors[0].message).toMatch(/not closed/);
    expect(result.errors[1].message).toMatch(/at least 4 positions/);
  });

  it('does not validate features it ignores (unit markers), and never throws on junk', () => {
    const brokenMarker = { type: 'Feature', geometry: { type: 'Point', coordinates: 'here' }, properties: null };
    expect(importDeepState('1738790518.geojson', collection([good, brokenMarker]), { clip }).ok).toBe(true);
    for (const junk of [
      '',
      'not json',
      '{"type":"Topology"}',
      '[1,2]',
      collection([null]),
      collection([{ type: 'X' }]),
    ])
      expect(importDeepState('1738790518.geojson', junk, { clip }).ok).toBe(false);
    // In the claims schema's words (src/claims/featureLoop.ts).
    const notFeatures = importDeepState('1738790518.geojson', collection([null, { type: 'X' }]), { clip });
    expect(!notFeatures.ok && notFeatures.errors.map(formatDataError)).toEqual([
      '1738790518.geojson › feature 0: must be an object, not null',
      '1738790518.geojson › feature 1 › type: must be "Feature", not "X"',
      '1738790518.geojson › feature 1 › geometry: is missing',
      '1738790518.geojson › feature 1 › properties: is missing',
    ]);
    const topology = importDeepState('1738790518.geojson', '{"type":"Topology"}', { clip });
    expect(!topology.ok && topology.errors.map(formatDataError)).toEqual([
      '1738790518.geojson › type: must be "FeatureCollection", not "Topology"',
      '1738790518.geojson › features: is missing (must be a list)',
    ]);
  });
});
