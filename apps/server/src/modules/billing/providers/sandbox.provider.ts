import crypto from 'node:crypto';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sandboxDeliveries, sandboxOrders, sandboxRefunds } from '../billing.table';
import { NotificationRejected, type CloseOrderResult, type CreateOrderInput, type NotificationType, type PaymentProvider, type ProviderOrder, type RefundInput, type VerifiedNotification } from './provider';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';
/** Notifications older or newer than this are refused (replay window). */
export const SANDBOX_TOLERANCE_SECONDS = 300;

export interface SandboxSettings {
  secret: string;
  /** Delay before a notification is first delivered. */
  notifyDelayMs: number;
  /** Probability (0–1) that a notification is delivered twice, as real providers sometimes do. */
  duplicateRate: number;
  /** Where the hosted payment page lives (ParkOS serves it). */
  pagePrefix?: string;
  /** Test-only fault injection; tests keep the object and change its counts between requests. */
  faults?: SandboxFaults;
}

/**
 * Faults the sandbox plays for tests, each a count of the next calls it affects:
 * `refundErrors` throw as an unreachable provider would, `refundRefusals` answer `failed`
 * without recording the refund (so the same out_refund_no can be tried again).
 */
export interface SandboxFaults {
  refundErrors: number;
  refundRefusals: number;
}

/** What the sandbox posts: the same shape for payments and refunds. */
export interface SandboxNotificationBody {
  id: string;
  type: NotificationType;
  created_at: string;
  resource: { out_trade_no: string; out_refund_no?: string; transaction_id?: string; amount: { total: number } };
}

