import { useT } from './i18n';
import { linkNoticeText } from './notices';
import { useApp } from './useApp';

/** What the link carried that could not be applied, and why. */
export function Notices() {
  const notices = useApp((s) => s.notices);
  const onDismiss = useApp((s) => s.dismissNotices);
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      <ul>
        {notices.map((n) => {
          const text = linkNoticeText(n);
          return <li key={text}>{text}</li>;
        })}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
