import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/*
 * Cancel racing the provider. On PostgreSQL (TEST_DB=postgres) the requests below really run
 * at the same time on separate connections; on PGlite they interleave at every await.
 * Whatever the order, each round must end in one consistent state with no money lost:
 * either nothing was paid and everything is closed, or the payment is paid once and the bill with it.
 */

let t: TestApp;
let op: TestClient;
let member: TestClient;
let enterpriseId: string;
let memberId: string;
let seq = 0;
const ROUNDS = 8;
const form = { 'content-type': 'application/x-www-form-urlencoded' };

type Payment = { id: string; outTradeNo: string; payUrl: string };

beforeAll(async () => {
  t = await createTestApp({ PAYMENT_SANDBOX_NOTIFY_DELAY_MS: '0', PAYMENT_SANDBOX_DUPLICATE_RATE: '1', PAYMENT_SANDBOX_SECRET: 'race-sandbox-secret-0123456789' });
  const park = await buildPark(t.services);
  enterpriseId = (await buildEnterprise(t.services, park.park.id, park.site.id)).id;
  await buildUser(t.services, 'race.op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  memberId = (await buildUser(t.services, 'race.member', [{ role: 'member', scopeType: 'enterprise', scopeId: enterpriseId }])).id;
  [op, member] = await Promise.all(['race.op', 'race.member'].map((u) => t.login(u, TEST_PASSWORD)));
});
afterAll(() => t?.close());

async function billAndCheckout(amountFen: number): Promise<{ billId: string; payment: Payment }> {
  const bill = await op.post('/api/bills', { enterpriseId, userId: memberId, kind: 'parking', period: '2026-11', title: `竞态 ${++seq}`, amountFen, dueDate: '2026-11-30' });
  expect(bill.statusCode, bill.body).toBe(201);
  const res = await member.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': `race-key-${Date.now()}-${seq}` }, payload: { billIds: [bill.json().id] } });
  expect(res.statusCode, res.body).toBe(201);
  return { billId: bill.json().id, payment: res.json() as Payment };
}

function later<T>(ms: number, run: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => setTimeout(() => run().then(resolve, reject), ms));
}

function deliverAll(): Promise<number> {
  return t.services.paymentSandbox.deliverDue(async (url, headers, body) => (await t.app.inject({ method: 'POST', url, headers, payload: body })).statusCode, new Date(Date.now() + 3_600_000));
}

async function takeDeliveries(): Promise<{ url: string; headers: Record<string, string>; body: string }[]> {
  const out: { url: string; headers: Record<string, string>; body: string }[] = [];
  await t.services.paymentSandbox.deliverDue(async (url, headers, body) => (out.push({ url, headers, body }), 200), new Date(Date.now() + 3_600_000));
  return out;
}

/** Everything both sides know about one round, read after it settled. */
async function state(billId: string, p: Payment) {
  const [row] = await t.database.query<{ status: string; refunded_fen: number; bill_status: string; bill_payment: string | null; order_status: string; order_refunded: number; succeeded: number; closed: number; unexpected: number; refunds: number; live: number }>(
    `select p.status, p.refunded_fen::int as refunded_fen, b.status as bill_status, b.payment_id as bill_payment,
            o.status as order_status, o.refunded_fen::int as order_refunded,
            (select count(*)::int from audit_log a where a.entity_id = p.id::text and a.action = 'payment.succeeded') as succeeded,
            (select count(*)::int from audit_log a where a.entity_id = p.id::text and a.action = 'payment.closed') as closed,
            (select count(*)::int from audit_log a where a.entity_id = p.id::text and a.action = 'payment.unexpected') as unexpected,
            (select count(*)::int from payment_refunds r where r.payment_id = p.id) as refunds,
            (select count(*)::int from payment_bills pb where pb.bill_id = b.id and pb.active) as live
       from payments p join bills b on b.id = $1 join sandbox_orders o on o.out_trade_no = p.out_trade_no where p.id = $2`,
    [billId, p.id],
  );
  return row;
}

/** The two consistent endings: paid once at both ends, or closed at both ends with nothing paid. */
function expectConsistent(s: Awaited<ReturnType<typeof state>>, paymentId: string, cancel: LightMyRequestResponse) {
  if (s.order_status === 'succeeded') {
    expect(s).toMatchObject({ status: 'succeeded', bill_status: 'paid', bill_payment: paymentId, succeeded: 1, closed: 0, unexpected: 0, refunds: 0, live: 1 });
    expect(cancel.statusCode, cancel.body).toBe(409);
    expect(cancel.json().details).toMatchObject({ reason: 'already_paid', paymentId });
  } else {
    expect(s).toMatchObject({ order_status: 'closed', status: 'closed', bill_status: 'open', bill_payment: null, succeeded: 0, closed: 1, unexpected: 0, refunds: 0, live: 0 });
    expect(cancel.statusCode, cancel.body).toBe(200);
  }
}

describe('cancel racing the provider', () => {
  test('cancel and the paid notification arriving at the same moment: paid once, cancel answers already_paid', async () => {
    await deliverAll();
    for (let round = 0; round < ROUNDS; round++) {
      const { billId, payment } = await billAndCheckout(1000 + round);
      expect((await t.app.inject({ method: 'POST', url: `${payment.payUrl}/pay`, headers: form, payload: '' })).statusCode).toBe(303);
      const notes = await takeDeliveries();
      expect(notes).toHaveLength(2);
      const [cancel, ...answers] = await Promise.all([
        member.post(`/api/payments/${payment.id}/cancel`),
        ...notes.map((d) => t.app.inject({ method: 'POST', url: d.url, headers: d.headers, payload: d.body })),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      // The notification either credited it or found it credited by the cancel's close (which the provider refused).
      expect(answers.map((a) => a.json().result).sort()).toEqual(expect.arrayContaining(['duplicate']));
      const s = await state(billId, payment);
      expect(s.order_status).toBe('succeeded');
      expectConsistent(s, payment.id, cancel);
    }
  });

  test('cancel and paying at the provider at the same moment: exactly one wins, at both ends', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { billId, payment } = await billAndCheckout(2000 + round);
      // Stagger one side by 0–2 ms, alternately, so both orders of arrival are tried.
      const lag = round % 3;
      const [cancel, pay] = await Promise.all([
        later(round % 2 ? lag : 0, () => member.post(`/api/payments/${payment.id}/cancel`)),
        later(round % 2 ? 0 : lag, () => t.app.inject({ method: 'POST', url: `${payment.payUrl}/pay`, headers: form, payload: '' })).then(async (r) => (await deliverAll(), r)),
      ]);
      await deliverAll();
      const s = await state(billId, payment);
      expect(pay.statusCode).toBe(s.order_status === 'succeeded' ? 303 : 409);
      expectConsistent(s, payment.id, cancel);
    }
  });
});
