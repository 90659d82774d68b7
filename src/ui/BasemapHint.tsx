import { useState } from 'react';
import { useT } from './i18n';
import { rememberedFlag } from './remembered';
import { useApp } from './useApp';

/** From this zoom the built-in basemap has little but rivers and the border to show (docs/BASEMAP.md). */
const SPARSE_FROM_ZOOM = 11;
const dismissed = rememberedFlag('frontline-claims:basemap-hint-dismissed:v1');

/** Opens the Data tab (on a phone its sheet too, as a touch on the tab does) and brings the basemaps into view. */
function showBasemaps(): void {
  document.getElementById('tab-data')?.click();
  requestAnimationFrame(() => {
    const heading = document.getElementById('basemap-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.closest('section')?.querySelector<HTMLElement>('input, button, select')?.focus();
  });
}

/**
 * Close in, the built-in basemap shows only rivers and the border: a small hint says richer basemaps are in
 * the Data tab. Dismissed once, it stays dismissed on this machine.
 */
export function BasemapHint() {
  const t = useT();
  const sparse = useApp((s) => s.basemapStyle === null && s.view.zoom >= SPARSE_FROM_ZOOM);
  const [gone, setGone] = useState(() => dismissed.isSet());
  if (!sparse || gone) return null;
  return (
    <aside className="map-hint" aria-label={t('basemapHint.label')} data-map-overlay>
      <p>{t('basemapHint.text')}</p>
      <div className="panel-actions">
        <button type="button" onClick={showBasemaps}>
          {t('basemapHint.show')}
        </button>
        <button
          type="button"
          onClick={() => {
            dismissed.set();
            setGone(true);
          }}
        >
          {t('basemapHint.dismiss')}
        </button>
      </div>
    </aside>
  );
}
