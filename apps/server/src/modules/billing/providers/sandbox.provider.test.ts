import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../../db/client';
import { createTestDatabase } from '../../../testing/test-db';
import { createSandboxProvider, SANDBOX_SIGNATURE_HEADER, signSandboxBody, type SandboxProvider } from './sandbox.provider';
import { NotificationRejected } from './provider';

let database: Database;
let sandbox: SandboxProvider;
let seq = 0;
const SECRET = 'unit-test-secret-0123456789';

async function order(amountFen: number, ttlMs = 60_000) {
  const outTradeNo = `PKTEST${Date.now()}${++seq}`;
  await sandbox.provider.createOrder({ outTradeNo, amountFen, description: 'test', notifyUrl: '/api/payment-notifications/sandbox', returnUrl: '/done', expiresAt: new Date(Date.now() + ttlMs) });
  return outTradeNo;
}

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = createSandboxProvider({ db: database.db, settings: { secret: SECRET, notifyDelayMs: 0, duplicateRate: 0 } });
});
afterAll(() => database?.close());

describe('sandbox provider', () => {
  test('creating the same order twice keeps one order and one pay URL', async () => {
    const no = await order(100);
    const again = await sandbox.provider.createOrder({ outTradeNo: no, amountFen: 999, description: 'x', notifyUrl: '/n', returnUrl: '/r', expiresAt: new Date(Date.now() + 1000) });
    expect(again.payUrl).toBe(`/sandbox-pay/${no}`);
    expect((await sandbox.provider.queryOrder(no))?.amountFen).toBe(100);
  });

  test('refunds: only of a paid order, never more than paid in total, idempotent on out_refund_no', async () => {
    const no = await order(1000);
    expect((await sandbox.provider.refund({ outTradeNo: no, outRefundNo: `${no}-R0`, amountFen: 100, totalFen: 1000 })).status).toBe('failed');
    await sandbox.complete(no, 'succeeded');
    expect((await sandbox.provider.refund({ outTradeNo: no, outRefundNo: `${no}-R1`, amountFen: 600, totalFen: 1000 })).status).toBe('pending');
    const repeat = await sandbox.provider.refund({ outTradeNo: no, outRefundNo: `${no}-R1`, amountFen: 600, totalFen: 1000 });
    expect(repeat.status).toBe('pending');
    expect((await sandbox.provider.refund({ outTradeNo: no, outRefundNo: `${no}-R2`, amountFen: 401, totalFen: 1000 })).status).toBe('failed');
    expect((await sandbox.provider.refund({ outTradeNo: no, outRefundNo: `${no}-R3`, amountFen: 400, totalFen: 1000 })).status).toBe('pending');
    expect((await sandbox.getOrder(no))?.refundedFen).toBe(1000);
  });

  test('an expired order reads as closed and can no longer be paid', async () => {
    const no = await order(100, -1000);
    expect((await sandbox.provider.queryOrder(no))?.status).toBe('closed');
    expect((await sandbox.complete(no, 'succeeded'))?.status).toBe('closed');
  });

  test('closing: a pending order closes and can no longer be paid; closing again is the same; an unknown order is not found', async () => {
    const no = await order(100);
    expect(await sandbox.provider.closeOrder(no)).toEqual({ status: 'closed' });
    expect(await sandbox.provider.closeOrder(no)).toEqual({ status: 'closed' });
    expect(await sandbox.complete(no, 'succeeded')).toMatchObject({ status: 'closed', applied: false });
    expect((await sandbox.provider.queryOrder(no))?.status).toBe('closed');
    expect(await sandbox.provider.closeOrder('PK-NEVER-CREATED')).toEqual({ status: 'not_found' });
  });

  test('closing a paid order is refused with what was paid, and the order stays paid', async () => {
    const no = await order(250);
    expect(await sandbox.complete(no, 'succeeded')).toMatchObject({ status: 'succeeded', applied: true });
    const answer = await sandbox.provider.closeOrder(no);
    expect(answer).toMatchObject({ status: 'already_paid', order: { outTradeNo: no, status: 'succeeded', amountFen: 250, transactionId: expect.any(String) } });
    expect((await sandbox.provider.queryOrder(no))?.status).toBe('succeeded');
  });

  test('paying and closing at the same moment: exactly one wins', async () => {
    for (let i = 0; i < 5; i++) {
      const no = await order(300);
      const [paid, closed] = await Promise.all([sandbox.complete(no, 'succeeded'), sandbox.provider.closeOrder(no)]);
      expect(paid?.applied).toBe(closed.status === 'already_paid');
      expect((await sandbox.getOrder(no))?.status).toBe(paid?.applied ? 'succeeded' : 'closed');
    }
  });

  test('the same refund sent twice at once refunds once', async () => {
    const no = await order(800);
    await sandbox.complete(no, 'succeeded');
    const answers = await Promise.all([1, 2, 3].map(() => sandbox.provider.refund({ outTradeNo: no, outRefundNo: `${no}-RC`, amountFen: 800, totalFen: 800 })));
    expect(answers.map((a) => a.status)).toEqual(['pending', 'pending', 'pending']);
    expect(new Set(answers.map((a) => a.refundId)).size).toBe(1);
    expect((await sandbox.getOrder(no))?.refundedFen).toBe(800);
  });

  test('deliveries that are not acknowledged are retried later; acknowledged ones are not sent again', async () => {
    const no = await order(100);
    await sandbox.complete(no, 'succeeded');
    const seen: string[] = [];
    const far = new Date(Date.now() + 10 * 86_400_000);
    expect(await sandbox.deliverDue(async (_url, _h, body) => (seen.push(body), 500), far)).toBe(0);
    // Not due again right away: the retry waits.
    const before = seen.length;
    await sandbox.deliverDue(async (_url, _h, body) => (seen.push(body), 200));
    expect(seen.length).toBe(before);
    expect(await sandbox.deliverDue(async (_url, headers, body) => (seen.push(body), headers[SANDBOX_SIGNATURE_HEADER] ? 200 : 400), far)).toBeGreaterThan(0);
    const count = seen.length;
    await sandbox.deliverDue(async (_url, _h, body) => (seen.push(body), 200), far);
    expect(seen.length).toBe(count);
  });

  test.each([
    ['no header', () => ({}), 'unsigned'],
    ['a wrong secret', (b: string) => ({ [SANDBOX_SIGNATURE_HEADER]: signSandboxBody('wrong-secret', b, Math.floor(Date.now() / 1000)) }), 'bad_signature'],
    ['an old timestamp', (b: string) => ({ [SANDBOX_SIGNATURE_HEADER]: signSandboxBody(SECRET, b, Math.floor(Date.now() / 1000) - 301) }), 'stale'],
    ['a future timestamp', (b: string) => ({ [SANDBOX_SIGNATURE_HEADER]: signSandboxBody(SECRET, b, Math.floor(Date.now() / 1000) + 301) }), 'stale'],
  ])('verification refuses a body with %s', (_name, headers, reason) => {
    const body = JSON.stringify({ id: 'E1', type: 'payment.succeeded', created_at: new Date().toISOString(), resource: { out_trade_no: 'X', amount: { total: 1 } } });
    expect(() => sandbox.provider.verifyNotification(headers(body), body)).toThrow(new NotificationRejected(reason as never));
  });

  test('verification refuses a body changed after signing and accepts the signed one', () => {
    const body = JSON.stringify({ id: 'E2', type: 'payment.succeeded', created_at: new Date().toISOString(), resource: { out_trade_no: 'X', amount: { total: 100 } } });
    const headers = { [SANDBOX_SIGNATURE_HEADER]: signSandboxBody(SECRET, body, Math.floor(Date.now() / 1000)) };
    expect(() => sandbox.provider.verifyNotification(headers, body.replace('100', '1'))).toThrow(NotificationRejected);
    expect(sandbox.provider.verifyNotification(headers, body)).toMatchObject({ id: 'E2', outTradeNo: 'X', amountFen: 100 });
  });
});
