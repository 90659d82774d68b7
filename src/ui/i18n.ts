/**
 * The interface languages: i18next, initialised once here with every language's strings bundled
 * (./locales/*.ts, no network). The store's `lang` (in the link as `lang=uk|ru`, remembered on this
 * machine) drives it: `bindLanguage` follows the store and sets `<html lang>`. Dates and numbers are
 * formatted for the language's locale with `Intl`. The record's claim summaries stay as written.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Place } from '../claims/model';
import type { Lang } from '../common/types';
import { isLang } from '../state/appState';
import type { AppStore } from '../state/store';
import { en } from './locales/en';

/** English ships with the first view; the other languages load when chosen (they are as large again). */
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<typeof en>> = {
  uk: () => import('./locales/uk').then((m) => m.uk),
  ru: () => import('./locales/ru').then((m) => m.ru),
};

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

/** The locale each language formats dates and numbers in. */
const LOCALE: Record<Lang, string> = { en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU' };

/** Each language's name in itself, for the switch. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', uk: 'Українська', ru: 'Русский' };

/** How a missing interface string is reported on the console. */
export const MISSING_KEY = 'Missing interface string:';

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'uk', 'ru'],
  resources: { en: { translation: en } },
  initAsync: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  // A key with no string in any language would show as the key itself: say so (e2e tests fail on it).
  saveMissing: true,
  missingKeyHandler: (languages, _namespace, key) =>
    console.error(`${MISSING_KEY} ${key} (${[languages].flat().join(', ')})`),
});

const STORAGE_KEY = 'frontline-claims:lang:v1';

/** The locale of the interface language, for `Intl`. */
export function currentLocale(): string {
  return LOCALE[currentLang()];
}

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'en';
}

/** The language chosen on an earlier visit, if any. */
export function rememberedLang(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Lang | undefined {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return isLang(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function loaded(lang: Lang): Promise<void> {
  if (lang === 'en' || i18next.hasResourceBundle(lang, 'translation')) return;
  i18next.addResourceBundle(lang, 'translation', await LOADERS[lang]());
}

function applyLang(lang: Lang, remember: boolean) {
  // Until a language's strings have loaded, the interface stays in the one it had (English at first).
  void loaded(lang)
    .then(() => {
      if (i18next.language !== lang) return i18next.changeLanguage(lang);
    })
    .catch((err: unknown) => console.warn(`Language ${lang} could not be loaded: ${String(err)}`));
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (!remember) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage blocked: the link still carries the language.
  }
}

/** The interface follows the store's `lang`: now, and on every change (remembered on this machine). */
export function bindLanguage(store: AppStore): () => void {
  applyLang(store.getState().lang, false);
  return store.subscribe((state, previous) => {
    if (state.lang !== previous.lang) applyLang(state.lang, true);
  });
}

/** The translation function; components re-render when the language changes. */
export function useT() {
  return useTranslation().t;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(month: 'long' | 'short'): Intl.DateTimeFormat {
  const locale = LOCALE[currentLang()];
  const key = `${locale} ${month}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** "3 February 2025", "3 лютого 2025 р.", "3 февраля 2025 г.". */
export function formatLongDate(date: string): string {
  return dateFormat('long').format(new Date(`${date}T00:00:00Z`));
}

/** A moment's UTC day, short: "3 Feb 2025", "3 лют. 2025 р.", "3 февр. 2025 г.". */
export function formatShortDay(time: Date): string {
  return dateFormat('short').format(time);
}

/** A number in the language's locale; English keeps its plain digits ("1234.5"), as the links and tests read them. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const lang = currentLang();
  return new Intl.NumberFormat(LOCALE[lang], { ...(lang === 'en' ? { useGrouping: false } : {}), ...options }).format(
    value,
  );
}

/** An area to a tenth of a km²: "1234.5 km²", "1 234,5 км²". */
export function formatKm2(value: number): string {
  const n = formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return i18next.t('unit.km2', { n });
}

/** A place's name in the interface language where the record has it, else its English name. */
export function placeName(place: Pick<Place, 'names'>, lang: Lang = currentLang()): string {
  return (lang !== 'en' && place.names[lang]) || place.names.en;
}
