/**
 * The layer rule in biome.json (docs/ARCHITECTURE.md, "Layers of the code"): src/claims and src/areas
 * import no React, MapLibre, src/state or src/ui (src/claims not src/areas either), src/state imports no
 * React, MapLibre, src/map or src/ui, src/map imports no src/state or src/ui, src/common imports no React,
 * src/state, src/map or src/ui, and src/ui and src/common load no MapLibre at runtime
 * (lint/no-runtime-maplibre.grit; `import type` is fine).
 *
 * Each case is a one-import file placed in a guarded folder of a temporary copy of the config, so the
 * checkout is never touched; one `biome lint` run checks them all (~0.2 s).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/loadData';

/** [folder, import statement, whether the rule must reject it] */
const CASES: [string, string, boolean][] = [
  ['src/claims', "import { useState } from 'react';", true],
  ['src/claims', "import { createRoot } from 'react-dom/client';", true],
  ['src/claims', "import { jsx } from 'react/jsx-runtime';", true],
  ['src/claims', "import * as maplibregl from 'maplibre-gl';", true],
  ['src/claims', "import type { Map } from 'maplibre-gl';", true],
  ['src/claims', "import { parseUrl } from '../state/url';", true],
  ['src/claims', "import { App } from '../ui/App';", true],
  ['src/claims', "const lazy = import('../ui/App');", true],
  ['src/claims', "export { App } from '../ui/App';", true],
  ['src/claims', "import type { AreaClaim } from '../areas/model';", true],
  ['src/claims', "import { parseDay } from './dates';", false],
  ['src/claims', "import { z } from 'zod';", false],
  ['src/areas', "import { useMemo } from 'react';", true],
  ['src/areas', "import { LngLat } from 'maplibre-gl';", true],
  ['src/areas', "import type { AppState } from '../state/appState';", true],
  ['src/areas', "import { App } from '../../src/ui/App';", true],
  ['src/areas', "import { parseDay } from '../claims/dates';", false],
  ['src/areas', "import { area } from '@turf/turf';", false],
  ['src/map', "import { MapPane } from '../ui/MapPane';", true],
  ['src/map', "const ui = import('../ui/onDemand');", true],
  ['src/map', "import * as maplibregl from 'maplibre-gl';", false],
  ['src/map', "import type { MapView } from '../state/appState';", true],
  ['src/map', "import { createAppStore } from '../state/store';", true],
  ['src/map', "const state = import('../state/store');", true],
  ['src/map', "import type { MapView } from '../common/types';", false],
  ['src/map', "import type { AreaGeometry } from '../areas/model';", false],
  ['src/state', "import { useSyncExternalStore } from 'react';", true],
  ['src/state', "import { flushSync } from 'react-dom';", true],
  ['src/state', "import * as maplibregl from 'maplibre-gl';", true],
  ['src/state', "import type { StyleSpecification } from 'maplibre-gl';", true],
  ['src/state', "import { App } from '../ui/App';", true],
  ['src/state', "import type { MapController } from '../map/MapController';", true],
  ['src/state', "import { buildAreaLayerData } from '../map/areaLayers';", true],
  ['src/state', "const pmtiles = import('../map/pmtilesBasemap');", true],
  ['src/state', "export { snapshotsOnHand } from '../../src/map/areaLayers';", true],
  ['src/state', "import type { BasemapStyle, MapView } from '../common/types';", false],
  ['src/state', "import { activeSnapshots } from '../areas/timeline';", false],
  ['src/state', "import { createStore } from 'zustand/vanilla';", false],
  ['src/common', "import type { StyleSpecification } from 'maplibre-gl';", false],
  ['src/common', "import { Map } from 'maplibre-gl';", true],
  ['src/common', "import type { ReactNode } from 'react';", true],
  ['src/common', "import type { AppState } from '../state/appState';", true],
  ['src/common', "import type { AreaLayerData } from '../map/areaLayers';", true],
  ['src/common', "import type { MapSide } from '../ui/MapPane';", true],
  ['src/ui', "import * as maplibregl from 'maplibre-gl';", true],
  ['src/ui', "import { Map } from 'maplibre-gl';", true],
  ['src/ui', "import 'maplibre-gl/dist/maplibre-gl.css';", true],
  ['src/ui', "const m = import('maplibre-gl');", true],
  ['src/ui', "export { Map } from 'maplibre-gl';", true],
  ['src/ui', "import type { StyleSpecification } from 'maplibre-gl';", false],
  ['src/ui', "export type { StyleSpecification } from 'maplibre-gl';", false],
  ['src/ui', "import { useState } from 'react';", false],
  ['src/ui', "import { MapController } from '../map/MapController';", false],
];

let dir = '';
const flagged = new Map<string, string[]>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layer-rule-'));
  cpSync(join(repoRoot, 'biome.json'), join(dir, 'biome.json'));
  cpSync(join(repoRoot, 'lint'), join(dir, 'lint'), { recursive: true });
  CASES.forEach(([folder, statement], i) => {
    const file = join(dir, folder, `case${i}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${statement}\n`);
  });
  const biome = join(repoRoot, 'node_modules', '.bin', 'biome');
  const run = spawnSync(biome, ['lint', '--reporter=json', '--max-diagnostics=none', 'src'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout) as {
    diagnostics: { category: string; message: string; location: { path: string } }[];
  };
  for (const d of report.diagnostics) {
    if (d.category !== 'lint/style/noRestrictedImports' && d.category !== 'plugin') continue;
    const path = d.location.path.replaceAll('\\', '/');
    flagged.set(path, [...(flagged.get(path) ?? []), d.message]);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('layer rule (biome.json overrides)', () => {
  it.each(CASES.map(([folder, statement, bad], i) => ({ folder, statement, bad, i })))(
    '$folder: $statement → rejected: $bad',
    ({ folder, bad, i }) => {
      const messages = flagged.get(`${folder}/case${i}.ts`) ?? [];
      expect(messages.length > 0).toBe(bad);
    },
  );
});
