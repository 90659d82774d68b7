import { useEffect, useRef } from 'react';
import { AboutData } from './AboutData';
import { useT } from './i18n';
import { useApp } from './useApp';

/** "About the data" from the header: a modal dialog (Escape or the button closes it, focus returns). */
export function AboutDataButton() {
  const dataset = useApp((s) => s.dataset);
  const open = useApp((s) => s.aboutOpen);
  const update = useApp((s) => s.update);
  const dialog = useRef<HTMLDialogElement>(null);
  const t = useT();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <button type="button" className="header-toggle" onClick={() => update({ aboutOpen: true })}>
        {t('app.aboutData')}
      </button>
      <dialog
        ref={dialog}
        className="about-dialog"
        aria-label={t('app.aboutData')}
        onClose={() => update({ aboutOpen: false })}
      >
        {open && <AboutData dataset={dataset} />}
        <form method="dialog">
          <button type="submit">{t('common.close')}</button>
        </form>
      </dialog>
    </>
  );
}
