/**
 * End-to-end ingest benchmark over real MQTT on loopback (run: `npx tsx apps/server/src/modules/iot/ingest.bench.ts`).
 * Embedded Aedes on port 0 → pipeline → PGlite (in memory, migrated), QoS 1 with PUBACK after commit:
 * batched messages (100 readings each) and single-reading messages; then the same through Mosquitto
 * at 127.0.0.1:1883 with a shared subscription, if it is running. Prints sustained points/s into the database.
 */
import net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { openDatabase, type Database } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { startEmbeddedBroker } from '../../runtime/embedded-broker';
import { createServices } from '../../services';
import { SYSTEM } from '../../testing/builders';
import type { DeviceAuth } from './device-auth';
import { createIngestPipeline } from './ingest.pipeline';
import { createIngestService } from './ingest.service';
import { startExternalIngest } from './external-ingest';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 20); // unacknowledged messages per client
const log = pino({ level: 'warn' });

async function setup(): Promise<{ database: Database; devices: { id: string; code: string; secret: string }[] }> {
  const database = await openDatabase({ dataDir: process.env.BENCH_DATA_DIR ?? 'memory://', databaseUrl: process.env.BENCH_DATABASE_URL });
  await runMigrations(database);
  const services = createServices(database, { sessionTtlHours: 1, loginMaxFailures: 5, loginLockMinutes: 1, env: 'test', dataDir: '/tmp' } as never);
  const park = await services.parks.createPark(SYSTEM, { name: 'Bench park', code: `BENCH${Date.now() % 100000}` });
  const devices = [];
  for (let i = 0; i < DEVICES; i++) {
    const d = await services.iot.devices.createDevice(SYSTEM, { code: `bench-${Date.now() % 100000}-${i}`, name: `bench ${i}`, type: 'environment_sensor', parkId: park.id });
    const { secret } = await services.iot.devices.rotateCredentials(SYSTEM, d.id);
    devices.push({ id: d.id, code: d.code, secret });
  }
  return { database, devices };
}

async function count(database: Database): Promise<number> {
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from telemetry');
  return n;
}

/** Each client keeps WINDOW QoS 1 publishes in flight for SECONDS; returns acknowledged messages. */
async function drive(clients: MqttClient[], topicOf: (i: number) => string, payload: (seq: number) => string): Promise<number> {
  let acked = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      let seq = 0;
      const one = async (): Promise<void> => {
        while (Date.now() < until) {
          await c.publishAsync(topicOf(i), payload(seq++), { qos: 1 });
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
  return JSON.stringify({ ts: tsBase++, metric: 'temperature', value: 21.5 });
}

async function connectAll(port: number, devices: { code: string; secret: string }[], extra: object = {}): Promise<MqttClient[]> {
  return Promise.all(
    devices.map(async (d) => {
      const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username: d.code, password: d.secret, reconnectPeriod: 0, ...extra });
      (c.stream as net.Socket).setNoDelay(true);
      return c;
    }),
  );
}

async function embedded(): Promise<void> {
  const { database, devices } = await setup();
  const pipeline = createIngestPipeline({ database });
  const ingest = createIngestService({ pipeline, deviceAuth: createServicesAuth(database), limits: { deviceRatePerSecond: 100_000, deviceBurst: 100_000 } });
  const broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', log: log as never, deviceAuth: ingestAuth!, ingest });
  const clients = await connectAll(broker.port, devices);
  for (const [name, payload, perMessage] of [
    ['batched (100 readings/message)', batchPayload, 100],
    ['single reading/message', singlePayload, 1],
  ] as const) {
    const before = await count(database);
    const t0 = Date.now();
    const acked = await drive(clients, (i) => `parkos/${devices[i].code}/telemetry`, payload);
    const secs = (Date.now() - t0) / 1000;
    const stored = (await count(database)) - before;
    console.log(`embedded ${database.driver}, ${name}: ${Math.round(acked / secs)} msg/s acknowledged, ${Math.round(stored / secs)} points/s stored (${stored} points, ${acked * perMessage} acknowledged, ${secs.toFixed(1)} s, ${DEVICES} clients × ${WINDOW} in flight)`);
  }
  for (const c of clients) c.end(true);
  await broker.close();
  await pipeline.close();
  await database.close();
}

let ingestAuth: DeviceAuth | undefined;
function createServicesAuth(database: Database): DeviceAuth {
  // The same device auth the app uses, built on this database.
  ingestAuth ??= createServices(database, { sessionTtlHours: 1, loginMaxFailures: 5, loginLockMinutes: 1, env: 'test', dataDir: '/tmp' } as never).iot.deviceAuth;
  return ingestAuth;
}

async function external(): Promise<void> {
  const reachable = await new Promise<boolean>((resolve) => {
    const s = net.connect(1883, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
  if (!reachable) {
    console.log('external: Mosquitto is not reachable at 127.0.0.1:1883; skipped');
    return;
  }
  ingestAuth = undefined;
  const { database, devices } = await setup();
  const run = Date.now().toString(36);
  const pipeline = createIngestPipeline({ database });
  const ingest = createIngestService({ pipeline, deviceAuth: createServicesAuth(database) });
  const ext = await startExternalIngest({ url: 'mqtt://127.0.0.1:1883', ingest, clientId: `parkos-bench-${run}`, clean: true, subscription: `$share/bench-${run}/parkos/+/telemetry`, log: log as never } as never);
  const clients = await connectAll(1883, devices.map((d) => ({ code: `${d.code}`, secret: '' })), { username: undefined, password: undefined, protocolVersion: 5 });
  for (const [name, payload] of [
    ['batched (100 readings/message)', batchPayload],
    ['single reading/message', singlePayload],
  ] as const) {
    const before = await count(database);
    const t0 = Date.now();
    const acked = await drive(clients, (i) => `parkos/${devices[i].code}/telemetry`, payload);
    // Mosquitto acknowledges the publisher on receipt; wait for the ingest to catch up.
    let last = -1;
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const n = await count(database);
      if (n === last) break;
      last = n;
    }
    const secs = (Date.now() - t0) / 1000;
    const stored = last - before;
    console.log(`external Mosquitto → ${database.driver}, ${name}: ${Math.round(acked / secs)} msg/s published, ${Math.round(stored / secs)} points/s stored (${stored} points in ${secs.toFixed(1)} s)`);
  }
  for (const c of clients) c.end(true);
  await ext.close();
  await pipeline.close();
  await database.close();
}

await embedded();
await external();
process.exit(0);
