import type { FileDownload } from '@shared/contract';

/**
 * Save a file the main process produced: the browser's download (Electron shows its save
 * dialog for it; the harness saves to the downloads folder).
 */
export function downloadFile(file: FileDownload): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
