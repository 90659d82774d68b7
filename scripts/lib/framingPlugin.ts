/**
 * Who may frame the app, per request, for `vite preview` (docs/SECURITY.md, "Embedding"): the full app may
 * be framed by no one (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for browsers without CSP 2),
 * while the embedded view (`embed=1` in the query, src/state/embed.ts) may be framed by any page. The policy
 * has to be chosen by the request's query, which `preview.headers` (the same for every response) cannot do.
 */
import type { Plugin } from 'vite';

/** The headers that say who may frame the document at `url` (a request's path and query). */
export function framingHeaders(url: string, csp: string): Record<string, string> {
  const embedded = new URL(url, 'http://localhost').searchParams.get('embed') === '1';
  return embedded
    ? { 'Content-Security-Policy': `${csp}; frame-ancestors *` }
    : { 'Content-Security-Policy': `${csp}; frame-ancestors 'none'`, 'X-Frame-Options': 'DENY' };
}

export function framingPolicy(csp: string): Plugin {
  return {
    name: 'frontline:framing-policy',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(framingHeaders(req.url ?? '/', csp))) res.setHeader(name, value);
        next();
      });
    },
  };
}
