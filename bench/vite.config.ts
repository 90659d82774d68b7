/**
 * Builds the bench pages: bench/index.html (MapController alone, or the setData baseline) and
 * bench/react.html (the real `<App>`). The runner overrides outDir with a temp folder.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  // The app's public/ holds the offline basemap the style points at.
  publicDir: here('../public'),
  base: './',
  // As `vite build --mode e2e`: MapPane exposes its map as window.__frontlineMap, which the react page times.
  define: { 'import.meta.env.VITE_EXPOSE_MAP': JSON.stringify('true') },
  build: {
    outDir: here('../node_modules/.cache/bench-dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: { input: { index: here('index.html'), react: here('react.html') } },
  },
  server: { fs: { allow: [here('..')] } },
});
