import { apiRequest } from '../../../lib/api-client';

/** What an upload is for; the server checks each purpose's types (by content) and size. */
export type FilePurpose = 'image' | 'document';

/** A stored file, as the server describes it. */
export interface StoredFile {
  id: string;
  purpose: FilePurpose;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  hasThumbnail: boolean;
  isAttached: boolean;
  uploadedByName: string;
  createdAt: string;
}

/** Uploads one file; a feature then attaches it to its record by id (within a day). */
export function uploadFile(file: File, purpose: FilePurpose): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<StoredFile>('/files', { method: 'POST', query: { purpose }, body: form });
}

/** Where a file's bytes are served (scope-checked by the server). */
export const fileUrl = (id: string) => `/api/files/${id}`;
/** Where an image's 320 px thumbnail is served. */
export const thumbnailUrl = (id: string) => `/api/files/${id}/thumbnail`;
