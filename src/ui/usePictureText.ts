import type { AgreementKey } from '../claims/agreement';
import { useT } from './i18n';
import type { PictureText } from './picture';

/** The words a picture or a timelapse frame carries (./picture.ts), in the interface's language. */
export function usePictureText(): { text: PictureText; keyLabel: (key: AgreementKey) => string } {
  const t = useT();
  return {
    text: {
      title: t('picture.title'),
      caption: (date, sources) => t('picture.caption', { date, sources: sources.join(', ') || t('picture.noSources') }),
      attribution: (credits) => t('picture.attribution', { credits }),
    },
    keyLabel: (key) => t(`agreement.${key}`),
  };
}
