/**
 * Embed mode's links (`embed=1`): the one a host page frames, showing exactly what the user sees (date,
 * sources, place, view, language) in the embedded layout, and the embedded app's way back to the full one.
 */
import type { AppState, StateContext } from './appState';
import { defaultState } from './appState';
import { serializeUrlState } from './url';

/** The frame sizes offered for the snippet, in CSS pixels; the first is the default. */
export const EMBED_SIZES = [
  { width: 640, height: 480 },
  { width: 800, height: 600 },
  { width: 480, height: 360 },
  { width: 960, height: 640 },
] as const;

export type EmbedSize = (typeof EMBED_SIZES)[number];

/**
 * The query of the embedded view of `state`: what the map shows, with the full app's panels, table,
 * story and second map left out, since the embedded layout has none of them.
 */
export function embedSearch(state: AppState, ctx: StateContext): string {
  const plain = defaultState(ctx);
  return serializeUrlState(
    {
      ...state,
      embed: true,
      compare: false,
      tableOpen: false,
      aboutOpen: false,
      tab: plain.tab,
      story: plain.story,
      step: plain.step,
    },
    ctx,
  );
}

/** The query of the full app showing what the embedded one shows now. */
export function fullAppSearch(state: AppState, ctx: StateContext): string {
  return serializeUrlState({ ...state, embed: false }, ctx);
}

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The `<iframe>` element a host page pastes; `title` names the frame for screen readers. */
export function iframeSnippet(url: string, size: EmbedSize, title: string): string {
  return `<iframe src="${escapeAttribute(url)}" width="${size.width}" height="${size.height}" title="${escapeAttribute(title)}" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}
