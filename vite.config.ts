/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { bundledDataset } from './scripts/lib/datasetPlugin.ts';
import { framingPolicy } from './scripts/lib/framingPlugin.ts';
import { bundledStories } from './scripts/lib/storiesPlugin.ts';

// The Content-Security-Policy lives in index.html (a <meta>), so the built site carries it wherever it is
// hosted. `vite preview` also sends it as a header, with what a <meta> cannot say: who may frame the page,
// which depends on the request (./scripts/lib/framingPlugin.ts, docs/SECURITY.md).
const CSP_META = /\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/;
const cspMatch = CSP_META.exec(readFileSync(new URL('./index.html', import.meta.url), 'utf8'));
if (!cspMatch) throw new Error('index.html has no Content-Security-Policy <meta>');
const csp = cspMatch[1];

/** The dev server injects CSS as inline <style> for hot reload, which the policy forbids: drop it in dev only. */
const cspOffInDev: Plugin = {
  name: 'frontline:csp-off-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(CSP_META, ''),
};

/**
 * The shell renders before MapLibre is evaluated (src/ui/MapPane.tsx imports the map module lazily), but
 * without a hint the map's chunks are requested only after React's first commit, and MapLibre's worker only
 * once the map is created. These hints start both downloads with the entry's; nothing runs before the app
 * imports it (docs/PERFORMANCE.md, round 5). The worker is a module worker, outside the page's module map:
 * `prefetch` puts it in the HTTP cache, where the worker's own request finds it.
 */
function preloadMap(): Plugin {
  let base = '/';
  return {
    name: 'frontline:preload-map',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const outputs = Object.values(ctx.bundle ?? {});
        const chunks = outputs.flatMap((o) => (o.type === 'chunk' ? [o] : []));
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (name: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(name)) return seen;
          seen.add(name);
          for (const next of byName.get(name)?.imports ?? []) closure(next, seen);
          return seen;
        };
        const entry = chunks.find((c) => c.isEntry);
        const map = chunks.find((c) => c.facadeModuleId?.endsWith('/src/map/MapController.ts'));
        const worker = outputs.find((o) => o.type === 'asset' && /maplibre-gl-worker[^/]*\.mjs$/.test(o.fileName));
        if (!entry || !map || !worker)
          throw new Error('preload-map: no entry, map module or MapLibre worker in the build');
        const withEntry = closure(entry.fileName);
        const link = (rel: string, file: string) => ({
          tag: 'link',
          attrs: {
            rel,
            href: `${base}${file}`,
            ...(rel === 'modulepreload' ? { crossorigin: true } : {}),
            // After the entry, which renders the shell: the map waits for the shell's first commit anyway.
            fetchpriority: 'low',
          },
          injectTo: 'head' as const,
        });
        return [
          ...[...closure(map.fileName)].filter((f) => !withEntry.has(f)).map((f) => link('modulepreload', f)),
          link('prefetch', worker.fileName),
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), cspOffInDev, bundledDataset(), bundledStories(), preloadMap(), framingPolicy(csp)],
  build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
  preview: {
    port: 4173,
    strictPort: true,
    headers: {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // CI sums the runners' JSON reports into one closing line (.ci/run).
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.ci/out/vitest.json' },
  },
});
