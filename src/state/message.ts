/**
 * What the state has to tell the user, as a key into the interface strings (src/ui/locales, under
 * `link.why`) and its parameters, never an English sentence: the UI words it in the chosen language
 * (src/ui/notices.ts). test/unit/i18n.test.ts checks that every key here has its strings.
 */

/** A notice as a key (under a section the UI knows for its kind) and the parameters its string needs. */
interface Message<K extends string> {
  key: K;
  params?: Readonly<Record<string, string | number>>;
}

/** Why the chosen basemap is not showing (`basemap.notice.*`); technical details stay as the browser gives them. */
export type BasemapNotice = Message<'reopen' | 'unreadable' | 'failed'>;

/** What went wrong with the browser's storage (`storage.problem.*`). */
export type StorageProblem = Message<'timeout' | 'full' | 'unavailable' | 'unavailableDetail'>;

/** A stored import that could not be kept, read, checked or removed (`storage.*`). */
export interface StorageNotice
  extends Message<'notMoved' | 'skipped' | 'unreadable' | 'notChecked' | 'notStored' | 'notRemoved' | 'notRemovedAll'> {
  problem?: StorageProblem;
}

/** Why a link's parameter was not applied. */
export const LINK_WHY_KEYS = [
  'tooLong',
  'view',
  'zoom',
  'lat',
  'lng',
  'date',
  'outside',
  'sources',
  'flag',
  'range',
  'rangeOrder',
  'place',
  'story',
  'noStory',
  'step',
  'lang',
  'tab',
  'track',
] as const;

type LinkWhyKey = (typeof LINK_WHY_KEYS)[number];

export interface LinkWhy extends Message<LinkWhyKey> {
  /** For a date range: which end of it the reason is about. */
  part?: 'start' | 'end';
}

/** A parameter of the link that was ignored, its value as typed (shortened), and why. */
export interface LinkNotice {
  param: string;
  value: string;
  why: LinkWhy;
}
