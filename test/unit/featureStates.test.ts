import { describe, expect, it } from 'vitest';
import { agreementKey, agreementOf } from '../../src/claims/agreement';
import { buildTimeIndex, positionsForPlace } from '../../src/claims/timeline';
import { computeClaimsView, disputesOf } from '../../src/claims/view';
import { changedStates, computeFeatureStates, ringSlotsByStatus } from '../../src/map/featureStates';
import { buildAppLayerData, markKey, ringOffsets, ringSegment } from '../../src/map/placeFeatures';
import { claim, dataset, place } from './factories';

const claims = [
  claim('ua', 'sudzha', '2024-08-15', 'ukrainian'),
  claim('ru', 'sudzha', '2025-03-13', 'russian'),
  claim('ru', 'ulanok', '2025-02-06', 'russian'),
];
const data = dataset(claims);
data.places[1] = place('ulanok', { precision: { kind: 'estimate', radiusM: 3000, basis: 'estimate' } });
const index = buildTimeIndex(claims);
const layers = buildAppLayerData(data, index);

describe('buildAppLayerData', () => {
  it('makes one mark per source that ever spoke about a place, and uncertainty only for approximate places', () => {
    expect(layers.marks.features.map((f) => markKey(f.properties.placeId, f.properties.sourceId))).toEqual([
      markKey('sudzha', 'ua'),
      markKey('sudzha', 'ru'),
      markKey('ulanok', 'ru'),
    ]);
    expect(layers.uncertainty.features.map((f) => f.properties.placeId)).toEqual(['ulanok']);
    expect(layers.places.features[1].properties).toMatchObject({ name_en: 'ulanok', approximate: true });
  });

  it('spaces marks evenly on a ring starting at the top', () => {
    expect(ringOffsets(2, 10)).toEqual([
      [0, -10],
      [0, 10],
    ]);
  });
});

describe('computeFeatureStates', () => {
  const placeIds = data.places.map((p) => p.id);
  const states = (date: string, sources: string[], selectedPlace: string | null = null) =>
    computeFeatureStates(layers, {
      view: computeClaimsView(index, placeIds, date, new Set(sources)),
      selectedPlace,
    });
  const sudzha = layers.placeFeatureId.get('sudzha') ?? -1;
  const uaMark = layers.markFeatureId.get(markKey('sudzha', 'ua')) ?? -1;

  it('follows the date', () => {
    expect(states('2024-08-10', ['ua', 'ru']).places[sudzha]?.agreement).toBe('no-claim');
    expect(states('2024-08-20', ['ua', 'ru']).places[sudzha]?.agreement).toBe('agree-ukrainian');
    expect(states('2025-03-20', ['ua', 'ru']).places[sudzha]?.agreement).toBe('disputed');
  });

  it('turns a switched-off source off', () => {
    expect(states('2025-03-20', ['ua', 'ru']).marks[uaMark]).toMatchObject({ status: 'ukrainian', dimmed: false });
    expect(states('2025-03-20', ['ru']).marks[uaMark]).toMatchObject({ status: 'off', dimmed: false });
    expect(states('2025-03-20', ['ru']).places[sudzha]?.agreement).toBe('agree-russian');
  });

  it('sends only what changed', () => {
    const before = states('2024-08-20', ['ua', 'ru']);
    const after = states('2024-08-21', ['ua', 'ru']);
    expect(changedStates(before.places, after.places)).toEqual([]);
    const selected = states('2024-08-21', ['ua', 'ru'], 'sudzha');
    // At zoom 0 (no focus given) a selected place still shows its summary ring, not its marks.
    expect(changedStates(after.places, selected.places)).toEqual([
      [sudzha, { agreement: 'agree-ukrainian', selected: true, changed: false, dimmed: false, expanded: false }],
    ]);
    expect(changedStates(undefined, after.places)).toHaveLength(2);
    // Marks: a source switched off changes its own marks only.
    const ruOnly = states('2025-03-20', ['ru']);
    const both = states('2025-03-20', ['ua', 'ru']);
    expect(changedStates(both.marks, ruOnly.marks)).toEqual([
      [uaMark, { status: 'off', dimmed: false, expanded: false }],
    ]);
    expect(changedStates(both.marks, states('2025-03-20', ['ua', 'ru']).marks)).toEqual([]);
    expect(changedStates(undefined, both.marks)).toHaveLength(both.marks.length);
  });

  it('marks changed places and dims the undisputed ones on request', () => {
    const base = { view: computeClaimsView(index, placeIds, '2025-03-20', new Set(['ua', 'ru'])), selectedPlace: null };
    const ulanok = layers.placeFeatureId.get('ulanok') ?? -1;
    const plain = computeFeatureStates(layers, base);
    expect(plain.places[sudzha]).toMatchObject({ changed: false, dimmed: false });
    const marked = computeFeatureStates(layers, {
      ...base,
      changedPlaces: new Set(['sudzha']),
      onlyDisagreements: true,
    });
    expect(marked.places[sudzha]).toMatchObject({ agreement: 'disputed', changed: true, dimmed: false });
    expect(marked.places[ulanok]).toMatchObject({ agreement: 'agree-russian', changed: false, dimmed: true });
    const ulanokMark = layers.markFeatureId.get(markKey('ulanok', 'ru')) ?? -1;
    expect(marked.marks[ulanokMark]).toMatchObject({ status: 'russian', dimmed: true });
    expect(changedStates(plain.places, marked.places).map(([id]) => id)).toEqual([sudzha, ulanok]);
  });
});

