import fs from 'node:fs';
import { DEVICE_TYPES } from '../metrics';
import { loadOfficeReadings } from './profiles';
import { DEFAULT_FAULTS, startSimulator, type SimulatedDevice, type SimulatorStats } from './simulator';

/** Options of `parkos simulate`. */
export interface SimulateCommandOptions {
  url: string;
  /** Stop after this many seconds (0: until Ctrl-C). */
  duration: number;
  rate: number;
  badRate: number;
  spikeRate: number;
  silenceRate: number;
  replay?: string;
  seed: number;
  /** Where the credentials come from (resolved by the caller: a file, the running server's API, or the database). */
  devices: SimulatedDevice[];
  out: NodeJS.WritableStream;
  /** Resolves when the run should end early (Ctrl-C). */
  interrupted?: Promise<void>;
}

/** Reads a credentials file: `[{"code": "…", "secret": "…", "type": "environment_sensor"}, …]`. */
export function readCredentialsFile(file: string): SimulatedDevice[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of {code, secret, type}`);
  return parsed.map((d: unknown, i) => {
    const r = d as Partial<SimulatedDevice>;
    if (typeof r?.code !== 'string' || typeof r.secret !== 'string' || !DEVICE_TYPES.includes(r.type as never)) {
      throw new Error(`${file}: entry ${i + 1} needs code, secret and a device type (${DEVICE_TYPES.join(', ')})`);
    }
    return { code: r.code, secret: r.secret, type: r.type! };
  });
}

/**
 * Fetches credentials through a running ParkOS: logs in as an operator,
 * lists the devices whose code starts with `prefix` and issues each a new
 * secret (audited by the server).
 */
export async function credentialsFromApi(options: { api: string; username: string; password: string; prefix: string; limit: number }): Promise<SimulatedDevice[]> {
  const base = options.api.replace(/\/$/, '');
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: options.username, password: options.password }) });
  if (!login.ok) throw new Error(`login to ${base} as ${options.username} failed (${login.status})`);
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const list = await fetch(`${base}/api/devices?q=${encodeURIComponent(options.prefix)}&pageSize=${Math.min(500, options.limit)}`, { headers });
  if (!list.ok) throw new Error(`listing devices failed (${list.status})`);
  const { items } = (await list.json()) as { items: { id: string; code: string; type: SimulatedDevice['type'] }[] };
  const out: SimulatedDevice[] = [];
  for (const d of items.filter((i) => i.code.startsWith(options.prefix)).slice(0, options.limit)) {
    const res = await fetch(`${base}/api/devices/${d.id}/credentials`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    if (!res.ok) throw new Error(`issuing credentials for ${d.code} failed (${res.status})`);
    out.push({ code: d.code, secret: ((await res.json()) as { secret: string }).secret, type: d.type });
  }
  return out;
}

/** Runs a simulation and prints a progress line every 5 s and a summary at the end. */
export async function runSimulateCommand(o: SimulateCommandOptions): Promise<SimulatorStats> {
  if (o.devices.length === 0) throw new Error('no devices to simulate (seed the demo park, or pass --credentials FILE)');
  const office = o.replay ? loadOfficeReadings(o.replay) : undefined;
  if (o.replay && office!.length === 0) o.out.write(`simulate: no office readings found in ${o.replay}; using generated values\n`);
  const sim = await startSimulator({
    url: o.url,
    devices: o.devices,
    ratePerSecond: o.rate,
    faults: { badPayload: o.badRate, spike: o.spikeRate, silence: o.silenceRate },
    office,
    seed: o.seed,
    log: { info: (m) => o.out.write(`${m}\n`), warn: (m) => o.out.write(`${m}\n`) },
  });
  const line = () => `simulate: ${sim.stats.published} messages (${sim.stats.readings} readings), ${sim.stats.badPayloads} bad payloads, ${sim.stats.spikes} spikes, ${sim.stats.silences} silences, ${sim.stats.errors} errors\n`;
  const progress = setInterval(() => o.out.write(line()), 5_000);
  progress.unref();
  await Promise.race([o.duration > 0 ? new Promise((r) => setTimeout(r, o.duration * 1000)) : new Promise(() => undefined), o.interrupted ?? new Promise(() => undefined)]);
  clearInterval(progress);
  await sim.stop();
  o.out.write(line());
  return sim.stats;
}

export { DEFAULT_FAULTS };
