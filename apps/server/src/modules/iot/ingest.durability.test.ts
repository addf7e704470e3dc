/**
 * Nothing acknowledged is lost: the real ParkOS process (`parkos start`) takes
 * QoS 1 telemetry from several clients under load, is killed with SIGKILL in
 * the middle of the stream, restarted on the same data, and every message
 * whose acknowledgement arrived must be in the database exactly once.
 *
 * Embedded mode: the device's PUBACK comes from ParkOS's broker.
 * External mode: Mosquitto (127.0.0.1:1883) acknowledges the device, and the
 * ingest acknowledges Mosquitto only after the commit; its persistent session
 * makes Mosquitto redeliver whatever ParkOS had not acknowledged.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, describe, expect, test } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../../../e2e/server-process';
import { loadConfig } from '../../config';
import { openDatabase, type Database } from '../../db/client';
import { createServices } from '../../services';
import { SYSTEM } from '../../testing/builders';
import { createTestDatabase, TEMPLATE_ENV, TEST_DB } from '../../testing/test-db';

const CLIENTS = 8;
const WINDOW = 10; // unacknowledged publishes per client
const READINGS = 10; // readings per message
const LOAD_MS = 2_500; // traffic before the kill

interface Fixture {
  env: Record<string, string>;
  devices: { id: string; code: string; secret: string }[];
  /** Opens the database the server uses (only while the server is stopped in PGlite mode). */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

