import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { handleGateCameraEvent } from './parking.mqtt';

let t: TestApp;
let op: TestClient;
let member1: TestClient;
let member2: TestClient;
let admin1: TestClient;
let outsider: TestClient;
let park: Awaited<ReturnType<typeof buildPark>>;
let e1: { id: string };
let lotId: string;
let entryCam: { id: string; code: string; secret: string };
let exitCam: { id: string; code: string; secret: string };
let seq = 0;

/** Times in Asia/Shanghai. */
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

async function camera(direction: 'entry' | 'exit') {
  const code = `GATE-${direction}-${Date.now()}-${++seq}`;
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: `${direction} camera`, type: 'gate_camera', parkId: park.park.id } as never);
  const creds = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
  const res = await op.post(`/api/parking/lots/${lotId}/gates`, { deviceId: d.id, direction });
  expect(res.statusCode, res.body).toBe(200);
  return { id: d.id, code, secret: creds.secret };
}

function read(cam: { code: string; secret: string }, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/parking/gate-reads', headers: { authorization: `Device ${cam.code}:${cam.secret}` }, payload: body });
}

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  e1 = await buildEnterprise(t.services, park.park.id, park.site.id);
  const otherPark = await buildPark(t.services);
  const e9 = await buildEnterprise(t.services, otherPark.park.id, otherPark.site.id);
  await buildUser(t.services, 'park.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  await buildUser(t.services, 'park.m1', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'park.m2', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'park.a1', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'park.out', [{ role: 'member', scopeType: 'enterprise', scopeId: e9.id }]);
  [op, member1, member2, admin1, outsider] = await Promise.all(['park.op', 'park.m1', 'park.m2', 'park.a1', 'park.out'].map((u) => t.login(u, TEST_PASSWORD)));
  const lot = await op.post('/api/parking/lots', { parkId: park.park.id, siteId: park.site.id, name: 'P1 地下停车场', capacity: 3, freeMinutes: 30, hourlyFen: 500, dailyCapFen: 4000, nightStartMinute: 22 * 60, nightEndMinute: 7 * 60, nightHourlyFen: 100 });
  expect(lot.statusCode, lot.body).toBe(201);
  lotId = lot.json().id;
  expect((await op.post(`/api/parking/lots/${lotId}/spaces`, { codes: ['B-001', 'B-002', 'B-003'] })).json()).toEqual({ added: 3 });
  entryCam = await camera('entry');
  exitCam = await camera('exit');
});
afterAll(() => t?.close());

