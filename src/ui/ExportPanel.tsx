import { useState } from 'react';
import { claimsInView, claimsToCsv, claimsToGeoJson } from '../claims/exportClaims';
import type { Dataset, IsoDate } from '../claims/model';

interface Props {
  dataset: Dataset;
  enabled: ReadonlySet<string>;
  date: IsoDate;
}

function download(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportPanel({ dataset, enabled, date }: Props) {
  const [scope, setScope] = useState<'until' | 'all'>('until');
  const claims = claimsInView(dataset, { sources: enabled, until: scope === 'until' ? date : undefined });
  const base = `frontline-claims-${scope === 'until' ? `until-${date}` : 'all-dates'}`;
  return (
    <section className="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export claims in view</h2>
      <fieldset>
        <legend className="visually-hidden">Which dates</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'until'} onChange={() => setScope('until')} /> up
          to {date}
        </label>{' '}
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> all
          dates
        </label>
      </fieldset>
      <p className="hint">
        {claims.length} claim{claims.length === 1 ? '' : 's'} from the enabled sources, with citations.
      </p>
      <div className="panel-actions">
        <button
          type="button"
          disabled={claims.length === 0}
          onClick={() => download(`${base}.geojson`, 'application/geo+json', claimsToGeoJson(claims))}
        >
          GeoJSON
        </button>
        <button
          type="button"
          disabled={claims.length === 0}
          onClick={() => download(`${base}.csv`, 'text/csv', claimsToCsv(claims, dataset))}
        >
          CSV
        </button>
      </div>
    </section>
  );
}
