import { useRef } from 'react';
import { BasemapHint } from './BasemapHint';
import { MapLegend } from './MapLegend';
import { StoryCard } from './StoryCard';
import { useMapFrame } from './useMapFrame';

/**
 * What lies over the first map, in one column at its left edge (full width on a small screen): the legend at
 * the top, a hint, the story card docked at the bottom. One column, so none can cover another; the map's
 * padding keeps them off the places in view (./useMapFrame.ts). An embedded map (`legendOnly`) has the legend.
 */
export function MapDock({ legendOnly = false }: { legendOnly?: boolean }) {
  const dock = useRef<HTMLDivElement>(null);
  useMapFrame(dock);
  return (
    <div className="map-dock" ref={dock} data-map-dock>
      <MapLegend />
      {!legendOnly && <BasemapHint />}
      {!legendOnly && <StoryCard />}
    </div>
  );
}
