import { describe, expect, it } from 'vitest';
import { fetchArchiveFile } from '../../src/state/archiveFetch';

const limits = { timeoutMs: 50, maxBytes: 100 };
const never = new AbortController().signal;
const answer = (response: Response | (() => Promise<Response>)) =>
  (async () => (typeof response === 'function' ? response() : response)) as unknown as typeof fetch;

/** A body that streams `chunks` and never declares its length. */
const streamed = (chunks: string[]) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    }),
  );

describe('fetchArchiveFile', () => {
  it('returns the text and its size in bytes', async () => {
    expect(await fetchArchiveFile('u', never, limits, answer(new Response('{"a":"é"}')))).toEqual({
      ok: true,
      text: '{"a":"é"}',
      bytes: 10,
    });
  });

  it('words an HTTP error', async () => {
    expect(await fetchArchiveFile('u', never, limits, answer(new Response('', { status: 404 })))).toEqual({
      ok: false,
      aborted: false,
      reason: 'the archive answered 404 (no such file)',
    });
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    const declared = new Response('x'.repeat(200));
    const over = await fetchArchiveFile('u', never, limits, answer(declared));
    expect(over).toMatchObject({ ok: false, reason: 'the file is over the 100 bytes limit' });
    const chunks = await fetchArchiveFile('u', never, limits, answer(streamed(['x'.repeat(60), 'x'.repeat(60)])));
    expect(chunks).toMatchObject({ ok: false, aborted: false });
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = new Response(new Uint8Array([0x7b, 0xe9, 0x7d]));
    expect(await fetchArchiveFile('u', never, limits, answer(latin1))).toMatchObject({
      reason: 'it is not a text file',
    });
  });

  it('gives up after the timeout', async () => {
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    expect(await fetchArchiveFile('u', never, { timeoutMs: 20, maxBytes: 100 }, hang)).toEqual({
      ok: false,
      aborted: false,
      reason: 'no answer within 0.0 s',
    });
  });

  it('says a network error is one, and a cancelled request is only aborted', async () => {
    const offline = answer(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchArchiveFile('u', never, limits, offline)).toMatchObject({
      reason: 'the archive could not be reached: offline or a network error (Failed to fetch)',
    });
    const controller = new AbortController();
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const pending = fetchArchiveFile('u', controller.signal, { timeoutMs: 1000, maxBytes: 100 }, hang);
    controller.abort();
    expect(await pending).toEqual({ ok: false, aborted: true });
  });
});