describe('marks or the summary ring, by room, selection and pointer', () => {
  // Two places 1.3 km apart (Sudzha and Goncharovka in the record) and one far off.
  const close = [
    claim('ua', 'a', '2024-08-15', 'ukrainian'),
    claim('ua', 'b', '2024-08-15', 'ukrainian'),
    claim('ua', 'far', '2024-08-15', 'ukrainian'),
  ];
  const closeData = dataset(close);
  closeData.places = [
    place('a', { coordinates: [35.2739, 51.1923] }),
    place('b', { coordinates: [35.2552, 51.1924] }),
    place('far', { coordinates: [35.8, 51.0] }),
  ];
  const closeLayers = buildAppLayerData(closeData, buildTimeIndex(close));
  const id = (p: string) => closeLayers.placeFeatureId.get(p) ?? -1;
  const mark = (p: string) => closeLayers.markFeatureId.get(markKey(p, 'ua')) ?? -1;
  const ringOf = (p: string) => closeLayers.placeRingStart[id(p)];
  const at = (zoom: number, selectedPlace: string | null = null, hovered: number | null = null) =>
    computeFeatureStates(
      closeLayers,
      {
        view: computeClaimsView(buildTimeIndex(close), ['a', 'b', 'far'], '2024-09-01', new Set(['ua'])),
        selectedPlace,
      },
      { zoom, hovered },
    );

  it('draws the crowded places as rings at the opening zoom and the lone one with its marks', () => {
    const states = at(10.3);
    expect(states.marks[mark('a')]?.expanded).toBe(false);
    expect(states.ring[ringOf('a')]?.expanded).toBe(false);
    expect(states.marks[mark('far')]?.expanded).toBe(true);
    // The place itself says so too: its dispute halo clears the marks or hugs the ring.
    expect(states.places[id('a')]?.expanded).toBe(false);
    expect(states.places[id('far')]?.expanded).toBe(true);
  });

  it('expands a crowded place once zoomed in to its room, and at once when selected or pointed at', () => {
    const zoom = closeLayers.placeExpandZoom[id('a')];
    expect(zoom).toBeGreaterThan(11);
    expect(at(zoom - 0.01).marks[mark('a')]?.expanded).toBe(false);
    expect(at(zoom).marks[mark('a')]?.expanded).toBe(true);
    expect(at(10.3, 'a').marks[mark('a')]?.expanded).toBe(true);
    expect(at(10.3, 'a').marks[mark('b')]?.expanded).toBe(false);
    expect(at(10.3, null, id('b')).marks[mark('b')]?.expanded).toBe(true);
    expect(at(10.3, null, id('b')).places[id('b')]?.expanded).toBe(true);
  });

  it('never shows marks below the marks zoom, where their layers are not drawn', () => {
    expect(at(9.5, 'a').marks[mark('a')]?.expanded).toBe(false);
    expect(at(9.5).marks[mark('far')]?.expanded).toBe(false);
  });
});

