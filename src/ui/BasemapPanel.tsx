import { useState } from 'react';
import { BASEMAP_PRESETS, type BasemapPresetId, checkStyleUrl } from '../state/basemapChoice';
import { useT } from './i18n';
import { useApp } from './useApp';
import './features.css';

const PRESET_IDS = Object.keys(BASEMAP_PRESETS) as BasemapPresetId[];

/** The built-in offline basemap, a one-click online preset, a MapLibre style URL, or a local .pmtiles file. */
export function BasemapPanel() {
  const choice = useApp((s) => s.basemap);
  const notice = useApp((s) => s.basemapNotice);
  const onChoose = useApp((s) => s.chooseBasemap);
  const [url, setUrl] = useState(choice.kind === 'url' ? choice.url : '');
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const describe =
    choice.kind === 'builtin'
      ? t('basemap.builtin')
      : choice.kind === 'url'
        ? t('basemap.style', { url: choice.url })
        : choice.kind === 'preset'
          ? t('basemap.preset', { label: BASEMAP_PRESETS[choice.id].label, host: BASEMAP_PRESETS[choice.id].host })
          : t('basemap.pmtiles', { name: choice.fileName });
  return (
    <section className="basemap-panel" aria-labelledby="basemap-heading">
      <h2 id="basemap-heading">{t('panel.basemap')}</h2>
      <p className="basemap-current">{describe}</p>
      {notice && (
        <p className="basemap-notice" role="alert">
          {t(`basemap.notice.${notice.key}`, { ...notice.params })}
        </p>
      )}
      <ul className="basemap-presets" aria-label={t('basemap.online')}>
        {PRESET_IDS.map((id) => {
          const preset = BASEMAP_PRESETS[id];
          const active = choice.kind === 'preset' && choice.id === id;
          return (
            <li key={id}>
              <button
                type="button"
                aria-pressed={active}
                aria-describedby={`basemap-preset-${id}`}
                onClick={() => onChoose({ kind: 'preset', id })}
              >
                {preset.label}
              </button>
              <p id={`basemap-preset-${id}`} className="hint">
                {t('basemap.contacts', { host: preset.host })} {preset.credit}.{' '}
                <a href={preset.terms} target="_blank" rel="noopener noreferrer">
                  {t('basemap.terms')}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const checked = checkStyleUrl(url);
          if (!checked.ok) return setError(t('basemap.refused', { error: checked.error }));
          setError(null);
          onChoose({ kind: 'url', url: checked.url });
        }}
      >
        <label>
          {t('basemap.styleUrl')}{' '}
          <input
            type="url"
            name="style-url"
            value={url}
            placeholder="https://…/style.json"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>{' '}
        <button type="submit">{t('basemap.useStyle')}</button>
      </form>
      {error && <p className="basemap-notice">{error}</p>}
      <label>
        {t('basemap.openPmtiles')}{' '}
        <input
          type="file"
          name="pmtiles-file"
          accept=".pmtiles"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onChoose({ kind: 'pmtiles', fileName: file.name }, file);
            e.target.value = '';
          }}
        />
      </label>
      <div className="panel-actions">
        <button type="button" onClick={() => onChoose({ kind: 'builtin' })} disabled={choice.kind === 'builtin'}>
          {t('basemap.useBuiltin')}
        </button>
      </div>
      <p className="hint">{t('basemap.privacy')}</p>
    </section>
  );
}
