import { useState } from 'react';
import { checkStyleUrl } from '../map/basemapChoice';
import { useApp } from './useApp';
import './features.css';

/** The built-in offline basemap, a MapLibre style URL, or a local .pmtiles file. */
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
        The accurate border and the app's markers stay on top of any basemap. A style URL sends requests to its server;
        a PMTiles file is read locally.
      </p>
    </section>
  );
}
