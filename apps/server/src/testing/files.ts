import crypto from 'node:crypto';
import sharp from 'sharp';
import type { TestClient } from './test-app';

/** A real image of the given format (it decodes, so it gets a thumbnail). */
export async function buildImage(format: 'png' | 'jpeg' | 'webp' = 'png', size: { width: number; height: number } = { width: 640, height: 480 }): Promise<Buffer> {
  return sharp({ create: { ...size, channels: 3, background: { r: 40, g: 110, b: 200 } } })[format]().toBuffer();
}

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
export function multipart(file: { data: Buffer; name: string; type?: string; field?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----parkos${crypto.randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file as `client` through `POST /api/files`. */
export function uploadFile(client: TestClient, file: { data: Buffer; name: string; type?: string; field?: string }, purpose: 'image' | 'document' = 'image') {
  const { payload, headers } = multipart(file);
  return client.request({ method: 'POST', url: `/api/files?purpose=${purpose}`, payload, headers });
}
