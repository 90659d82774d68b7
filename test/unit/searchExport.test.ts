import { describe, expect, it } from 'vitest';
import { claimsInView, claimsToCsv, claimsToGeoJson, csvCell } from '../../src/claims/exportClaims';
import { parseClaims } from '../../src/claims/schema';
import { searchPlaces } from '../../src/claims/search';
import { claim, dataset, place } from './factories';

const konopelka = place('cherkasskaya-konopelka', {
  names: {
    en: 'Cherkasskaya Konopelka',
    ru: 'Черкасская Конопелька',
    uk: 'Черкаська Конопелька',
    alt: ["Cherkasskaya Konopel'ka"],
  },
});
const sudzha = place('sudzha', { names: { en: 'Sudzha', ru: 'Суджа', uk: 'Суджа', alt: ['Sudža'] } });
const ulanok = place('ulanok', { names: { en: 'Ulanok', ru: 'Уланок', uk: 'Уланок', alt: ['Ulanka'] } });
const places = [konopelka, sudzha, ulanok];
const ids = (q: string) => searchPlaces(places, q).map((m) => m.place.id);

describe('searchPlaces', () => {
  it('finds a place by its Cyrillic, Ukrainian or Latin name, case- and accent-insensitively', () => {
    expect(ids('Черкасская')).toEqual(['cherkasskaya-konopelka']);
    expect(ids('черкаська конопелька')).toEqual(['cherkasskaya-konopelka']);
    expect(ids('SUDZA')).toEqual(['sudzha']);
    expect(ids('konopelka')).toEqual(['cherkasskaya-konopelka']);
  });
  it('tolerates transliteration variants of adjective endings and apostrophes', () => {
    expect(ids('Cherkasskoye Konopelka')).toEqual(['cherkasskaya-konopelka']);
    expect(ids('konopelka cherkasskoe')).toEqual(['cherkasskaya-konopelka']);
    expect(ids('Konopel’ka')).toEqual(['cherkasskaya-konopelka']);
  });
  it('says which name matched and finds nothing for unrelated words', () => {
    expect(searchPlaces(places, 'ulanka')[0].matchedName).toBe('Ulanka');
    expect(ids('Kyiv')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });
});

describe('export', () => {
  const claims = [
    claim('isw', 'ulanok', '2025-02-07', 'contested', { summary: 'He said "no", then =1+1' }),
    claim('ru-mod', 'ulanok', '2025-02-06', 'russian', { imported: true }),
    claim('isw', 'sudzha', '2025-03-12', 'russian'),
  ];
  const data = dataset(claims);

  it('selects the enabled sources up to a date, in date order', () => {
    const inView = claimsInView(data, { sources: new Set(['isw', 'ru-mod']), until: '2025-02-07' });
    expect(inView.map((c) => c.statedDate)).toEqual(['2025-02-06', '2025-02-07']);
    expect(claimsInView(data, { sources: new Set(['isw']) })).toHaveLength(2);
  });

  it('writes GeoJSON that imports back in the same schema, without the imported flag', () => {
    const text = claimsToGeoJson(claims);
    const parsed = parseClaims('export.geojson', text);
    expect(parsed.ok && parsed.value.map((c) => c.id)).toEqual(claims.map((c) => c.id));
    expect(text).not.toContain('"imported"');
  });

  it('writes CSV with citations, quoting and formula-injection protection', () => {
    const csv = claimsToCsv(claims.slice(0, 1), data);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header.split(',')).toContain('citation_url');
    expect(row).toContain('"He said ""no"", then =1+1"');
    expect(row).toContain('https://example.org/a');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
