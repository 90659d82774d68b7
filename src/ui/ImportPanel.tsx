import { useId, useRef, useState } from 'react';
import { type DataError, formatDataError } from '../claims/errors';
import { useApp } from './useApp';
import { useImportFiles } from './useImportFiles';

const MAX_ERRORS_SHOWN = 50;

function ErrorList({ errors }: { errors: readonly DataError[] }) {
  return (
    <ul className="import-errors">
      {errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (
        <li key={formatDataError(e)}>{formatDataError(e)}</li>
      ))}
      {errors.length > MAX_ERRORS_SHOWN && <li>…and {errors.length - MAX_ERRORS_SHOWN} more</li>}
    </ul>
  );
}

export function ImportPanel() {
  const batches = useApp((s) => s.claimBatches);
  const failedStored = useApp((s) => s.failedStored);
  const claimOutcomes = useApp((s) => s.claimOutcomes);
  const areaOutcomes = useApp((s) => s.areaOutcomes);
  const outcomes = [...claimOutcomes, ...areaOutcomes];
  const storageNotices = useApp((s) => s.storageNotices);
  const unreadable = useApp((s) => s.unreadableStored);
  const areaFiles = useApp((s) => s.areaFiles);
  const progress = useApp((s) => s.areaProgress);
  const onRemove = useApp((s) => s.removeBatch);
  const onRemoveArea = useApp((s) => s.removeArea);
  const onRemoveUnreadable = useApp((s) => s.removeUnreadable);
  const onRemoveAll = useApp((s) => s.removeAllImports);
  const [confirmingRemoveAll, setConfirmingRemoveAll] = useState(false);
  const fileCount = batches.length + areaFiles.length + failedStored.length + unreadable.length;
  const onFiles = useImportFiles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import claims and area maps</h2>
      <p className="hint">
        Claims in the app's schema (data/README.md), DeepState map snapshots, ISW layer files, or areas in the app's
        schema. Pick files or drop them on the page; a file with any error is not imported at all.
      </p>
      <input
        id={inputId}
        ref={input}
        className="visually-hidden"
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        multiple
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length) onFiles(files);
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="file-button">
        Choose files…
      </label>
      {progress && (
        <div className="import-progress" role="status">
          <label>
            {progress.restoring ? 'Restoring files imported earlier: ' : 'Importing '}
            {progress.done} of {progress.total} file{progress.total === 1 ? '' : 's'}…{' '}
            <progress max={progress.total} value={progress.done} />
          </label>
        </div>
      )}
      {outcomes.length > 0 && (
        <div className="import-outcomes" role="status" aria-live="polite">
          {outcomes.map((o) =>
            o.ok ? (
              <p key={o.fileName} className="import-ok">
                Imported {o.count} {o.unit}
                {o.count === 1 ? '' : 's'} from {o.fileName}.
              </p>
            ) : (
              <div key={o.fileName} className="import-failed" role="alert">
                <p>
                  Nothing imported from {o.fileName}: {o.errors.length} error{o.errors.length === 1 ? '' : 's'}.
                </p>
                <ErrorList errors={o.errors} />
              </div>
            ),
          )}
        </div>
      )}
      {storageNotices.map((notice) => (
        <p key={notice} className="import-failed" role="alert">
          {notice}
        </p>
      ))}
      {(batches.length > 0 || areaFiles.length > 0) && (
        <ul className="import-batches" aria-label="Imported files">
          {batches.map((b) => (
            <li key={b.id}>
              <span>
                {b.fileName}: {b.claims.length} claim{b.claims.length === 1 ? '' : 's'}
              </span>
              <button type="button" onClick={() => onRemove(b.id)} aria-label={`Remove imported file ${b.fileName}`}>
                Remove
              </button>
            </li>
          ))}
          {areaFiles.map((a) => (
            <li key={a.id}>
              <span>
                {a.fileName}: area map, {a.snapshot.claims.length} polygon{a.snapshot.claims.length === 1 ? '' : 's'}
              </span>
              <button
                type="button"
                onClick={() => onRemoveArea(a.snapshot)}
                aria-label={`Remove imported file ${a.fileName}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {failedStored.map((f) => (
        <div key={f.stored.id} className="import-failed" role="alert">
          <p>A file imported earlier, {f.stored.fileName}, no longer fits the data and is not shown:</p>
          <ErrorList errors={f.errors} />
          <button type="button" onClick={() => onRemove(f.stored.id)}>
            Remove it
          </button>
        </div>
      ))}
      {unreadable.map((u) => (
        <div key={String(u.key)} className="import-failed" role="alert">
          <p>{u.label}, stored on an earlier visit, could not be read and is not shown.</p>
          <button type="button" onClick={() => onRemoveUnreadable(u.key)}>
            Remove it
          </button>
        </div>
      ))}
      {fileCount > 0 && (
        <div className="panel-actions">
          {confirmingRemoveAll ? (
            <p role="alert">
              Remove all {fileCount} imported file{fileCount === 1 ? '' : 's'} from this browser?{' '}
              <button
                type="button"
                onClick={() => {
                  setConfirmingRemoveAll(false);
                  void onRemoveAll();
                }}
              >
                Yes, remove all
              </button>{' '}
              <button type="button" onClick={() => setConfirmingRemoveAll(false)}>
                Cancel
              </button>
            </p>
          ) : (
            <button type="button" onClick={() => setConfirmingRemoveAll(true)}>
              Remove all…
            </button>
          )}
        </div>
      )}
    </section>
  );
}
