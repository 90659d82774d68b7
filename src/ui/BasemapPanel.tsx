import { useState } from 'react';
import { BASEMAP_PRESETS, type BasemapPresetId, checkStyleUrl } from '../map/basemapChoice';
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
  const describe =
    choice.kind === 'builtin'
      ? 'Built-in offline basemap'
      : choice.kind === 'url'
        ? `Style: ${choice.url}`
        : choice.kind === 'preset'
          ? `${BASEMAP_PRESETS[choice.id].label}, from ${BASEMAP_PRESETS[choice.id].host}`
          : `PMTiles file: ${choice.fileName}`;
  return (
    <section className="basemap-panel" aria-labelledby="basemap-heading">
      <h2 id="basemap-heading">Basemap</h2>
      <p className="basemap-current">{describe}</p>
      {notice && (
        <p className="basemap-notice" role="alert">
          {notice}
        </p>
      )}
      <ul className="basemap-presets" aria-label="Online basemaps">
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
                Contacts {preset.host} (tiles of the area in view are requested from it). {preset.credit}.{' '}
                <a href={preset.terms} target="_blank" rel="noopener noreferrer">
                  Terms
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
          if (!checked.ok) return setError(`Style URL refused: ${checked.error}.`);
          setError(null);
          onChoose({ kind: 'url', url: checked.url });
        }}
      >
        <label>
          MapLibre style URL{' '}
          <input
            type="url"
            name="style-url"
            value={url}
            placeholder="https://…/style.json"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>{' '}
        <button type="submit">Use style</button>
      </form>
      {error && <p className="basemap-notice">{error}</p>}
      <label>
        Open a .pmtiles file{' '}
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
          Use the built-in basemap
        </button>
      </div>
      <p className="hint">
        The accurate border and the app's markers stay on top of any basemap. Nothing is requested from another server
        until you choose an online basemap or a style URL; the choice is remembered on this computer, never put in a
        link. A PMTiles file is read locally.
      </p>
    </section>
  );
}
