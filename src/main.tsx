import stories from 'virtual:bundled-stories';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadBundledDataset } from './data/bundled';
import { bindAreaTimeline } from './state/areaTimeline';
import { readBasemapChoice } from './state/basemapChoice';
import { restoreImports } from './state/importStore';
import { createAppStore } from './state/store';
import { bindUrl } from './state/urlSync';
import { App } from './ui/App';
import { preloadAreaViews } from './ui/areaViews';
import { DataErrors } from './ui/DataErrors';
import { bindLanguage, rememberedLang } from './ui/i18n';
import { SMALL_SCREEN_QUERY } from './ui/smallScreen';
import { storyOfferDeclined } from './ui/storyOffer';
import { AppProvider } from './ui/useApp';
import './ui/app.css';

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
const root = createRoot(element);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
const dataset = loadBundledDataset();
if (!dataset.ok) render(<DataErrors errors={dataset.errors} />);
else {
  const bundled = dataset.value;
  // Claims imported on an earlier visit are checked before the first render, so the app starts with them
  // (and with the dates they add to the slider); the checker is loaded only when some are stored. Area
  // maps imported earlier go through the import worker again once the app is up.
  void restoreImports(bundled).then((restored) => {
    const store = createAppStore({
      bundled,
      stories,
      restored,
      search: window.location.search,
      offerStory: window.location.search === '' && !storyOfferDeclined(),
      basemap: readBasemapChoice(),
      openPmtiles: (file) => import('./map/pmtilesBasemap').then(({ pmtilesStyle }) => pmtilesStyle(file)),
      lang: rememberedLang(),
      smallScreen: window.matchMedia(SMALL_SCREEN_QUERY).matches,
    });
    bindLanguage(store);
    bindUrl(store);
    bindAreaTimeline(store);
    render(
      <AppProvider store={store}>
        <App />
      </AppProvider>,
    );
    if (restored.areaFiles.length) {
      preloadAreaViews();
      void store.getState().restoreAreaFiles(restored.areaFiles);
    }
  });
}
