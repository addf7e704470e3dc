import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where file bytes live. Keys are opaque, slash-separated paths chosen by the files service
 * (`o/ab/<uuid>`); a store never interprets them. An S3-compatible store implements the same four
 * calls (PutObject, GetObject, DeleteObject, HeadObject) with the key as the object key; nothing
 * else in ParkOS touches the bytes.
 */
export interface FileStore {
  /** Stores the bytes under `key`, replacing what was there; readers see the old or the new bytes, never part. */
  put(key: string, data: Buffer | Readable): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Keys are lower-case path segments: no `..`, no absolute paths, nothing a folder store could escape with. */
const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** Throws on a key that is not a plain relative path. */
export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.') || key.length > 200) throw new Error(`invalid file store key: ${key}`);
}

/**
 * A file store in a local folder (`FILES_DIR`, default `DATA_DIR/files`). Writes go to a temporary
 * file in the same folder tree, are flushed to disk, and then renamed into place, so a crash never
 * leaves half a file under a key. With PostgreSQL and several instances every instance must mount
 * the same folder.
 */
export function createFolderStore(root: string): FileStore {
  const base = path.resolve(root);
  const tmpDir = path.join(base, '.tmp');
  const pathOf = (key: string) => {
    assertValidKey(key);
    return path.join(base, ...key.split('/'));
  };
  return {
    async put(key, data) {
      const target = pathOf(key);
      await fsp.mkdir(tmpDir, { recursive: true });
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, `${crypto.randomUUID()}.part`);
      const out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o640 });
      try {
        await pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, out);
        const fh = await fsp.open(tmp, 'r');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
        await fsp.rename(tmp, target);
      } catch (err) {
        // The stream opens its file asynchronously: a source that fails at once can beat the open, and the file
        // would appear after the removal. Wait until the stream has closed what it opened.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        await fsp.rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      const file = pathOf(key);
      try {
        const fh = await fsp.open(file, 'r');
        return fh.createReadStream();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fsp.rm(pathOf(key), { force: true });
    },
    async exists(key) {
      try {
        return (await fsp.stat(pathOf(key))).isFile();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
    },
  };
}

/** Reads a whole stream into memory (files are bounded by their purpose's size limit). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
