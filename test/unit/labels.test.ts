/**
 * The map's labels per language (src/map/labels.ts): the built-in style's rivers and towns and the app's
 * place labels pick the language's name and fall back to English; a foreign style's labels prefer the
 * tiles' `name:uk` / `name:ru` and keep the style's own label otherwise, and are untouched in English.
 */
import { describe, expect, it } from 'vitest';
import { appLayers } from '../../src/map/appLayers';
import { basemapStyle } from '../../src/map/basemapStyle';
import { foreignLabelField, placeLabelField } from '../../src/map/labels';

const textField = (layers: { id: string; layout?: unknown }[], id: string) =>
  (layers.find((l) => l.id === id)?.layout as Record<string, unknown> | undefined)?.['text-field'];

describe('map labels', () => {
  it('the built-in basemap names the rivers and towns in the language, English where it has no name', () => {
    const { layers } = basemapStyle('http://localhost/', 'uk');
    expect(textField(layers, 'river-labels')).toEqual(['coalesce', ['get', 'name_uk'], ['get', 'name']]);
    expect(textField(layers, 'town-labels')).toEqual(['coalesce', ['get', 'nameUk'], ['get', 'name']]);
    expect(textField(basemapStyle('http://localhost/', 'ru').layers, 'town-labels')).toEqual([
      'coalesce',
      ['get', 'nameRu'],
      ['get', 'name'],
    ]);
    expect(textField(basemapStyle('http://localhost/').layers, 'river-labels')).toEqual(['get', 'name']);
  });

  it("the app's place labels use the record's name in the language and its own suffix", () => {
    const field = placeLabelField({ lang: 'ru', approx: ' (прибл.)' });
    expect(field).toEqual([
      'concat',
      ['coalesce', ['get', 'name_ru'], ['get', 'name_en']],
      ['case', ['get', 'approximate'], ' (прибл.)', ''],
    ]);
    expect(textField(appLayers(), 'place-labels')).toEqual([
      'concat',
      ['get', 'name_en'],
      ['case', ['get', 'approximate'], ' (approx.)', ''],
    ]);
  });

  it("a foreign style's labels prefer the language's name, from an expression or a token string", () => {
    expect(foreignLabelField(['get', 'name:latin'], 'en')).toBeUndefined();
    expect(foreignLabelField('{ref}', 'uk')).toBeUndefined();
    expect(foreignLabelField(['get', 'name:latin'], 'uk')).toEqual([
      'coalesce',
      ['get', 'name:uk'],
      ['get', 'name:latin'],
    ]);
    expect(foreignLabelField('{name:latin}\n{name:nonlatin}', 'ru')).toEqual([
      'coalesce',
      ['get', 'name:ru'],
      ['concat', ['to-string', ['get', 'name:latin']], '\n', ['to-string', ['get', 'name:nonlatin']], ''],
    ]);
  });
});
