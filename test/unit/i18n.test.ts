/**
 * The interface's languages stay complete: every key in English exists in Ukrainian and Russian and the
 * other way round, no string is empty, the placeholders match, and every `t('…')` key the components use
 * exists in English; no component writes a user-facing string itself (a scan of the JSX).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/locales/en';
import { ru } from '../../src/ui/locales/ru';
import { uk } from '../../src/ui/locales/uk';
import { flatten } from '../strings';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const languages = { uk: flatten(uk), ru: flatten(ru) };
const english = flatten(en);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

describe('interface strings', () => {
  for (const [lang, strings] of Object.entries(languages)) {
    it(`${lang} has every English key, and no other`, () => {
      expect([...english.keys()].filter((k) => !strings.has(k))).toEqual([]);
      expect([...strings.keys()].filter((k) => !english.has(k))).toEqual([]);
    });
    it(`${lang} has no empty strings and the same placeholders as English`, () => {
      for (const [key, text] of strings) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
      }
    });
  }

  it('English has no empty strings', () => {
    for (const [key, text] of english) expect(text.trim(), key).not.toBe('');
  });

  it("every t('…') key used in src/ui exists in English", () => {
    const used = new Set<string>();
    for (const file of tsxFiles('src/ui'))
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(50);
    // A plural is used by its base key (`t('export.count', { count })`) and stored as `export.count_one`, ….
    const exists = (k: string) => english.has(k) || english.has(`${k}_other`);
    expect([...used].filter((k) => !exists(k))).toEqual([]);
  });

  it('no component writes a user-facing string itself: JSX text and labelling attributes go through t()', () => {
    // Names that read the same in every language: formats and a site's own name.
    const sameInEveryLanguage = new Set(['GeoJSON', 'CSV', 'PNG', 'DeepStateMap.live']);
    const found: string[] = [];
    for (const file of tsxFiles('src/ui')) {
      const source = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
      // Text after a JSX tag, up to the next tag or expression; code (=, ;, brackets) is not text.
      for (const m of source.matchAll(
        /(?:<[A-Za-z][\w.]*(?:\s[^<>]*?)?(?<!=)>|<\/[\w.]*>)([^<>{}]*\p{L}[^<>{}]*)(?=[<{])/gu,
      )) {
        const text = m[1].trim();
        if (!/\p{L}/u.test(text) || /[=[\]]|&&|^[);,]|\($/.test(text) || sameInEveryLanguage.has(text)) continue;
        found.push(`${file}: ${text}`);
      }
      for (const m of source.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]*\p{L}[^"]*)"/gu))
        if (!/^https?:/.test(m[2])) found.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(found).toEqual([]);
  });

  it('every reason a link is ignored for has its string', async () => {
    const { LINK_WHY_KEYS } = await import('../../src/state/message');
    expect(LINK_WHY_KEYS.filter((k) => !english.has(`link.why.${k}`))).toEqual([]);
  });

  it('every plural has the forms each language needs', () => {
    const bases = [...english.keys()].filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));
    expect(bases.length).toBeGreaterThan(0);
    for (const [lang, strings] of Object.entries({ en: english, ...languages })) {
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of bases)
        for (const form of forms) expect(strings.has(`${base}_${form}`), `${lang} ${base}_${form}`).toBe(true);
    }
  });

  it('template keys resolve for every value they are built from', async () => {
    const { AGREEMENT_KEYS, STATUSES } = await import('../../src/map/palette');
    const { PRECISION_KINDS } = await import('../../src/map/precisionStyle');
    const { AREA_STATUSES } = await import('../../src/areas/model');
    const keys = [
      ...AGREEMENT_KEYS.map((k) => `agreement.${k}`),
      ...STATUSES.map((s) => `status.${s}`),
      ...AREA_STATUSES.map((s) => `areaStatus.${s}`),
      ...PRECISION_KINDS.flatMap((k) => [`precision.${k}.label`, `precision.${k}.description`]),
    ];
    expect(keys.filter((k) => !english.has(k))).toEqual([]);
  });
});
