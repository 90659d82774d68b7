/**
 * Builds the bench pages: bench/index.html (MapController alone, or the setData baseline), bench/react.html
 * (the real `<App>`) and bench/empty.html (MapLibre alone, the cold-start floor). The runner overrides
 * outDir with a temp folder. `vite preview` also serves the real DeepState archive under `archive/` when
 * it is on this machine (scripts/bench/archiveDir.ts), and ISW's Kursk layer under `isw/`, read from where they
 * lie, never copied into a build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { ARCHIVE_DIR, archiveFiles, ISW_DIR, iswFiles } from '../scripts/bench/archiveDir';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `<prefix>/index.json` (the file names, in order) and `<prefix>/<name>.geojson`, read from `dir`. */
function serveFolder(prefix: string, dir: string, list: () => string[]): Plugin {
  return {
    name: `bench:serve-${prefix}`,
    configurePreviewServer(server) {
      server.middlewares.use(`/${prefix}/`, (req, res) => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0]);
        const files = list();
        const send = (status: number, type: string, body: string | Buffer) => {
          res.statusCode = status;
          res.setHeader('Content-Type', type);
          res.end(body);
        };
        if (name === 'index.json') return send(200, 'application/json', JSON.stringify(files));
        if (!files.includes(name)) return send(404, 'text/plain', `not in ${prefix}`);
        readFile(join(dir, name)).then(
          (body) => send(200, 'application/geo+json', body),
          (err: Error) => send(500, 'text/plain', err.message),
        );
      });
    },
  };
}

export default defineConfig({
  root: here('.'),
  plugins: [react(), serveFolder('archive', ARCHIVE_DIR, archiveFiles), serveFolder('isw', ISW_DIR, iswFiles)],
  // The app's public/ holds the offline basemap the style points at.
  publicDir: here('../public'),
  base: './',
  // As `vite build --mode e2e`: MapPane exposes its map as window.__frontlineMap, which the react page times.
  define: { 'import.meta.env.VITE_EXPOSE_MAP': JSON.stringify('true') },
  build: {
    outDir: here('../node_modules/.cache/bench-dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: { input: { index: here('index.html'), react: here('react.html'), empty: here('empty.html') } },
  },
  server: { fs: { allow: [here('..')] } },
});
