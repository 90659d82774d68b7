/**
 * Where the project's shared folder is found, by every script that reads its archived maps (data:check,
 * derive, the bench): `$SHARED_DIR`, else `../shared` beside the checkout. The maps are in its `data/`
 * (shared/data/MANIFEST.md). Kept apart from the scripts that read it, so a Vite config can import it too.
 */
import { join } from 'node:path';

/** `$SHARED_DIR/data`, else `<root>/../shared/data`; `root` is the checkout. Not checked for existence. */
export function sharedDataPath(root: string): string {
  return join(process.env.SHARED_DIR ?? join(root, '..', 'shared'), 'data');
}
