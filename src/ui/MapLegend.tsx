import { useT } from './i18n';
import { Legend } from './Legend';
import { useApp } from './useApp';

/** The legend as a control on the map: open or folded (remembered in the link), over the map's corner. */
export function MapLegend() {
  const open = useApp((s) => s.legendOpen);
  const update = useApp((s) => s.update);
  const t = useT();
  return (
    <div className={open ? 'map-legend open' : 'map-legend'}>
      <button
        type="button"
        className="map-legend-toggle"
        aria-expanded={open}
        aria-controls="map-legend-body"
        onClick={() => update({ legendOpen: !open })}
      >
        {open ? t('legend.hide') : t('legend.show')}
      </button>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (axe: scrollable-region-focusable) */}
      <section id="map-legend-body" hidden={!open} tabIndex={0} aria-label={t('legend.show')}>
        <Legend />
      </section>
    </div>
  );
}
