/**
 * `npx tsx scripts/make-hostile-corpus.ts`: write the bad-file corpus to test/fixtures/hostile/.
 *
 * Each file is something a user (or an attacker) could hand the import: broken JSON, wrong shapes, bad
 * references, impossible dates, hostile URLs and keys, binary data. `manifest.json` says, for each file,
 * whether it must be refused (and with which message, on which field) or may be imported as plain text.
 * test/unit/hostile-corpus.test.ts checks every entry; test/e2e/robustness.spec.ts imports a sample.
 * The outputs are committed; files too big to commit (over 5 MB, millions of items) are made by the tests.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'test', 'fixtures', 'hostile');

export interface ManifestEntry {
  file: string;
  /** What the file tries. */
  about: string;
  /** Which parser the file is for: claim import (the default) or a places file. */
  parser?: 'claims' | 'places';
  /** `error`: must be refused; `ok`: acceptable, imported as plain text. */
  expect: 'error' | 'ok';
  /** A substring of one error's message (for `error`). */
  message?: string;
  /** That error's field, exactly (`properties.statedDate`); absent for file-level errors. */
  field?: string;
  /** That error's feature index. */
  index?: number;
  /** Imported in the end-to-end sample. */
  e2e?: boolean;
}

const entries: ManifestEntry[] = [];
const files = new Map<string, Buffer>();

function add(file: string, content: string | Buffer, entry: Omit<ManifestEntry, 'file'>): void {
  if (files.has(file)) throw new Error(`duplicate corpus file ${file}`);
  files.set(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  entries.push({ file, ...entry });
}

/** A claim that is valid against the repo's dataset; each case breaks one thing. */
function claim(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    sourceId: 'isw',
    claimant: 'Hostile corpus (not a real statement)',
    placeIds: ['ulanok'],
    statedDate: '2025-02-10',
    status: 'contested',
    nature: 'assessment',
    summary: 'HOSTILE CORPUS: a test file, not a real claim.',
    evidence: { url: 'https://example.org/hostile', outlet: 'Test corpus', provenance: 'first-hand' },
    ...extra,
  };
}
const feature = (properties: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: null,
  properties,
  ...extra,
});
const collection = (features: unknown[]) => `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
const one = (properties: unknown) => collection([feature(properties)]);
const withEvidence = (id: string, evidence: Record<string, unknown>) =>
  one(
    claim(id, {
      evidence: { url: 'https://example.org/hostile', outlet: 'Test corpus', provenance: 'first-hand', ...evidence },
    }),
  );
const without = (key: string) => {
  const c = claim(`hostile-missing-${key.toLowerCase()}`);
  delete c[key];
  return one(c);
};
const good = one(claim('hostile-good'));

// ── Encoding and syntax ────────────────────────────────────────────────────────────────────────────────────────
add('empty.geojson', '', { about: 'an empty file', expect: 'error', message: 'the file is empty', e2e: true });
add('whitespace-only.geojson', ' \n\t\r\n ', {
  about: 'only whitespace',
  expect: 'error',
  message: 'the file is empty',
});
add(
  'binary-png.geojson',
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]),
  {
    about: 'a PNG image renamed .geojson (its header bytes)',
    expect: 'error',
    message: 'this is not a text file',
    e2e: true,
  },
);
add('utf16le-bom.geojson', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]), {
  about: 'a valid file saved as UTF-16 (as some Windows tools do)',
  expect: 'error',
  message: 'this is not a text file',
});
add(
  'latin1.geojson',
  Buffer.from(one(claim('hostile-latin1', { summary: 'Résumé in Latin-1, not UTF-8.' })), 'latin1'),
  {
    about: 'a file saved as Latin-1: é is one byte that is not UTF-8',
    expect: 'error',
    message: 'not a text file in UTF-8',
  },
);
add('utf8-bom.geojson', `\uFEFF${one(claim('hostile-utf8-bom'))}`, {
  about: 'a valid file with a UTF-8 byte-order mark (Notepad writes one): accepted, the decoder drops it',
  expect: 'ok',
});
add('csv.geojson', 'id,sourceId,status\nhostile-csv,isw,russian\n', {
  about: 'a CSV file',
  expect: 'error',
  message: 'not valid JSON',
});
add('truncated.geojson', good.slice(0, Math.floor(good.length * 0.6)), {
  about: 'a valid file cut off part-way (an interrupted download)',
  expect: 'error',
  message: 'not valid JSON',
  e2e: true,
});
add('trailing-comma.geojson', good.replace('"first-hand"', '"first-hand",'), {
  about: 'a trailing comma',
  expect: 'error',
  message: 'not valid JSON',
});
add('single-quotes.geojson', "{'type': 'FeatureCollection', 'features': []}", {
  about: 'single-quoted strings',
  expect: 'error',
  message: 'not valid JSON',
});
add('comments.geojson', `// exported by hand\n${good}`, {
  about: 'a // comment',
  expect: 'error',
  message: 'not valid JSON',
});
add('nan-literal.geojson', good.replace('"statedDate": "2025-02-10"', '"statedDate": NaN'), {
  about: 'a NaN literal (not JSON)',
  expect: 'error',
  message: 'not valid JSON',
});
add('html-page.geojson', '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n', {
  about: 'an HTML page saved as .geojson',
  expect: 'error',
  message: 'not valid JSON',
});
add('deep-array.geojson', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, {
  about: '100,000 nested lists',
  expect: 'error',
  message: 'nested more than 64 levels deep',
  e2e: true,
});
add('deep-object.geojson', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, {
  about: '100,000 nested objects',
  expect: 'error',
  message: 'nested more than 64 levels deep',
});
add(
  'deep-in-properties.geojson',
  good.replace('"summary":', `"note": ${'['.repeat(10_000)}${']'.repeat(10_000)},\n        "summary":`),
  { about: '10,000 nested lists inside a claim', expect: 'error', message: 'nested more than 64 levels deep' },
);
add('brackets-in-strings.geojson', one(claim('hostile-brackets', { summary: `${'[{'.repeat(200)} only text` })), {
  about: 'hundreds of brackets inside a string do not count as nesting: accepted as text',
  expect: 'ok',
});