describe('plates', () => {
  test('members register GA 36 plates, normalised; invalid ones name the field', async () => {
    const ok = await member1.post('/api/parking/me/plates', { plate: '川a 12345' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().plate).toBe('川A12345');
    expect((await member1.post('/api/parking/me/plates', { plate: '川A-12345' })).statusCode).toBe(409);
    expect((await member1.post('/api/parking/me/plates', { plate: '川AD12345' })).statusCode).toBe(201);
    const bad = await member1.post('/api/parking/me/plates', { plate: '川AI2345O' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.plate');
    expect((await member2.delete(`/api/parking/me/plates/${ok.json().id}`)).statusCode).toBe(404);
  });
});

describe('camera reads → sessions → fee → bill', () => {
  test('entry then exit closes the session, computes the fee and bills the member; the bill is payable', async () => {
    expect((await read(entryCam, { plate: '川A12345', at: at('2026-11-02T08:00:00') })).json()).toMatchObject({ result: 'session_opened' });
    const me = (await member1.get('/api/parking/me')).json() as { sessions: { status: string; feeFen: number }[] };
    expect(me.sessions[0].status).toBe('open');
    const exit = await read(exitCam, { plate: '川A12345', at: at('2026-11-02T10:30:00') });
    expect(exit.statusCode, exit.body).toBe(200);
    expect(exit.json()).toMatchObject({ result: 'session_closed', feeFen: 1500 });
    const billId = exit.json().billId as string;
    const bill = await member1.get(`/api/bills/${billId}`);
    expect(bill.json()).toMatchObject({ kind: 'parking', amountFen: 1500, status: 'open', canPay: true, period: '2026-11' });
    expect((await member2.get(`/api/bills/${billId}`)).statusCode).toBe(404);
    const pay = await member1.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': `parking-${billId}` }, payload: { billIds: [billId] } });
    expect(pay.statusCode).toBe(201);
  });

  test('a duplicate read at the same camera within the window is logged and ignored', async () => {
    const first = await read(entryCam, { plate: '川B54321', at: at('2026-11-03T09:00:00') });
    expect(first.json().result).toBe('session_opened');
    const dup = await read(entryCam, { plate: '川B54321', at: at('2026-11-03T09:00:20') });
    expect(dup.json()).toMatchObject({ result: 'duplicate', sessionId: first.json().sessionId });
    // A camera's own event id also makes a redelivery a duplicate.
    const withId = await read(exitCam, { plate: '川B54321', at: at('2026-11-03T12:00:00'), eventId: 'cam-evt-1' });
    expect(withId.json().result).toBe('session_closed');
    expect((await read(exitCam, { plate: '川B54321', at: at('2026-11-03T14:00:00'), eventId: 'cam-evt-1' })).json().result).toBe('duplicate');
    const sessions = (await op.get('/api/parking/sessions?plate=川B54321')).json() as { items: { status: string }[] };
    expect(sessions.items.map((s) => s.status)).toEqual(['closed']);
  });

  test('an exit without entry and an entry while a session is open stay visible for review', async () => {
    const orphan = await read(exitCam, { plate: '川C11111', at: at('2026-11-04T09:00:00') });
    expect(orphan.json()).toMatchObject({ result: 'exit_without_entry', feeFen: null, billId: null });
    await read(entryCam, { plate: '川C22222', at: at('2026-11-04T08:00:00') });
    const again = await read(entryCam, { plate: '川C22222', at: at('2026-11-04T18:00:00') });
    expect(again.json().result).toBe('entry_while_open');
    const list = (await op.get(`/api/parking/sessions?lotId=${lotId}&pageSize=100`)).json() as { items: { plate: string; status: string }[] };
    expect(list.items.filter((s) => s.plate === '川C11111').map((s) => s.status)).toEqual(['exit_without_entry']);
    expect(list.items.filter((s) => s.plate === '川C22222').map((s) => s.status).sort()).toEqual(['missed_exit', 'open']);
  });

  test('a monthly pass parks free; an enterprise-paid plate is billed to the enterprise', async () => {
    await t.services.parks.addVehicle(SYSTEM, e1.id, { plate: '川A88888' });
    expect((await op.post(`/api/parking/lots/${lotId}/rights`, { kind: 'enterprise_paid', plate: '川A99999', enterpriseId: e1.id, validFrom: '2026-11-01', validTo: '2026-11-30' })).statusCode).toBe(400);
    expect((await op.post(`/api/parking/lots/${lotId}/rights`, { kind: 'enterprise_paid', plate: '川A88888', enterpriseId: e1.id, validFrom: '2026-11-01', validTo: '2026-11-30' })).statusCode).toBe(201);
    expect((await op.post(`/api/parking/lots/${lotId}/rights`, { kind: 'monthly_pass', plate: '川D77777', validFrom: '2026-11-01', validTo: '2026-11-30' })).statusCode).toBe(201);
    await read(entryCam, { plate: '川D77777', at: at('2026-11-05T08:00:00') });
    expect((await read(exitCam, { plate: '川D77777', at: at('2026-11-05T20:00:00') })).json()).toMatchObject({ result: 'session_closed', feeFen: 0, billId: null });
    await read(entryCam, { plate: '川A88888', at: at('2026-11-05T08:00:00') });
    const out = (await read(exitCam, { plate: '川A88888', at: at('2026-11-05T20:00:00') })).json();
    expect(out.feeFen).toBe(4000);
    const bill = (await admin1.get(`/api/bills/${out.billId}`)).json();
    expect(bill).toMatchObject({ enterpriseId: e1.id, userId: null, amountFen: 4000, canPay: true });
    expect((await member1.get(`/api/bills/${out.billId}`)).statusCode).toBe(404);
  });

  test('a plate read published on the camera’s MQTT events topic opens a session through the ingest hook', async () => {
    const identity = { id: entryCam.id, code: entryCam.code, type: 'gate_camera' as const };
    await t.services.iot.ingest.handleDevicePublish(identity, `parkos/${entryCam.code}/events`, Buffer.from(JSON.stringify({ type: 'plate', plate: '川G24680', at: at('2026-11-08T08:00:00'), eventId: 'mqtt-1' })), 1);
    await expect.poll(async () => (await op.get('/api/parking/sessions?plate=川G24680')).json().total).toBe(1);
  });

  test('simultaneous reads of one plate open one session; the rest are duplicates', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => read(entryCam, { plate: '川F55555', at: at('2026-11-07T08:00:00') })));
    expect(results.map((r) => r.json().result).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'session_opened']);
    const [{ n }] = await t.database.query<{ n: number }>(`select count(*)::int as n from parking_sessions where plate = '川F55555'`);
    expect(n).toBe(1);
  });

  test('gate reads need valid device credentials; MQTT events take the same path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/parking/gate-reads', headers: { authorization: `Device ${entryCam.code}:wrong` }, payload: { plate: '川A12345' } });
    expect(res.statusCode).toBe(401);
    const device = { id: entryCam.id, code: entryCam.code, type: 'gate_camera' };
    expect(await handleGateCameraEvent(t.services.parking, device, Buffer.from('{oops'))).toMatchObject({ ok: false });
    expect(await handleGateCameraEvent(t.services.parking, device, JSON.stringify({ type: 'heartbeat' }))).toMatchObject({ ok: true, result: 'ignored' });
    expect(await handleGateCameraEvent(t.services.parking, device, JSON.stringify({ type: 'plate', plate: '川E12345', at: at('2026-11-06T08:00:00') }))).toEqual({ ok: true, result: 'session_opened' });
    expect(await handleGateCameraEvent(t.services.parking, device, JSON.stringify({ type: 'plate', plate: 'XX', at: at('2026-11-06T08:00:00') }))).toMatchObject({ ok: false });
  });
});

