import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, readLockOwner } from './data-dir-lock';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-lock-'));
}

/** Runs the real CLI; resolves with its exit code and output. */
function runCli(args: string[], env: Record<string, string>, untilOutput?: RegExp): Promise<{ code: number | null; output: string; child: ChildProcess }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/parkos.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env, NODE_ENV: 'test' } });
    children.push(child);
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (untilOutput && untilOutput.test(output)) resolve({ code: null, output, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ code, output, child }));
  });
}

describe('data folder lock', () => {
  test('a second lock on the same folder fails and names the owner', () => {
    const dir = tmpDir();
    const release = acquireDataDirLock(dir, 'first');
    // Pretend another live process owns it: our own parent's pid is alive.
    fs.writeFileSync(path.join(dir, 'parkos.lock'), JSON.stringify({ pid: process.ppid, command: 'parkos start', startedAt: 'now' }));
    expect(() => acquireDataDirLock(dir, 'second')).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir, 'second')).toThrow(new RegExp(`process ${process.ppid}`));
    fs.rmSync(path.join(dir, 'parkos.lock'));
    release();
  });

  test('a stale lock left by a killed process is taken over', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'parkos.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, command: 'dead', startedAt: 'then' }));
    expect(readLockOwner(dir)).toBeNull();
    const release = acquireDataDirLock(dir, 'new owner');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'parkos.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'parkos.lock'))).toBe(false);
  });

  test('a second server and the CLI refuse a data folder a running server owns', async () => {
    const dir = tmpDir();
    const env = { DATA_DIR: dir, PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', WEB_DIST: '/nonexistent' };
    const first = await runCli(['start'], env, /ParkOS is running at/);
    expect(first.code).toBeNull();
    const second = await runCli(['start'], env);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`in use by ParkOS process ${first.child.pid}`);
    const migrate = await runCli(['migrate'], env);
    expect(migrate.code).toBe(1);
    expect(migrate.output).toContain(`process ${first.child.pid}`);
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));
    const after = await runCli(['migrate'], env);
    expect(after.output).toContain('migrations applied');
    expect(after.code).toBe(0);
  }, 120_000);
});
