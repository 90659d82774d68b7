import { memo, useId, useRef, useState } from 'react';
import { type DataError, formatDataError } from '../claims/errors';
import type { Store } from '../state/store';
import { currentLang, useT } from './i18n';
import { storageNoticeText } from './notices';
import { useApp } from './useApp';
import { useImportFiles } from './useImportFiles';

const MAX_ERRORS_SHOWN = 50;

/** The checker's errors, as it words them (in English: they name fields of the schema). */
function ErrorList({ errors }: { errors: readonly DataError[] }) {
  const t = useT();
  return (
    <ul className="import-errors">
      {errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (
        <li key={formatDataError(e)}>{formatDataError(e)}</li>
      ))}
      {errors.length > MAX_ERRORS_SHOWN && <li>{t('import.more', { n: errors.length - MAX_ERRORS_SHOWN })}</li>}
    </ul>
  );
}

type AreaFile = Store['areaFiles'][number];

/**
 * One imported area map in the list. Memoised: an archive's import adds files in batches, and the list's
 * earlier rows (hundreds, each worded with a plural) are not worded again for every batch.
 */
const AreaFileRow = memo(function AreaFileRow({
  file,
  onRemove,
}: {
  file: AreaFile;
  onRemove: (snapshot: AreaFile['snapshot']) => void;
}) {
  const t = useT();
  return (
    <li>
      <span>{t('import.areaMap', { file: file.fileName, count: file.snapshot.claims.length })}</span>
      <button
        type="button"
        onClick={() => onRemove(file.snapshot)}
        aria-label={t('import.removeFile', { file: file.fileName })}
      >
        {t('import.remove')}
      </button>
    </li>
  );
});

type Outcomes = Store['areaOutcomes'];

/**
 * What the last imports gave, a line per file. Memoised: while an archive imports, the progress moves every
 * quarter second, and the previous import's hundreds of lines are not worded again each time.
 */
const ImportOutcomes = memo(function ImportOutcomes({
  claimOutcomes,
  areaOutcomes,
}: {
  claimOutcomes: Outcomes;
  areaOutcomes: Outcomes;
}) {
  const t = useT();
  // The checker's errors are worded in English: the other languages say so.
  const englishNote = currentLang() !== 'en';
  const outcomes = [...claimOutcomes, ...areaOutcomes];
  return (
    outcomes.length > 0 && (
      <div className="import-outcomes" role="status" aria-live="polite">
        {outcomes.map((o) =>
          o.ok ? (
            <p key={o.fileName} className="import-ok">
              {t(o.unit === 'claim' ? 'import.imported.claim' : 'import.imported.polygon', {
                count: o.count,
                file: o.fileName,
              })}
            </p>
          ) : (
            <div key={o.fileName} className="import-failed" role="alert">
              <p>{t('import.nothing', { file: o.fileName, count: o.errors.length })}</p>
              {englishNote && <p className="hint">{t('import.errorsInEnglish')}</p>}
              <ErrorList errors={o.errors} />
            </div>
          ),
        )}
      </div>
    )
  );
});

export function ImportPanel() {
  const batches = useApp((s) => s.claimBatches);
  const failedStored = useApp((s) => s.failedStored);
  const claimOutcomes = useApp((s) => s.claimOutcomes);
  const areaOutcomes = useApp((s) => s.areaOutcomes);
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
  const t = useT();
  // The checker's errors and storage problems are worded in English: the other languages say so.
  const englishNote = currentLang() !== 'en';
  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p className="hint">{t('import.hint')}</p>
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
        {t('import.choose')}
      </label>
      {progress && (
        <div className="import-progress" role="status">
          <label>
            {t(progress.restoring ? 'import.restoring' : 'import.importing', {
              done: progress.done,
              total: progress.total,
            })}{' '}
            <progress max={progress.total} value={progress.done} />
          </label>
        </div>
      )}
      <ImportOutcomes claimOutcomes={claimOutcomes} areaOutcomes={areaOutcomes} />
      {storageNotices.map((notice) => {
        const text = storageNoticeText(notice);
        return (
          <p key={text} className="import-failed" role="alert">
            {text}
          </p>
        );
      })}
      {(batches.length > 0 || areaFiles.length > 0) && (
        <ul className="import-batches" aria-label={t('import.files')}>
          {batches.map((b) => (
            <li key={b.id}>
              <span>{t('import.claims', { file: b.fileName, count: b.claims.length })}</span>
              <button
                type="button"
                onClick={() => onRemove(b.id)}
                aria-label={t('import.removeFile', { file: b.fileName })}
              >
                {t('import.remove')}
              </button>
            </li>
          ))}
          {areaFiles.map((a) => (
            <AreaFileRow key={a.id} file={a} onRemove={onRemoveArea} />
          ))}
        </ul>
      )}
      {failedStored.map((f) => (
        <div key={f.stored.id} className="import-failed" role="alert">
          <p>{t('import.noLongerFits', { file: f.stored.fileName })}</p>
          {englishNote && <p className="hint">{t('import.errorsInEnglish')}</p>}
          <ErrorList errors={f.errors} />
          <button type="button" onClick={() => onRemove(f.stored.id)}>
            {t('import.removeIt')}
          </button>
        </div>
      ))}
      {unreadable.map((u) => (
        <div key={String(u.key)} className="import-failed" role="alert">
          <p>{t('import.unreadable', { label: u.label })}</p>
          <button type="button" onClick={() => onRemoveUnreadable(u.key)}>
            {t('import.removeIt')}
          </button>
        </div>
      ))}
      {fileCount > 0 && (
        <div className="panel-actions">
          {confirmingRemoveAll ? (
            <p role="alert">
              {t('import.confirmAll', { count: fileCount })}{' '}
              <button
                type="button"
                onClick={() => {
                  setConfirmingRemoveAll(false);
                  void onRemoveAll();
                }}
              >
                {t('import.yesAll')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmingRemoveAll(false)}>
                {t('import.cancel')}
              </button>
            </p>
          ) : (
            <button type="button" onClick={() => setConfirmingRemoveAll(true)}>
              {t('import.removeAll')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
