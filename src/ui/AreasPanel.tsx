import { Suspense } from 'react';
import { AreasDetails } from './areaViews';
import { useApp } from './useApp';

/** Area maps: a hint until some are imported, then the details (loaded on demand with the area tools). */
export function AreasPanel() {
  const hasAreas = useApp((s) => s.areas.length > 0);
  const date = useApp((s) => s.date);
  if (!hasAreas)
    return (
      <section className="areas-panel" aria-labelledby="areas-heading">
        <h2 id="areas-heading">Areas</h2>
        <p className="hint">
          No area maps loaded. Import DeepState map snapshots, ISW layer files or area files in the app's schema (above)
          to see who holds what, measured in km², and the front line.
        </p>
      </section>
    );
  return (
    <Suspense
      fallback={
        <section className="areas-panel" aria-labelledby="areas-heading" aria-busy="true">
          <h2 id="areas-heading">Areas on {date}</h2>
          <p className="hint" role="status">
            Loading the area tools…
          </p>
        </section>
      }
    >
      <AreasDetails />
    </Suspense>
  );
}
