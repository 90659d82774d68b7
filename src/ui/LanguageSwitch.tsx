import { LANGS } from '../state/appState';
import { LANG_NAMES, useT } from './i18n';
import { useApp } from './useApp';

/** The interface language, in the header: in the link (`lang=uk`, `lang=ru`) and remembered on this machine. */
export function LanguageSwitch() {
  const lang = useApp((s) => s.lang);
  const update = useApp((s) => s.update);
  const t = useT();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select name="lang" value={lang} onChange={(e) => update({ lang: e.target.value as typeof lang })}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