// ── The shape of the file ──────────────────────────────────────────────────────────────────────────────────────
const notCollection = 'must be a GeoJSON FeatureCollection';
add('top-level-array.geojson', '[]\n', { about: 'a list', expect: 'error', message: notCollection });
add('top-level-null.geojson', 'null\n', { about: 'null', expect: 'error', message: notCollection });
add('top-level-string.geojson', '"FeatureCollection"\n', {
  about: 'a string',
  expect: 'error',
  message: notCollection,
});
add('top-level-infinity.geojson', '1e400\n', {
  about: 'a number too large for a double (parses as Infinity)',
  expect: 'error',
  message: `${notCollection}: {"type": "FeatureCollection", "features": [...]}, not Infinity (a number too large to hold)`,
});
add('single-feature.geojson', JSON.stringify(feature(claim('hostile-single')), null, 2), {
  about: 'one Feature without its FeatureCollection',
  expect: 'error',
  field: 'type',
  message: 'is a single Feature',
  e2e: true,
});
add('wrong-collection-type.geojson', JSON.stringify({ type: 'GeometryCollection', features: [] }), {
  about: 'a GeometryCollection',
  expect: 'error',
  field: 'type',
  message: 'must be "FeatureCollection", not "GeometryCollection"',
});
add('features-not-a-list.geojson', JSON.stringify({ type: 'FeatureCollection', features: {} }), {
  about: 'features is an object',
  expect: 'error',
  field: 'features',
  message: 'must be a list, not an object',
});
add('features-missing.geojson', JSON.stringify({ type: 'FeatureCollection' }), {
  about: 'no features',
  expect: 'error',
  field: 'features',
  message: 'is missing',
});
add('empty-collection.geojson', collection([]), {
  about: 'an empty FeatureCollection',
  expect: 'error',
  message: 'the file has no claims',
});
add('feature-is-number.geojson', collection([1]), {
  about: 'a feature that is a number',
  expect: 'error',
  index: 0,
  message: 'must be an object, not the number 1',
});
add('feature-is-null.geojson', collection([feature(claim('hostile-ok-first')), null]), {
  about: 'a null feature after a good one',
  expect: 'error',
  index: 1,
  message: 'must be an object, not null',
});
add('feature-wrong-type.geojson', collection([feature(claim('hostile-point-type'), { type: 'Point' })]), {
  about: 'a feature whose type is Point',
  expect: 'error',
  index: 0,
  field: 'type',
  message: 'must be "Feature", not "Point"',
});
add('properties-missing.geojson', collection([{ type: 'Feature', geometry: null }]), {
  about: 'a feature without properties',
  expect: 'error',
  field: 'properties',
  message: 'is missing',
});
add('properties-null.geojson', collection([feature(null)]), {
  about: 'properties: null',
  expect: 'error',
  field: 'properties',
  message: 'must be an object, not null',
});
add('many-bad-features.geojson', collection(Array.from({ length: 20_000 }, () => ({}))), {
  about: '20,000 empty features: checking stops after 100 errors instead of listing 100,000',
  expect: 'error',
  message: 'more than 100 errors: checking stopped',
  e2e: true,
});

