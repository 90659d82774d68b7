/**
 * What the UI shows of imported area maps, loaded on demand: it measures and compares polygons with
 * the area geometry (Clipper2, src/areas/ops.ts), which a view without area maps
 * never needs. Each part loads when it first renders; `preloadAreaViews` starts all of them when area
 * files are imported, so they have arrived by the time the import worker answers. A part that fails to
 * load says so in its panel (PanelBoundary).
 */
import { lazy } from 'react';

const loadAreasDetails = () => import('./AreasDetails');
const loadAreaChanges = () => import('./AreaChangesList');

/** The Areas panel once area maps are loaded. */
export const AreasDetails = lazy(() => loadAreasDetails().then((m) => ({ default: m.AreasDetails })));
/** The Changes panel's km² gained and lost per area map. */
export const AreaChangesList = lazy(() => loadAreaChanges().then((m) => ({ default: m.AreaChangesList })));

export function preloadAreaViews(): void {
  // Errors are reported where each part renders; here they would only be unhandled.
  const ignore = () => undefined;
  loadAreasDetails().catch(ignore);
  loadAreaChanges().catch(ignore);
}
