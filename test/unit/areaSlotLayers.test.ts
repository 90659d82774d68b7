import { describe, expect, it } from 'vitest';
import { AREA_SOURCE, areaSlotLayers, FRONTLINE_SOURCE, SLOTS_PER_TRACK, slotLayerIds } from '../../src/map/areaLayers';

const sources = [
  { id: 'deepstate', color: '#1f77b4' },
  { id: 'isw', color: '#d62728' },
];
const tracks = [{ sourceId: 'deepstate' }, { sourceId: 'isw' }];
const sourceOf = (layer: object) => ('source' in layer ? layer.source : undefined);

describe('the area slots’ layers', () => {
  const layers = areaSlotLayers(tracks, sources);

  it('are a fill, an outline and a front line for every slot of every track', () => {
    expect(layers).toHaveLength(tracks.length * SLOTS_PER_TRACK * 3);
    const ids = new Set(layers.map((l) => l.id));
    for (let slot = 0; slot < tracks.length * SLOTS_PER_TRACK; slot++)
      for (const id of Object.values(slotLayerIds(slot))) expect(ids.has(id), id).toBe(true);
  });

  it('come source by source, the areas first, so the map never switches source between two of them and back', () => {
    const order = layers.map(sourceOf);
    const firstFront = order.indexOf(FRONTLINE_SOURCE);
    expect(order.slice(0, firstFront).every((s) => s === AREA_SOURCE)).toBe(true);
    expect(order.slice(firstFront).every((s) => s === FRONTLINE_SOURCE)).toBe(true);
  });

  it('keep each track’s slots in track order within a source', () => {
    const fills = layers.filter((l) => l.type === 'fill').map((l) => l.id);
    expect(fills[0]).toBe(slotLayerIds(0).fill);
    expect(fills.at(-1)).toBe(slotLayerIds(tracks.length * SLOTS_PER_TRACK - 1).fill);
  });
});