// ── Geometry: claims have none ─────────────────────────────────────────────────────────────────────────────────
const noGeometry = 'must be null: a claim has no geometry';
const point = (coordinates: unknown) => ({ type: 'Point', coordinates });
add('geometry-point.geojson', collection([feature(claim('hostile-geom'), { geometry: point([35.33, 51.16]) })]), {
  about: 'a claim with a Point',
  expect: 'error',
  field: 'geometry',
  message: noGeometry,
  e2e: true,
});
add('geometry-out-of-range.geojson', collection([feature(claim('hostile-geom'), { geometry: point([200, 95]) })]), {
  about: 'a claim with a Point out of range',
  expect: 'error',
  field: 'geometry',
  message: noGeometry,
});
add(
  'geometry-string-coordinates.geojson',
  collection([feature(claim('hostile-geom'), { geometry: point(['35.33', '51.16']) })]),
  { about: 'a claim with string coordinates', expect: 'error', field: 'geometry', message: noGeometry },
);
add(
  'geometry-polygon.geojson',
  collection([
    feature(claim('hostile-geom'), {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [35.2, 51.1],
            [35.4, 51.1],
            [35.4, 51.2],
            [35.2, 51.1],
          ],
        ],
      },
    }),
  ]),
  { about: 'a claim with a Polygon (a front line)', expect: 'error', field: 'geometry', message: noGeometry },
);
add('geometry-missing.geojson', collection([{ type: 'Feature', properties: claim('hostile-geom') }]), {
  about: 'a claim without a geometry member',
  expect: 'error',
  field: 'geometry',
  message: noGeometry,
});
{
  const places = JSON.parse(readFileSync(join(root, 'data', 'places.geojson'), 'utf8')) as { features: unknown[] };
  add('places-file-as-claims.geojson', collection(places.features.slice(0, 2)), {
    about: 'the places file, imported as claims',
    expect: 'error',
    index: 0,
    field: 'geometry',
    message: noGeometry,
  });
}

// ── Missing fields and wrong types ─────────────────────────────────────────────────────────────────────────────
for (const key of ['id', 'sourceId', 'statedDate', 'evidence', 'summary'])
  add(`missing-${key.toLowerCase()}.geojson`, without(key), {
    about: `no ${key}`,
    expect: 'error',
    field: `properties.${key}`,
    message: 'is missing',
  });
add(
  'missing-evidence-url.geojson',
  one(claim('hostile-no-url', { evidence: { outlet: 'x', provenance: 'reported' } })),
  {
    about: 'evidence without url',
    expect: 'error',
    field: 'properties.evidence.url',
    message: 'is missing (must be text)',
  },
);
add('id-number.geojson', one(claim('x', { id: 7 })), {
  about: 'a numeric id',
  expect: 'error',
  field: 'properties.id',
  message: 'must be text, not the number 7',
});
add('place-ids-string.geojson', one(claim('hostile-place-string', { placeIds: 'ulanok' })), {
  about: 'placeIds is a string, not a list',
  expect: 'error',
  field: 'properties.placeIds',
  message: 'must be a list, not "ulanok"',
});
add('place-ids-empty.geojson', one(claim('hostile-place-empty', { placeIds: [] })), {
  about: 'no places',
  expect: 'error',
  field: 'properties.placeIds',
  message: 'must name at least one place',
});
add('status-unknown.geojson', one(claim('hostile-status', { status: 'liberated' })), {
  about: 'a status the app does not know',
  expect: 'error',
  field: 'properties.status',
  message: 'must be one of "ukrainian", "russian", "contested", "none", not "liberated"',
  e2e: true,
});
add('status-infinity.geojson', one(claim('hostile-status-inf')).replace('"status": "contested"', '"status": 1e400'), {
  about: 'a status that is a number too large for a double',
  expect: 'error',
  field: 'properties.status',
  message: 'not Infinity (a number too large to hold)',
});
add('nature-boolean.geojson', one(claim('hostile-nature', { nature: true })), {
  about: 'nature: true',
  expect: 'error',
  field: 'properties.nature',
  message: 'not true',
});
add('summary-object.geojson', one(claim('hostile-summary-obj', { summary: { en: 'text' } })), {
  about: 'a summary that is an object',
  expect: 'error',
  field: 'properties.summary',
  message: 'must be text, not an object',
});
add('summary-blank.geojson', one(claim('hostile-summary-blank', { summary: ' \n\t ' })), {
  about: 'a summary of whitespace',
  expect: 'error',
  field: 'properties.summary',
  message: 'must not be empty',
});
add('summary-too-long.geojson', one(claim('hostile-summary-long', { summary: 'Very long. '.repeat(1000) })), {
  about: 'an 11,000-character summary',
  expect: 'error',
  field: 'properties.summary',
  message: 'must be at most 600 characters',
});
add('also-reported-string.geojson', withEvidence('hostile-also-string', { alsoReportedAt: 'https://example.org/a' }), {
  about: 'alsoReportedAt is a string',
  expect: 'error',
  field: 'properties.evidence.alsoReportedAt',
  message: 'must be a list',
});
add('unknown-field.geojson', one(claim('hostile-extra', { verified: true })), {
  about: 'a field the schema does not have',
  expect: 'error',
  field: 'properties',
  message: 'unknown field "verified"',
});
add(
  'many-unknown-fields.geojson',
  one(claim('hostile-extras', Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, i])))),
  {
    about: '5,000 unknown fields: the message names ten',
    expect: 'error',
    field: 'properties',
    message: 'and 4990 more',
  },
);

