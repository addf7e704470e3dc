import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, TEST_PASSWORD, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { meetingRoomBody, nextDayWith, shanghaiAt } from './bookings.testing';

let t: TestApp;
let parkA: BuiltPark;
let parkB: BuiltPark;
let op: TestClient;
let opB: TestClient;
let member: TestClient;
let adminA: TestClient;
let other: TestClient;
let roomId: string;

beforeAll(async () => {
  t = await createTestApp();
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  const eA = await buildEnterprise(t.services, parkA.park.id, parkA.site.id, '甲方预约科技有限公司');
  const eOther = await buildEnterprise(t.services, parkA.park.id, parkA.site.id, '乙方预约科技有限公司');
  await buildUser(t.services, 'bk.op', [{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  await buildUser(t.services, 'bk.opB', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
  await buildUser(t.services, 'bk.member', [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }]);
  await buildUser(t.services, 'bk.adminA', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eA.id }]);
  await buildUser(t.services, 'bk.other', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eOther.id }]);
  op = await t.login('bk.op', TEST_PASSWORD);
  opB = await t.login('bk.opB', TEST_PASSWORD);
  member = await t.login('bk.member', TEST_PASSWORD);
  adminA = await t.login('bk.adminA', TEST_PASSWORD);
  other = await t.login('bk.other', TEST_PASSWORD);
  const res = await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id));
  expect(res.statusCode, res.body).toBe(201);
  roomId = res.json().id;
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function book(client: TestClient, days: number, from: number, to: number, extra: Record<string, unknown> = {}) {
  return client.post('/api/bookings', { resourceId: roomId, title: '项目例会', startsAt: shanghaiAt(days, from).toISOString(), endsAt: shanghaiAt(days, to).toISOString(), ...extra });
}

describe('resources', () => {
  test('operators of the park create them; tenants and other parks’ operators may not', async () => {
    expect((await member.post('/api/booking-resources', meetingRoomBody(parkA.park.id))).statusCode).toBe(403);
    expect((await opB.post('/api/booking-resources', meetingRoomBody(parkA.park.id))).statusCode).toBe(403);
    const bad = await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id, { opensAtMinute: 1000, closesAtMinute: 900 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.closesAtMinute');
    const noFlow = await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id, { requiresApproval: true }));
    expect(noFlow.json().details.fields[0].field).toBe('body.approvalFlowKey');
  });

  test('tenants of the park see active resources; park B’s operator gets 404 and an empty list', async () => {
    const list = (await member.get('/api/booking-resources')).json() as { id: string; canBook: boolean; canManage: boolean }[];
    expect(list.find((r) => r.id === roomId)).toMatchObject({ canBook: true, canManage: false });
    expect((await opB.get(`/api/booking-resources/${roomId}`)).statusCode).toBe(404);
    expect((await opB.patch(`/api/booking-resources/${roomId}`, { capacity: 1 })).statusCode).toBe(404);
    expect(((await opB.get('/api/booking-resources')).json() as { id: string }[]).map((r) => r.id)).not.toContain(roomId);
    expect((await member.patch(`/api/booking-resources/${roomId}`, { capacity: 1 })).statusCode).toBe(403);
  });

  test('an inactive resource is hidden from tenants and cannot be booked', async () => {
    const r = (await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id, { nameZh: '停用会议室', status: 'inactive' }))).json();
    expect((await member.get(`/api/booking-resources/${r.id}`)).statusCode).toBe(404);
    expect((await op.get('/api/booking-resources?includeInactive=true')).json().map((x: { id: string }) => x.id)).toContain(r.id);
    const res = await member.post('/api/bookings', { resourceId: r.id, title: '会', startsAt: shanghaiAt(3, 10).toISOString(), endsAt: shanghaiAt(3, 11).toISOString() });
    expect(res.statusCode).toBe(404);
  });
});

