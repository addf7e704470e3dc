import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { signSandboxBody, SANDBOX_SIGNATURE_HEADER, type SandboxFaults } from './providers/sandbox.provider';

/*
 * Provider failures: a failed payment attempt (the provider's order must be closed, or the payer
 * could still pay it) and a refund call the provider refused or never answered (it can be retried).
 */

const SECRET = 'failures-sandbox-secret-0123456789';
const form = { 'content-type': 'application/x-www-form-urlencoded' };
/** The sandbox's injected faults; tests set a count just before the call it should break. */
const faults: SandboxFaults = { refundErrors: 0, refundRefusals: 0 };

let t: TestApp;
let op: TestClient;
let member: TestClient;
let enterpriseId: string;
let memberId: string;
let seq = 0;

type Payment = { id: string; outTradeNo: string; payUrl: string };

beforeAll(async () => {
  t = await createTestApp({ PAYMENT_SANDBOX_NOTIFY_DELAY_MS: '0', PAYMENT_SANDBOX_DUPLICATE_RATE: '1', PAYMENT_SANDBOX_SECRET: SECRET }, (config) => {
    config.paymentSandbox.faults = faults;
  });
  const park = await buildPark(t.services);
  enterpriseId = (await buildEnterprise(t.services, park.park.id, park.site.id)).id;
  await buildUser(t.services, 'fail.op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  memberId = (await buildUser(t.services, 'fail.member', [{ role: 'member', scopeType: 'enterprise', scopeId: enterpriseId }])).id;
  [op, member] = await Promise.all(['fail.op', 'fail.member'].map((u) => t.login(u, TEST_PASSWORD)));
});
afterAll(() => t?.close());

async function billAndCheckout(amountFen: number): Promise<{ billId: string; payment: Payment }> {
  const bill = await op.post('/api/bills', { enterpriseId, userId: memberId, kind: 'parking', period: '2026-11', title: `失败 ${++seq}`, amountFen, dueDate: '2026-11-30' });
  expect(bill.statusCode, bill.body).toBe(201);
  const res = await member.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': `fail-key-${Date.now()}-${seq}` }, payload: { billIds: [bill.json().id] } });
  expect(res.statusCode, res.body).toBe(201);
  return { billId: bill.json().id, payment: res.json() as Payment };
}

function deliverAll(): Promise<number> {
  return t.services.paymentSandbox.deliverDue(async (url, headers, body) => (await t.app.inject({ method: 'POST', url, headers, payload: body })).statusCode, new Date(Date.now() + 3_600_000));
}

/** Drops the queued deliveries (a provider whose notifications are late). */
async function takeDeliveries(): Promise<{ url: string; headers: Record<string, string>; body: string }[]> {
  const out: { url: string; headers: Record<string, string>; body: string }[] = [];
  await t.services.paymentSandbox.deliverDue(async (url, headers, body) => (out.push({ url, headers, body }), 200), new Date(Date.now() + 3_600_000));
  return out;
}

/** A signed `payment.failed` as a provider sends it after a failed attempt (the order itself stays payable there). */
function failedNotification(p: Payment, amountFen: number) {
  const body = JSON.stringify({ id: `EVT-FAIL-${p.id}`, type: 'payment.failed', created_at: new Date().toISOString(), resource: { out_trade_no: p.outTradeNo, amount: { total: amountFen } } });
  return t.app.inject({ method: 'POST', url: '/api/payment-notifications/sandbox', headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandboxBody(SECRET, body, Math.floor(Date.now() / 1000)) }, payload: body });
}

const pay = (p: Payment) => t.app.inject({ method: 'POST', url: `${p.payUrl}/pay`, headers: form, payload: '' });

async function state(paymentId: string, billId: string) {
  const [row] = await t.database.query<{ status: string; refunded_fen: number; bill_status: string; order_status: string; order_refunded: number; refunds: number }>(
    `select p.status, p.refunded_fen::int as refunded_fen, b.status as bill_status, o.status as order_status, o.refunded_fen::int as order_refunded,
            (select count(*)::int from payment_refunds r where r.payment_id = p.id) as refunds
       from payments p join bills b on b.id = $2 join sandbox_orders o on o.out_trade_no = p.out_trade_no where p.id = $1`,
    [paymentId, billId],
  );
  return row;
}

async function paidPayment(amountFen: number): Promise<{ billId: string; payment: Payment }> {
  const made = await billAndCheckout(amountFen);
  expect((await pay(made.payment)).statusCode).toBe(303);
  await deliverAll();
  expect((await state(made.payment.id, made.billId)).status).toBe('succeeded');
  return made;
}