// ── References to the loaded data ──────────────────────────────────────────────────────────────────────────────
add('unknown-source.geojson', one(claim('hostile-source', { sourceId: 'kremlin-tv' })), {
  about: 'a source that is not loaded',
  expect: 'error',
  field: 'properties.sourceId',
  message: 'unknown source "kremlin-tv"',
  e2e: true,
});
add('source-homoglyph.geojson', one(claim('hostile-homoglyph', { sourceId: 'іsw' })), {
  about: 'a source id with a Cyrillic і that looks like "isw"',
  expect: 'error',
  field: 'properties.sourceId',
  message: 'must be lower-case letters, digits and hyphens',
});
add('unknown-place.geojson', one(claim('hostile-place', { placeIds: ['ulanok', 'atlantis'] })), {
  about: 'a place that is not loaded',
  expect: 'error',
  field: 'properties.placeIds.1',
  message: 'unknown place "atlantis"',
  e2e: true,
});
add('unknown-conflict.geojson', one(claim('hostile-conflict', { conflictsWith: ['no-such-claim'] })), {
  about: 'conflictsWith a claim that does not exist',
  expect: 'error',
  field: 'properties.conflictsWith.0',
  message: 'unknown claim "no-such-claim"',
});
add('self-conflict.geojson', one(claim('hostile-self', { conflictsWith: ['hostile-self'] })), {
  about: 'a claim that conflicts with itself',
  expect: 'error',
  field: 'properties.conflictsWith.0',
  message: 'a claim cannot conflict with itself',
});
add('duplicate-ids.geojson', collection([feature(claim('hostile-twice')), feature(claim('hostile-twice'))]), {
  about: 'two claims with one id',
  expect: 'error',
  index: 1,
  field: 'properties.id',
  message: 'duplicate id "hostile-twice" (first used by feature 0)',
  e2e: true,
});
add('id-already-loaded.geojson', one(claim('s02-gerasimov-halted')), {
  about: 'the id of a claim in the shipped data',
  expect: 'error',
  field: 'properties.id',
  message: 'a claim with id "s02-gerasimov-halted" is already loaded',
});
add('id-path.geojson', one(claim('../../etc/passwd')), {
  about: 'an id that looks like a path',
  expect: 'error',
  field: 'properties.id',
  message: 'must be lower-case letters, digits and hyphens',
});
add('id-with-space.geojson', one(claim('Hostile Claim')), {
  about: 'an id with capitals and a space',
  expect: 'error',
  field: 'properties.id',
  message: 'must be lower-case letters, digits and hyphens',
});

