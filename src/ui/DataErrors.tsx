import { type DataError, formatDataError } from '../claims/errors';
import { currentLang, useT } from './i18n';

/** Shown instead of the map when the shipped data does not validate. */
export function DataErrors({ errors }: { errors: readonly DataError[] }) {
  const t = useT();
  return (
    <main className="data-errors" role="alert">
      <h1>{t('dataErrors.heading')}</h1>
      <p>{t('dataErrors.fix', { command: 'npm run data:check' })}</p>
      {currentLang() !== 'en' && <p className="hint">{t('dataErrors.inEnglish')}</p>}
      <ul>
        {errors.map((e) => (
          <li key={formatDataError(e)}>{formatDataError(e)}</li>
        ))}
      </ul>
    </main>
  );
}
