import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
});
