import { Suspense } from 'react';
import { AreasDetails } from './areaViews';
import { useT } from './i18n';
import { useApp } from './useApp';

/** Area maps: a hint until some are imported, then the details (loaded on demand with the area tools). */
export function AreasPanel() {
  const hasAreas = useApp((s) => s.areas.length > 0);
  const date = useApp((s) => s.date);
  const t = useT();
  if (!hasAreas)
    return (
      <section className="areas-panel" aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t('panel.areas')}</h2>
        <p className="hint">{t('areas.noneLoaded')}</p>
      </section>
    );
  return (
    <Suspense
      fallback={
        <section className="areas-panel" aria-labelledby="areas-heading" aria-busy="true">
          <h2 id="areas-heading">{t('areas.on', { date })}</h2>
          <p className="hint" role="status">
            {t('areas.loading')}
          </p>
        </section>
      }
    >
      <AreasDetails />
    </Suspense>
  );
}
