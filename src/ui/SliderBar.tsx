import { DateAnnouncer } from './DateAnnouncer';
import { DateSlider } from './DateSlider';
import { useT } from './i18n';
import { PanelBoundary } from './PanelBoundary';

/** The date slider along the bottom, and the announcement of each date for screen readers. */
export function SliderBar() {
  const t = useT();
  return (
    <>
      <DateAnnouncer />
      <footer className="slider-bar">
        <PanelBoundary name={t('panel.slider')}>
          <DateSlider />
        </PanelBoundary>
      </footer>
    </>
  );
}
