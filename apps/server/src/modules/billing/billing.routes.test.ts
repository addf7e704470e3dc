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

  test('a retried submission returns the same payment; a reused key for other bills is refused', async () => {
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
    // Another key for a bill already in a live payment is a conflict, not a second charge.
    expect((await checkout(member1, [a], key())).statusCode).toBe(409);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payment_bills where bill_id = $1', [a]);
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

  test('concurrent checkouts of the same bill with different keys: exactly one wins', async () => {
    const a = await memberBill(999);
    const results = await Promise.all(Array.from({ length: 6 }, () => checkout(member1, [a])));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from payment_bills where bill_id = $1 and active', [a]);
    expect(n).toBe(1);
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

  test('cancelling a pending payment closes it and the hosted page then refuses to pay', async () => {
    const a = await memberBill(420);
    const p = (await checkout(member1, [a])).json() as Payment;
    expect((await member2.post(`/api/payments/${p.id}/cancel`)).statusCode).toBe(404);
    const res = await member1.post(`/api/payments/${p.id}/cancel`);
    expect(res.json().status).toBe('closed');
    expect(await billStatuses([a])).toEqual(['open']);
    // The sandbox order itself is still payable (a real provider's may be too): paying now is a late success.
    await t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    await deliverAll();
    expect((await paymentRow(p.id)).status).toBe('succeeded');
    expect(await billStatuses([a])).toEqual(['paid']);
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
