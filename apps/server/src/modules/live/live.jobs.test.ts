import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, SYSTEM } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { OFFLINE_AFTER_SECONDS } from '../iot/metrics';
import { createLiveBus, type LiveSignal } from './live.bus';
import { startDeviceStatusJob } from './live.jobs';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('device status job', () => {
  test('signals devices whose last reading just crossed their offline threshold, once; not the long-gone or the fresh', async () => {
    const park = await buildPark(t.services);
    const make = async (code: string, secondsAgo: number | null) => {
      const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type: 'environment_sensor', parkId: park.park.id });
      if (secondsAgo !== null) await t.database.query(`update devices set last_seen_at = now() - make_interval(secs => $2::float8) where id = $1`, [d.id, secondsAgo]);
      return d.id;
    };
    const limit = OFFLINE_AFTER_SECONDS.environment_sensor;
    const justGone = await make('status-just-gone', limit + 2);
    await make('status-fresh', 1);
    await make('status-long-gone', limit + 3600);
    await make('status-never', null);
    const bus = createLiveBus({ database: t.database, alarmDelayMs: 1 });
    const got: LiveSignal[] = [];
    bus.subscribe((s) => got.push(s));
    await bus.start();
    const job = startDeviceStatusJob({ database: t.database, bus, intervalMs: 60_000 });
    await job.tick();
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([{ kind: 'offline', deviceIds: [justGone] }]);
    await job.stop();
    await bus.close();
  });
});
