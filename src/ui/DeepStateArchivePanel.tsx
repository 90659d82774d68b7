import { useId, useState } from 'react';
import { DEEPSTATE_ARCHIVE_REPO, DEFAULT_ARCHIVE_BASE_URL } from '../areas/deepstateArchive';
import { type ArchiveStatus, snapshotClock, snapshotDay } from '../state/deepstateArchive';
import { SafeLink } from './SafeLink';
import { useApp } from './useApp';

const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function statusLine(status: ArchiveStatus): string | null {
  switch (status.kind) {
    case 'off':
    case 'idle':
      return null;
    case 'loading':
      return `Loading DeepState's map of ${snapshotDay(status.time)}…`;
    case 'shown':
      return `Showing DeepState's map of ${snapshotDay(status.time)}, ${snapshotClock(status.time)}${
        status.fromCache ? ' (kept in this browser)' : ''
      }.`;
    case 'failed':
      return `DeepState's map of ${snapshotDay(status.time)} is not shown.`;
    case 'none':
      return `The archive has no DeepState map in force on ${longDay.format(new Date(`${status.date}T00:00:00Z`))}.`;
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
  const host = new URL(baseUrl).host;
  const line = statusLine(status);
  return (
    <section className="deepstate-archive-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>DeepState front line</h2>
      <label>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> DeepState front line
        (online)
      </label>
      <p className="hint">
        When on, the app fetches DeepState's map in force on the date shown (its latest snapshot published by the end of
        that day, UTC) from {host}, and keeps it in this browser for offline use. Nothing is requested while it is off.
      </p>
      {enabled && line && (
        <p className="archive-status" role="status" aria-live="polite">
          {line}
        </p>
      )}
      {notice && (
        <div className="import-failed" role="alert">
          <p>{notice}</p>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {fetched && (
        <p className="archive-attribution">
          Front line: <SafeLink href="https://deepstatemap.live/">DeepStateMap.live</SafeLink>, via the archive{' '}
          <SafeLink href={`https://github.com/${DEEPSTATE_ARCHIVE_REPO}`}>{DEEPSTATE_ARCHIVE_REPO}</SafeLink>.
        </p>
      )}
      <details>
        <summary>Archive address</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const refused = setBaseUrl(url);
            setError(refused && `Address refused: ${refused}.`);
          }}
        >
          <label>
            Base URL{' '}
            <input
              type="url"
              name="archive-base-url"
              value={url}
              placeholder={DEFAULT_ARCHIVE_BASE_URL}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>{' '}
          <button type="submit">Use address</button>{' '}
          <button
            type="button"
            onClick={() => {
              setUrl(DEFAULT_ARCHIVE_BASE_URL);
              setBaseUrl('');
              setError(null);
            }}
          >
            Default
          </button>
        </form>
        {error && <p className="import-failed">{error}</p>}
        <p className="hint">Snapshots are read from geojsons/&lt;Unix time&gt;.geojson under this address.</p>
      </details>
    </section>
  );
}
