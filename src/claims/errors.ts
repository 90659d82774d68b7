/**
 * What a check of a file reports, and how it is shown. Kept apart from ./schema so that showing errors
 * (the import panel, the data error page) does not load zod and the parsers with it.
 */

export interface DataError {
  file: string;
  /** Index of the feature or record in its file; absent for file-level errors. */
  index?: number;
  /** Dotted path inside the feature, e.g. `properties.statedDate`. */
  field?: string;
  message: string;
}

export function formatDataError(e: DataError): string {
  const where = [e.file, e.index === undefined ? null : `feature ${e.index}`, e.field || null]
    .filter(Boolean)
    .join(' › ');
  return `${where}: ${e.message}`;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

/**
 * A hostile file can hold millions of bad records. Checking stops after this many errors, so a 5 MB file
 * of junk is refused in about a second instead of freezing the page for 15 s while it lists every one.
 */
export const MAX_ERRORS = 100;

export function fail<T>(errors: DataError[]): Result<T> {
  return { ok: false, errors };
}

const capNote = (file: string): DataError => ({
  file,
  message: `more than ${MAX_ERRORS} errors: checking stopped at these ${MAX_ERRORS}; fix them and try again`,
});

/**
 * Keeps the first MAX_ERRORS errors, led by a note that checking stopped there (so a shortened list says so
 * first). A list already cut here is returned as it is, so a caller may cap again what a step capped.
 */
export function capErrors(file: string, errors: DataError[]): DataError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const note = capNote(file);
  const first = errors[0];
  if (errors.length === MAX_ERRORS + 1 && first.message === note.message && first.index === undefined) return errors;
  return [note, ...errors.slice(0, MAX_ERRORS)];
}