describe('booking', () => {
  test('a confirmed paid booking issues a booking bill of hours × fee to the enterprise', async () => {
    const res = await book(member, 2, 10, 11.5);
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ status: 'confirmed', feeFen: 7500, billStatus: 'open', canCancel: true });
    const bill = await adminA.get(`/api/bills/${b.billId}`);
    expect(bill.statusCode).toBe(200);
    expect(bill.json()).toMatchObject({ kind: 'booking', amountFen: 7500, status: 'open', enterpriseId: b.enterpriseId });
  });

  test('an overlapping booking is refused with 409 naming the clash; adjacent ranges are allowed', async () => {
    expect((await book(member, 4, 10, 12)).statusCode).toBe(201);
    const clash = await book(other, 4, 11, 13);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toMatch(/10:00–12:00/);
    expect(clash.json().details.clash).toMatchObject({ startsAt: shanghaiAt(4, 10).toISOString(), endsAt: shanghaiAt(4, 12).toISOString(), bookingId: null });
    expect(clash.body).not.toContain('项目例会');
    expect((await book(other, 4, 9, 10.5)).statusCode).toBe(409);
    expect((await book(other, 4, 12, 13)).statusCode).toBe(201);
    expect((await book(other, 4, 9, 10)).statusCode).toBe(201);
  });

  test.each([
    ['end before start', 5, 11, 10, 'body.endsAt'],
    ['in the past', -1, 10, 11, 'body.startsAt'],
    ['not on a slot boundary', 5, 10.25, 11.25, 'body.startsAt'],
    ['end not on a slot boundary', 5, 10, 11.25, 'body.endsAt'],
    ['shorter than the minimum', 5, 10, 10.5, 'body.endsAt'],
    ['longer than the maximum', 5, 10, 14.5, 'body.endsAt'],
    ['before opening', 5, 7, 9, 'body.startsAt'],
    ['after closing', 5, 20, 21.5, 'body.endsAt'],
  ] as const)('a range %s is a 400 naming the field and books nothing', async (_name, days, from, to, field) => {
    const res = await book(member, days, from, to);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.fields[0].field).toBe(field);
  });

  test('a day the resource is closed is a 400 naming body.startsAt', async () => {
    const r = (await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id, { nameZh: '工作日会议室', openWeekdays: [1, 2, 3, 4, 5] }))).json();
    const saturday = nextDayWith(1, [6]);
    const res = await member.post('/api/bookings', { resourceId: r.id, title: '会', startsAt: shanghaiAt(saturday, 10).toISOString(), endsAt: shanghaiAt(saturday, 11).toISOString() });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0]).toMatchObject({ field: 'body.startsAt', message: 'the resource is closed on this day' });
  });

  test('another enterprise sees the slot busy without who or what; the booker’s enterprise and operators see details', async () => {
    const b = (await book(member, 6, 14, 15, { title: 'SECRET 融资路演彩排' })).json();
    const q = `?from=${shanghaiAt(6, 0).toISOString()}&to=${shanghaiAt(7, 0).toISOString()}`;
    const theirs = await other.get(`/api/booking-resources/${roomId}/slots${q}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual([{ startsAt: b.startsAt, endsAt: b.endsAt, status: 'confirmed', mine: false, bookingId: null, title: null, enterpriseName: null }]);
    expect(theirs.body).not.toContain('甲方预约');
    expect((await adminA.get(`/api/booking-resources/${roomId}/slots${q}`)).json()[0]).toMatchObject({ mine: true, title: 'SECRET 融资路演彩排', bookingId: b.id });
    expect((await op.get(`/api/booking-resources/${roomId}/slots${q}`)).json()[0]).toMatchObject({ mine: false, enterpriseName: '甲方预约科技有限公司' });
    expect((await opB.get(`/api/booking-resources/${roomId}/slots${q}`)).statusCode).toBe(404);
    expect((await other.get(`/api/bookings/${b.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/bookings/${b.id}/cancel`, {})).statusCode).toBe(404);
    expect((await opB.get(`/api/bookings/${b.id}`)).statusCode).toBe(404);
    expect(((await other.get('/api/bookings?pageSize=200')).json().items as { id: string }[]).map((x) => x.id)).not.toContain(b.id);
  });

  test('members see their own bookings, the enterprise admin the enterprise’s, operators the park’s', async () => {
    const b = (await book(adminA, 7, 9, 10)).json();
    const ids = async (c: TestClient, q = '') => ((await c.get(`/api/bookings?pageSize=200${q}`)).json().items as { id: string }[]).map((x) => x.id);
    expect(await ids(adminA)).toContain(b.id);
    expect(await ids(member)).not.toContain(b.id);
    expect(await ids(op, `&resourceId=${roomId}`)).toContain(b.id);
    expect(await ids(opB)).not.toContain(b.id);
  });

  test('a resource for enterprise admins only refuses members with 403', async () => {
    const r = (await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id, { nameZh: '董事会议室', bookableBy: 'admins' }))).json();
    const body = { resourceId: r.id, title: '会', startsAt: shanghaiAt(3, 10).toISOString(), endsAt: shanghaiAt(3, 11).toISOString() };
    expect((await member.post('/api/bookings', body)).statusCode).toBe(403);
    expect((await adminA.post('/api/bookings', body)).statusCode).toBe(201);
  });
});

describe('cancellation', () => {
  test('cancelling before the start voids the unpaid bill and frees the slot', async () => {
    const b = (await book(member, 8, 10, 11)).json();
    const res = await member.post(`/api/bookings/${b.id}/cancel`, { reason: '改期' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', billStatus: 'void', cancelReason: '改期', canCancel: false });
    expect((await adminA.get(`/api/bills/${b.billId}`)).json().status).toBe('void');
    expect((await member.post(`/api/bookings/${b.id}/cancel`, {})).statusCode).toBe(409);
    expect((await book(other, 8, 10, 11)).statusCode).toBe(201);
  });

  test('a paid bill stays paid (no automatic refund); another member of the enterprise may not cancel', async () => {
    const b = (await book(adminA, 9, 10, 11)).json();
    expect((await member.post(`/api/bookings/${b.id}/cancel`, {})).statusCode).toBe(404);
    await t.database.query(`update bills set status = 'paid', paid_at = now() where id = $1`, [b.billId]);
    const res = await op.post(`/api/bookings/${b.id}/cancel`, { reason: '场地检修' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', billStatus: 'paid' });
  });

  test('every change is in the audit log', async () => {
    const rows = await t.database.query<{ action: string }>(`select distinct action from audit_log where entity_type in ('booking', 'booking_resource') order by action`);
    expect(rows.map((r) => r.action)).toEqual(['booking.cancelled', 'booking.confirmed', 'booking.created', 'booking_resource.created']);
  });
});

describe('approval', () => {
  test('a resource needing approval holds the slot as pending; the operator’s approval confirms it and issues the bill', async () => {
    const steps = [{ nameZh: '运营审批', nameEn: 'Operator review', mode: 'any', approvers: [{ kind: 'role', role: 'operator', scopeType: 'park', scopeId: null }] }];
    expect((await op.post('/api/approval-flows', { parkId: parkA.park.id, key: 'booking.review', nameZh: '预约审批', nameEn: 'Booking review', steps })).statusCode).toBe(201);
    const r = (await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id, { nameZh: '展厅', category: 'exhibition', requiresApproval: true, approvalFlowKey: 'booking.review' }))).json();
    const body = (title: string) => ({ resourceId: r.id, title, startsAt: shanghaiAt(3, 10).toISOString(), endsAt: shanghaiAt(3, 12).toISOString() });
    const b = (await member.post('/api/bookings', body('新品发布'))).json();
    expect(b).toMatchObject({ status: 'pending', billId: null });
    expect(b.approvalCaseId).toBeTruthy();
    expect((await other.post('/api/bookings', body('抢占'))).statusCode).toBe(409);
    const act = await op.post(`/api/approval-cases/${b.approvalCaseId}/actions`, { type: 'approve' });
    expect(act.statusCode, act.body).toBe(200);
    const after = (await member.get(`/api/bookings/${b.id}`)).json();
    expect(after).toMatchObject({ status: 'confirmed', feeFen: 10000, billStatus: 'open' });
    // A rejected one frees its slot.
    const b2 = (await member.post('/api/bookings', { ...body('第二场'), startsAt: shanghaiAt(3, 14).toISOString(), endsAt: shanghaiAt(3, 15).toISOString() })).json();
    expect((await op.post(`/api/approval-cases/${b2.approvalCaseId}/actions`, { type: 'reject', reason: '档期冲突' })).statusCode).toBe(200);
    expect((await member.get(`/api/bookings/${b2.id}`)).json()).toMatchObject({ status: 'rejected', billId: null });
  });

  test('cancelling a pending booking withdraws its case: it leaves the approver’s inbox and a later decision is refused', async () => {
    const r = (await op.post('/api/booking-resources', meetingRoomBody(parkA.park.id, { nameZh: '路演厅', category: 'exhibition', requiresApproval: true, approvalFlowKey: 'booking.review' }))).json();
    const slot = (from: number, to: number) => ({ resourceId: r.id, startsAt: shanghaiAt(4, from).toISOString(), endsAt: shanghaiAt(4, to).toISOString() });
    const inbox = async () => ((await op.get('/api/approval-tasks/me')).json() as { case: { id: string } }[]).map((i) => i.case.id);
    // The booker cancels; then the operator cancels another one (not the case's applicant).
    for (const [who, from] of [[member, 9], [op, 13]] as const) {
      const b = (await member.post('/api/bookings', { ...slot(from, from + 2), title: '待审路演' })).json();
      expect(b.status).toBe('pending');
      expect(await inbox()).toContain(b.approvalCaseId);
      const res = await who.post(`/api/bookings/${b.id}/cancel`, { reason: '活动取消' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'cancelled' });
      const c = (await op.get(`/api/approval-cases/${b.approvalCaseId}`)).json();
      expect(c.status).toBe('withdrawn');
      expect(await inbox()).not.toContain(b.approvalCaseId);
      expect((await op.post(`/api/approval-cases/${b.approvalCaseId}/actions`, { type: 'approve' })).statusCode).toBe(409);
      expect((await member.get(`/api/bookings/${b.id}`)).json()).toMatchObject({ status: 'cancelled', billId: null });
      const audit = (await op.get(`/api/audit-log?entityType=approval_case&entityId=${b.approvalCaseId}`)).json();
      expect(JSON.stringify(audit)).toContain('approval_case.withdraw');
    }
  });
});
