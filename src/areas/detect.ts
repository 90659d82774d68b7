/**
 * Entry point for a dropped or picked area file: refuse what is too big or not text, tell the
 * format from the content (file names are unreliable once users rename downloads), and hand the
 * parsed JSON to the matching importer, so the text is parsed once.
 */
import { checkImportSize, notTextError } from '../claims/importBatch';
import { capErrors, type Result } from '../claims/schema';
import { z } from '../claims/zod';
import { type DeepStateContext, importDeepStateJson, unixFileTime } from './deepstate';
import { dateInFileName, type IswContext, importIswJson } from './isw';
import type { AreaFormat, AreaSnapshot } from './model';
import { importNativeJson, type NativeContext } from './native';
import { fail, featuresOf, parseJsonText } from './parse';

export type AreaImportContext = DeepStateContext & IswContext & NativeContext;

const iswProps = z.object({ layer_type: z.string(), date: z.string() });
const nativeProps = z.object({ sourceId: z.string(), statedDate: z.string(), status: z.string() });
const deepStateProps = z.object({ name: z.string().includes('///') });
const withProperties = z.object({ properties: z.unknown() });

/**
 * The format of the first feature whose properties carry a known signature; for an empty
 * collection, the file name (a Unix time is DeepState's naming, a date ISW's).
 */
export function detectAreaFormat(fileName: string, features: readonly unknown[]): AreaFormat | null {
  for (const item of features) {
    const properties = withProperties.safeParse(item).data?.properties;
    if (iswProps.safeParse(properties).success) return 'isw';
    if (nativeProps.safeParse(properties).success) return 'native';
    if (deepStateProps.safeParse(properties).success) return 'deepstate';
  }
  if (features.length === 0 && unixFileTime(fileName)) return 'deepstate';
  if (features.length === 0 && dateInFileName(fileName)) return 'isw';
  return null;
}

export function importAreaFile(fileName: string, text: string, ctx: AreaImportContext): Result<AreaSnapshot> {
  const size = checkImportSize(fileName, new TextEncoder().encode(text).length);
  if (size) return fail([size]);
  const notText = notTextError(fileName, text);
  if (notText) return fail([notText]);
  const json = parseJsonText(fileName, text);
  if (!json.ok) return json;
  const features = featuresOf(fileName, json.value);
  if (!features.ok) return features;
  const result = importDetected(fileName, json.value, detectAreaFormat(fileName, features.value), ctx);
  // A file of thousands of broken features would list thousands of errors: say so once instead.
  return result.ok ? result : fail(capErrors(fileName, result.errors));
}

function importDetected(
  fileName: string,
  json: unknown,
  format: AreaFormat | null,
  ctx: AreaImportContext,
): Result<AreaSnapshot> {
  switch (format) {
    case 'deepstate':
      return importDeepStateJson(fileName, json, ctx);
    case 'isw':
      return importIswJson(fileName, json, ctx);
    case 'native':
      return importNativeJson(fileName, json, ctx);
    case null:
      return fail([
        {
          file: fileName,
          message:
            'not a known area format: expected DeepState labels ("… /// …"), ISW {date, layer_type} or the app schema {id, sourceId, layer, status, statedDate}',
        },
      ]);
  }
}
