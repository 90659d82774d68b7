/**
 * Which words the map's labels show, per interface language: pure expressions that the adapter
 * (MapController.setLanguage) sets as `text-field` layout properties, so a language change never
 * rebuilds a source. Each label falls back to English where the data has no name in the language.
 */
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Lang } from '../common/types';

export interface LabelLanguage {
  lang: Lang;
  /** What follows an approximately placed place's name, in the language (" (approx.)"). */
  approx: string;
}

export const ENGLISH_LABELS: LabelLanguage = { lang: 'en', approx: ' (approx.)' };

/** The record's name in the language, else the English one (properties set by placeFeatures.ts). */
const nameIn = (lang: Lang, property: (lang: Lang) => string): ExpressionSpecification =>
  lang === 'en' ? ['get', property('en')] : ['coalesce', ['get', property(lang)], ['get', property('en')]];

/** The app's place labels: the name in the language, with the approximate suffix. */
export function placeLabelField({ lang, approx }: LabelLanguage): ExpressionSpecification {
  return ['concat', nameIn(lang, (l) => `name_${l}`), ['case', ['get', 'approximate'], approx, '']];
}

/** Rivers carry `name`, `name_uk`, `name_ru` (Natural Earth); towns `name` and `nameRu` (GeoNames). */
const BASEMAP_NAME: Record<'river-labels' | 'town-labels', (lang: Lang) => string> = {
  'river-labels': (l) => (l === 'en' ? 'name' : `name_${l}`),
  'town-labels': (l) => (l === 'ru' ? 'nameRu' : l === 'uk' ? 'nameUk' : 'name'),
};

type BasemapLabelLayer = keyof typeof BASEMAP_NAME;

/** The built-in basemap's label layers and what each shows in the language. */
export function basemapLabelFields(lang: Lang): Record<BasemapLabelLayer, ExpressionSpecification> {
  return {
    'river-labels': nameIn(lang, BASEMAP_NAME['river-labels']),
    'town-labels': nameIn(lang, BASEMAP_NAME['town-labels']),
  };
}

export type TextField = NonNullable<SymbolLayerSpecification['layout']>['text-field'];

/** `"{name:latin} {ref}"`, a legacy token string, as the expression it stands for. */
function tokensToExpression(text: string): ExpressionSpecification {
  const parts: (string | ExpressionSpecification)[] = text
    .split(/(\{[^}]+\})/)
    .filter((part) => part !== '')
    .map((part) => (/^\{[^}]+\}$/.test(part) ? ['to-string', ['get', part.slice(1, -1)]] : part));
  return ['concat', ...parts, ''];
}

/**
 * A foreign (OpenMapTiles-schema) style's label in the language: the tiles' `name:uk` / `name:ru`
 * where a feature has one, else what the style showed. English keeps the style's own label (undefined).
 */
export function foreignLabelField(original: TextField, lang: Lang): ExpressionSpecification | undefined {
  // A label that shows no name (a road's number in a shield) keeps showing what it showed.
  if (lang === 'en' || !JSON.stringify(original ?? '').includes('name')) return undefined;
  // A legacy zoom or property function is left as it is.
  const shown =
    typeof original === 'string' ? tokensToExpression(original) : Array.isArray(original) ? original : undefined;
  return shown && ['coalesce', ['get', `name:${lang}`], shown];
}
