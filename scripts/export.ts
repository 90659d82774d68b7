/**
 * `npm run export -- [--format geojson|csv] [--sources a,b] [--until YYYY-MM-DD] [--out FILE]`
 * Exports the claims the app would show for those sources, as the UI's export does.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isValidIsoDate } from '../src/claims/dates';
import { claimsInView, claimsToCsv, claimsToGeoJson } from '../src/claims/exportClaims';
import { formatDataError } from '../src/claims/schema';
import { loadRepoDataset } from './lib/loadData';

function fail(message: string): never {
  console.error(`export: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    format: { type: 'string', default: 'geojson' },
    sources: { type: 'string' },
    until: { type: 'string' },
    out: { type: 'string' },
  },
});

const loaded = loadRepoDataset();
if (!loaded.ok) fail(`the data does not validate:\n${loaded.errors.map(formatDataError).join('\n')}`);
const dataset = loaded.value;

const known = dataset.sources.map((s) => s.id);
const sources = values.sources ? values.sources.split(',') : known;
const unknown = sources.filter((s) => !known.includes(s));
if (unknown.length) fail(`unknown source(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
if (values.until !== undefined && !isValidIsoDate(values.until))
  fail(`--until ${values.until} is not a YYYY-MM-DD date`);
if (values.format !== 'geojson' && values.format !== 'csv')
  fail(`--format must be geojson or csv, not ${values.format}`);

const claims = claimsInView(dataset, { sources: new Set(sources), until: values.until });
const text = values.format === 'csv' ? claimsToCsv(claims, dataset) : claimsToGeoJson(claims);
if (values.out) {
  writeFileSync(values.out, text);
  console.error(`export: wrote ${claims.length} claims to ${values.out}`);
} else process.stdout.write(text);
