import { z } from 'zod';
import { FILE_PURPOSE_NAMES } from './files.table';

/** A stored file as the API shows it; its bytes are at `/api/files/{id}`, its thumbnail at `/api/files/{id}/thumbnail`. */
export const fileSchema = z.object({
  id: z.string(),
  purpose: z.enum(FILE_PURPOSE_NAMES),
  name: z.string(),
  /** Detected from the content. */
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  hasThumbnail: z.boolean(),
  isAttached: z.boolean(),
  uploadedByName: z.string(),
  createdAt: z.date(),
});
export type FileView = z.infer<typeof fileSchema>;

export const uploadQuery = z.object({ purpose: z.enum(FILE_PURPOSE_NAMES) });
export const downloadQuery = z.object({ download: z.enum(['true', 'false']).optional() });
