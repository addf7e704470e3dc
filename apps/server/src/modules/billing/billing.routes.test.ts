import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { devices, telemetry } from '../../db/schema';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { signSandboxBody, SANDBOX_SIGNATURE_HEADER } from './providers/sandbox.provider';

let t: TestApp;
let op: TestClient;
let admin1: TestClient;
let member1: TestClient;
let member2: TestClient;
let admin2: TestClient;
let park: Awaited<ReturnType<typeof buildPark>>;
let e1: { id: string };
let e2: { id: string };
let member1Id: string;
let keySeq = 0;

const key = () => `test-key-${Date.now()}-${++keySeq}`;
type Payment = { id: string; status: string; outTradeNo: string; payUrl: string; amountFen: number; refundedFen: number; replayed: boolean; items: { billId: string; billStatus: string }[] };

async function memberBill(amountFen: number, title = '停车费'): Promise<string> {
  const res = await op.post('/api/bills', { enterpriseId: e1.id, userId: member1Id, kind: 'parking', period: '2026-11', title, amountFen, dueDate: '2026-11-30' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

function checkout(client: TestClient, billIds: string[], idempotencyKey = key()): Promise<LightMyRequestResponse> {
  return client.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': idempotencyKey }, payload: { billIds, returnUrl: '/payments/return' } });
}

/** Runs the sandbox's delivery queue into this app, as the server's delivery loop does. */
async function deliverAll(): Promise<number> {
  return t.services.paymentSandbox.deliverDue(async (url, headers, body) => (await t.app.inject({ method: 'POST', url, headers, payload: body })).statusCode, new Date(Date.now() + 3_600_000));
}

/** Takes the queued deliveries without sending them (to send them in a chosen order). */
async function takeDeliveries(): Promise<{ url: string; headers: Record<string, string>; body: string }[]> {
  const out: { url: string; headers: Record<string, string>; body: string }[] = [];
  await t.services.paymentSandbox.deliverDue(async (url, headers, body) => {
    out.push({ url, headers, body });
    return 200;
  }, new Date(Date.now() + 3_600_000));
  return out;
}

function post(d: { url: string; headers: Record<string, string>; body: string }) {
  return t.app.inject({ method: 'POST', url: d.url, headers: d.headers, payload: d.body });
}

async function paymentRow(id: string) {
  const [row] = await t.database.query<{ status: string; refunded_fen: number; confirmed_by: string | null }>('select status, refunded_fen::int as refunded_fen, confirmed_by from payments where id = $1', [id]);
  return row;
}

async function billStatuses(ids: string[]): Promise<string[]> {
  const rows = await t.database.query<{ id: string; status: string }>('select id, status from bills where id = any($1::uuid[])', [ids]);
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
}

async function sandboxStatus(outTradeNo: string): Promise<string> {
  const [row] = await t.database.query<{ status: string }>('select status from sandbox_orders where out_trade_no = $1', [outTradeNo]);
  return row.status;
}

async function auditDetails(entityId: string, action: string): Promise<Record<string, unknown>[]> {
  const rows = await t.database.query<{ after: Record<string, unknown> }>('select after from audit_log where entity_id = $1 and action = $2 order by id', [entityId, action]);
  return rows.map((r) => r.after);
}

async function auditCount(entityId: string, action: string): Promise<number> {
  const [row] = await t.database.query<{ n: number }>('select count(*)::int as n from audit_log where entity_id = $1 and action = $2', [entityId, action]);
  return row.n;
}

beforeAll(async () => {
  // Deliver at once and always twice: every test sees duplicated webhooks.
  t = await createTestApp({ PAYMENT_SANDBOX_NOTIFY_DELAY_MS: '0', PAYMENT_SANDBOX_DUPLICATE_RATE: '1', PAYMENT_SANDBOX_SECRET: 'test-sandbox-secret-0123456789' });
  park = await buildPark(t.services);
  e1 = await buildEnterprise(t.services, park.park.id, park.site.id);
  e2 = await buildEnterprise(t.services, park.park.id, park.site.id);
  await buildUser(t.services, 'bill.op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  await buildUser(t.services, 'bill.admin1', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
  const m1 = await buildUser(t.services, 'bill.member1', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  member1Id = m1.id;
  await buildUser(t.services, 'bill.member2', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'bill.admin2', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e2.id }]);
  [op, admin1, member1, member2, admin2] = await Promise.all(['bill.op', 'bill.admin1', 'bill.member1', 'bill.member2', 'bill.admin2'].map((u) => t.login(u, TEST_PASSWORD)));
});
afterAll(() => t?.close());

describe('bills', () => {
  test('rent comes from active leases, property fee from unit area; generating twice adds nothing', async () => {
    await t.services.parks.createLease(SYSTEM, e1.id, { unitId: park.units[0].id, startDate: '2026-01-01', endDate: '2027-12-31', monthlyRentFen: 1_200_000 });
    const first = await op.post('/api/bills/generate', { parkId: park.park.id, period: '2026-10', propertyRateFenPerM2: 550 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 2, leases: 1 });
    const again = await op.post('/api/bills/generate', { parkId: park.park.id, period: '2026-10', propertyRateFenPerM2: 550 });
    expect(again.json()).toEqual({ created: 0, leases: 1 });
    const list = (await admin1.get('/api/bills?period=2026-10')).json() as { items: { kind: string; amountFen: number }[]; totalFen: number };
    expect(list.items.map((b) => [b.kind, b.amountFen]).sort()).toEqual([
      ['property', 120 * 550],
      ['rent', 1_200_000],
    ]);
    expect(list.totalFen).toBe(1_200_000 + 66_000);
    const statement = (await admin1.get('/api/bills/statement?period=2026-10')).json() as { totalFen: number; openFen: number; paidFen: number };
    expect(statement).toMatchObject({ totalFen: 1_266_000, openFen: 1_266_000, paidFen: 0 });
  });

  test('a utilities bill is computed from an IOC meter’s cumulative readings over the period', async () => {
    const [meter] = await t.database.db.insert(devices).values({ code: `EM-${Date.now()}`, name: '电表 A1', type: 'energy_meter', parkId: park.park.id }).returning();
    await t.database.db.insert(telemetry).values([
      { deviceId: meter.id, metric: 'energy_kwh', ts: new Date('2026-09-30T15:00:00Z'), value: 1000 },
      { deviceId: meter.id, metric: 'energy_kwh', ts: new Date('2026-10-15T00:00:00Z'), value: 1200.5 },
      { deviceId: meter.id, metric: 'energy_kwh', ts: new Date('2026-10-31T15:00:00Z'), value: 1350.25 },
      { deviceId: meter.id, metric: 'energy_kwh', ts: new Date('2026-11-02T00:00:00Z'), value: 1400 },
    ]);
    const res = await op.post('/api/bills/utilities', { enterpriseId: e1.id, period: '2026-10', deviceId: meter.id, unitPriceFen: 100, dueDate: '2026-11-15' });
    expect(res.statusCode, res.body).toBe(201);
    // 2026-10-31T15:00Z is 23:00 in Shanghai, inside October; 1350.25 − 1000 = 350.25 kWh at 1.00 元.
    expect(res.json()).toMatchObject({ kind: 'utilities', amountFen: 35_025 });
    expect((await op.post('/api/bills/utilities', { enterpriseId: e1.id, period: '2026-10', deviceId: meter.id, unitPriceFen: 100, dueDate: '2026-11-15' })).statusCode).toBe(409);
    const none = await op.post('/api/bills/utilities', { enterpriseId: e1.id, period: '2026-05', deviceId: meter.id, unitPriceFen: 100, dueDate: '2026-06-15' });
    expect(none.statusCode).toBe(400);
    expect(none.json().details.fields[0].field).toBe('body.deviceId');
  });

  test('members see only their own bills; enterprise admins their enterprise’s; others get 404', async () => {
    const id = await memberBill(1500);
    expect((await member1.get(`/api/bills/${id}`)).statusCode).toBe(200);
    expect((await member2.get(`/api/bills/${id}`)).statusCode).toBe(404);
    expect((await admin2.get(`/api/bills/${id}`)).statusCode).toBe(404);
    const mine = (await member1.get('/api/bills?pageSize=200')).json() as { items: { userId: string }[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((b) => b.userId === member1Id)).toBe(true);
    expect((await member2.get('/api/bills')).json().total).toBe(0);
    expect((await admin2.get(`/api/bills?enterpriseId=${e1.id}`)).json().total).toBe(0);
    expect((await member1.post('/api/bills', { enterpriseId: e1.id, kind: 'other', period: '2026-11', title: 'x', amountFen: 1, dueDate: '2026-11-30' })).statusCode).toBe(403);
  });

  test('amounts must be whole fen', async () => {
    const res = await op.post('/api/bills', { enterpriseId: e1.id, kind: 'other', period: '2026-11', title: 'x', amountFen: 12.5, dueDate: '2026-11-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain('body.amountFen');
  });
});

describe('checkout idempotency', () => {
  test('needs an Idempotency-Key', async () => {
    const id = await memberBill(100);
    const res = await member1.post('/api/payments/checkout', { billIds: [id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('headers.idempotency-key');
  });

  test('a retried submission returns the same payment; a reused key for other bills is refused; a new key supersedes the first', async () => {
    const [a, b] = [await memberBill(1200), await memberBill(800)];
    const k = key();
    const first = await checkout(member1, [a, b], k);
    expect(first.statusCode, first.body).toBe(201);
    const p = first.json() as Payment;
    expect(p.amountFen).toBe(2000);
    expect(p.payUrl).toBe(`/sandbox-pay/${p.outTradeNo}`);
    const retry = await checkout(member1, [b, a], k);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: p.id, replayed: true, payUrl: p.payUrl });
    expect((await checkout(member1, [a], k)).statusCode).toBe(409);
    // The payer checks out again with another key: the first payment is superseded, its order closed at the provider first.
    const again = await checkout(member1, [a], key());
    expect(again.statusCode, again.body).toBe(201);
    expect((await paymentRow(p.id)).status).toBe('closed');
    expect(await sandboxStatus(p.outTradeNo)).toBe('closed');
    expect(await auditDetails(p.id, 'payment.closed')).toEqual([expect.objectContaining({ reason: 'superseded' })]);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payment_bills where bill_id = $1 and active', [a]);
    expect(n).toBe(1);
  });

  test('ten concurrent submissions with one key create one payment and one provider order', async () => {
    const [a, b] = [await memberBill(300), await memberBill(400)];
    const k = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => checkout(member1, [a, b], k)));
    expect(results.map((r) => r.statusCode).every((s) => s === 200 || s === 201)).toBe(true);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => (r.json() as Payment).id)).size).toBe(1);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payments where idempotency_key = $1', [k]);
    expect(n).toBe(1);
    const [{ orders }] = await t.database.query<{ orders: number }>('select count(*)::int as orders from sandbox_orders where out_trade_no = $1', [(results[0].json() as Payment).outTradeNo]);
    expect(orders).toBe(1);
  });

  test('concurrent checkouts of the same bill with different keys leave one live payment; every other order is closed at the provider', async () => {
    const a = await memberBill(999);
    const results = await Promise.all(Array.from({ length: 6 }, () => checkout(member1, [a])));
    // Each either lost the race for the bill (409) or was created and possibly superseded by a later one.
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payment_bills where bill_id = $1 and active', [a]);
    expect(n).toBe(1);
    const rows = await t.database.query<{ status: string; order_status: string | null }>(
      'select p.status, o.status as order_status from payments p join payment_bills pb on pb.payment_id = p.id left join sandbox_orders o on o.out_trade_no = p.out_trade_no where pb.bill_id = $1',
      [a],
    );
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(1);
    for (const r of rows.filter((x) => x.status !== 'pending')) {
      expect(r.status).toBe('closed');
      expect([null, 'closed']).toContain(r.order_status);
    }
  });

  test('a bill in another payer’s live payment is a conflict; once that payment is past its lifetime it is closed at the provider and the bill is free', async () => {
    const other = await buildUser(t.services, 'bill.admin1b', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
    const admin1b = await t.login(other.username, TEST_PASSWORD);
    const res = await op.post('/api/bills', { enterpriseId: e1.id, kind: 'other', period: '2026-11', title: '两位管理员同时缴费', amountFen: 5000, dueDate: '2026-11-30' });
    const bill = res.json().id as string;
    const first = (await checkout(admin1, [bill])).json() as Payment;
    const taken = await checkout(admin1b, [bill]);
    expect(taken.statusCode).toBe(409);
    expect((await paymentRow(first.id)).status).toBe('pending');
    // Twenty minutes later (the provider does not expire orders by itself here).
    await t.database.query("update payments set created_at = now() - interval '20 minutes' where id = $1", [first.id]);
    const second = await checkout(admin1b, [bill]);
    expect(second.statusCode, second.body).toBe(201);
    expect((await paymentRow(first.id)).status).toBe('closed');
    expect(await sandboxStatus(first.outTradeNo)).toBe('closed');
    expect(await auditDetails(first.id, 'payment.closed')).toEqual([expect.objectContaining({ reason: 'expired' })]);
  });

  test('only the member billed may pay a personal bill', async () => {
    const a = await memberBill(100);
    expect((await checkout(member2, [a])).statusCode).toBe(404);
    // A personal bill is private even to the enterprise admin.
    expect((await checkout(admin1, [a])).statusCode).toBe(404);
    expect((await checkout(admin2, [a])).statusCode).toBe(404);
  });
});

describe('sandbox provider and notifications', () => {
  test('paying on the hosted page credits the bills once, although the webhook arrives twice', async () => {
    const [a, b] = [await memberBill(1500, '十月停车'), await memberBill(2500, '十一月停车')];
    const p = (await checkout(member1, [a, b])).json() as Payment;
    const page = await t.app.inject({ method: 'GET', url: p.payUrl });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('¥40.00');
    const pay = await t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(pay.statusCode).toBe(303);
    expect(pay.headers.location).toBe('/payments/return');
    // Asynchronous: nothing is credited before the notification arrives.
    expect((await paymentRow(p.id)).status).toBe('pending');
    const deliveries = await takeDeliveries();
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0].body).toBe(deliveries[1].body);
    const answers = await Promise.all(deliveries.map(post));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(answers.map((r) => r.json().result).sort()).toEqual(['applied', 'duplicate']);
    expect((await paymentRow(p.id)).status).toBe('succeeded');
    expect((await paymentRow(p.id)).confirmed_by).toBe('notification');
    expect(await billStatuses([a, b])).toEqual(['paid', 'paid']);
    expect(await auditCount(p.id, 'payment.succeeded')).toBe(1);
    expect(await auditCount(a, 'bill.paid')).toBe(1);
    // A third, late redelivery changes nothing either.
    expect((await post(deliveries[0])).json().result).toBe('duplicate');
    const [{ deliveries: count }] = await t.database.query<{ deliveries: number }>('select deliveries from payment_notifications where out_trade_no = $1', [p.outTradeNo]);
    expect(count).toBe(3);
    // Paid bills cannot be paid again.
    expect((await checkout(member1, [a])).statusCode).toBe(409);

    const receipt = await member1.get(`/api/payments/${p.id}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({ receiptNo: p.outTradeNo, payment: { amountFen: 4000, status: 'succeeded' } });
    expect(receipt.json().auditEntryId).toBeGreaterThan(0);
    expect((await member2.get(`/api/payments/${p.id}/receipt`)).statusCode).toBe(404);
    expect((await admin2.get(`/api/payments/${p.id}`)).statusCode).toBe(404);
  });

  test('a failed payment frees its bills for a new checkout', async () => {
    const a = await memberBill(700);
    const p = (await checkout(member1, [a])).json() as Payment;
    await t.app.inject({ method: 'POST', url: `${p.payUrl}/fail`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(await deliverAll()).toBe(2);
    expect((await paymentRow(p.id)).status).toBe('failed');
    expect(await billStatuses([a])).toEqual(['open']);
    expect((await checkout(member1, [a])).statusCode).toBe(201);
    expect((await member1.get(`/api/payments/${p.id}/receipt`)).statusCode).toBe(409);
  });

  test.each([
    ['unsigned', () => ({})],
    ['wrongly signed', (body: string) => ({ [SANDBOX_SIGNATURE_HEADER]: signSandboxBody('not-the-secret', body, Math.floor(Date.now() / 1000)) })],
    ['stale', (body: string) => ({ [SANDBOX_SIGNATURE_HEADER]: signSandboxBody('test-sandbox-secret-0123456789', body, Math.floor(Date.now() / 1000) - 600) })],
  ])('a %s notification is rejected with 401 and changes nothing', async (_name, headersFor) => {
    const a = await memberBill(600);
    const p = (await checkout(member1, [a])).json() as Payment;
    const body = JSON.stringify({ id: `EVT-FORGED-${p.id}`, type: 'payment.succeeded', created_at: new Date().toISOString(), resource: { out_trade_no: p.outTradeNo, transaction_id: 'FAKE', amount: { total: 600 } } });
    const res = await t.app.inject({ method: 'POST', url: '/api/payment-notifications/sandbox', headers: { 'content-type': 'application/json', ...headersFor(body) }, payload: body });
    expect(res.statusCode).toBe(401);
    expect((await paymentRow(p.id)).status).toBe('pending');
    expect(await billStatuses([a])).toEqual(['open']);
  });

  test('a signed notification with the wrong amount does not credit', async () => {
    const a = await memberBill(650);
    const p = (await checkout(member1, [a])).json() as Payment;
    const body = JSON.stringify({ id: `EVT-AMOUNT-${p.id}`, type: 'payment.succeeded', created_at: new Date().toISOString(), resource: { out_trade_no: p.outTradeNo, transaction_id: 'T1', amount: { total: 1 } } });
    const res = await t.app.inject({ method: 'POST', url: '/api/payment-notifications/sandbox', headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandboxBody('test-sandbox-secret-0123456789', body, Math.floor(Date.now() / 1000)) }, payload: body });
    expect(res.json().result).toBe('amount_mismatch');
    expect((await paymentRow(p.id)).status).toBe('pending');
  });

  test('the old notify path (hidden from the document) still takes a provider’s notification', async () => {
    const a = await memberBill(660);
    const p = (await checkout(member1, [a])).json() as Payment;
    const body = JSON.stringify({ id: `EVT-OLDPATH-${p.id}`, type: 'payment.succeeded', created_at: new Date().toISOString(), resource: { out_trade_no: p.outTradeNo, transaction_id: 'T2', amount: { total: 1 } } });
    const res = await t.app.inject({ method: 'POST', url: '/api/payments/notify/sandbox', headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandboxBody('test-sandbox-secret-0123456789', body, Math.floor(Date.now() / 1000)) }, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toBe('amount_mismatch');
  });

  test('out of order: refund notifications before the payment’s own notification; partial and full refunds credit exactly once', async () => {
    const [a, b] = [await memberBill(3000), await memberBill(2000)];
    const p = (await checkout(member1, [a, b])).json() as Payment;
    await t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    // The payer returns before any webhook: reading the payment asks the provider.
    const seen = (await member1.get(`/api/payments/${p.id}`)).json() as Payment;
    expect(seen.status).toBe('succeeded');
    expect((await paymentRow(p.id)).confirmed_by).toBe('query');
    const paymentNotes = await takeDeliveries();

    expect((await member1.post(`/api/payments/${p.id}/refunds`, { amountFen: 100 })).statusCode).toBe(403);
    const r1 = await op.post(`/api/payments/${p.id}/refunds`, { amountFen: 1000, reason: '多收' });
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json().status).toBe('pending');
    // More than what is left (5000 − 1000 pending) is refused.
    const tooMuch = await op.post(`/api/payments/${p.id}/refunds`, { amountFen: 4001 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().details.fields[0].field).toBe('body.amountFen');
    const refundNotes = await takeDeliveries();
    // Refund webhooks first (each twice), then the old payment webhooks (twice).
    for (const d of [...refundNotes, ...paymentNotes]) expect((await post(d)).statusCode).toBe(200);
    let row = await paymentRow(p.id);
    expect(row).toMatchObject({ status: 'partially_refunded', refunded_fen: 1000 });
    expect(await auditCount(p.id, 'payment.succeeded')).toBe(1);
    expect(await auditCount(p.id, 'payment.refunded')).toBe(1);
    expect(await billStatuses([a, b])).toEqual(['paid', 'paid']);

    const r2 = await op.request({ method: 'POST', url: `/api/payments/${p.id}/refunds`, payload: { amountFen: 4000, idempotencyKey: 'refund-rest-1' } });
    const r2again = await op.request({ method: 'POST', url: `/api/payments/${p.id}/refunds`, payload: { amountFen: 4000, idempotencyKey: 'refund-rest-1' } });
    expect(r2.json().id).toBe(r2again.json().id);
    await deliverAll();
    row = await paymentRow(p.id);
    expect(row).toMatchObject({ status: 'refunded', refunded_fen: 5000 });
    expect(await billStatuses([a, b])).toEqual(['refunded', 'refunded']);
    expect((await op.post(`/api/payments/${p.id}/refunds`, { amountFen: 1 })).statusCode).toBe(409);
  });

  test('cancelling a pending payment closes its order at the provider first; the hosted page then refuses to pay', async () => {
    const a = await memberBill(420);
    const p = (await checkout(member1, [a])).json() as Payment;
    expect((await member2.post(`/api/payments/${p.id}/cancel`)).statusCode).toBe(404);
    const res = await member1.post(`/api/payments/${p.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('closed');
    expect(await billStatuses([a])).toEqual(['open']);
    expect(await sandboxStatus(p.outTradeNo)).toBe('closed');
    expect(await auditDetails(p.id, 'payment.closed')).toEqual([expect.objectContaining({ reason: 'cancel' })]);
    const page = await t.app.inject({ method: 'GET', url: p.payUrl });
    expect(page.body).toContain('data-testid="sandbox-status"');
    expect(page.body).not.toContain('data-testid="sandbox-pay"');
    const pay = await t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(pay.statusCode).toBe(409);
    expect(await deliverAll()).toBe(0);
    expect((await paymentRow(p.id)).status).toBe('closed');
    // Cancelling again changes nothing.
    expect((await member1.post(`/api/payments/${p.id}/cancel`)).json().status).toBe('closed');
    expect(await auditCount(p.id, 'payment.closed')).toBe(1);
  });

  test('cancelling a payment the provider already took money for credits it and answers 409 already_paid', async () => {
    const a = await memberBill(430);
    const p = (await checkout(member1, [a])).json() as Payment;
    await t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    // The notification has not arrived yet when the payer presses cancel.
    const res = await member1.post(`/api/payments/${p.id}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'already_paid', paymentId: p.id, status: 'succeeded' } });
    expect((await paymentRow(p.id)).status).toBe('succeeded');
    expect(await billStatuses([a])).toEqual(['paid']);
    expect(await sandboxStatus(p.outTradeNo)).toBe('succeeded');
    await deliverAll();
    expect(await auditCount(p.id, 'payment.succeeded')).toBe(1);
    expect(await auditCount(p.id, 'payment.closed')).toBe(0);
  });

  test('a new checkout of a bill whose earlier order was just paid is refused with already_paid, and the bill is paid once', async () => {
    const a = await memberBill(440);
    const p = (await checkout(member1, [a])).json() as Payment;
    await t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    const again = await checkout(member1, [a]);
    expect(again.statusCode).toBe(409);
    expect(again.json().details).toMatchObject({ reason: 'already_paid', paymentId: p.id });
    expect((await paymentRow(p.id)).status).toBe('succeeded');
    expect(await billStatuses([a])).toEqual(['paid']);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payment_bills where bill_id = $1', [a]);
    expect(n).toBe(1);
  });
});

describe('reconciliation', () => {
  test('matches payments to notifications and lists missing and unknown ones; CSV export', async () => {
    // One confirmed only by query, its webhooks lost.
    const a = await memberBill(1111);
    const lost = (await checkout(member1, [a])).json() as Payment;
    await t.app.inject({ method: 'POST', url: `${lost.payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    await member1.get(`/api/payments/${lost.id}`);
    await takeDeliveries();
    // A signed notification for an order we never made.
    const body = JSON.stringify({ id: 'EVT-UNKNOWN-1', type: 'payment.succeeded', created_at: new Date().toISOString(), resource: { out_trade_no: 'PK-NOT-OURS', transaction_id: 'TX', amount: { total: 5 } } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/payment-notifications/sandbox', headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandboxBody('test-sandbox-secret-0123456789', body, Math.floor(Date.now() / 1000)) }, payload: body });
    expect(unknown.json().result).toBe('unknown_payment');

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await op.get(`/api/payments/reconciliation?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { summary: Record<string, number>; lines: { status: string; outTradeNo: string; kind: string }[] };
    expect(report.lines.find((l) => l.outTradeNo === lost.outTradeNo)?.status).toBe('missing_notification');
    expect(report.lines.find((l) => l.outTradeNo === 'PK-NOT-OURS')?.status).toBe('unknown_notification');
    expect(report.summary.matched).toBeGreaterThan(0);
    expect(report.lines.filter((l) => l.kind === 'refund').every((l) => l.status === 'matched')).toBe(true);
    expect(report.summary.netFen).toBe(report.summary.collectedFen - report.summary.refundedFen);

    const csv = await op.get(`/api/payments/reconciliation.csv?from=${from}&to=${to}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body.trim().split('\r\n');
    expect(rows[0]).toBe('status,kind,outTradeNo,outRefundNo,paymentId,paymentStatus,amountFen,notifiedAmountFen,providerTxnId,notificationId,at');
    expect(rows).toHaveLength(report.lines.length + 1);
    expect(csv.body).toContain(`missing_notification,payment,${lost.outTradeNo}`);

    expect((await member1.get(`/api/payments/reconciliation?from=${from}&to=${to}`)).statusCode).toBe(403);
    expect((await admin1.get(`/api/payments/reconciliation?from=${from}&to=${to}`)).statusCode).toBe(403);
  });
});

describe('a closed payment cannot be paid (issue 11)', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  test('check out, cancel, check out again, pay both orders: only the second is paid, reconciled and refundable', async () => {
    const a = await memberBill(1880, '取消后重复支付');
    const first = (await checkout(member1, [a])).json() as Payment;
    const cancelled = await member1.post(`/api/payments/${first.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('closed');
    const secondRes = await checkout(member1, [a]);
    expect(secondRes.statusCode, secondRes.body).toBe(201);
    const second = secondRes.json() as Payment;

    // The payer still has the first pay page open and pays it, then pays the second.
    const payFirst = await t.app.inject({ method: 'POST', url: `${first.payUrl}/pay`, headers: form, payload: '' });
    const paySecond = await t.app.inject({ method: 'POST', url: `${second.payUrl}/pay`, headers: form, payload: '' });
    expect(paySecond.statusCode).toBe(303);
    // The provider refuses the closed order, as WeChat Pay and Alipay do after close.
    expect(payFirst.statusCode).toBe(409);
    expect(await sandboxStatus(first.outTradeNo)).toBe('closed');
    expect(await sandboxStatus(second.outTradeNo)).toBe('succeeded');
    expect((await t.app.inject({ method: 'GET', url: first.payUrl })).body).toContain('data-testid="sandbox-status"');
    await deliverAll();

    expect((await paymentRow(first.id)).status).toBe('closed');
    expect((await paymentRow(second.id)).status).toBe('succeeded');
    expect(await billStatuses([a])).toEqual(['paid']);
    const [{ n: ignored }] = await t.database.query<{ n: number }>("select count(*)::int as n from payment_notifications where out_trade_no = $1 and event_type = 'payment.succeeded'", [first.outTradeNo]);
    expect(ignored).toBe(0);

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const report = (await op.get(`/api/payments/reconciliation?from=${from}&to=${to}`)).json() as { lines: { status: string; outTradeNo: string }[] };
    const lines = report.lines.filter((l) => l.outTradeNo === first.outTradeNo || l.outTradeNo === second.outTradeNo);
    expect(lines.map((l) => [l.outTradeNo, l.status])).toEqual([[second.outTradeNo, 'matched']]);

    const refund = await op.post(`/api/payments/${second.id}/refunds`, { amountFen: 1880, reason: '测试退款' });
    expect(refund.statusCode, refund.body).toBe(201);
  });

  /** Closes a payment the way ParkOS did before orders were closed at the provider: ours closed, the provider's order still payable. */
  async function closeOnlyOurs(paymentId: string) {
    await t.database.query("update payments set status = 'closed' where id = $1", [paymentId]);
    await t.database.query('update payment_bills set active = false where payment_id = $1', [paymentId]);
  }

  function signedNotification(payload: object) {
    const body = JSON.stringify(payload);
    return { url: '/api/payments/notify/sandbox', headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandboxBody('test-sandbox-secret-0123456789', body, Math.floor(Date.now() / 1000)) }, body };
  }

  test('money for a closed payment whose bill another payment paid is refunded automatically, once, audited and reconciled as unexpected', async () => {
    await deliverAll(); // earlier tests' refund notifications
    const a = await memberBill(2100, '旧订单重复支付');
    const first = (await checkout(member1, [a])).json() as Payment;
    await closeOnlyOurs(first.id);
    const second = (await checkout(member1, [a])).json() as Payment;
    await t.app.inject({ method: 'POST', url: `${second.payUrl}/pay`, headers: form, payload: '' });
    await t.app.inject({ method: 'POST', url: `${first.payUrl}/pay`, headers: form, payload: '' });
    const deliveries = await takeDeliveries();
    const results: string[] = [];
    for (const d of deliveries) {
      const res = await post(d);
      expect(res.statusCode, res.body).toBe(200);
      results.push(res.json().result);
    }
    // The second payment's notification comes first (it was paid first), each one twice.
    expect(results.slice(0, 2)).toEqual(['applied', 'unexpected']);
    expect(results.slice(2)).toEqual(['duplicate', 'duplicate']);
    const [row] = await t.database.query<{ status: string; unexpected_reason: string }>('select status, unexpected_reason from payments where id = $1', [first.id]);
    expect(row).toEqual({ status: 'unexpected', unexpected_reason: 'bills_settled' });
    const refunds = await t.database.query<{ out_refund_no: string; amount_fen: number; provider_refund_id: string | null }>('select out_refund_no, amount_fen::int as amount_fen, provider_refund_id from payment_refunds where payment_id = $1', [first.id]);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount_fen: 2100, provider_refund_id: expect.any(String) });
    expect((await t.services.paymentSandbox.getOrder(first.outTradeNo))?.refundedFen).toBe(2100);
    // The automatic refund's notification arrives (twice): the money is back with the payer.
    await deliverAll();
    expect(await paymentRow(first.id)).toMatchObject({ status: 'refunded', refunded_fen: 2100 });
    const [bill] = await t.database.query<{ status: string; payment_id: string }>('select status, payment_id from bills where id = $1', [a]);
    expect(bill).toEqual({ status: 'paid', payment_id: second.id });
    expect(await auditCount(first.id, 'payment.unexpected')).toBe(1);
    expect(await auditDetails(first.id, 'payment_refund.requested')).toEqual([expect.objectContaining({ automatic: true, amountFen: 2100 })]);
    expect(await auditCount(first.id, 'payment.refunded')).toBe(1);

    // The same provider transaction told again under another notification id refunds nothing more.
    const [{ provider_txn_id: txn }] = await t.database.query<{ provider_txn_id: string }>('select provider_txn_id from payments where id = $1', [first.id]);
    const repeat = await post(signedNotification({ id: `EVT-AGAIN-${first.id}`, type: 'payment.succeeded', created_at: new Date().toISOString(), resource: { out_trade_no: first.outTradeNo, transaction_id: txn, amount: { total: 2100 } } }));
    expect(repeat.json().result).toBe('ignored');
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payment_refunds where payment_id = $1', [first.id]);
    expect(n).toBe(1);

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const report = (await op.get(`/api/payments/reconciliation?from=${from}&to=${to}`)).json() as { summary: Record<string, number>; lines: { status: string; kind: string; outTradeNo: string; paymentStatus: string }[] };
    const mine = report.lines.filter((l) => l.outTradeNo === first.outTradeNo || l.outTradeNo === second.outTradeNo).map((l) => [l.outTradeNo, l.kind, l.status, l.paymentStatus]);
    expect(mine).toEqual(
      expect.arrayContaining([
        [first.outTradeNo, 'payment', 'unexpected_payment', 'refunded'],
        [second.outTradeNo, 'payment', 'matched', 'succeeded'],
        [first.outTradeNo, 'refund', 'matched', 'succeeded'],
      ]),
    );
    expect(mine).toHaveLength(3);
    expect(report.summary.unexpectedPayment).toBeGreaterThanOrEqual(1);
    const csv = await op.get(`/api/payments/reconciliation.csv?from=${from}&to=${to}`);
    expect(csv.body).toContain(`unexpected_payment,payment,${first.outTradeNo}`);
    // What came back is no receipt.
    const receipt = await member1.get(`/api/payments/${first.id}/receipt`);
    expect(receipt.statusCode).toBe(409);
    expect(receipt.json().details.reason).toBe('unexpected_payment');
  });

  test('money for a closed payment whose bills are still open and free credits them', async () => {
    const a = await memberBill(2200, '旧订单迟到的支付');
    const p = (await checkout(member1, [a])).json() as Payment;
    await closeOnlyOurs(p.id);
    await t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: form, payload: '' });
    await deliverAll();
    expect((await paymentRow(p.id)).status).toBe('succeeded');
    expect(await billStatuses([a])).toEqual(['paid']);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payment_refunds where payment_id = $1', [p.id]);
    expect(n).toBe(0);
  });

  test('when the provider is down for the automatic refund the notification is not acknowledged, and its redelivery sends the refund', async () => {
    await deliverAll();
    const a = await memberBill(2300, '退款渠道故障');
    const first = (await checkout(member1, [a])).json() as Payment;
    await closeOnlyOurs(first.id);
    const second = (await checkout(member1, [a])).json() as Payment;
    await t.app.inject({ method: 'POST', url: `${second.payUrl}/pay`, headers: form, payload: '' });
    await deliverAll();
    await t.app.inject({ method: 'POST', url: `${first.payUrl}/pay`, headers: form, payload: '' });
    const [note] = await takeDeliveries();
    const provider = t.services.paymentSandbox.provider;
    const refund = provider.refund;
    provider.refund = () => Promise.reject(new Error('provider unreachable'));
    try {
      expect((await post(note)).statusCode).toBe(500);
    } finally {
      provider.refund = refund;
    }
    expect((await paymentRow(first.id)).status).toBe('unexpected');
    const [pending] = await t.database.query<{ status: string; provider_refund_id: string | null }>('select status, provider_refund_id from payment_refunds where payment_id = $1', [first.id]);
    expect(pending).toEqual({ status: 'pending', provider_refund_id: null });
    const again = await post(note);
    expect(again.json().result).toBe('duplicate');
    await deliverAll();
    expect(await paymentRow(first.id)).toMatchObject({ status: 'refunded', refunded_fen: 2300 });
    expect((await t.services.paymentSandbox.getOrder(first.outTradeNo))?.refundedFen).toBe(2300);
  });
});
