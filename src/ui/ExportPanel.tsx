import { useState } from 'react';
import { claimsInView, claimsToCsv, claimsToGeoJson, countClaimsInView } from '../claims/exportClaims';
import { download } from './download';
import { formatNumber, useT } from './i18n';
import { useApp } from './useApp';

export function ExportPanel() {
  const dataset = useApp((s) => s.dataset);
  const enabled = useApp((s) => s.sources);
  const date = useApp((s) => s.date);
  const t = useT();
  const [scope, setScope] = useState<'until' | 'all'>('until');
  const filter = { sources: enabled, until: scope === 'until' ? date : undefined };
  // The list is filtered and sorted when a file is asked for; a slider tick only counts.
  const count = countClaimsInView(dataset, filter);
  const base = `frontline-claims-${scope === 'until' ? `until-${date}` : 'all-dates'}`;
  return (
    <section className="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('export.heading')}</h2>
      <fieldset>
        <legend className="visually-hidden">{t('export.which')}</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'until'} onChange={() => setScope('until')} />{' '}
          {t('export.until', { date })}
        </label>{' '}
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
          {t('export.all')}
        </label>
      </fieldset>
      <p className="hint">{t('export.count', { count, n: formatNumber(count) })}</p>
      <div className="panel-actions">
        <button
          type="button"
          disabled={count === 0}
          onClick={() =>
            download(`${base}.geojson`, 'application/geo+json', claimsToGeoJson(claimsInView(dataset, filter)))
          }
        >
          GeoJSON
        </button>
        <button
          type="button"
          disabled={count === 0}
          onClick={() => download(`${base}.csv`, 'text/csv', claimsToCsv(claimsInView(dataset, filter), dataset))}
        >
          CSV
        </button>
      </div>
    </section>
  );
}
