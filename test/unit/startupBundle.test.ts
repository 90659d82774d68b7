/**
 * What the first view loads: the entry chunk, the chunks it imports, and the map module it loads at once.
 * None of it may hold what only an import, an area map, a chart or a foreign basemap needs; each of those
 * is loaded on demand (docs/ARCHITECTURE.md, "What loads when").
 */
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/loadData';

type Chunk = Rolldown.OutputChunk;

const ON_DEMAND = [
  /node_modules\/zod\//,
  /node_modules\/polyclip-ts\//,
  /node_modules\/bignumber\.js\//,
  /node_modules\/splaytree-ts\//,
  /node_modules\/uplot\//,
  /node_modules\/pmtiles\//,
  /node_modules\/@protomaps\//,
  /src\/claims\/schema\.ts$/,
  /src\/claims\/importClaims\.ts$/,
  /src\/areas\/(ops|measure|disagreement|frontline|basemap|detect)\.ts$/,
  /src\/ui\/(picture|AreasDetails|AreaChart|AreaChangesList)\.tsx?$/,
];

describe('start-up bundle', () => {
  it('loads no parser, geometry, chart or PMTiles code before the first map idle', async () => {
    const output = await build({
      configFile: join(repoRoot, 'vite.config.ts'),
      root: repoRoot,
      logLevel: 'silent',
      build: { write: false, sourcemap: false, minify: false },
    });
    const [result] = Array.isArray(output) ? output : [output];
    const chunks = (result as Rolldown.RolldownOutput).output.filter((o): o is Chunk => o.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const entry = chunks.find((c) => c.isEntry);
    const map = chunks.find((c) => c.facadeModuleId?.endsWith('/src/map/MapController.ts'));
    expect(entry).toBeDefined();
    expect(map).toBeDefined();
    // The map module is imported as the app starts; the rest of the dynamic imports wait for the user.
    const startup = new Set<Chunk>();
    const visit = (chunk: Chunk | undefined) => {
      if (!chunk || startup.has(chunk)) return;
      startup.add(chunk);
      for (const name of chunk.imports) visit(byName.get(name));
    };
    visit(entry);
    visit(map);
    const modules = [...startup].flatMap((c) => c.moduleIds);
    expect(modules.some((m) => m.endsWith('/src/main.tsx'))).toBe(true);
    expect(modules.filter((m) => ON_DEMAND.some((pattern) => pattern.test(m)))).toEqual([]);
    // The on-demand parts are still built, as chunks of their own.
    const later = chunks.filter((c) => !startup.has(c)).flatMap((c) => c.moduleIds);
    for (const pattern of ON_DEMAND.slice(0, 7)) expect(later.some((m) => pattern.test(m))).toBe(true);
  }, 120_000);
});
