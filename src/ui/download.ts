/** Saves a blob as a file the browser downloads. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download (a large one later).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text as a file the browser downloads. */
export function download(fileName: string, type: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}
