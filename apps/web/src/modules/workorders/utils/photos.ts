/** Photo limits, the same as the server's. */
export const PHOTO_LIMITS = { maxPerOrder: 9, maxBytes: 5 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] } as const;

/** Why a file cannot be uploaded, or null. */
export function photoProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(PHOTO_LIMITS.types as readonly string[]).includes(file.type)) return 'type';
  if (file.size > PHOTO_LIMITS.maxBytes) return 'size';
  return null;
}

/** A file's bytes as base64 (without the data-URL prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
