import { lazy, Suspense } from 'react';
import { AboutDataButton } from './AboutDataButton';
import { ClaimsTable } from './ClaimsTable';
import { DropZone } from './DropZone';
import { EmbedApp } from './EmbedApp';
import { useT } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { MapDock } from './MapDock';
import { MapPane } from './MapPane';
import { MapsProvider } from './maps';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { PlacePanelAside } from './PlacePanel';
import { SideTabs } from './SideTabs';
import { SliderBar } from './SliderBar';
import { useApp } from './useApp';

/** Loaded when first opened: the first view does without it. */
const TrackRecordView = lazy(() => import('./TrackRecordView'));

/** The layout: header, the side panel's tabs, the map (two side by side in compare mode), the place panel, the slider. */
export function App() {
  const compare = useApp((s) => s.compare);
  const tableOpen = useApp((s) => s.tableOpen);
  const track = useApp((s) => s.track);
  const update = useApp((s) => s.update);
  const embed = useApp((s) => s.embed);
  const t = useT();
  if (embed) return <EmbedApp />;
  return (
    <MapsProvider>
      <div className="app">
        <header className="app-header">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <AboutDataButton />
          <button
            type="button"
            className="header-toggle"
            data-view="table"
            aria-pressed={tableOpen}
            onClick={() => update({ tableOpen: !tableOpen })}
          >
            {t('app.claimsTable')}
          </button>
          <button
            type="button"
            className="header-toggle"
            data-view="track"
            aria-pressed={track !== null}
            onClick={() => update({ track: track ? null : 'deepstate' })}
          >
            {t('track.open')}
          </button>
          <LanguageSwitch />
        </header>
        <Notices />
        <DropZone />
        <SideTabs />
        <main
          className={['map-area', compare && 'comparing', tableOpen && 'with-table', track && 'with-track']
            .filter(Boolean)
            .join(' ')}
        >
          {/* Both sides are wrapped alike, so entering or leaving compare mode never remounts the first map. */}
          <div className="compare-side">
            <MapPane side={1} />
            <MapDock />
          </div>
          {compare && (
            <div className="compare-side">
              <MapPane side={2} />
            </div>
          )}
          {tableOpen && (
            <div className="table-side">
              <PanelBoundary name={t('app.claimsTable')}>
                <ClaimsTable />
              </PanelBoundary>
            </div>
          )}
          {track && (
            <div className="track-side">
              <PanelBoundary name={t('track.open')}>
                <Suspense fallback={<p className="hint">{t('track.loading')}</p>}>
                  <TrackRecordView />
                </Suspense>
              </PanelBoundary>
            </div>
          )}
        </main>
        <PlacePanelAside />
        <SliderBar />
      </div>
    </MapsProvider>
  );
}
