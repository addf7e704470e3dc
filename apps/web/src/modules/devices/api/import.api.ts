import { api } from '../../../lib/api-client';
import type { ImportMode, ImportResult } from './devices.api';

export const importDevicesXlsx = (input: { parkId: string; xlsx: string; mode: ImportMode }) => api.post<ImportResult>('/devices/import/xlsx', input);

/** A file's bytes as base64 (the .xlsx upload is sent inside JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
