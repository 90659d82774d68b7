import { Legend } from './Legend';
import { useApp } from './useApp';

/** The legend as a control on the map: open or folded (remembered in the link), over the map's corner. */
export function MapLegend() {
  const open = useApp((s) => s.legendOpen);
  const update = useApp((s) => s.update);
  return (
    <div className={open ? 'map-legend open' : 'map-legend'}>
      <button
        type="button"
        className="map-legend-toggle"
        aria-expanded={open}
        aria-controls="map-legend-body"
        onClick={() => update({ legendOpen: !open })}
      >
        {open ? 'Hide legend' : 'Legend'}
      </button>
      {/* Focusable, so a keyboard can scroll a long legend. */}
      <div id="map-legend-body" hidden={!open} tabIndex={0} role="region" aria-label="Legend">
        <Legend />
      </div>
    </div>
  );
}
