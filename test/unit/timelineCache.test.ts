/** The area timeline's answers survive a reload: kept in IndexedDB by pair and rule version. */
import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { openTimelineCache } from '../../src/areas/timelineCache';

const answer = {
  aSourceId: 'a',
  bSourceId: 'b',
  parts: [],
  km2: { opposed: 1.5, contested: 0 },
  russianHeld: { aKm2: 2, bKm2: 1, bothKm2: 1, iou: 0.5 },
};
/** What rule version 1 kept: no overlap of the Russian-held ground. */
const { russianHeld: _, ...answerV1 } = answer;

describe('openTimelineCache', () => {
  it('gives back what was saved, and nothing for pairs it never saw', async () => {
    const open = () => createStore('timeline-test-1', 'pairs');
    openTimelineCache(open).save([{ key: 'p1', disagreement: answer }]);
    await new Promise((r) => setTimeout(r, 20));
    const again = openTimelineCache(open);
    expect(await again.load(['p1', 'p2'])).toEqual([{ key: 'p1', disagreement: answer }]);
  });

  it('ignores a record that is not an answer, and answers of another rule version', async () => {
    const store = createStore('timeline-test-2', 'pairs');
    await set('2\u0002bad', { parts: 'no' }, store);
    await set('1\u0002old', answer, store);
    await set('2\u0002v1', answerV1, store);
    expect(await openTimelineCache(() => store).load(['bad', 'old', 'v1'])).toEqual([]);
  });
});
