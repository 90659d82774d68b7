/**
 * The area core's door to the steps every importer shares with the claims schema (text → JSON → features →
 * each feature, with the same error wording and cap): one implementation, in src/claims/featureLoop.ts.
 */
export { fail } from '../claims/errors';
export {
  duplicateIdErrors,
  featuresOf,
  issuesToErrors,
  parseFeatures,
  parseJson as parseJsonText,
  safeParseItem,
} from '../claims/featureLoop';

/** The last path segment, so `/tmp/x/1738790518.geojson` and `1738790518.geojson` read the same. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}