describe('the hot path agrees with the reference functions on random data', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const statuses = ['ukrainian', 'russian', 'contested', 'none'] as const;
  const many = Array.from({ length: 3000 }, () =>
    claim(
      `s${Math.floor(random() * 7)}`,
      `p${Math.floor(random() * 40)}`,
      `2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      statuses[Math.floor(random() * 4)],
    ),
  );
  const bigIndex = buildTimeIndex(many);
  const bigLayers = buildAppLayerData(dataset(many), bigIndex);

  it.each(['2024-12-31', '2025-03-15', '2025-06-12', '2025-09-19'])('on %s with a subset of sources', (date) => {
    const sources = new Set(['s0', 's2', 's3', 's6']);
    const view = computeClaimsView(bigIndex, [...bigLayers.placeFeatureId.keys()], date, sources);
    const states = computeFeatureStates(bigLayers, { view, selectedPlace: null });
    const disputed = new Map(disputesOf(view).map((d) => [d.placeId, d.positions]));
    for (const [placeId, featureId] of bigLayers.placeFeatureId) {
      const positions = positionsForPlace(bigIndex, placeId, date, sources);
      const key = agreementKey(agreementOf(positions));
      expect(states.places[featureId]?.agreement).toBe(key);
      // The panels' list of disputes is the same answer, with who says what.
      expect(disputed.get(placeId)).toEqual(
        key === 'disputed' ? positions.filter((p) => p.status !== 'none') : undefined,
      );
      for (const p of positions) {
        const mark = bigLayers.markFeatureId.get(markKey(placeId, p.sourceId)) ?? -1;
        expect(states.marks[mark]?.status).toBe(p.status);
      }
    }
  });
});

describe('the summary ring', () => {
  const placeIds = data.places.map((p) => p.id);
  const sudzha = layers.placeFeatureId.get('sudzha') ?? -1;
  const segments = (date: string, sources: string[]) => {
    const { ring } = computeFeatureStates(layers, {
      view: computeClaimsView(index, placeIds, date, new Set(sources)),
      selectedPlace: null,
    });
    const ids = layers.ring.features.filter((f) => f.properties.placeId === 'sudzha').map((f) => Number(f.id));
    return ids.map((id) => ring[id]?.status);
  };

  it('has a segment per source up to RING_MAX_SLOTS, in status order, off for sources without a position', () => {
    expect(layers.placeRingStart[sudzha + 1] - layers.placeRingStart[sudzha]).toBe(2);
    expect(segments('2025-03-20', ['ua', 'ru'])).toEqual(['ukrainian', 'russian']);
    expect(segments('2024-08-20', ['ua', 'ru'])).toEqual(['ukrainian', 'off']);
    expect(segments('2025-03-20', ['ru'])).toEqual(['russian', 'off']);
  });

  it('shares the slots by largest remainder when a place has more sources than slots', () => {
    const out = new Int32Array(5);
    // 20 marks on 12 slots: 11 Ukrainian, 6 Russian, 3 silent → 6.6, 3.6, 1.8 → 7, 3, 2 (sum 12).
    expect([...ringSlotsByStatus(Int32Array.from([11, 6, 0, 0, 3]), 20, 12, out)]).toEqual([7, 3, 0, 0, 2]);
    expect([...ringSlotsByStatus(Int32Array.from([2, 1, 0, 0, 0]), 3, 3, out)]).toEqual([2, 1, 0, 0, 0]);
    expect([...ringSlotsByStatus(Int32Array.from([0, 0, 0, 0, 0]), 0, 0, out)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('draws each segment as an arc of its ring, upright at twelve o’clock', () => {
    const one = ringSegment(1);
    expect(one.offset[0]).toBeCloseTo(0, 1);
    expect(one.offset[1]).toBeCloseTo(0, 1);
    const twelve = ringSegment(12);
    expect(twelve.offset[0]).toBeCloseTo(0, 1);
    expect(twelve.offset[1]).toBeLessThan(-15);
    expect(twelve.size[0]).toBeLessThan(15);
  });
});
