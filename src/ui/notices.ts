/** The state's notices (../state/message.ts) worded in the interface language. */
import i18next from 'i18next';
import { snapshotFileName } from '../areas/deepstateArchive';
import type { ArchiveFailure } from '../state/deepstateArchive';
import type { LinkNotice, LinkWhy, StorageNotice } from '../state/message';
// ./i18n initialises i18next with the English strings, also for callers (tests) that have not loaded the app.
import { formatShortDay } from './i18n';

function why({ key, params, part }: LinkWhy): string {
  const reason = i18next.t(`link.why.${key}`, { ...params });
  return part ? i18next.t(`link.${part}`, { why: reason }) : reason;
}

/** 'Ignored the link's date "2030-01-01": outside the record (2024-08-01 to 2025-04-14).' */
export function linkNoticeText(notice: LinkNotice): string {
  return i18next.t('link.ignored', { name: notice.param, value: notice.value, why: why(notice.why) });
}

/** A DeepState snapshot's UTC day and time: ["6 Feb 2025", "20:49 UTC"]. */
export function snapshotWhen(time: number): { day: string; clock: string } {
  const date = new Date(time * 1000);
  return { day: formatShortDay(date), clock: `${date.toISOString().slice(11, 16)} UTC` };
}

/** "DeepState's map of 3 Sept 2024, 20:13 UTC (1725394431.geojson) could not be loaded: …". */
export function archiveFailureText({ time, reason }: ArchiveFailure): string {
  return i18next.t('archive.notice', { ...snapshotWhen(time), file: snapshotFileName(time), reason });
}

/** "good.geojson is imported for this visit only: it could not be stored (the browser's storage …)". */
export function storageNoticeText({ key, params, problem }: StorageNotice): string {
  const reason = problem ? i18next.t(`storage.problem.${problem.key}`, { ...problem.params }) : '';
  return i18next.t(`storage.${key}`, { ...params, problem: reason });
}