describe('occupancy and reservations', () => {
  test('occupancy counts open sessions; members of the park see it, others do not', async () => {
    const occ = (await member1.get('/api/parking/occupancy')).json() as { id: string; occupied: number; free: number; capacity: number }[];
    const lot = occ.find((l) => l.id === lotId)!;
    const [{ n }] = await t.database.query<{ n: number }>(`select count(*)::int as n from parking_sessions where lot_id = $1 and status = 'open'`, [lotId]);
    expect(lot.occupied).toBe(n);
    expect(lot.free).toBe(Math.max(0, lot.capacity - n));
    expect((await outsider.get('/api/parking/occupancy')).json()).toEqual([]);
    expect((await outsider.get(`/api/parking/lots/${lotId}`)).statusCode).toBe(404);
    expect((await member1.get('/api/parking/sessions')).statusCode).toBe(403);
  });

  test('spaces with an IOC parking sensor report their occupancy too', async () => {
    const sensor = await t.services.iot.devices.createDevice(SYSTEM, { code: `PS-${Date.now()}`, name: 'B-001 车位检测器', type: 'parking_sensor', parkId: park.park.id } as never);
    await t.database.query(`update parking_spaces set sensor_device_id = $1 where lot_id = $2 and code = 'B-001'`, [sensor.id, lotId]);
    const before = (await member1.get('/api/parking/occupancy')).json() as { id: string; sensorOccupied: number | null }[];
    expect(before.find((l) => l.id === lotId)!.sensorOccupied).toBeNull();
    await t.database.query(`insert into latest_values (device_id, metric, ts, value) values ($1, 'occupied', now(), 1)`, [sensor.id]);
    const after = (await member1.get('/api/parking/occupancy')).json() as { id: string; sensorOccupied: number | null }[];
    expect(after.find((l) => l.id === lotId)!.sensorOccupied).toBe(1);
  });

  test('overlapping reservations of a space are refused, also when submitted concurrently', async () => {
    const lot = (await member1.get(`/api/parking/lots/${lotId}`)).json() as { spaces: { id: string; code: string }[] };
    const space = lot.spaces.find((s) => s.code === 'B-002')!;
    const start = new Date(Date.now() + 86_400_000);
    const win = (h0: number, h1: number) => ({ spaceId: space.id, plate: '川A12345', startsAt: new Date(start.getTime() + h0 * 3600_000).toISOString(), endsAt: new Date(start.getTime() + h1 * 3600_000).toISOString() });
    const results = await Promise.all([member1.post('/api/parking/reservations', win(0, 2)), member2.post('/api/parking/reservations', win(1, 3)), member1.post('/api/parking/reservations', win(1.5, 2.5))]);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(2);
    // Touching windows do not overlap.
    const winner = results.find((r) => r.statusCode === 201)!.json() as { endsAt: string; startsAt: string; id: string; userId: string };
    const after = await member2.post('/api/parking/reservations', { spaceId: space.id, plate: '川A12345', startsAt: winner.endsAt, endsAt: new Date(new Date(winner.endsAt).getTime() + 3600_000).toISOString() });
    expect(after.statusCode, after.body).toBe(201);
    const [{ n }] = await t.database.query<{ n: number }>(`select count(*)::int as n from parking_reservations a join parking_reservations b on a.space_id = b.space_id and a.id < b.id and a.status = 'active' and b.status = 'active' and a.starts_at < b.ends_at and b.starts_at < a.ends_at`);
    expect(n).toBe(0);
    const badWindow = await member1.post('/api/parking/reservations', { ...win(3, 2) });
    expect(badWindow.statusCode).toBe(400);
    expect(badWindow.json().details.fields[0].field).toBe('body.endsAt');
    // Cancelling frees the window.
    const cancels = [await member1.post(`/api/parking/reservations/${winner.id}/cancel`), await member2.post(`/api/parking/reservations/${winner.id}/cancel`)].map((r) => r.statusCode).sort();
    // Only its owner may cancel it; the other member gets 404.
    expect(cancels).toEqual([200, 404]);
    expect((await member1.post('/api/parking/reservations', win(0, 1))).statusCode).toBe(201);
  });

  test('a space allocated to an enterprise (parks module) is reservable only by that enterprise', async () => {
    await t.services.parks.assignParkingSpace(SYSTEM, e1.id, { lotName: 'P1 地下停车场', spaceCode: 'B-003' });
    const lot = (await op.get(`/api/parking/lots/${lotId}`)).json() as { spaces: { id: string; code: string; allocation: { legalName: string | null } | null }[] };
    const space = lot.spaces.find((s) => s.code === 'B-003')!;
    expect(space.allocation?.legalName).toBeTruthy();
    const start = new Date(Date.now() + 2 * 86_400_000);
    const body = { spaceId: space.id, plate: '川A12345', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString() };
    expect((await member1.post('/api/parking/reservations', body)).statusCode).toBe(201);
    expect((await outsider.post('/api/parking/reservations', body)).statusCode).toBe(404);
  });
});

