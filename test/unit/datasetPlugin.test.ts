/**
 * The bundled data is checked at build time (scripts/lib/datasetPlugin.ts): a bad data file fails the build
 * with errors naming file, feature and field; a good one becomes a module holding exactly what the schema
 * parsed; the dev server shows the errors instead of failing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createLogger, createServer, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATASET_ID, bundledDataset } from '../../scripts/lib/datasetPlugin';
import { loadRepoDataset, repoRoot } from '../../scripts/lib/loadData';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A folder with a copy of the repo's data, `edit`ed, and an entry that imports the dataset. */
function project(edit: (files: { claims: { features: { properties: Record<string, unknown> }[] } }) => void) {
  const root = mkdtempSync(join(tmpdir(), 'dataset-plugin-'));
  roots.push(root);
  cpSync(join(repoRoot, 'data'), join(root, 'data'), { recursive: true });
  const claimsFile = join(root, 'data', 'claims.geojson');
  const claims = JSON.parse(readFileSync(claimsFile, 'utf8'));
  edit({ claims });
  writeFileSync(claimsFile, JSON.stringify(claims, null, 2));
  writeFileSync(join(root, 'entry.js'), `import dataset from '${BUNDLED_DATASET_ID}';\nexport { dataset };\n`);
  return root;
}

const importCode = (code: string) => import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

async function buildProject(root: string) {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [bundledDataset({ root })],
    build: { write: false, minify: false, lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'entry' } },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = (result as Rolldown.RolldownOutput).output.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('no chunk built');
  return chunk.code;
}

describe('bundled dataset, checked at build time', () => {
  it('fails the build on a bad data file, naming the file, the feature index and the field', async () => {
    const root = project(({ claims }) => {
      claims.features[3].properties.statedDate = '2025-02-30';
    });
    const failure = await buildProject(root).then(
      () => null,
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    expect(failure).toContain('the data files do not pass their checks');
    expect(failure).toContain(
      'data/claims.geojson › feature 3 › properties.statedDate: must be a real calendar date written YYYY-MM-DD',
    );
  }, 30_000);

  it('fails the build on a reference that does not resolve', async () => {
    const root = project(({ claims }) => {
      claims.features[7].properties.sourceId = 'nobody';
    });
    await expect(buildProject(root)).rejects.toThrow(
      'data/claims.geojson › feature 7 › properties.sourceId: unknown source "nobody"',
    );
  }, 30_000);

  it('emits exactly what the schema parsed, without shipping the schema', async () => {
    const code = await buildProject(project(() => {}));
    expect(code).not.toMatch(/zod|strictObject/);
    const { dataset } = await importCode(code);
    const parsed = loadRepoDataset();
    expect(parsed.ok).toBe(true);
    expect(dataset).toStrictEqual(parsed);
  }, 30_000);

  it('in the dev server, serves the errors for the page to list, and warns, instead of failing', async () => {
    const root = project(({ claims }) => {
      claims.features[2].properties.status = 'maybe';
    });
    const warnings: string[] = [];
    const customLogger = { ...createLogger('silent'), warn: (message: string) => void warnings.push(message) };
    const server = await createServer({
      root,
      configFile: false,
      customLogger,
      plugins: [bundledDataset({ root })],
      server: { middlewareMode: true, hmr: false, watch: null },
    });
    try {
      const served = await server.transformRequest(BUNDLED_DATASET_ID);
      if (!served) throw new Error('nothing served');
      const { default: dataset } = await importCode(served.code);
      expect(dataset.ok).toBe(false);
      expect(dataset.errors).toContainEqual({
        file: 'data/claims.geojson',
        index: 2,
        field: 'properties.status',
        message: 'must be one of "ukrainian", "russian", "contested", "none", not "maybe"',
      });
      expect(warnings.join('\n')).toContain('data/claims.geojson › feature 2 › properties.status: must be one of');
    } finally {
      await server.close();
    }
  }, 30_000);
});
