import { describe, expect, it } from 'vitest';
import { EMBED_SIZES, embedSearch, fullAppSearch, iframeSnippet } from '../../src/state/embed';
import { parseUrlState } from '../../src/state/url';
import { stateContext } from './factories';

const ctx = stateContext();

describe('embed links', () => {
  // What the user sees in the full app, with the panels around it that an embed leaves out.
  const seen = parseUrlState(
    '?date=2025-03-12&sources=isw,deepstate&place=sudzha&compare=1&date2=2025-03-01&table=1&about=1&tab=changes&lang=uk&view=11.00/51.19000/35.27000',
    ctx,
  ).state;

  it('frames what the user sees: date, sources, place, language and view, and none of the panels', () => {
    expect(embedSearch(seen, ctx)).toBe(
      '?date=2025-03-12&sources=isw,deepstate&place=sudzha&lang=uk&embed=1&view=11.00/51.19000/35.27000',
    );
  });

  it('opens as the embedded layout, with the same date, sources, place, language and view', () => {
    const opened = parseUrlState(embedSearch(seen, ctx), ctx);
    expect(opened.notices).toEqual([]);
    expect(opened.state).toMatchObject({
      embed: true,
      date: '2025-03-12',
      selectedPlace: 'sudzha',
      lang: 'uk',
      view: { zoom: 11, lat: 51.19, lng: 35.27 },
      compare: false,
      tableOpen: false,
    });
    expect([...opened.state.sources]).toEqual(['isw', 'deepstate']);
  });

  it('leads back to the full app at what the embed shows now', () => {
    const embedded = parseUrlState(embedSearch(seen, ctx), ctx).state;
    expect(fullAppSearch({ ...embedded, date: '2025-03-20' }, ctx)).toBe(
      '?date=2025-03-20&sources=isw,deepstate&place=sudzha&lang=uk&view=11.00/51.19000/35.27000',
    );
  });

  it('writes an iframe of the chosen size with the link and title escaped', () => {
    expect(iframeSnippet('https://example.org/?date=2025-03-12&embed=1', EMBED_SIZES[0], 'Map "Sudzha" <1>')).toBe(
      '<iframe src="https://example.org/?date=2025-03-12&amp;embed=1" width="640" height="480" title="Map &quot;Sudzha&quot; &lt;1&gt;" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
  });
});
