import { fullAppSearch } from '../state/embed';
import { useT } from './i18n';
import { MapDock } from './MapDock';
import { MapPane } from './MapPane';
import { MapsProvider } from './maps';
import { Notices } from './Notices';
import { SliderBar } from './SliderBar';
import { useApp } from './useApp';
import './embed.css';

/** The enabled sources in one line: how many of all, and their short names. */
function SourceSummary() {
  const all = useApp((s) => s.dataset.sources);
  const enabled = useApp((s) => s.sources);
  const t = useT();
  const names = all.filter((s) => enabled.has(s.id)).map((s) => s.shortName);
  return (
    <p className="embed-sources">
      {t('embed.sources', { n: names.length, total: all.length, names: names.join(', ') || t('embed.noSources') })}
    </p>
  );
}

/**
 * The app framed in another site's page (`embed=1`): the map with its legend key, the date slider, which
 * sources are on, and a link to the full app at what the frame shows. No side tabs, no place panel, no
 * story offer, no storage prompts: what a reader of an article needs, nothing to manage.
 */
export function EmbedApp() {
  const full = useApp((s) => fullAppSearch(s, s.ctx));
  const t = useT();
  return (
    <MapsProvider>
      <div className="app embedded">
        <header className="embed-header">
          <h1 className="visually-hidden">{t('app.title')}</h1>
          <SourceSummary />
          <a className="embed-open" href={new URL(full, document.baseURI).href} target="_blank" rel="noopener">
            {t('embed.open')}
          </a>
        </header>
        <Notices />
        <main className="map-area">
          <div className="compare-side">
            <MapPane side={1} />
            <MapDock legendOnly />
          </div>
        </main>
        <SliderBar />
      </div>
    </MapsProvider>
  );
}
