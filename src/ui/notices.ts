/** The state's notices (../state/message.ts) worded in the interface language. */
import i18next from 'i18next';
import type { LinkNotice, LinkWhy } from '../state/message';
// Initialises i18next with the English strings, for callers (tests) that have not loaded the app.
import './i18n';

function why({ key, params, part }: LinkWhy): string {
  const reason = i18next.t(`link.why.${key}`, { ...params });
  return part ? i18next.t(`link.${part}`, { why: reason }) : reason;
}

/** 'Ignored the link's date "2030-01-01": outside the record (2024-08-01 to 2025-04-14).' */
export function linkNoticeText(notice: LinkNotice): string {
  return i18next.t('link.ignored', { name: notice.param, value: notice.value, why: why(notice.why) });
}
