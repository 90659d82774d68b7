/**
 * Builds the bench pages: bench/index.html (MapController alone, or the setData baseline), bench/react.html
 * (the real `<App>`) and bench/empty.html (MapLibre alone, the cold-start floor). The runner overrides
 * outDir with a temp folder. `vite preview` also serves the real DeepState archive under `archive/` when
 * it is on this machine (scripts/bench/archiveDir.ts), read from where it lies, never copied into a build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { ARCHIVE_DIR, archiveFiles } from '../scripts/bench/archiveDir';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `archive/index.json` (the file names, in time order) and `archive/<name>.geojson`. */
const serveArchive: Plugin = {
  name: 'bench:serve-archive',
  configurePreviewServer(server) {
    server.middlewares.use('/archive/', (req, res) => {
      const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0]);
      const files = archiveFiles();
      const send = (status: number, type: string, body: string | Buffer) => {
        res.statusCode = status;
        res.setHeader('Content-Type', type);
        res.end(body);
      };
      if (name === 'index.json') return send(200, 'application/json', JSON.stringify(files));
      if (!files.includes(name)) return send(404, 'text/plain', 'not in the archive');
      readFile(join(ARCHIVE_DIR, name)).then(
        (body) => send(200, 'application/geo+json', body),
        (err: Error) => send(500, 'text/plain', err.message),
      );
    });
  },
};

export default defineConfig({
  root: here('.'),
  plugins: [react(), serveArchive],
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
