/** Build with Vite and serve with `vite preview` on a free port, in-process, so nothing is left behind. */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build, type InlineConfig, preview } from 'vite';

export const REPO = join(import.meta.dirname, '..', '..');

export interface Served {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/** The bench page (bench/vite.config.ts) or the real app (vite.config.ts; mode `e2e` only exposes the map). */
export function target(kind: 'bench' | 'app', outDir: string): InlineConfig {
  const common = { logLevel: 'error' as const, build: { outDir, emptyOutDir: true } };
  return kind === 'bench'
    ? { ...common, configFile: join(REPO, 'bench', 'vite.config.ts') }
    : { ...common, configFile: join(REPO, 'vite.config.ts'), root: REPO, mode: 'e2e' };
}

export async function buildAndServe(config: InlineConfig): Promise<Served> {
  await build(config);
  // Port 0: the OS picks a free port; strictPort so Vite never wanders to another one.
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address?.port) throw new Error('vite preview did not report its port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir: config.build?.outDir ?? '',
    close: () => server.close(),
  };
}