// ── Dates ──────────────────────────────────────────────────────────────────────────────────────────────────────
const badDate = 'must be a real calendar date written YYYY-MM-DD';
const dates: [string, string, string][] = [
  ['date-feb-30.geojson', '2025-02-30', 'a day February does not have'],
  ['date-month-13.geojson', '2025-13-01', 'a thirteenth month'],
  ['date-unpadded.geojson', '2025-2-1', 'a date without leading zeros'],
  ['date-with-time.geojson', '2025-02-01T00:00:00Z', 'a timestamp, not a date'],
  ['date-zeros.geojson', '0000-00-00', 'day zero of month zero'],
  ['date-empty.geojson', '', 'an empty date'],
  ['date-day-first.geojson', '10-02-2025', 'day-month-year'],
];
for (const [file, statedDate, about] of dates)
  add(file, one(claim('hostile-date', { statedDate })), {
    about,
    expect: 'error',
    field: 'properties.statedDate',
    message: badDate,
    e2e: file === 'date-feb-30.geojson' ? true : undefined,
  });
add('date-number.geojson', one(claim('hostile-date-number', { statedDate: 20250210 })), {
  about: 'a date written as a number',
  expect: 'error',
  field: 'properties.statedDate',
  message: 'must be text, not the number 20250210',
});
add('refers-to-reversed.geojson', one(claim('hostile-range', { refersTo: { from: '2025-02-09', to: '2025-02-01' } })), {
  about: 'a range that ends before it starts',
  expect: 'error',
  field: 'properties.refersTo',
  message: 'starts (2025-02-09) after it ends',
});
add(
  'refers-to-feb-29.geojson',
  one(claim('hostile-range-leap', { refersTo: { from: '2025-02-29', to: '2025-03-01' } })),
  {
    about: '29 February of a year that is not a leap year',
    expect: 'error',
    field: 'properties.refersTo.from',
    message: badDate,
  },
);

// ── URLs ───────────────────────────────────────────────────────────────────────────────────────────────────────
const notHttp = 'must be an http(s) URL';
const urls: [string, string, string][] = [
  ['url-javascript.geojson', 'javascript:alert(document.cookie)', 'a javascript: URL'],
  ['url-javascript-mixed-case.geojson', ' \tJaVaScRiPt:alert(1)', 'a javascript: URL in mixed case after whitespace'],
  ['url-data.geojson', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'a data: URL holding HTML'],
  ['url-vbscript.geojson', 'vbscript:msgbox(1)', 'a vbscript: URL'],
  ['url-file.geojson', 'file:///etc/passwd', 'a file: URL'],
  ['url-protocol-relative.geojson', '//evil.example/x', 'a protocol-relative URL'],
  ['url-relative.geojson', '/api/delete?all=1', 'a URL relative to this site'],
];
for (const [file, url, about] of urls)
  add(file, withEvidence('hostile-url', { url }), {
    about,
    expect: 'error',
    field: 'properties.evidence.url',
    message: notHttp,
    e2e: file === 'url-javascript.geojson' ? true : undefined,
  });
add('also-reported-javascript.geojson', withEvidence('hostile-also-js', { alsoReportedAt: ['javascript:alert(1)'] }), {
  about: 'a javascript: URL among the other reports',
  expect: 'error',
  field: 'properties.evidence.alsoReportedAt.0',
  message: notHttp,
});

// ── Prototype pollution (written as text: an object literal's __proto__ would set the prototype instead) ──────
const protoKey = (json: string, at: string, key: string) =>
  json.replace(at, `"${key}": { "polluted": "yes", "prototype": { "polluted": "yes" } },\n        ${at}`);
add('proto-in-properties.geojson', protoKey(one(claim('hostile-proto')), '"id":', '__proto__'), {
  about: 'a __proto__ key in properties',
  expect: 'error',
  field: 'properties',
  message: 'unknown field "__proto__"',
  e2e: true,
});
add('constructor-in-properties.geojson', protoKey(one(claim('hostile-constructor')), '"id":', 'constructor'), {
  about: 'a constructor key in properties',
  expect: 'error',
  field: 'properties',
  message: 'unknown field "constructor"',
});
add('proto-in-evidence.geojson', protoKey(one(claim('hostile-proto-evidence')), '"url":', '__proto__'), {
  about: 'a __proto__ key in evidence',
  expect: 'error',
  field: 'properties.evidence',
  message: 'unknown field "__proto__"',
});
add('proto-in-feature.geojson', protoKey(one(claim('hostile-proto-feature')), '"type": "Feature"', '__proto__'), {
  about: 'a __proto__ key in a feature',
  expect: 'error',
  index: 0,
  message: 'unknown field "__proto__"',
});
add('proto-top-level.geojson', protoKey(one(claim('hostile-proto-top')), '"type": "FeatureCollection"', '__proto__'), {
  about:
    'a __proto__ key beside "features": GeoJSON allows foreign members there, so it is ignored (and pollutes nothing)',
  expect: 'ok',
});

