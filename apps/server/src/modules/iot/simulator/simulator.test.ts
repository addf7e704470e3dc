import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../../runtime/embedded-broker';
import { buildPark } from '../../../testing/builders';
import { sharedDataPath } from '../../../testing/shared-data';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { prepareSimulatedDevices, seedSimulatedDevices } from './demo-devices';
import { createGenerator, loadOfficeReadings } from './profiles';
import { readCredentialsFile, runSimulateCommand } from './simulate-command';

const OFFICE_DIR = sharedDataPath('occupancy_detection_uci');
let t: TestApp;
let broker: EmbeddedBroker;

beforeAll(async () => {
  t = await createTestApp();
  broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) as never, deviceAuth: t.services.iot.deviceAuth, ingest: t.services.iot.ingest });
});
afterAll(async () => {
  await broker?.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

describe('value profiles', () => {
  test('meters count up, parking spaces report 0/1, environment values stay in office ranges', () => {
    const kwh = createGenerator('energy_meter', { seed: 1 });
    const water = createGenerator('water_meter', { seed: 2 });
    const park = createGenerator('parking_sensor', { seed: 3 });
    const env = createGenerator('environment_sensor', { seed: 4 });
    let prevKwh = -1;
    let prevM3 = -1;
    for (let i = 0; i < 500; i++) {
      const ts = Date.parse('2026-11-23T00:00:00Z') + i * 5 * 60_000;
      const k = kwh(ts);
      expect(k.energy_kwh).toBeGreaterThanOrEqual(prevKwh);
      prevKwh = k.energy_kwh;
      const w = water(ts);
      expect(w.water_m3).toBeGreaterThanOrEqual(prevM3);
      prevM3 = w.water_m3;
      expect([0, 1]).toContain(park(ts).occupied);
      const e = env(ts);
      expect(e.temperature).toBeGreaterThan(15);
      expect(e.temperature).toBeLessThan(30);
      expect(e.co2).toBeGreaterThan(350);
      expect(e.co2).toBeLessThan(2000);
    }
  });

  test.skipIf(!OFFICE_DIR)('the UCI office readings load and are replayed by environment sensors', () => {
    const office = loadOfficeReadings(OFFICE_DIR!);
    expect(office.length).toBeGreaterThan(10_000);
    const env = createGenerator('environment_sensor', { seed: 5, office });
    const r = env(Date.now());
    expect(office.some((o) => Math.round(o.co2 * 10) / 10 === r.co2 && Math.round(o.temperature * 100) / 100 === r.temperature)).toBe(true);
  });
});

describe('parkos simulate', () => {
  test('publishes over real MQTT with device credentials: readings arrive in the database and bad payloads are counted as rejected', async () => {
    const park = await buildPark(t.services);
    const created = await seedSimulatedDevices({ db: t.database.db, devices: t.services.iot.devices }, { parkId: park.park.id, historyHours: 0 });
    // The demo fleet: 8 environment, 4 energy, 2 water, 12 parking, 2 cameras, a fire panel and 3 entrance thermal cameras.
    expect(created).toBe(32);
    const devices = await prepareSimulatedDevices({ db: t.database.db, devices: t.services.iot.devices }, { limit: 6 });
    expect(devices).toHaveLength(6);
    // Through the command's own path: a credentials file.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-sim-')), 'creds.json');
    fs.writeFileSync(file, JSON.stringify(devices));
    const out: string[] = [];
    const stats = await runSimulateCommand({
      url: `mqtt://127.0.0.1:${broker.port}`,
      devices: readCredentialsFile(file),
      rate: 30,
      duration: 3,
      badRate: 0.25,
      spikeRate: 0.1,
      silenceRate: 0,
      seed: 7,
      out: { write: (s: string) => out.push(s) } as never,
    });
    expect(stats.connected).toBe(6);
    expect(stats.published).toBeGreaterThan(40);
    expect(stats.badPayloads).toBeGreaterThan(0);
    expect(stats.errors).toBe(0);
    expect(out.join('')).toMatch(/bad payloads/);

    const ids = (await t.database.query<{ id: string }>(`SELECT id FROM devices WHERE code = ANY($1::text[])`, [devices.map((d) => d.code)])).map((r) => r.id);
    // QoS 1: every acknowledged message is committed, so the counts are final once the simulator stopped.
    const [{ n }] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM telemetry WHERE device_id = ANY($1::uuid[])`, [ids]);
    expect(n).toBeGreaterThanOrEqual(stats.readings * 0.95);
    expect(n).toBeLessThanOrEqual(stats.readings);
    const [{ rejected }] = await t.database.query<{ rejected: number }>(`SELECT coalesce(sum(count), 0)::int AS rejected FROM device_ingest_errors WHERE device_id = ANY($1::uuid[])`, [ids]);
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThanOrEqual(stats.badPayloads);
    // Devices that reported are online, with latest values.
    const [{ online }] = await t.database.query<{ online: number }>(`SELECT count(*)::int AS online FROM devices WHERE id = ANY($1::uuid[]) AND last_seen_at > now() - interval '1 minute'`, [ids]);
    expect(online).toBe(6);
  });
});
