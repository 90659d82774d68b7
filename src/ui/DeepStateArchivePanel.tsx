import { useId, useState } from 'react';
import { DEEPSTATE_ARCHIVE_REPO, DEFAULT_ARCHIVE_BASE_URL } from '../areas/deepstateArchive';
import type { ArchiveStatus } from '../state/deepstateArchive';
import { formatShortDay, useT } from './i18n';
import { archiveFailureText, snapshotWhen } from './notices';
import { SafeLink } from './SafeLink';
import { useApp } from './useApp';

function statusLine(status: ArchiveStatus, t: ReturnType<typeof useT>): string | null {
  switch (status.kind) {
    case 'off':
    case 'idle':
      return null;
    case 'loading':
      return t('archive.loading', snapshotWhen(status.time));
    case 'shown':
      return t(status.fromCache ? 'archive.shownCached' : 'archive.shown', snapshotWhen(status.time));
    case 'failed':
      return t('archive.failed', snapshotWhen(status.time));
    case 'none':
      return t('archive.none', { date: formatShortDay(new Date(`${status.date}T00:00:00Z`)) });
  }
}

/**
 * The online DeepState front line: the switch (off by default, remembered), what it is doing, why a
 * snapshot is missing, the credit while fetched maps are loaded, and the archive's address.
 */
export function DeepStateArchivePanel() {
  const enabled = useApp((s) => s.archiveEnabled);
  const baseUrl = useApp((s) => s.archiveBaseUrl);
  const status = useApp((s) => s.archiveStatus);
  const notice = useApp((s) => s.archiveNotice);
  const fetched = useApp((s) => s.areas.some((a) => a.fetchedFrom !== undefined));
  const setEnabled = useApp((s) => s.setArchiveEnabled);
  const setBaseUrl = useApp((s) => s.setArchiveBaseUrl);
  const dismiss = useApp((s) => s.dismissArchiveNotice);
  const [url, setUrl] = useState(baseUrl);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const t = useT();
  const host = new URL(baseUrl).host;
  const line = statusLine(status, t);
  return (
    <section className="deepstate-archive-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('archive.heading')}</h2>
      <label>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('archive.toggle')}
      </label>
      <p className="hint">{t('archive.hint', { host })}</p>
      {enabled && line && (
        <p className="archive-status" role="status" aria-live="polite">
          {line}
        </p>
      )}
      {notice && (
        <div className="import-failed" role="alert">
          <p>{archiveFailureText(notice)}</p>
          <button type="button" onClick={dismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {fetched && (
        <p className="archive-attribution">
          {t('archive.frontLine')} <SafeLink href="https://deepstatemap.live/">DeepStateMap.live</SafeLink>
          {t('archive.via')}{' '}
          <SafeLink href={`https://github.com/${DEEPSTATE_ARCHIVE_REPO}`}>{DEEPSTATE_ARCHIVE_REPO}</SafeLink>.
        </p>
      )}
      <details>
        <summary>{t('archive.address')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const refused = setBaseUrl(url);
            setError(refused && t('archive.refused', { error: refused }));
          }}
        >
          <label>
            {t('archive.baseUrl')}{' '}
            <input
              type="url"
              name="archive-base-url"
              value={url}
              placeholder={DEFAULT_ARCHIVE_BASE_URL}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>{' '}
          <button type="submit">{t('archive.use')}</button>{' '}
          <button
            type="button"
            onClick={() => {
              setUrl(DEFAULT_ARCHIVE_BASE_URL);
              setBaseUrl('');
              setError(null);
            }}
          >
            {t('archive.default')}
          </button>
        </form>
        {error && <p className="import-failed">{error}</p>}
        <p className="hint">{t('archive.layout')}</p>
      </details>
    </section>
  );
}