/** A migrated database with a park and CLIENTS devices, for the server process to open. */
async function prepare(prefix: string): Promise<Fixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-durable-'));
  let database: Database & { url?: string };
  let open: () => Promise<Database>;
  if (TEST_DB === 'pglite') {
    const blob = new Blob([fs.readFileSync(process.env[TEMPLATE_ENV]!)]);
    database = await openDatabase({ dataDir: `${dataDir}/pglite`, loadDataDir: blob });
    open = () => openDatabase({ dataDir: `${dataDir}/pglite` });
  } else {
    database = await createTestDatabase();
    const url = database.url!;
    open = () => openDatabase({ databaseUrl: url, poolSize: 2 });
  }
  const services = createServices(database, loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
  const park = await services.parks.createPark(SYSTEM, { name: `Durability ${prefix}`, code: `DUR${prefix.slice(-6)}` });
  const devices = [];
  for (let i = 0; i < CLIENTS; i++) {
    const d = await services.iot.devices.createDevice(SYSTEM, { code: `${prefix}-${i}`, name: `${prefix} ${i}`, type: 'environment_sensor', parkId: park.id });
    const { secret } = await services.iot.devices.rotateCredentials(SYSTEM, d.id);
    devices.push({ id: d.id, code: d.code, secret });
  }
  const url = database.url;
  // PGlite: the server process must be the folder's only user. PostgreSQL: keep the database until cleanup.
  if (TEST_DB === 'pglite') await database.close();
  const env: Record<string, string> = { DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info', MQTT_DEVICE_RATE: '5000', MQTT_DEVICE_BURST: '5000', MQTT_WS_PORT: 'off' };
  if (url) env.DATABASE_URL = url;
  return {
    env,
    devices,
    open,
    cleanup: async () => {
      if (TEST_DB === 'postgres') await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Sent {
  deviceId: string;
  /** First reading's ts; the message's readings are ts … ts + READINGS - 1. */
  ts: number;
}

/**
 * Each client keeps WINDOW QoS 1 publishes in flight until `stop()`; a message
 * goes into `acked` only when its PUBACK arrived.
 */
function load(clients: MqttClient[], devices: Fixture['devices'], ratePerClient = Infinity) {
  const acked: Sent[] = [];
  let sent = 0;
  let stopped = false;
  const base = Date.now() - 3_600_000;
  let seq = 0;
  const t0 = Date.now();
  const loops = clients.flatMap((c, i) => {
    let n = 0;
    return Array.from({ length: WINDOW }, async () => {
      while (!stopped && c.connected) {
        const due = t0 + (n++ / ratePerClient) * 1000;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        const ts = base + seq++ * READINGS;
        const readings = Array.from({ length: READINGS }, (_, k) => ({ ts: ts + k, metric: k % 2 ? 'temperature' : 'humidity', value: (seq % 500) / 10 }));
        sent++;
        try {
          await c.publishAsync(`parkos/${devices[i].code}/telemetry`, JSON.stringify({ readings }), { qos: 1 });
          acked.push({ deviceId: devices[i].id, ts });
        } catch {
          return; // connection lost: not acknowledged
        }
      }
    });
  });
  return {
    acked,
    sent: () => sent,
    stop: async () => {
      stopped = true;
      for (const c of clients) c.end(true);
      await Promise.allSettled(loops);
    },
  };
}

async function connectAll(url: string, devices: { code: string; secret?: string }[], extra: mqtt.IClientOptions = {}): Promise<MqttClient[]> {
  return Promise.all(
    devices.map(async (d) => {
      const c = await mqtt.connectAsync(url, { username: d.secret ? d.code : undefined, password: d.secret, reconnectPeriod: 0, connectTimeout: 10_000, ...extra });
      (c.stream as net.Socket).setNoDelay?.(true);
      c.on('error', () => undefined);
      return c;
    }),
  );
}

/** Readings stored per acknowledged message; each must be exactly READINGS. */
async function missingOrDuplicated(database: Database, acked: Sent[]): Promise<{ bad: number; total: number }> {
  const rows = await database.query<{ device_id: string; t: number; n: number }>(
    `select u.d as device_id, u.t::float8 as t,
       (select count(*)::int from telemetry x where x.device_id = u.d and x.ts >= to_timestamp(u.t / 1000.0) and x.ts < to_timestamp((u.t + ${READINGS}) / 1000.0)) as n
     from unnest($1::uuid[], $2::float8[]) as u(d, t)`,
    [acked.map((a) => a.deviceId), acked.map((a) => a.ts)],
  );
  const [{ total }] = await database.query<{ total: number }>('select count(*)::int as total from telemetry');
  if (process.env.DEBUG_DURABLE) console.log(rows.filter((r) => r.n !== READINGS).map((r) => `${r.device_id.slice(0, 4)}:${(r.t - Math.min(...acked.map((a) => a.ts))) / READINGS}:${r.n}`).join(' '), acked.length);
  return { bad: rows.filter((r) => r.n !== READINGS).length, total };
}

function killed(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

const fixtures: Fixture[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await killed(s);
  for (const f of fixtures) await f.cleanup();
});

describe('acknowledged telemetry survives SIGKILL of the ParkOS process', () => {
  test('embedded broker: every PUBACKed message is in the database after a restart, once', async () => {
    const prefix = `dur-emb-${crypto.randomBytes(3).toString('hex')}`;
    const f = await prepare(prefix);
    fixtures.push(f);
    const first = await startServerProcess(f.env);
    servers.push(first);
    expect(first.mqttPort).toBeGreaterThan(0);
    const clients = await connectAll(`mqtt://127.0.0.1:${first.mqttPort}`, f.devices);
    const run = load(clients, f.devices);
    await new Promise((r) => setTimeout(r, LOAD_MS));
    await killed(first); // mid-stream: WINDOW × CLIENTS publishes are in flight
    await run.stop();
    expect(run.acked.length).toBeGreaterThan(200);
    expect(run.sent()).toBeGreaterThan(run.acked.length); // some were in flight, unacknowledged

    const second = await startServerProcess(f.env);
    servers.push(second);
    await second.stop('SIGTERM');
    const db = await f.open();
    try {
      const { bad, total } = await missingOrDuplicated(db, run.acked);
      expect(bad).toBe(0);
      expect(total).toBeGreaterThanOrEqual(run.acked.length * READINGS);
      expect(total).toBeLessThanOrEqual(run.sent() * READINGS);
    } finally {
      await db.close();
    }
  }, 240_000);

  const mosquitto = () =>
    new Promise<boolean>((resolve) => {
      const s = net.connect(1883, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });

  test('external broker: every message Mosquitto acknowledged is in the database after a restart, once', async (ctx) => {
    if (!(await mosquitto())) ctx.skip();
    const prefix = `dur-ext-${crypto.randomBytes(3).toString('hex')}`;
    const f = await prepare(prefix);
    fixtures.push(f);
    // A unique client id and share group: other runs on this broker never take our messages.
    const env = { ...f.env, MQTT_URL: 'mqtt://127.0.0.1:1883', MQTT_CLIENT_ID: `${prefix}-ingest`, MQTT_SHARE_GROUP: prefix };
    try {
      const first = await startServerProcess(env);
      servers.push(first);
      const clients = await connectAll('mqtt://127.0.0.1:1883', f.devices.map((d) => ({ code: d.code })), { protocolVersion: 5 });
      // Mosquitto acknowledges on receipt and, at its default max_queued_messages (1000), drops what
      // overflows a slow subscriber's queue: offer what one ingest instance takes on a loaded machine
      // (8 × 100 msg/s × 10 readings = 8,000 points/s). Its log says so if it dropped anything.
      const run = load(clients, f.devices, 100);
      await new Promise((r) => setTimeout(r, LOAD_MS));
      await killed(first);
      await run.stop();
      expect(run.acked.length).toBeGreaterThan(200);

      // Restarted with the same client id, the ingest resumes its session and Mosquitto redelivers what
      // ParkOS had not acknowledged. On a loaded machine that can take a while: wait (PostgreSQL: watch
      // the rows arrive; PGlite, whose folder only the server may open: stop it and look), and restart
      // again if something is still missing — an unacknowledged message stays in the session.
      let bad = -1;
      let total = 0;
      for (let round = 1; round <= 4 && bad !== 0; round++) {
        const again = await startServerProcess(env);
        servers.push(again);
        if (TEST_DB === 'postgres') {
          const db = await f.open();
          try {
            for (let i = 0; i < 60; i++) {
              ({ bad } = await missingOrDuplicated(db, run.acked));
              if (bad === 0) break;
              await new Promise((r) => setTimeout(r, 500));
            }
          } finally {
            await db.close();
          }
        } else await new Promise((r) => setTimeout(r, 4_000 * round));
        await again.stop('SIGTERM');
        const db = await f.open();
        try {
          ({ bad, total } = await missingOrDuplicated(db, run.acked));
        } finally {
          await db.close();
        }
      }
      expect(bad).toBe(0);
      expect(total).toBeLessThanOrEqual(run.sent() * READINGS);
    } finally {
      // Drop the persistent session on Mosquitto.
      const c = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId: `${prefix}-ingest`, clean: true, protocolVersion: 5, reconnectPeriod: 0 }).catch(() => undefined);
      await c?.endAsync();
    }
  }, 240_000);
});
