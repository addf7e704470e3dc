/** Photo limits, the same as the server's (the files module's `image` purpose, 9 per order). */
export const PHOTO_LIMITS = { maxPerOrder: 9, maxBytes: 10 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] } as const;

/** Why a file cannot be uploaded, or null. */
export function photoProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(PHOTO_LIMITS.types as readonly string[]).includes(file.type)) return 'type';
  if (file.size > PHOTO_LIMITS.maxBytes) return 'size';
  return null;
}
