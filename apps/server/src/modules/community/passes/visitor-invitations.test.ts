import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';
import { localDayOf } from './plate-invitations';

let t: TestApp;
let park: Awaited<ReturnType<typeof buildPark>>;
let otherPark: Awaited<ReturnType<typeof buildPark>>;
let op: TestClient;
let member: TestClient;
let outsider: TestClient;
let entryCam: { code: string; secret: string };
let otherEntryCam: { code: string; secret: string };
let seq = 0;

async function entryCamera(p: Awaited<ReturnType<typeof buildPark>>, operator: TestClient) {
  const lot = await operator.post('/api/parking/lots', { parkId: p.park.id, name: `访客停车场${++seq}`, capacity: 10, freeMinutes: 15, hourlyFen: 500 });
  expect(lot.statusCode, lot.body).toBe(201);
  const code = `VISIT-GATE-${Date.now()}-${seq}`;
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: 'entry camera', type: 'gate_camera', parkId: p.park.id } as never);
  const creds = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
  expect((await operator.post(`/api/parking/lots/${lot.json().id}/gates`, { deviceId: d.id, direction: 'entry' })).statusCode).toBe(200);
  return { code, secret: creds.secret };
}

/** What the gate camera sends when a car arrives (device credentials). */
function arrive(cam: { code: string; secret: string }, plate: string, at = new Date()) {
  return t.app.inject({ method: 'POST', url: '/api/parking/gate-reads', headers: { authorization: `Device ${cam.code}:${cam.secret}` }, payload: { plate, at: at.toISOString(), eventId: `ev-${++seq}` } });
}

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  otherPark = await buildPark(t.services);
  const e = await buildEnterprise(t.services, park.park.id, park.site.id);
  const e9 = await buildEnterprise(t.services, otherPark.park.id, otherPark.site.id);
  await buildUser(t.services, 'visit.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  await buildUser(t.services, 'visit.op9', [{ role: 'operator', scopeType: 'park', scopeId: otherPark.park.id }]);
  await buildUser(t.services, 'visit.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e.id }]);
  await buildUser(t.services, 'visit.out', [{ role: 'member', scopeType: 'enterprise', scopeId: e9.id }]);
  let op9: TestClient;
  [op, op9, member, outsider] = await Promise.all(['visit.op', 'visit.op9', 'visit.member', 'visit.out'].map((u) => t.login(u, TEST_PASSWORD)));
  entryCam = await entryCamera(park, op);
  otherEntryCam = await entryCamera(otherPark, op9);
}, 60_000);
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

describe('visitor invitations with phone and plate', () => {
  test.each([
    ['visitorPhone', { visitorPhone: '1234' }],
    ['visitorPhone', { visitorPhone: '12812345678' }],
    ['visitorPlate', { visitorPlate: '川AI2345O' }],
  ])('a bad %s is a 400 naming it, and nothing is created', async (field, extra) => {
    const before = (await member.get('/api/passes?kind=visitor')).json().total;
    const res = await member.post('/api/passes/invitations', { visitorName: '王五', validFrom: hours(0), validTo: hours(3), ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe(`body.${field}`);
    expect((await member.get('/api/passes?kind=visitor')).json().total).toBe(before);
  });

  test('phone and plate are normalised and kept; the public page shows the pass and plate but never the phone', async () => {
    const res = await member.post('/api/passes/invitations', { visitorName: '李四', visitorPhone: '+86 139-1234-5678', visitorPlate: '川a 88888', validFrom: hours(0), validTo: hours(4) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().pass).toMatchObject({ visitorPhone: '13912345678', visitorPlate: '川A88888' });
    expect(res.json().linkToken.length).toBeGreaterThanOrEqual(24);
    const page = await t.app.inject({ method: 'GET', url: `/api/visitor-passes/${res.json().linkToken}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ visitorName: '李四', visitorPlate: '川A88888', status: 'active' });
    expect(page.json().qr.text).toBeTruthy();
    expect(page.body).not.toContain('13912345678');
    expect((await t.app.inject({ method: 'GET', url: `/api/visitor-passes/${'x'.repeat(32)}` })).statusCode).toBe(404);
    // Another tenant never sees the visitor's phone.
    expect((await outsider.get('/api/passes?kind=visitor')).body).not.toContain('13912345678');
  });
});

describe('the parking entry admits an invited plate on the day of the visit', () => {
  test('invited plate → invited_visitor with the invitation; unknown plate → temporary; other park, revoked or another day → temporary', async () => {
    const inv = await member.post('/api/passes/invitations', { visitorName: '赵六', visitorPlate: '粤B12345', validFrom: hours(0.25), validTo: hours(3) });
    expect(inv.statusCode, inv.body).toBe(201);
    const passId = inv.json().pass.id;

    // Arriving a little before the window, on the same day, still counts as the invited guest.
    const admitted = await arrive(entryCam, '粤B 12345');
    expect(admitted.statusCode, admitted.body).toBe(200);
    expect(admitted.json()).toMatchObject({ result: 'session_opened', access: 'invited_visitor', invitationId: passId });

    expect((await arrive(entryCam, '粤B54321')).json()).toMatchObject({ access: 'temporary', invitationId: null });
    expect((await arrive(otherEntryCam, '粤B12345')).json()).toMatchObject({ access: 'temporary' });
    const dayAfter = new Date(localDayOf(new Date()).end.getTime() + 26 * 3600_000);
    expect((await arrive(entryCam, '粤B12345', dayAfter)).json()).toMatchObject({ access: 'temporary' });

    expect((await member.post(`/api/passes/${passId}/revoke`, { reason: '访问取消' })).statusCode).toBe(200);
    const late = await arrive(entryCam, '粤B12345', new Date(Date.now() + 2 * 3600_000));
    expect(late.json()).toMatchObject({ access: 'temporary', invitationId: null });
  });

  test('localDayOf is the Asia/Shanghai calendar day', () => {
    const d = localDayOf(new Date('2026-03-01T17:30:00Z'));
    expect(d.start.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(d.end.toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });
});
