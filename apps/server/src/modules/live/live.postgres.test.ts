import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../db/client';
import { buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { TEST_DB } from '../../testing/test-db';
import { createTestApp, testConfig, type TestApp } from '../../testing/test-app';
import type { FastifyInstance } from 'fastify';
import { openSse, sessionCookie, type SseEvent, type SseTestClient } from './live.testing';

/** Scale-out: two api instances on one PostgreSQL; what commits on one reaches screens on the other (LISTEN/NOTIFY). */
describe.skipIf(TEST_DB !== 'postgres')('live push across instances (PostgreSQL)', () => {
  let one: TestApp;
  let twoDb: Database;
  let two: FastifyInstance;
  let twoUrl: string;
  let park: Awaited<ReturnType<typeof buildPark>>;
  let otherPark: Awaited<ReturnType<typeof buildPark>>;
  const streams: SseTestClient[] = [];

  beforeAll(async () => {
    one = await createTestApp();
    twoDb = await openDatabase({ databaseUrl: (one.database as Database & { url: string }).url, poolSize: 2 });
    two = (await buildApp({ config: testConfig(), database: twoDb, logger: false })).app;
    await two.ready();
    twoUrl = await two.listen({ host: '127.0.0.1', port: 0 });
    park = await buildPark(one.services);
    otherPark = await buildPark(one.services);
    await buildUser(one.services, 'pg.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
    await buildUser(one.services, 'pg.other', [{ role: 'operator', scopeType: 'park', scopeId: otherPark.park.id }]);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await two?.close();
    await twoDb?.close();
    await one?.services.iot.pipeline.close();
    await one?.close();
  });

  test('an alarm acknowledged on instance one and a reading ingested there reach an SSE client on instance two, not another park’s', async () => {
    const mine = await openSse(twoUrl, await sessionCookie(two, 'pg.op', TEST_PASSWORD));
    const other = await openSse(twoUrl, await sessionCookie(two, 'pg.other', TEST_PASSWORD));
    streams.push(mine, other);
    const op = await one.login('pg.op', TEST_PASSWORD);
    const d = await one.services.iot.devices.createDevice(SYSTEM, { code: 'pg-live-1', name: '温感', type: 'environment_sensor', parkId: park.park.id, buildingId: park.building.id, tags: ['pg'] });
    const { secret } = await one.services.iot.devices.rotateCredentials(SYSTEM, d.id);
    expect((await op.post('/api/alarm-rules', { parkId: park.park.id, name: '过热', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 1, severity: 'minor', tag: 'pg' })).statusCode).toBe(201);
    const sent = await one.app.inject({ method: 'POST', url: '/api/ingest/telemetry', headers: { authorization: `Device pg-live-1:${secret}` }, payload: { metric: 'temperature', value: 45 } });
    expect(sent.statusCode).toBe(202);
    await mine.waitFor((e) => e.event === 'devices' && (e.data as { items: { id: string; values: { temperature?: number } }[] }).items.some((x) => x.id === d.id && x.values.temperature === 45));
    await one.services.alarms.engine.idle();
    const [alarm] = (await op.get(`/api/alarms?deviceId=${d.id}`)).json().items as { id: string }[];
    const started = Date.now();
    expect((await op.post(`/api/alarms/${alarm.id}/acknowledge`)).statusCode).toBe(200);
    await mine.waitFor((e: SseEvent) => e.event === 'alarms' && (e.data as { items: { id: string; state: string }[] }).items.some((a) => a.id === alarm.id && a.state === 'acknowledged'), 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(other.events.filter((e) => e.event !== 'ready')).toEqual([]);
  });
});