describe('a failed payment closes the provider order', () => {
  test('after a failed notification the order is closed at the provider and paying it is refused', async () => {
    const { billId, payment } = await billAndCheckout(3100);
    const res = await failedNotification(payment, 3100);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toBe('applied');
    expect(await state(payment.id, billId)).toMatchObject({ status: 'failed', bill_status: 'open', order_status: 'closed' });
    // The payer's page is still open: the provider refuses the order, no money moves.
    expect((await pay(payment)).statusCode).toBe(409);
    await deliverAll();
    expect(await state(payment.id, billId)).toMatchObject({ status: 'failed', bill_status: 'open', order_status: 'closed', refunds: 0 });
    // The bill is free for a new checkout.
    const again = await member.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': `fail-again-${payment.id}` }, payload: { billIds: [billId] } });
    expect(again.statusCode, again.body).toBe(201);
  });

  test('when the order was paid before the failed notification arrives, the payment ends paid and nothing is lost', async () => {
    const { billId, payment } = await billAndCheckout(3200);
    expect((await pay(payment)).statusCode).toBe(303);
    const late = await takeDeliveries(); // the success notification is late
    const res = await failedNotification(payment, 3200);
    expect(res.statusCode, res.body).toBe(200);
    expect(await state(payment.id, billId)).toMatchObject({ status: 'succeeded', bill_status: 'paid', order_status: 'succeeded', refunds: 0 });
    for (const d of late) expect((await t.app.inject({ method: 'POST', url: d.url, headers: d.headers, payload: d.body })).statusCode).toBe(200);
    expect(await state(payment.id, billId)).toMatchObject({ status: 'succeeded', bill_status: 'paid', refunds: 0 });
    const [{ n }] = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where entity_id = $1 and action = 'payment.succeeded'", [payment.id]);
    expect(n).toBe(1);
  });

  test('a provider error while closing leaves the payment pending and the notification unacknowledged; its redelivery fails it', async () => {
    const { billId, payment } = await billAndCheckout(3300);
    const provider = t.services.paymentSandbox.provider;
    const closeOrder = provider.closeOrder;
    provider.closeOrder = () => Promise.reject(new Error('provider unreachable'));
    try {
      expect((await failedNotification(payment, 3300)).statusCode).toBe(500);
    } finally {
      provider.closeOrder = closeOrder;
    }
    expect(await state(payment.id, billId)).toMatchObject({ status: 'pending', order_status: 'pending' });
    const again = await failedNotification(payment, 3300);
    expect(again.json().result).toBe('applied');
    expect(await state(payment.id, billId)).toMatchObject({ status: 'failed', order_status: 'closed' });
  });
});

describe('a refund the provider did not take can be retried', () => {
  const refund = (p: Payment, amountFen: number, idempotencyKey: string) => op.request({ method: 'POST', url: `/api/payments/${p.id}/refunds`, payload: { amountFen, reason: '重试', idempotencyKey } });

  test('provider unreachable: the retry with the same key sends the same refund number again and it completes', async () => {
    const { billId, payment } = await paidPayment(4000);
    faults.refundErrors = 1;
    const first = await refund(payment, 1500, `retry-down-${payment.id}`);
    expect(first.statusCode).toBe(500);
    const [stuck] = await t.database.query<{ out_refund_no: string; status: string; provider_refund_id: string | null }>('select out_refund_no, status, provider_refund_id from payment_refunds where payment_id = $1', [payment.id]);
    expect(stuck).toMatchObject({ status: 'pending', provider_refund_id: null });

    const retried = await refund(payment, 1500, `retry-down-${payment.id}`);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.json()).toMatchObject({ outRefundNo: stuck.out_refund_no, status: 'pending', providerRefundId: expect.any(String) });
    expect((await state(payment.id, billId)).order_refunded).toBe(1500);
    await deliverAll();
    expect(await state(payment.id, billId)).toMatchObject({ status: 'partially_refunded', refunded_fen: 1500, order_refunded: 1500, refunds: 1 });

    // Done: the same request again answers the stored refund and refunds nothing more.
    const done = await refund(payment, 1500, `retry-down-${payment.id}`);
    expect(done.json()).toMatchObject({ outRefundNo: stuck.out_refund_no, status: 'succeeded' });
    expect(await state(payment.id, billId)).toMatchObject({ refunded_fen: 1500, order_refunded: 1500, refunds: 1 });
  });

  test('provider refused: the refund is failed, its retry contacts the provider again; a succeeded one does not', async () => {
    const { billId, payment } = await paidPayment(5000);
    faults.refundRefusals = 1;
    const first = await refund(payment, 5000, `retry-refused-${payment.id}`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('failed');
    expect((await state(payment.id, billId)).order_refunded).toBe(0);

    const retried = await refund(payment, 5000, `retry-refused-${payment.id}`);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.json()).toMatchObject({ id: first.json().id, outRefundNo: first.json().outRefundNo, status: 'pending' });
    await deliverAll();
    expect(await state(payment.id, billId)).toMatchObject({ status: 'refunded', refunded_fen: 5000, bill_status: 'refunded', order_refunded: 5000, refunds: 1 });
    const [{ n }] = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where entity_id = $1 and action = 'payment_refund.retried'", [payment.id]);
    expect(n).toBe(1);

    // A succeeded refund is answered from storage: the provider is not asked (the armed fault stays unused).
    faults.refundErrors = 1;
    try {
      const again = await refund(payment, 5000, `retry-refused-${payment.id}`);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({ id: first.json().id, status: 'succeeded' });
      expect(faults.refundErrors).toBe(1);
    } finally {
      faults.refundErrors = 0;
    }
  });
});
