import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { precompressDirectory } from './precompress';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('precompressDirectory', () => {
  test('writes brotli and gzip copies that decompress to each text file, and leaves small and binary files alone', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-precompress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const js = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `row ${i}` })))};\n`;
    fs.writeFileSync(path.join(dir, 'assets/index-AbC123.js'), js);
    fs.writeFileSync(path.join(dir, 'assets/tiny-Zz9.css'), 'a{color:red}');
    fs.writeFileSync(path.join(dir, 'assets/logo-Q1.png'), Buffer.alloc(4096, 7));

    const done = precompressDirectory(dir).map((f) => path.relative(dir, f));

    expect(done).toEqual(['assets/index-AbC123.js']);
    const br = fs.readFileSync(path.join(dir, 'assets/index-AbC123.js.br'));
    const gz = fs.readFileSync(path.join(dir, 'assets/index-AbC123.js.gz'));
    expect(zlib.brotliDecompressSync(br).toString()).toBe(js);
    expect(zlib.gunzipSync(gz).toString()).toBe(js);
    expect(br.length).toBeLessThan(js.length / 3);
    expect(fs.existsSync(path.join(dir, 'assets/tiny-Zz9.css.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'assets/logo-Q1.png.br'))).toBe(false);
  });
});
