import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { openDatabase } from './db/client';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs `parkos …` as a user would, through the package's bin. */
function parkos(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/parkos.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', WEB_DIST: '/nonexistent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-cli-'));
}

describe('parkos CLI', () => {
  test('production refuses to start without a secret and names it', () => {
    const r = parkos(['start'], { NODE_ENV: 'production', DATA_DIR: tmp(), PORT: '0', MQTT_PORT: '0', SESSION_SECRET: '', LEDGER_SIGNING_KEY: 'x', PASS_SIGNING_KEY: 'x' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/SESSION_SECRET/);
  });

  test('a taken MQTT port stops the start with the variable to change', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/parkos.mjs'), 'start'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'test', WEB_DIST: '/nonexistent', DATA_DIR: tmp(), PORT: '0', HOST: '127.0.0.1', MQTT_PORT: String(port), SEED_DEMO: 'false' },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(out).toContain(`MQTT_PORT=${port} is already in use`);
    } finally {
      blocker.close();
    }
  }, 120_000);

  test('create-admin refuses a weak password, naming the option', () => {
    const r = parkos(['create-admin', '--username', 'boss', '--password', 'short'], { DATA_DIR: tmp() });
    expect(r.code).toBe(1);
    expect(r.out).toContain('--password');
  });

  test('create-admin, backup and restore into another data folder', async () => {
    const source = tmp();
    const created = parkos(['create-admin', '--username', 'boss', '--password', 'Strong-pass-2026'], { DATA_DIR: source });
    expect(created.out).toContain('created operator boss');
    expect(created.code).toBe(0);
    const file = path.join(tmp(), 'backup.parkos.gz');
    const backup = parkos(['backup', file], { DATA_DIR: source });
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/backup written .* rows in \d+ tables/);
    expect(backup.out).toMatch(/users\s+1\/1/);
    const target = tmp();
    const restore = parkos(['restore', file], { DATA_DIR: target });
    expect(restore.out).toMatch(/restored \d+ rows/);
    expect(restore.code).toBe(0);
    const db = await openDatabase({ dataDir: path.join(target, 'pglite') });
    try {
      const rows = await db.query<{ username: string }>('select username from users');
      expect(rows.map((r) => r.username)).toEqual(['boss']);
    } finally {
      await db.close();
    }
    // Restoring again over data is refused.
    const again = parkos(['restore', file], { DATA_DIR: target });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/empty database/);
  }, 180_000);

  test('an embedded development backup carries the ledger key, so the restored instance signs with the same key id', () => {
    const dev = { NODE_ENV: 'development' };
    const source = tmp();
    const signed = parkos(['ledger', 'sign-head'], { ...dev, DATA_DIR: source });
    expect(signed.code).toBe(0);
    const keyId = (JSON.parse(signed.out.slice(signed.out.indexOf('{'))) as { keyId: string }).keyId;
    expect(fs.existsSync(path.join(source, 'ledger-key.pem'))).toBe(true);
    const file = path.join(tmp(), 'dev.parkos.gz');
    const backup = parkos(['backup', file], { ...dev, DATA_DIR: source });
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/WARNING: .* contains the ledger signing key/);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const target = tmp();
    const restore = parkos(['restore', file], { ...dev, DATA_DIR: target });
    expect(restore.code).toBe(0);
    expect(restore.out).toContain(`signs with key id ${keyId}`);
    const again = parkos(['ledger', 'sign-head'], { ...dev, DATA_DIR: target });
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out.slice(again.out.indexOf('{'))) as { keyId: string }).keyId).toBe(keyId);
  }, 240_000);

  test('a backup never carries a configured LEDGER_SIGNING_KEY', () => {
    const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const env = { NODE_ENV: 'development', LEDGER_SIGNING_KEY: pem, DATA_DIR: tmp() };
    expect(parkos(['ledger', 'sign-head'], env).code).toBe(0);
    const file = path.join(tmp(), 'prod.parkos.gz');
    const backup = parkos(['backup', file], env);
    expect(backup.code).toBe(0);
    expect(backup.out).not.toContain('WARNING');
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('"secret"');
  }, 180_000);
});
