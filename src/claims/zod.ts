/**
 * The app's one way in to zod: every module that builds a schema imports `z` from here, never from
 * 'zod', so the configuration below runs before any schema exists, whichever module loads first
 * (zod is loaded on demand, by an import, not at start-up).
 *
 * No code generation at run time: zod 4 decides when an object schema is built whether to compile
 * it with `new Function`, after probing that `new Function` works. The app's Content-Security-Policy
 * (script-src 'self', no 'unsafe-eval') blocks the probe and reports it as a violation. See
 * docs/SECURITY.md.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