// ── Markup and odd text: imported as plain text, never as HTML ─────────────────────────────────────────────────
add(
  'html-in-summary.geojson',
  one(claim('hostile-html-summary', { summary: '<img src=x onerror="alert(1)"><b>bold?</b>' })),
  {
    about: 'HTML with an event handler in the summary',
    expect: 'ok',
  },
);
add(
  'script-in-claimant.geojson',
  one(claim('hostile-script-claimant', { claimant: '</script><script>alert(document.domain)</script>' })),
  { about: 'a script element in the claimant', expect: 'ok' },
);
add(
  'html-in-outlet.geojson',
  withEvidence('hostile-html-outlet', { outlet: '<a href="javascript:alert(1)">Reuters</a>' }),
  { about: 'a javascript: link in the outlet name', expect: 'ok' },
);
add(
  'javascript-as-text.geojson',
  one(claim('hostile-js-text', { summary: 'javascript:alert(1) written in the text' })),
  {
    about: 'a javascript: URL in the text (shown, never linked)',
    expect: 'ok',
  },
);
add(
  'bidi-and-zero-width.geojson',
  one(
    claim('hostile-bidi', {
      summary: 'Ukrainian \u202Enaissur\u202C control\u200B\u200D\uFEFF (bidi override, zero-width)',
    }),
  ),
  { about: 'bidi overrides and zero-width characters in the text', expect: 'ok' },
);
add('long-claimant.geojson', one(claim('hostile-long-claimant', { claimant: 'X'.repeat(20_000) })), {
  about: 'a 20,000-character claimant: the schema has no limit there; shown as text, wrapped',
  expect: 'ok',
});

// ── Places-style coordinates (parsePlaces) ────────────────────────────────────────────────────────────────────
const place = (coordinates: unknown, precision: unknown = { kind: 'point', basis: 'test' }) =>
  collection([
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: {
        id: 'hostile-place',
        names: { en: 'Hostile', ru: 'Враждебный', uk: 'Ворожий', alt: [] },
        kind: 'village',
        precision,
      },
    },
  ]);
add('places-latitude-95.geojson', place([35.3, 95]), {
  about: 'latitude 95',
  parser: 'places',
  expect: 'error',
  field: 'geometry.coordinates.1',
  message: 'must be at most 90, not the number 95',
});
add('places-longitude-200.geojson', place([200, 51.1]), {
  about: 'longitude 200',
  parser: 'places',
  expect: 'error',
  field: 'geometry.coordinates.0',
  message: 'must be at most 180, not the number 200',
});
add('places-string-coordinates.geojson', place(['35.3', '51.1']), {
  about: 'coordinates written as strings',
  parser: 'places',
  expect: 'error',
  field: 'geometry.coordinates.0',
  message: 'must be a number, not "35.3"',
});
add('places-null-coordinates.geojson', place([null, null]), {
  about: 'null coordinates (what JSON.stringify makes of NaN)',
  parser: 'places',
  expect: 'error',
  field: 'geometry.coordinates.0',
  message: 'must be a number, not null',
});
add('places-infinite-coordinates.geojson', place([35.3, 51.1]).replace('35.3', '1e400'), {
  about: 'a longitude too large for a double (Infinity)',
  parser: 'places',
  expect: 'error',
  field: 'geometry.coordinates.0',
  message: 'must be a number, not Infinity',
});
add('places-three-coordinates.geojson', place([35.3, 51.1, 180]), {
  about: 'a third coordinate',
  parser: 'places',
  expect: 'error',
  field: 'geometry.coordinates',
  message: 'must have at most 2 items, not 3',
});
add('places-negative-radius.geojson', place([35.3, 51.1], { kind: 'estimate', radiusM: -5, basis: 'x' }), {
  about: 'a negative uncertainty radius',
  parser: 'places',
  expect: 'error',
  field: 'properties.precision.radiusM',
  message: 'must be more than 0, not the number -5',
});

// ── Write ──────────────────────────────────────────────────────────────────────────────────────────────────────
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const [file, content] of files) writeFileSync(join(outDir, file), content);
writeFileSync(
  join(outDir, 'manifest.json'),
  `${JSON.stringify({ about: 'Made by scripts/make-hostile-corpus.ts; do not edit by hand.', files: entries }, null, 2)}\n`,
);
console.log(`wrote ${files.size} files and manifest.json to ${outDir}`);