describe('parking across parks', () => {
  test('a lot may not be placed on another park’s site, and a right may not name another park’s enterprise (400, nothing written)', async () => {
    const other = await buildPark(t.services);
    const otherEnt = await buildEnterprise(t.services, other.park.id, other.site.id);
    await t.services.parks.addVehicle(SYSTEM, otherEnt.id, { plate: '川A7X7X7' });
    const lots = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from parking_lots'))[0].n;
    const rights = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from parking_rights'))[0].n;
    const [lotsBefore, rightsBefore] = [await lots(), await rights()];

    const lot = await op.post('/api/parking/lots', { parkId: park.park.id, siteId: other.site.id, name: '越界车场', capacity: 3, freeMinutes: 0, hourlyFen: 500, dailyCapFen: 4000, nightStartMinute: 1320, nightEndMinute: 420, nightHourlyFen: 100 });
    expect(lot.statusCode, lot.body).toBe(400);
    expect(lot.json().details.fields[0].field).toBe('body.siteId');

    for (const kind of ['monthly_pass', 'enterprise_paid']) {
      const right = await op.post(`/api/parking/lots/${lotId}/rights`, { kind, plate: '川A7X7X7', enterpriseId: otherEnt.id, validFrom: '2026-12-01', validTo: '2026-12-31' });
      expect(right.statusCode, right.body).toBe(400);
      expect(right.json().details.fields[0].field).toBe('body.enterpriseId');
    }
    expect([await lots(), await rights()]).toEqual([lotsBefore, rightsBefore]);

    // The own park's site and enterprise still work.
    const own = await op.post('/api/parking/lots', { parkId: park.park.id, siteId: park.site.id, name: '本园车场', capacity: 3, freeMinutes: 0, hourlyFen: 500, dailyCapFen: 4000, nightStartMinute: 1320, nightEndMinute: 420, nightHourlyFen: 100 });
    expect(own.statusCode, own.body).toBe(201);
    const ownRight = await op.post(`/api/parking/lots/${lotId}/rights`, { kind: 'monthly_pass', plate: '川A7X7X8', enterpriseId: e1.id, validFrom: '2026-12-01', validTo: '2026-12-31' });
    expect(ownRight.statusCode, ownRight.body).toBe(201);
  });
});
