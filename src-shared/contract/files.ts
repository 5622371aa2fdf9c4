import { z } from 'zod';

/** A file produced by the main process (XLSX export, template...) for the page to save. */
export const fileDownload = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The bytes, base64-encoded (the bridge carries JSON). */
  base64: z.string(),
});
export type FileDownload = z.infer<typeof fileDownload>;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
