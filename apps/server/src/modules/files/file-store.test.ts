import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { assertValidKey, createFolderStore, readAll } from './file-store';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-store-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const store = createFolderStore(root);

describe('folder file store', () => {
  test('put, exists, get and delete a buffer and a stream', async () => {
    await store.put('o/ab/one', Buffer.from('hello'));
    await store.put('o/ab/two', Readable.from([Buffer.from('wor'), Buffer.from('ld')]));
    expect(await store.exists('o/ab/one')).toBe(true);
    expect((await readAll((await store.get('o/ab/one'))!)).toString()).toBe('hello');
    expect((await readAll((await store.get('o/ab/two'))!)).toString()).toBe('world');
    await store.put('o/ab/one', Buffer.from('replaced'));
    expect((await readAll((await store.get('o/ab/one'))!)).toString()).toBe('replaced');
    await store.delete('o/ab/one');
    await store.delete('o/ab/one');
    expect(await store.exists('o/ab/one')).toBe(false);
    expect(await store.get('o/ab/one')).toBeNull();
  });

  test('a write that fails midway leaves neither the key nor a temporary file', async () => {
    await store.put('o/cd/kept', Buffer.from('old bytes'));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put('o/cd/kept', failing)).rejects.toThrow(/client went away/);
    expect((await readAll((await store.get('o/cd/kept'))!)).toString()).toBe('old bytes');
    await expect(store.put('o/cd/new', new Readable({ read() { this.destroy(new Error('gone')); } }))).rejects.toThrow();
    expect(await store.exists('o/cd/new')).toBe(false);
    expect(fs.readdirSync(path.join(root, '.tmp'))).toEqual([]);
  });

  test.each(['../etc/passwd', '/abs', 'o/../../x', 'O/Upper', 'o//x', 'o/./x', '', '.tmp/x'])('refuses the key %j', async (key) => {
    expect(() => assertValidKey(key)).toThrow(/invalid file store key/);
    await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/invalid file store key/);
  });
});
