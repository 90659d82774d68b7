/**
 * The one shape of an area importer (DeepState, ISW, the app's schema): how it recognises a file and how it
 * reads one. `detect.ts` holds the registry, the list the format of a dropped file is found in.
 */
import type { Result } from '../claims/errors';
import type { AreaFormat, AreaSnapshot } from './model';
import { parseJsonText } from './parse';

/**
 * What detection is shown: the properties of one feature (tried from the first feature on, each against
 * every importer in registry order), or, for a file with no features at all, nothing but the file name.
 */
type FormatSample = { kind: 'feature'; properties: unknown } | { kind: 'empty' };

export interface AreaImporter<Ctx> {
  readonly format: AreaFormat;
  /** What detection looks for, in words, for the message given when no importer knows a file. */
  readonly signature: string;
  /** Whether the sample carries this format's signature. Cheap and total: it only looks, it never throws. */
  detect(fileName: string, sample: FormatSample): boolean;
  /**
   * A whole file (JSON already parsed, so it is parsed once) into one snapshot, or errors naming file,
   * feature and field (at most MAX_ERRORS of them): all of the file or none of it, never a throw.
   */
  parse(fileName: string, json: unknown, ctx: Ctx): Result<AreaSnapshot>;
}

/** An importer given text: parse the JSON, then the importer. */
export function importText<Ctx>(
  importer: AreaImporter<Ctx>,
  fileName: string,
  text: string,
  ctx: Ctx,
): Result<AreaSnapshot> {
  const json = parseJsonText(fileName, text);
  return json.ok ? importer.parse(fileName, json.value, ctx) : json;
}
