import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { FilePurposeName } from './files.table';

/** A purpose's limits: the largest file and the content types (detected, not declared) it accepts. */
export interface FilePurpose {
  maxBytes: number;
  mimeTypes: readonly string[];
  /** Images are decoded (a file that does not decode is refused) and get a thumbnail. */
  isImage: boolean;
}

const MB = 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/** Every purpose a file may be uploaded for, with its limits. */
export const FILE_PURPOSES: Record<FilePurposeName, FilePurpose> = {
  image: { maxBytes: 10 * MB, mimeTypes: IMAGE_TYPES, isImage: true },
  document: { maxBytes: 20 * MB, mimeTypes: DOCUMENT_TYPES, isImage: false },
};

/** Thumbnails fit in this square, as WebP. */
export const THUMBNAIL_SIZE = 320;
export const THUMBNAIL_MIME = 'image/webp';
/** Refuse images larger than this many pixels before decoding them (decompression bombs). */
const MAX_INPUT_PIXELS = 100_000_000;

/** The content type the bytes say they are (magic numbers and container structure), or null when unknown. */
export async function detectMimeType(data: Buffer): Promise<string | null> {
  const found = await fileTypeFromBuffer(data);
  return found?.mime ?? null;
}

/**
 * The image as it is stored: re-encoded in its own format without its EXIF, XMP and IPTC
 * metadata (a phone photo's GPS position, camera serial and time are personal data nobody needs
 * to see a leak; PIPL, GB/T 35273-2020 minimisation). The EXIF orientation is applied first, so
 * it looks the same; the ICC colour profile is kept, so colours do too. Quality stays high (JPEG
 * 90 with mozjpeg, lossless PNG, WebP 90). Throws when the bytes do not decode as an image.
 */
export async function stripImageMetadata(data: Buffer, mimeType: (typeof IMAGE_TYPES)[number]): Promise<Buffer> {
  const image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().keepIccProfile();
  switch (mimeType) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    case 'image/png':
      return image.png().toBuffer();
    case 'image/webp':
      return image.webp({ quality: 90 }).toBuffer();
  }
}

/** Whether a detected content type is one of the images {@link stripImageMetadata} re-encodes. */
export function isImageType(mimeType: string): mimeType is (typeof IMAGE_TYPES)[number] {
  return (IMAGE_TYPES as readonly string[]).includes(mimeType);
}

/**
 * A thumbnail of an image: turned upright by its EXIF orientation, fitted into
 * THUMBNAIL_SIZE², WebP, without metadata. Throws when the bytes do not decode as an image.
 */
export async function makeThumbnail(data: Buffer): Promise<Buffer> {
  return sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
}

/**
 * A `Content-Disposition` value that keeps any file name (Chinese included): an ASCII fallback in
 * `filename`, and the exact name in RFC 5987 `filename*` (UTF-8, percent-encoded).
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A file name safe to store and show: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string | undefined, fallback = 'file'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || fallback).slice(0, 255);
}
