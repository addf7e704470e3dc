import net from 'node:net';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { startExternalIngest } from '../../iot/external-ingest';

async function mosquittoReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(1883, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}
const hasMosquitto = await mosquittoReachable();

let t: TestApp;
beforeAll(async () => {
  if (hasMosquitto) t = await createTestApp();
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

describe.skipIf(!hasMosquitto)('gate events through an external broker (Mosquitto at 127.0.0.1:1883)', () => {
  test('a pass scan published on parkos/{code}/events is verified and logged', async () => {
    const built = await buildPark(t.services);
    const e = await buildEnterprise(t.services, built.park.id, built.site.id);
    await buildUser(t.services, 'ext.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e.id }]);
    const member = await t.login('ext.member', TEST_PASSWORD);
    const code = `ext-gate-${Date.now()}`;
    await t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type: 'gate_camera', parkId: built.park.id });
    const { qr } = (await member.get('/api/passes/me')).json();
    // The ingest's external subscriber takes devices' events and hands pass scans to the verifier.
    const group = `passes-test-${process.pid}-${Date.now()}`;
    const sub = await startExternalIngest({
      url: 'mqtt://127.0.0.1:1883',
      ingest: t.services.iot.ingest,
      clientId: group,
      subscription: `$share/${group}/parkos/${code}/telemetry`,
      eventSubscription: `$share/${group}/parkos/+/events`,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const pub = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId: `passes-gate-${Date.now()}` });
    try {
      await pub.publishAsync(`parkos/${code}/events`, JSON.stringify({ type: 'pass_scan', payload: qr.text, nonce: 'ext-1' }), { qos: 1 });
      await pub.publishAsync(`parkos/${code}/events`, JSON.stringify({ type: 'door_open' }), { qos: 1 });
      const deadline = Date.now() + 5_000;
      let rows: { result: string; via: string }[] = [];
      while (Date.now() < deadline && rows.length === 0) {
        await new Promise((r) => setTimeout(r, 100));
        await t.services.passes.verifier.flush();
        rows = await t.database.query<{ result: string; via: string }>("select result, via from pass_scans where nonce = 'ext-1'");
      }
      expect(rows).toEqual([{ result: 'accepted', via: 'mqtt' }]);
    } finally {
      await pub.endAsync();
      await sub.close();
    }
  });
});
