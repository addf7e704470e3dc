/**
 * End-to-end ingest benchmark over real MQTT on loopback: `npm run bench:ingest`.
 *
 * Embedded: Aedes on port 0 → ingest pipeline → PGlite in a temporary data folder (or PostgreSQL with
 * BENCH_DATABASE_URL), QoS 1 with the PUBACK after the commit. Prints
 *   1. sustained points/s stored, batched messages (100 readings each);
 *   2. single-reading messages/s stored;
 *   3. publish-to-alarm latency p50/p99 while 5,000 points/s flow, with a threshold rule created through
 *      the alarms module's rules service (the time from publishing a spike to the engine having raised its alarm).
 * External: the same through Mosquitto at 127.0.0.1:1883 (a unique share group and client id), if it runs;
 * Mosquitto acknowledges publishers on receipt, so "stored" is what reached the database.
 *
 * Knobs: BENCH_DEVICES (50), BENCH_SECONDS (8), BENCH_WINDOW (20 in flight per client), BENCH_ALARM_RATE (5000 points/s),
 * BENCH_ALARM_SPIKES (60), BENCH_EXTERNAL=0 to skip Mosquitto, BENCH_DATA_DIR=memory:// for an in-memory PGlite.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { loadConfig } from '../../config';
import { openDatabase, type Database } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { startEmbeddedBroker } from '../../runtime/embedded-broker';
import { createServices, type Services } from '../../services';
import { SYSTEM } from '../../testing/builders';
import { startExternalIngest } from './external-ingest';
import { sharedTelemetrySubscription } from './topics';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 20);
const ALARM_RATE = Number(process.env.BENCH_ALARM_RATE ?? 5_000);
const SPIKES = Number(process.env.BENCH_ALARM_SPIKES ?? 60);
const log = pino({ level: 'warn' });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface BenchDevice {
  id: string;
  code: string;
  secret: string;
}
interface Setup {
  database: Database;
  services: Services;
  parkId: string;
  devices: BenchDevice[];
  probes: BenchDevice[];
  cleanup(): Promise<void>;
}

async function setup(): Promise<Setup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-bench-'));
  const database = await openDatabase({ dataDir: process.env.BENCH_DATA_DIR ?? `${dir}/pglite`, databaseUrl: process.env.BENCH_DATABASE_URL });
  await runMigrations(database);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, MQTT_DEVICE_RATE: '1000000', MQTT_DEVICE_BURST: '1000000' });
  const services = createServices(database, config);
  const tag = Date.now().toString(36);
  const park = await services.parks.createPark(SYSTEM, { name: `Bench park ${tag}`, code: `B${tag}`.slice(0, 12) });
  const make = async (prefix: string, n: number) => {
    const out: BenchDevice[] = [];
    for (let i = 0; i < n; i++) {
      const d = await services.iot.devices.createDevice(SYSTEM, { code: `${prefix}-${tag}-${i}`, name: `${prefix} ${i}`, type: 'environment_sensor', parkId: park.id });
      const { secret } = await services.iot.devices.rotateCredentials(SYSTEM, d.id);
      out.push({ id: d.id, code: d.code, secret });
    }
    return out;
  };
  const devices = await make('bench', DEVICES);
  const probes = await make('probe', SPIKES);
  return {
    database,
    services,
    parkId: park.id,
    devices,
    probes,
    cleanup: async () => {
      await services.iot.pipeline.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function count(database: Database): Promise<number> {
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from telemetry');
  return n;
}

/** Each client keeps WINDOW QoS 1 publishes in flight for SECONDS; returns acknowledged messages. */
async function drive(clients: MqttClient[], topicOf: (i: number) => string, payload: () => string): Promise<number> {
  let acked = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      const one = async (): Promise<void> => {
        while (Date.now() < until) {
          await c.publishAsync(topicOf(i), payload(), { qos: 1 });
          acked++;
        }
      };
      await Promise.all(Array.from({ length: WINDOW }, one));
    }),
  );
  return acked;
}

let tsBase = Date.now() - 3 * 24 * 3600_000;
function batchPayload(): string {
  const readings = [];
  for (let k = 0; k < 100; k++) readings.push({ ts: tsBase++, metric: k % 2 ? 'temperature' : 'humidity', value: Math.round(Math.random() * 1000) / 10 });
  return JSON.stringify({ readings });
}
function singlePayload(): string {
  return JSON.stringify({ ts: tsBase++, metric: 'humidity', value: 41.5 });
}

async function connectAll(url: string, devices: { code: string; secret?: string }[], extra: mqtt.IClientOptions = {}): Promise<MqttClient[]> {
  return Promise.all(
    devices.map(async (d) => {
      const c = await mqtt.connectAsync(url, { username: d.secret ? d.code : undefined, password: d.secret, reconnectPeriod: 0, ...extra });
      (c.stream as net.Socket).setNoDelay(true);
      return c;
    }),
  );
}

