/**
 * Imported claims as the app holds them, and the checks made before a file is read. Kept apart from
 * ./importClaims, which checks a file's content with zod and is loaded only when there is a file to check.
 */
import type { DataError, Result } from './errors';
import type { Claim, Dataset } from './model';

/** Larger files are refused before they are read, so a huge drop cannot freeze the page. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportBatch {
  /** Unique per batch; used to remove it. */
  id: string;
  fileName: string;
  importedAt: string;
  claims: Claim[];
}

export function checkImportSize(fileName: string, bytes: number): DataError | null {
  if (bytes > MAX_IMPORT_BYTES)
    return {
      file: fileName,
      message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    };
  return null;
}

/** A NUL byte (or character) in the first 4 kB: a binary file, or UTF-16, which JSON files must not be. */
const HEAD = 4096;
const notText = (fileName: string): DataError => ({ file: fileName, message: 'this is not a text file' });

/**
 * Text that is not text: a binary file has NUL bytes (so does UTF-16). For text already decoded (a stored
 * import, a fetched archive file); bytes from a file go through `decodeUtf8`, which also checks the encoding.
 * U+FFFD is a character like any other here: archived DeepState maps carry it in their descriptions.
 */
export function notTextError(fileName: string, text: string): DataError | null {
  return text.slice(0, HEAD).includes('\u0000') ? notText(fileName) : null;
}

/**
 * The offset of the first byte that does not belong to well-formed UTF-8 (overlong forms, surrogates and
 * code points past U+10FFFF included, as the WHATWG decoder judges them), or -1 when all do.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text. The encoding is judged by a fatal UTF-8 decode of the bytes, never by the
 * characters that come out: a file that decodes is text, whatever it holds (U+FFFD included). A leading
 * byte-order mark is dropped, as `File.text()` does.
 */
export function decodeUtf8(fileName: string, bytes: Uint8Array): Result<string> {
  if (bytes.subarray(0, HEAD).includes(0)) return { ok: false, errors: [notText(fileName)] };
  try {
    return { ok: true, value: fatalUtf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where =
      at >= 0 ? `byte ${at + 1} (0x${bytes[at].toString(16).padStart(2, '0')}) is not UTF-8` : 'it does not decode';
    return {
      ok: false,
      errors: [{ file: fileName, message: `this is not a text file in UTF-8: ${where} (save it as UTF-8)` }],
    };
  }
}

/** A picked or dropped file's text, decoded as `decodeUtf8` does. */
export async function readFileText(file: Blob & { name: string }): Promise<Result<string>> {
  return decodeUtf8(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** The checks made on a file's text before it is parsed, the same for claims and area files: size, then text. */
export function unreadableTextError(fileName: string, text: string): DataError | null {
  return checkImportSize(fileName, new TextEncoder().encode(text).length) ?? notTextError(fileName, text);
}

/** The bundled dataset plus imported batches: the dataset everything else reads. */
export function withImports(base: Dataset, batches: readonly ImportBatch[]): Dataset {
  if (batches.length === 0) return base;
  return { ...base, claims: [...base.claims, ...batches.flatMap((b) => b.claims)] };
}
