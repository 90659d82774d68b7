/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { bundledDataset } from './scripts/lib/datasetPlugin.ts';
import { bundledStories } from './scripts/lib/storiesPlugin.ts';

// The Content-Security-Policy lives in index.html (a <meta>), so the built site carries it wherever it is
// hosted. `vite preview` also sends it as a header, with what a <meta> cannot say (docs/SECURITY.md).
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

export default defineConfig({
  plugins: [react(), cspOffInDev, bundledDataset(), bundledStories()],
  build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
  preview: {
    port: 4173,
    strictPort: true,
    headers: {
      'Content-Security-Policy': `${csp}; frame-ancestors 'none'`,
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
