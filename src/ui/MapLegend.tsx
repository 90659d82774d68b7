import { useState } from 'react';
import { useT } from './i18n';
import { Legend, LegendKey } from './Legend';
import { useApp } from './useApp';

/**
 * The legend as a control on the map: open or folded (remembered in the link), over the map's corner. Open,
 * it is a short key; the full legend (every source's colour, area fills, hatching, the kinds of circle)
 * opens on demand and closes again.
 */
export function MapLegend() {
  const open = useApp((s) => s.legendOpen);
  const update = useApp((s) => s.update);
  const [full, setFull] = useState(false);
  const t = useT();
  return (
    <div className={open ? 'map-legend open' : 'map-legend'} data-map-overlay data-legend={full ? 'full' : 'key'}>
      <div className="map-legend-bar">
        <button
          type="button"
          className="map-legend-toggle"
          aria-expanded={open}
          aria-controls="map-legend-body"
          onClick={() => update({ legendOpen: !open })}
        >
          {open ? t('legend.hide') : t('legend.show')}
        </button>
        {open && (
          <button
            type="button"
            className="map-legend-more"
            aria-expanded={full}
            aria-controls="map-legend-body"
            onClick={() => setFull(!full)}
          >
            {full ? t('legend.less') : t('legend.more')}
          </button>
        )}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (axe: scrollable-region-focusable) */}
      <section id="map-legend-body" hidden={!open} tabIndex={0} aria-label={t('legend.show')}>
        {full ? <Legend /> : <LegendKey />}
      </section>
    </div>
  );
}
