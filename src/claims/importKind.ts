/** Claims files name places; area files (DeepState, ISW, the app's area schema) do not. */
export function looksLikeClaimsFile(head: string): boolean {
  return /"placeIds"\s*:/.test(head);
}

/** Enough of a file to tell its kind without reading all of it. */
export async function fileHead(file: File): Promise<string> {
  return file.slice(0, 64 * 1024).text();
}
