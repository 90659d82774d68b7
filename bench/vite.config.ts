/** Builds the bench page (bench/index.html). The runner overrides outDir with a temp folder. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // The app's public/ holds the offline basemap the style points at.
  publicDir: here('../public'),
  base: './',
  build: { outDir: here('../node_modules/.cache/bench-dist'), emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  server: { fs: { allow: [here('..')] } },
});
