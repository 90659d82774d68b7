/**
 * Entry point for a dropped or picked area file: refuse what is too big or not text, tell the
 * format from the content (file names are unreliable once users rename downloads), and hand the
 * parsed JSON to the matching importer, so the text is parsed once.
 */
import { capErrors, type Result } from '../claims/errors';
import { unreadableTextError } from '../claims/importBatch';
import { z } from '../claims/zod';
import { type DeepStateContext, deepStateImporter } from './deepstate';
import type { AreaImporter } from './importer';
import { type IswContext, iswImporter } from './isw';
import type { AreaFormat, AreaSnapshot } from './model';
import { type NativeContext, nativeImporter } from './native';
import { fail, featuresOf, parseJsonText } from './parse';

export type AreaImportContext = DeepStateContext & IswContext & NativeContext;

/**
 * Every area importer, in the order detection tries them on each feature. ISW comes first: its
 * signature is the most specific, and a feature is the first importer's that knows it.
 */
export const AREA_IMPORTERS: readonly AreaImporter<AreaImportContext>[] = [
  iswImporter,
  nativeImporter,
  deepStateImporter,
];

const withProperties = z.object({ properties: z.unknown() });

/**
 * The importer of the first feature whose properties carry a known signature; for an empty
 * collection, the one whose naming the file name follows (a Unix time is DeepState's, a date ISW's).
 */
export function detectImporter(fileName: string, features: readonly unknown[]): AreaImporter<AreaImportContext> | null {
  if (features.length === 0) return AREA_IMPORTERS.find((i) => i.detect(fileName, { kind: 'empty' })) ?? null;
  for (const item of features) {
    const properties = withProperties.safeParse(item).data?.properties;
    const found = AREA_IMPORTERS.find((i) => i.detect(fileName, { kind: 'feature', properties }));
    if (found) return found;
  }
  return null;
}

export function detectAreaFormat(fileName: string, features: readonly unknown[]): AreaFormat | null {
  return detectImporter(fileName, features)?.format ?? null;
}

export function importAreaFile(fileName: string, text: string, ctx: AreaImportContext): Result<AreaSnapshot> {
  const unreadable = unreadableTextError(fileName, text);
  if (unreadable) return fail([unreadable]);
  const json = parseJsonText(fileName, text);
  if (!json.ok) return json;
  const features = featuresOf(fileName, json.value);
  if (!features.ok) return features;
  const importer = detectImporter(fileName, features.value);
  if (!importer) return fail([{ file: fileName, message: `not a known area format: expected ${expectedFormats()}` }]);
  const result = importer.parse(fileName, json.value, ctx);
  // Importers cap their own lists; capping again costs nothing and holds any importer to the cap.
  return result.ok ? result : fail(capErrors(fileName, result.errors));
}

/** `A, B or C` from the importers' signatures. */
function expectedFormats(): string {
  const signatures = AREA_IMPORTERS.map((i) => i.signature);
  return signatures.length > 1 ? `${signatures.slice(0, -1).join(', ')} or ${signatures.at(-1)}` : signatures[0];
}
