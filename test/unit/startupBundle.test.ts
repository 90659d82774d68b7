/**
 * What the first view loads: the entry chunk, the chunks it imports, and the map module it loads at once.
 * None of it may hold what only an import, an area map, a chart or a foreign basemap needs; each of those
 * is loaded on demand (docs/ARCHITECTURE.md, "What loads when"). And its size has a budget, in the style of
 * MapLibre's own bundle-size check: the app's own gzip JS on the first view (everything but MapLibre and its
 * worker) may not grow past `APP_JS_BUDGET_GZIP`.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/loadData';

type Chunk = Rolldown.OutputChunk;

const ON_DEMAND = [
  /node_modules\/zod\//,
  /node_modules\/clipper2-ts\//,
  /node_modules\/uplot\//,
  /node_modules\/pmtiles\//,
  /node_modules\/@protomaps\//,
  /src\/claims\/schema\.ts$/,
  /src\/claims\/importClaims\.ts$/,
  /src\/areas\/(ops|measure|disagreement|frontline|basemap|detect)\.ts$/,
  /src\/ui\/(picture|timelapse|AreasDetails|AreaChart|AreaChangesList|TrackRecordView|TrackRecordChart|TrackRecordEvents)\.tsx?$/,
];

/**
 * gzip bytes (Node's zlib, default level, as the bench's cold start counts them) of the first view's JS that
 * is the app's: the entry, its chunks and the map module, without MapLibre's chunk (MapLibre's worker is an
 * asset, not a chunk). Set at the size when it was introduced (229.7 kB on 2026-12-03, round 4 of
 * docs/PERFORMANCE.md) plus ~10 %. Raise it on purpose, in the same commit as what needs the room, and say why.
 * Raised to 287 kB the same day: the interface languages (i18next, react-i18next and the English strings; the
 * Ukrainian and Russian strings load on demand) took the first view to 260.6 kB; 287 kB is that plus ~10 %.
 * Raised to 295 kB on 2026-12-07: the track record's header control and link field, the embedded layout and the
 * maps' agreement summary took the first view to 287.7 kB (their heavy parts, the track record's table and chart,
 * the timelapse recorder and the agreement chart, load on demand); 295 kB leaves ~2.5 %, for fixes: the next
 * feature on the first view brings its own room by moving something else off it.
 */
const APP_JS_BUDGET_GZIP = 295_000;

const isMapLibre = (chunk: Chunk) =>
  chunk.moduleIds.length > 0 && chunk.moduleIds.every((m) => m.includes('/node_modules/maplibre-gl/'));

describe('start-up bundle', () => {
  let chunks: Chunk[] = [];
  beforeAll(async () => {
    // A production build as `npm run build` makes it (minified), without writing it.
    const output = await build({
      configFile: join(repoRoot, 'vite.config.ts'),
      root: repoRoot,
      logLevel: 'silent',
      build: { write: false, sourcemap: false },
    });
    const [result] = Array.isArray(output) ? output : [output];
    chunks = (result as Rolldown.RolldownOutput).output.filter((o): o is Chunk => o.type === 'chunk');
  }, 180_000);

  /** The chunks loaded before the first map idle. */
  const startupChunks = () => {
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
    return startup;
  };

  it('loads no parser, geometry, chart or PMTiles code before the first map idle', () => {
    const startup = startupChunks();
    const modules = [...startup].flatMap((c) => c.moduleIds);
    expect(modules.some((m) => m.endsWith('/src/main.tsx'))).toBe(true);
    expect(modules.filter((m) => ON_DEMAND.some((pattern) => pattern.test(m)))).toEqual([]);
    // The on-demand parts are still built, as chunks of their own.
    const later = chunks.filter((c) => !startup.has(c)).flatMap((c) => c.moduleIds);
    for (const pattern of ON_DEMAND.slice(0, 5)) expect(later.some((m) => pattern.test(m))).toBe(true);
  });

  it(`keeps the app's own gzip JS on the first view within ${APP_JS_BUDGET_GZIP / 1000} kB`, () => {
    const startup = [...startupChunks()];
    expect(startup.some(isMapLibre), 'MapLibre has a chunk of its own').toBe(true);
    const own = startup.filter((c) => !isMapLibre(c));
    const sizes = own.map((c) => ({ file: c.fileName, gzip: gzipSync(c.code).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const list = sizes.map((s) => `${s.file} ${(s.gzip / 1000).toFixed(1)} kB`).join(', ');
    console.log(`first view, the app's own JS: ${(total / 1000).toFixed(1)} kB gzip (${list})`);
    expect(
      total,
      `the app's own first-view JS is ${(total / 1000).toFixed(1)} kB gzip (${list}), over the budget of ` +
        `${APP_JS_BUDGET_GZIP / 1000} kB: load the new code on demand, or raise the budget on purpose`,
    ).toBeLessThanOrEqual(APP_JS_BUDGET_GZIP);
  });
});