/** Stored rows stop growing (external mode: the ingest catches up with what Mosquitto accepted). */
async function settle(database: Database): Promise<number> {
  let last = -1;
  for (;;) {
    await sleep(250);
    const n = await count(database);
    if (n === last) return n;
    last = n;
  }
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * ALARM_RATE points/s of normal temperature from the bench devices (single readings, QoS 1), and one spike
 * above a threshold rule every 1000/8 ms from a fresh probe device; latency = publish → engine raised the alarm.
 */
async function alarmLatency(s: Setup, clients: MqttClient[], probes: MqttClient[]): Promise<string> {
  await s.services.alarms.rules.createRule(SYSTEM, { parkId: s.parkId, name: 'bench: temperature high', severity: 'major', enabled: true, kind: 'threshold', metric: 'temperature', operator: '>', value: 80, hysteresis: 2 });
  const engine = s.services.alarms.engine;
  let stop = false;
  const tickMs = 20;
  const perTick = (ALARM_RATE * tickMs) / 1000;
  let sent = 0;
  const background = (async () => {
    let next = Date.now();
    let i = 0;
    while (!stop) {
      for (let k = 0; k < perTick; k++) {
        const c = clients[i++ % clients.length];
        const idx = (i - 1) % clients.length;
        void c.publishAsync(`parkos/${s.devices[idx].code}/telemetry`, JSON.stringify({ ts: tsBase++, metric: 'temperature', value: 20 + (k % 10) }), { qos: 1 }).then(() => sent++, () => undefined);
      }
      next += tickMs;
      await sleep(Math.max(0, next - Date.now()));
    }
  })();
  await sleep(1_000); // warm up: the background flow is steady
  const latencies: number[] = [];
  const started = Date.now();
  const sentBefore = sent;
  for (let k = 0; k < probes.length; k++) {
    const raisedBefore = engine.stats.raised;
    const t0 = performance.now();
    void probes[k].publishAsync(`parkos/${s.probes[k].code}/telemetry`, JSON.stringify({ metric: 'temperature', value: 95 }), { qos: 1 }).catch(() => undefined);
    while (engine.stats.raised === raisedBefore && performance.now() - t0 < 5_000) await new Promise<void>((r) => setImmediate(r));
    latencies.push(performance.now() - t0);
    await sleep(125);
  }
  const rate = Math.round((sent - sentBefore) / ((Date.now() - started) / 1000));
  stop = true;
  await background;
  latencies.sort((a, b) => a - b);
  return `p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (${latencies.length} spikes, background ${rate} points/s acknowledged)`;
}

async function embedded(): Promise<void> {
  const s = await setup();
  const broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', log: log as never, deviceAuth: s.services.iot.deviceAuth, ingest: s.services.iot.ingest });
  const url = `mqtt://127.0.0.1:${broker.port}`;
  const clients = await connectAll(url, s.devices);
  const label = `embedded (Aedes → ${s.database.driver})`;
  for (const [name, payload, perMessage] of [
    ['batched, 100 readings/message', batchPayload, 100],
    ['single reading/message', singlePayload, 1],
  ] as const) {
    const before = await count(s.database);
    const t0 = Date.now();
    const acked = await drive(clients, (i) => `parkos/${s.devices[i].code}/telemetry`, payload);
    const secs = (Date.now() - t0) / 1000;
    const stored = (await count(s.database)) - before;
    const unit = perMessage === 1 ? 'messages/s' : 'points/s';
    console.log(`${label}, ${name}: ${Math.round(stored / secs / perMessage) * perMessage} ${unit} stored and acknowledged (${acked} messages acknowledged, ${stored} points in ${secs.toFixed(1)} s, ${DEVICES} clients × ${WINDOW} in flight)`);
  }
  const probes = await connectAll(url, s.probes);
  console.log(`${label}, publish → alarm at ${ALARM_RATE} points/s: ${await alarmLatency(s, clients, probes)}`);
  for (const c of [...clients, ...probes]) c.end(true);
  await broker.close();
  await s.cleanup();
}

async function external(): Promise<void> {
  const reachable = await new Promise<boolean>((resolve) => {
    const sock = net.connect(1883, '127.0.0.1');
    sock.once('connect', () => (sock.destroy(), resolve(true)));
    sock.once('error', () => resolve(false));
  });
  if (!reachable) {
    console.log('external: Mosquitto is not reachable at 127.0.0.1:1883; skipped');
    return;
  }
  const s = await setup();
  const run = `bench-${Date.now().toString(36)}`;
  const ext = await startExternalIngest({ url: 'mqtt://127.0.0.1:1883', ingest: s.services.iot.ingest, clientId: `${run}-ingest`, subscription: sharedTelemetrySubscription(run), log: log as never });
  const v5 = { protocolVersion: 5 as const };
  const clients = await connectAll('mqtt://127.0.0.1:1883', s.devices.map((d) => ({ code: d.code })), v5);
  const label = `external (Mosquitto → ${s.database.driver})`;
  for (const [name, payload, perMessage] of [
    ['batched, 100 readings/message', batchPayload, 100],
    ['single reading/message', singlePayload, 1],
  ] as const) {
    const before = await count(s.database);
    const t0 = Date.now();
    const acked = await drive(clients, (i) => `parkos/${s.devices[i].code}/telemetry`, payload);
    const published = Date.now();
    const stored = (await settle(s.database)) - before;
    const secs = (Date.now() - t0) / 1000;
    const unit = perMessage === 1 ? 'messages/s' : 'points/s';
    console.log(
      `${label}, ${name}: ${Math.round(stored / secs / perMessage) * perMessage} ${unit} stored (${acked} messages acknowledged by Mosquitto in ${((published - t0) / 1000).toFixed(1)} s, ${Math.round((stored / (acked * perMessage)) * 100)}% of them stored — Mosquitto drops what overflows max_queued_messages)`,
    );
  }
  const probes = await connectAll('mqtt://127.0.0.1:1883', s.probes.map((d) => ({ code: d.code })), v5);
  console.log(`${label}, publish → alarm at ${ALARM_RATE} points/s: ${await alarmLatency(s, clients, probes)}`);
  for (const c of [...clients, ...probes]) c.end(true);
  await ext.close();
  // Drop the persistent session.
  const c = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId: `${run}-ingest`, clean: true, ...v5, reconnectPeriod: 0 });
  await c.endAsync();
  await s.cleanup();
}

console.log(`ParkOS ingest benchmark: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}`);
await embedded();
if (process.env.BENCH_EXTERNAL !== '0') await external();
process.exit(0);
