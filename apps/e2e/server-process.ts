import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  /** Port of the embedded MQTT broker (started with MQTT_PORT=0), read from its log line; null if it did not start. */
  mqttPort: number | null;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `parkos start` as a new user would, on ephemeral ports and a
 * temporary data folder (never ./data, never 3000 or 1883).
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-e2e-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/parkos.mjs'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, LOGIN_RATE_PER_MINUTE: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Seeding the demo park takes ~40 s on an idle 2-core machine and several times that on a busy one.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /ParkOS is running at (http:\/\/\S+?)\s/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    mqttPort: mqttPortOf(output),
    dataDir,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** The port in the broker's pino line `{"port":…,"msg":"embedded MQTT broker listening"}`. */
export function mqttPortOf(output: string): number | null {
  for (const line of output.split('\n')) {
    if (!line.includes('embedded MQTT broker listening')) continue;
    try {
      const port = (JSON.parse(line) as { port?: unknown }).port;
      if (typeof port === 'number') return port;
    } catch {
      const m = /"port":\s*(\d+)/.exec(line);
      if (m) return Number(m[1]);
    }
  }
  return null;
}