/** Signs a raw body the way the sandbox does (exported for tests and for gate-style integrators). */
export function signSandboxBody(secret: string, rawBody: string, timestampSeconds: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

function newId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${crypto.randomBytes(6).toString('hex')}`.toUpperCase();
}

export type Deliverer = (url: string, headers: Record<string, string>, body: string) => Promise<number>;

/**
 * A built-in payment provider that behaves like a real one: a hosted payment
 * page (pay / fail), orders that expire, refunds (partial and full) limited to
 * what was paid, and asynchronous HMAC-signed notifications that arrive late,
 * are retried until acknowledged and are sometimes delivered twice.
 */
export function createSandboxProvider(deps: { db: Db; settings: SandboxSettings; random?: () => number }) {
  const { db, settings } = deps;
  const random = deps.random ?? Math.random;
  const pagePrefix = settings.pagePrefix ?? '/sandbox-pay';

  async function enqueue(url: string, n: Omit<SandboxNotificationBody, 'id' | 'created_at'>, delayMs = settings.notifyDelayMs): Promise<SandboxNotificationBody> {
    const body: SandboxNotificationBody = { id: newId('EVT'), created_at: new Date().toISOString(), ...n };
    const raw = JSON.stringify(body);
    const at = new Date(Date.now() + delayMs);
    const rows = [{ notificationId: body.id, url, body: raw, deliverAfter: at }];
    if (random() < settings.duplicateRate) rows.push({ notificationId: body.id, url, body: raw, deliverAfter: new Date(at.getTime() + 500) });
    await db.insert(sandboxDeliveries).values(rows);
    return body;
  }

  async function getOrder(outTradeNo: string) {
    const [o] = await db.select().from(sandboxOrders).where(eq(sandboxOrders.outTradeNo, outTradeNo));
    return o;
  }

  function providerOrder(o: typeof sandboxOrders.$inferSelect): ProviderOrder {
    const status = o.status === 'pending' && o.expiresAt.getTime() < Date.now() ? 'closed' : o.status;
    return { outTradeNo: o.outTradeNo, status, amountFen: o.amountFen, transactionId: o.transactionId, paidAt: o.paidAt };
  }

  const provider: PaymentProvider = {
    name: 'sandbox',

    async createOrder(input: CreateOrderInput) {
      await db
        .insert(sandboxOrders)
        .values({ outTradeNo: input.outTradeNo, amountFen: input.amountFen, description: input.description, notifyUrl: input.notifyUrl, returnUrl: input.returnUrl, expiresAt: input.expiresAt })
        .onConflictDoNothing();
      return { payUrl: `${pagePrefix}/${encodeURIComponent(input.outTradeNo)}` };
    },

    async queryOrder(outTradeNo: string): Promise<ProviderOrder | null> {
      const o = await getOrder(outTradeNo);
      return o ? providerOrder(o) : null;
    },

    async closeOrder(outTradeNo: string): Promise<CloseOrderResult> {
      // One conditional update, the same row `complete` changes: paying and closing cannot both win.
      const [closed] = await db
        .update(sandboxOrders)
        .set({ status: 'closed' })
        .where(and(eq(sandboxOrders.outTradeNo, outTradeNo), eq(sandboxOrders.status, 'pending')))
        .returning();
      if (closed) return { status: 'closed' };
      const o = await getOrder(outTradeNo);
      if (!o) return { status: 'not_found' };
      if (o.status === 'succeeded') return { status: 'already_paid', order: providerOrder(o) };
      return { status: 'closed' };
    },

    async refund(input: RefundInput) {
      const refundId = newId('RFD');
      const faults = settings.faults;
      if (faults && faults.refundErrors > 0) {
        faults.refundErrors--;
        throw new Error('sandbox: provider unreachable (injected fault)');
      }
      if (faults && faults.refundRefusals > 0) {
        faults.refundRefusals--;
        return { refundId, status: 'failed' as const };
      }
      const refused = new Error('refund refused');
      const accepted = await db
        .transaction(async (tx) => {
          // Claim the out_refund_no first: a concurrent call with the same number waits here and then finds it.
          const [claimed] = await tx.insert(sandboxRefunds).values({ outRefundNo: input.outRefundNo, outTradeNo: input.outTradeNo, amountFen: input.amountFen, refundId }).onConflictDoNothing().returning();
          if (!claimed) return null;
          // Like a real provider: only a paid order, and never more than was paid in total.
          const [o] = await tx
            .update(sandboxOrders)
            .set({ refundedFen: sql`${sandboxOrders.refundedFen} + ${input.amountFen}` })
            .where(and(eq(sandboxOrders.outTradeNo, input.outTradeNo), eq(sandboxOrders.status, 'succeeded'), sql`${sandboxOrders.refundedFen} + ${input.amountFen} <= ${sandboxOrders.amountFen}`))
            .returning();
          // A refused refund leaves no record (the transaction rolls back), so its number may be tried again.
          if (!o) throw refused;
          return o;
        })
        .catch((err: unknown) => {
          if (err === refused) return 'refused' as const;
          throw err;
        });
      if (accepted === 'refused') return { refundId, status: 'failed' as const };
      if (!accepted) {
        const [existing] = await db.select().from(sandboxRefunds).where(eq(sandboxRefunds.outRefundNo, input.outRefundNo));
        return { refundId: existing.refundId, status: existing.status };
      }
      await enqueue(accepted.notifyUrl, { type: 'refund.succeeded', resource: { out_trade_no: input.outTradeNo, out_refund_no: input.outRefundNo, transaction_id: refundId, amount: { total: input.amountFen } } });
      return { refundId, status: 'pending' as const };
    },

    verifyNotification(headers, rawBody, now = new Date()): VerifiedNotification {
      const header = headers[SANDBOX_SIGNATURE_HEADER];
      const value = Array.isArray(header) ? header[0] : header;
      if (!value) throw new NotificationRejected('unsigned');
      const parts = Object.fromEntries(value.split(',').map((p) => p.trim().split('=') as [string, string]));
      const t = Number(parts.t);
      if (!Number.isInteger(t) || !parts.v1) throw new NotificationRejected('unsigned');
      const expected = Buffer.from(signSandboxBody(settings.secret, rawBody, t).split('v1=')[1], 'hex');
      const given = Buffer.from(parts.v1, 'hex');
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new NotificationRejected('bad_signature');
      if (Math.abs(now.getTime() / 1000 - t) > SANDBOX_TOLERANCE_SECONDS) throw new NotificationRejected('stale');
      let body: SandboxNotificationBody;
      try {
        body = JSON.parse(rawBody) as SandboxNotificationBody;
      } catch {
        throw new NotificationRejected('malformed');
      }
      if (!body?.id || !body.type || !body.resource?.out_trade_no || !Number.isInteger(body.resource.amount?.total)) throw new NotificationRejected('malformed');
      return {
        id: body.id,
        type: body.type,
        outTradeNo: body.resource.out_trade_no,
        outRefundNo: body.resource.out_refund_no ?? null,
        transactionId: body.resource.transaction_id ?? null,
        amountFen: body.resource.amount.total,
        occurredAt: new Date(body.created_at),
      };
    },
  };

  return {
    provider,
    getOrder,

    /**
     * The payer pressed "pay" (or "fail") on the hosted page. Only a pending, unexpired order
     * changes (`applied`); a closed, expired, failed or already paid one is refused.
     */
    async complete(outTradeNo: string, outcome: 'succeeded' | 'failed'): Promise<{ returnUrl: string | null; status: string; applied: boolean } | null> {
      const o = await getOrder(outTradeNo);
      if (!o) return null;
      if (o.status !== 'pending' || o.expiresAt.getTime() < Date.now()) return { returnUrl: o.returnUrl, status: o.status === 'pending' ? 'closed' : o.status, applied: false };
      const transactionId = outcome === 'succeeded' ? newId('TXN') : null;
      const [changed] = await db
        .update(sandboxOrders)
        .set({ status: outcome, transactionId, paidAt: outcome === 'succeeded' ? new Date() : null })
        .where(and(eq(sandboxOrders.outTradeNo, outTradeNo), eq(sandboxOrders.status, 'pending')))
        .returning();
      if (!changed) return { returnUrl: o.returnUrl, status: (await getOrder(outTradeNo))!.status, applied: false };
      await enqueue(o.notifyUrl, {
        type: outcome === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
        resource: { out_trade_no: outTradeNo, ...(transactionId ? { transaction_id: transactionId } : {}), amount: { total: o.amountFen } },
      });
      return { returnUrl: o.returnUrl, status: outcome, applied: true };
    },

    /**
     * Posts due notifications, signing each at send time; a non-2xx answer or an error is
     * retried with backoff. Never throws: returns how many were acknowledged.
     */
    async deliverDue(deliver: Deliverer, now = new Date()): Promise<number> {
      const due = await db
        .select()
        .from(sandboxDeliveries)
        .where(and(isNull(sandboxDeliveries.deliveredAt), lte(sandboxDeliveries.deliverAfter, now)))
        .orderBy(asc(sandboxDeliveries.deliverAfter))
        .limit(50);
      let ok = 0;
      for (const d of due) {
        let status: number;
        try {
          status = await deliver(d.url, { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandboxBody(settings.secret, d.body, Math.floor(Date.now() / 1000)) }, d.body);
        } catch {
          status = 0;
        }
        const attempts = d.attempts + 1;
        const acknowledged = status >= 200 && status < 300;
        if (acknowledged) ok++;
        await db
          .update(sandboxDeliveries)
          .set({ attempts, lastStatus: status, deliveredAt: acknowledged ? new Date() : null, deliverAfter: acknowledged ? d.deliverAfter : new Date(Date.now() + Math.min(2 ** attempts, 3600) * 1000) })
          .where(eq(sandboxDeliveries.id, d.id));
      }
      return ok;
    },

    /** Delivers on a timer; stop() ends it. Errors are swallowed (counted as retries). */
    startDelivery(deliver: Deliverer, intervalMs = 1000): { stop: () => Promise<void> } {
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          await this.deliverDue(deliver);
        } catch {
          // The sandbox never crashes its loop; undelivered rows are retried next tick.
        } finally {
          running = false;
        }
      };
      const timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      return { stop: async () => clearInterval(timer) };
    },
  };
}

export type SandboxProvider = ReturnType<typeof createSandboxProvider>;
