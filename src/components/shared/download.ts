/**
 * Saves a blob as a file through a hidden `<a download>` placed in `root` (a shadow root keeps it
 * out of the host's DOM). The object URL is revoked once the download has taken it.
 */
export function downloadBlob(root: Node, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has taken the URL by the next task; revoking it frees the blob.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
