import { type ComponentType, type KeyboardEvent, useRef, useState } from 'react';
import { SIDE_TABS, type SideTab } from '../state/appState';
import { AreasPanel } from './AreasPanel';
import { BasemapPanel } from './BasemapPanel';
import { ChangesPanel } from './ChangesPanel';
import { ComparePanel } from './ComparePanel';
import { DeepStateArchivePanel } from './DeepStateArchivePanel';
import { DisagreementsPanel } from './DisagreementsPanel';
import { EmbedPanel } from './EmbedPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { useT } from './i18n';
import type { en } from './locales/en';
import { PanelBoundary } from './PanelBoundary';
import { PicturePanel } from './PicturePanel';
import { PlaceSearch } from './PlaceSearch';
import { PlacesList } from './PlacesList';
import { SourcesPanel } from './SourcesPanel';
import { TimelapsePanel } from './TimelapsePanel';
import { OnScreen, useApp } from './useApp';

type Panels = readonly (readonly [keyof typeof en.panel, ComponentType])[];

/** Each tab's panels in reading order; each panel reads what it needs from the store. */
const TAB_PANELS: Record<SideTab, Panels> = {
  sources: [['sources', SourcesPanel]],
  places: [
    ['search', PlaceSearch],
    ['places', PlacesList],
    ['disagreements', DisagreementsPanel],
  ],
  changes: [
    ['changes', ChangesPanel],
    ['compare', ComparePanel],
  ],
  data: [
    ['import', ImportPanel],
    ['deepstate', DeepStateArchivePanel],
    ['areas', AreasPanel],
    ['basemap', BasemapPanel],
    ['picture', PicturePanel],
    ['embed', EmbedPanel],
    ['timelapse', TimelapsePanel],
    ['export', ExportPanel],
  ],
};

/** Where each key moves the selection, from tab `i` of `n` (WAI-ARIA tabs: arrows wrap, Home and End). */
const KEY_MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The side panel as tabs (the open one is in the store and the link). Inactive tabs stay mounted but
 * hidden, so what a panel holds (a search, an import's report) survives a look at another tab. On a
 * small screen the same element is a bottom sheet: the tab bar stays, the open tab folds away.
 */
export function SideTabs() {
  const tab = useApp((s) => s.tab);
  // Notices about stored imports (unreadable, failed on start, storage trouble) and the archive's are shown
  // in the Data tab: its tab says so from anywhere.
  const dataNeedsLook = useApp(
    (s) =>
      s.storageNotices.length > 0 ||
      s.unreadableStored.length > 0 ||
      s.failedStored.length > 0 ||
      s.archiveNotice !== null,
  );
  const update = useApp((s) => s.update);
  const t = useT();
  // Only a small screen folds the sheet; the choice is this screen's, so it is not in the link.
  const [sheetOpen, setSheetOpen] = useState(false);
  const buttons = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});

  const open = (next: SideTab) => {
    update({ tab: next });
    setSheetOpen(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const move = KEY_MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = SIDE_TABS[move(SIDE_TABS.indexOf(tab), SIDE_TABS.length)];
    open(next);
    buttons.current[next]?.focus();
  };

  return (
    <aside className={sheetOpen ? 'side-panel sheet-open' : 'side-panel'} aria-label={t('app.sidePanels')}>
      <div className="side-tabs-bar">
        <div role="tablist" aria-label={t('tabs.label')} className="side-tabs" onKeyDown={onKeyDown}>
          {SIDE_TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                buttons.current[name] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={name === tab}
              aria-controls={`tabpanel-${name}`}
              tabIndex={name === tab ? 0 : -1}
              onClick={() => open(name)}
            >
              {t(`tabs.${name}`)}
              {name === 'data' && dataNeedsLook && name !== tab && (
                <span className="tab-attention">
                  <span aria-hidden="true">!</span>
                  <span className="visually-hidden">{t('tabs.attention')}</span>
                </span>
              )}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="sheet-toggle"
          aria-expanded={sheetOpen}
          aria-controls={`tabpanel-${tab}`}
          onClick={() => setSheetOpen(!sheetOpen)}
        >
          {sheetOpen ? t('tabs.fold') : t('tabs.unfold')}
        </button>
      </div>
      {SIDE_TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`tabpanel-${name}`}
          aria-labelledby={`tab-${name}`}
          className="tab-panel"
          hidden={name !== tab}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel takes focus (WAI-ARIA tabs), and a scrolling region must (axe: scrollable-region-focusable)
          tabIndex={0}
        >
          <OnScreen visible={name === tab}>
            {TAB_PANELS[name].map(([panel, Panel]) => (
              <PanelBoundary key={panel} name={t(`panel.${panel}`)}>
                <Panel />
              </PanelBoundary>
            ))}
          </OnScreen>
        </div>
      ))}
    </aside>
  );
}
