/**
 * Fetch one archive file, within bounds: a timeout (no answer, or a body still arriving, after
 * `timeoutMs`), a size cap (refused from `Content-Length` before reading, and counted while reading), and
 * UTF-8 text only. No cookies or referrer go with the request. Every failure is a reason worded for a
 * notice, never a throw; a cancelled request (the date moved on) is `aborted`.
 */

export type FetchOutcome =
  | { ok: true; text: string; bytes: number }
  | { ok: false; aborted: true }
  | { ok: false; aborted: false; reason: string };

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024 };

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const seconds = (ms: number) => `${ms % 1000 === 0 ? ms / 1000 : (ms / 1000).toFixed(1)} s`;

export async function fetchArchiveFile(
  url: string,
  signal: AbortSignal,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
  fetchFn: typeof fetch = globalThis.fetch,
): Promise<FetchOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const tooBig = {
    ok: false,
    aborted: false,
    reason: `the file is over the ${size(limits.maxBytes)} limit`,
  } as const;
  try {
    if (signal.aborted) return { ok: false, aborted: true };
    const response = await fetchFn(url, {
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok)
      return {
        ok: false,
        aborted: false,
        reason: `the archive answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${
          response.status === 404 ? ' (no such file)' : ''
        }`,
      };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      controller.abort();
      return tooBig;
    }
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const reader = response.body?.getReader();
    if (reader)
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > limits.maxBytes) {
          controller.abort();
          return tooBig;
        }
        chunks.push(value);
      }
    const body = new Uint8Array(bytes);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), bytes };
    } catch {
      return { ok: false, aborted: false, reason: 'it is not a text file' };
    }
  } catch (err) {
    if (timedOut) return { ok: false, aborted: false, reason: `no answer within ${seconds(limits.timeoutMs)}` };
    if (signal.aborted) return { ok: false, aborted: true };
    const detail = err instanceof Error && err.message ? ` (${err.message})` : '';
    return {
      ok: false,
      aborted: false,
      reason: `the archive could not be reached: offline or a network error${detail}`,
    };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
