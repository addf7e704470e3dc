import type { AuditAction } from '@parkos/contracts';
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { offsetOf, type Page, type PageQuery } from '../../lib/pagination';
import { assertCanWrite, enterpriseIdsOf, isGlobalOperator, isOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { auditLog, users } from '../identity/identity.table';
import { devices, telemetry } from '../iot/iot.table';
import { enterprises, leases, parks, units } from '../parks/parks.table';
import { billScope, canPayBill, canReadBill } from './billing.access';
import { billCredits, bills, paymentBills, paymentNotifications, paymentRefunds, payments, type BillKind, type BillStatus, type PaymentStatus, type UnexpectedReason } from './billing.table';
import { NotificationRejected, type CloseOrderResult, type PaymentProvider, type ProviderOrder, type VerifiedNotification } from './providers/provider';

export type BillRow = typeof bills.$inferSelect;
export type BillCreditRow = typeof billCredits.$inferSelect;
/** A bill as the API shows it: with what is left to pay after its credit notes. */
export type BillView = BillRow & { amountDueFen: number };

/** What is left to pay: the amount less its credits, never below zero. */
export function amountDueOf(b: { amountFen: number; creditedFen: number }): number {
  return Math.max(0, b.amountFen - b.creditedFen);
}
const withDue = (b: BillRow): BillView => ({ ...b, amountDueFen: amountDueOf(b) });

/** One month's credit for a lease, asked for by another module. */
export interface CreditLine {
  leaseId: string;
  period: string;
  amountFen: number;
}

/** `YYYY-MM` plus n months. */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
/** How far a credit carried past paid bills may travel before it waits as pending. */
const MAX_CARRY_MONTHS = 36;
export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof paymentRefunds.$inferSelect;
export type NotificationRow = typeof paymentNotifications.$inferSelect;

/** Where providers post notifications; the provider name is the last segment. */
export const NOTIFY_PATH = '/api/payment-notifications';
/** How long a payer has to finish paying before the order closes. */
const ORDER_TTL_MS = 15 * 60_000;

export interface BillFilters extends PageQuery {
  status?: BillStatus;
  kind?: BillKind;
  period?: string;
  enterpriseId?: string;
  parkId?: string;
  /** Only bills the caller may pay (their own). */
  payable?: boolean;
}

export interface CreateBillInput {
  enterpriseId: string;
  userId?: string | null;
  kind: BillKind;
  period: string;
  title: string;
  amountFen: number;
  dueDate: string;
  details?: Record<string, unknown>;
  sourceRef?: string | null;
}

/** `unexpected_payment`: money arrived for a payment ParkOS no longer expected (refunded automatically). */
export type ReconciliationStatus = 'matched' | 'missing_notification' | 'amount_mismatch' | 'unknown_notification' | 'pending' | 'unexpected_payment';

/** Payments whose bills are paid by them. */
const PAID_STATUSES: readonly PaymentStatus[] = ['succeeded', 'partially_refunded', 'refunded'];
/** Payments the provider took money for (paid ones, and unexpected money on its way back). */
const RECEIVED_STATUSES: readonly PaymentStatus[] = [...PAID_STATUSES, 'unexpected'];

/** Why a pending payment was closed: the payer cancelled, a new checkout of its bills replaced it, it expired, or the provider closed it. */
export type CloseReason = 'cancel' | 'superseded' | 'expired' | 'provider_closed';

type ApplyResult = 'applied' | 'ignored' | 'amount_mismatch' | 'unexpected';

/** What a provider order that turned out paid means for our payment. */
function paidOutcome(order: ProviderOrder) {
  return { status: 'succeeded' as const, transactionId: order.transactionId, amountFen: order.amountFen, paidAt: order.paidAt };
}

/** 409 for an action on a payment the provider already took money for. */
function alreadyPaid(p: { id: string; status: PaymentStatus }): AppError {
  return conflict(`Payment ${p.id} was already paid at the provider (${p.status})`, { reason: 'already_paid', paymentId: p.id, status: p.status });
}

/** The out_refund_no of the automatic refund of unexpected money: one per provider transaction, so it is never sent twice. */
function automaticRefundNo(provider: string, transaction: string): string {
  return `RA${crypto.createHash('sha256').update(`${provider}:${transaction}`).digest('hex').slice(0, 24).toUpperCase()}`;
}

export interface ReconciliationLine {
  status: ReconciliationStatus;
  kind: 'payment' | 'refund' | 'notification';
  outTradeNo: string;
  outRefundNo: string | null;
  paymentId: string | null;
  paymentStatus: string | null;
  amountFen: number | null;
  notifiedAmountFen: number | null;
  providerTxnId: string | null;
  notificationId: string | null;
  at: Date;
}

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** `YYYY-MM` → [first day, first day of next month] as `YYYY-MM-DD`, and UTC instants of Asia/Shanghai midnights. */
export function periodBounds(period: string): { startDate: string; endDate: string; start: Date; end: Date } {
  const [y, m] = period.split('-').map(Number);
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const startDate = `${y}-${pad(m)}-01`;
  const endDate = `${ny}-${pad(nm)}-01`;
  // Periods follow the park's calendar (Asia/Shanghai, UTC+8, no DST).
  return { startDate, endDate, start: new Date(`${startDate}T00:00:00+08:00`), end: new Date(`${endDate}T00:00:00+08:00`) };
}

function newTradeNo(prefix: string): string {
  const d = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${prefix}${d}${crypto.randomBytes(8).toString('hex').toUpperCase()}`;
}

/** Bills, statements, unified payment (统一支付), refunds, notifications and reconciliation. */
export function createBillingService(deps: {
  db: Db;
  audit: AuditService;
  providers: PaymentProvider[];
  defaultProvider?: string;
  /** Called inside the transaction that issues an enterprise's bill (its finance contacts are notified). */
  onBillIssued?: (tx: Tx, bill: BillRow) => Promise<void>;
}) {
  const { db, audit } = deps;
  const providers = new Map(deps.providers.map((p) => [p.name, p]));
  const defaultProvider = deps.defaultProvider ?? deps.providers[0]?.name;

  function providerOf(name: string): PaymentProvider {
    const p = providers.get(name);
    if (!p) throw notFound('payment provider', name);
    return p;
  }

  async function record(tx: Tx, ctx: RequestContext, action: AuditAction, entityType: string, entityId: string, before: unknown, after: unknown, place: { parkId: string | null; enterpriseId: string | null }) {
    return audit.record(tx, ctx, { action, entityType, entityId, before, after, parkId: place.parkId, enterpriseId: place.enterpriseId });
  }

  async function getBillRow(id: string): Promise<BillRow> {
    const [b] = await db.select().from(bills).where(eq(bills.id, id));
    if (!b) throw notFound('bill', id);
    return b;
  }

  async function readablePayment(actor: Actor, id: string): Promise<PaymentRow> {
    const [p] = await db.select().from(payments).where(eq(payments.id, id));
    if (!p || !canReadPayment(actor, p)) throw notFound('payment', id);
    return p;
  }

  function canReadPayment(actor: Actor, p: PaymentRow): boolean {
    if (p.payerId === actor.userId) return true;
    if (operatorCovers(actor, { parkId: p.parkId })) return true;
    return !!p.enterpriseId && enterpriseIdsOf(actor, ['enterprise_admin']).includes(p.enterpriseId);
  }

  function paymentScope(actor: Actor): SQL | undefined {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [eq(payments.payerId, actor.userId)];
    const parkIds = operatorParkIds(actor);
    if (parkIds.length) parts.push(inArray(payments.parkId, parkIds));
    const adminOf = enterpriseIdsOf(actor, ['enterprise_admin']);
    if (adminOf.length) parts.push(inArray(payments.enterpriseId, adminOf));
    return or(...parts);
  }

  async function assertOperatorOfEnterprise(actor: Actor, enterpriseId: string) {
    const [e] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!e) throw notFound('enterprise', enterpriseId);
    if (!operatorCovers(actor, e)) {
      if (enterpriseIdsOf(actor).includes(e.id)) throw forbidden('Only park operators may issue bills');
      throw notFound('enterprise', enterpriseId);
    }
    return e;
  }

  /** Inserts a bill unless its (kind, source, period) exists; audits it. Returns null for a duplicate. */
  async function insertBill(tx: Tx, ctx: RequestContext, e: { id: string; parkId: string; siteId: string | null }, input: CreateBillInput): Promise<BillRow | null> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw validationError('body.amountFen', 'must be a positive whole number of fen');
    const [b] = await tx
      .insert(bills)
      .values({
        parkId: e.parkId,
        siteId: e.siteId,
        enterpriseId: e.id,
        userId: input.userId ?? null,
        kind: input.kind,
        period: input.period,
        title: input.title,
        amountFen: input.amountFen,
        dueDate: input.dueDate,
        sourceRef: input.sourceRef ?? null,
        details: input.details ?? {},
      })
      .onConflictDoNothing()
      .returning();
    if (b) await record(tx, ctx, 'bill.created', 'bill', b.id, null, b, { parkId: b.parkId, enterpriseId: b.enterpriseId });
    // Enterprise bills (not a member's own, such as their parking fees) reach the enterprise's finance contacts.
    if (b && !b.userId) await deps.onBillIssued?.(tx, b);
    if (b && b.kind === 'rent' && b.sourceRef?.startsWith('lease:')) return applyPendingCredits(tx, ctx, b);
    return b ?? null;
  }

  /** Is the bill open and in no live payment (a pending checkout holds its amount)? Call with the bill locked. */
  async function isCreditable(tx: Tx, b: BillRow): Promise<boolean> {
    if (b.status !== 'open' || amountDueOf(b) === 0) return false;
    const [held] = await tx.select({ id: paymentBills.id }).from(paymentBills).where(and(eq(paymentBills.billId, b.id), eq(paymentBills.active, true)));
    return !held;
  }

  /** Adds a credit to a locked bill: one note per bill and source, the amount due never below zero. Returns what was applied. */
  async function creditBill(tx: Tx, ctx: RequestContext, b: BillRow, input: { leaseId: string; source: string; amountFen: number; details: Record<string, unknown> }): Promise<{ applied: number; bill: BillRow }> {
    const applied = Math.min(input.amountFen, amountDueOf(b));
    if (applied <= 0) return { applied: 0, bill: b };
    const [existing] = await tx.select().from(billCredits).where(and(eq(billCredits.billId, b.id), eq(billCredits.source, input.source))).for('update');
    let note: BillCreditRow;
    if (existing) {
      [note] = await tx.update(billCredits).set({ amountFen: existing.amountFen + applied, details: { ...existing.details, ...input.details } }).where(eq(billCredits.id, existing.id)).returning();
    } else {
      [note] = await tx
        .insert(billCredits)
        .values({ parkId: b.parkId, enterpriseId: b.enterpriseId!, leaseId: input.leaseId, billId: b.id, period: b.period, source: input.source, amountFen: applied, status: 'applied', details: input.details, appliedAt: new Date() })
        .returning();
    }
    const creditedFen = b.creditedFen + applied;
    // A bill its credits cover in full is settled: paid, with no payment.
    const settled = creditedFen >= b.amountFen;
    const [after] = await tx
      .update(bills)
      .set({ creditedFen, ...(settled ? { status: 'paid' as const, paidAt: new Date() } : {}), updatedAt: new Date() })
      .where(eq(bills.id, b.id))
      .returning();
    await record(tx, ctx, 'bill_credit.applied', 'bill_credit', note.id, existing ? { amountFen: existing.amountFen } : null, { billId: b.id, source: input.source, amountFen: note.amountFen, added: applied, details: note.details }, { parkId: b.parkId, enterpriseId: b.enterpriseId });
    await record(tx, ctx, 'bill.credited', 'bill', b.id, { creditedFen: b.creditedFen, status: b.status }, { creditedFen, amountDueFen: amountDueOf(after), status: after.status, creditId: note.id, source: input.source }, { parkId: b.parkId, enterpriseId: b.enterpriseId });
    return { applied, bill: after };
  }

  /**
   * Places a credit on a lease's rent bill for `period`, or on the next one it can take: a paid,
   * refunded, void or checkout-held bill passes the credit on to the following month; a bill not
   * generated yet gets it as a pending credit, applied when it is generated.
   */
  async function placeCredit(tx: Tx, ctx: RequestContext, place: { parkId: string; enterpriseId: string }, line: CreditLine & { source: string; details: Record<string, unknown> }): Promise<void> {
    let left = line.amountFen;
    let period = line.period;
    const carriedFrom: string[] = [];
    for (let i = 0; left > 0 && i <= MAX_CARRY_MONTHS; i++, period = addMonths(period, 1)) {
      const [b] = await tx.select().from(bills).where(and(eq(bills.kind, 'rent'), eq(bills.sourceRef, `lease:${line.leaseId}`), eq(bills.period, period))).for('update');
      if (!b || i === MAX_CARRY_MONTHS) {
        await addPending(tx, ctx, place, { leaseId: line.leaseId, period, source: line.source, amountFen: left, details: { ...line.details, ...(carriedFrom.length ? { carriedFrom } : {}) } });
        return;
      }
      if (await isCreditable(tx, b)) {
        const { applied } = await creditBill(tx, ctx, b, { leaseId: line.leaseId, source: line.source, amountFen: left, details: { ...line.details, ...(carriedFrom.length ? { carriedFrom } : {}) } });
        left -= applied;
      }
      if (left > 0) carriedFrom.push(period);
    }
  }

  async function addPending(tx: Tx, ctx: RequestContext, place: { parkId: string; enterpriseId: string }, input: { leaseId: string; period: string; source: string; amountFen: number; details: Record<string, unknown> }) {
    const [note] = await tx.insert(billCredits).values({ parkId: place.parkId, enterpriseId: place.enterpriseId, leaseId: input.leaseId, billId: null, period: input.period, source: input.source, amountFen: input.amountFen, status: 'pending', details: input.details }).returning();
    await record(tx, ctx, 'bill_credit.pending', 'bill_credit', note.id, null, { leaseId: input.leaseId, period: input.period, source: input.source, amountFen: input.amountFen }, place);
  }

  /** A newly generated rent bill takes the pending credits of its lease due by its period (one note per source). */
  async function applyPendingCredits(tx: Tx, ctx: RequestContext, b: BillRow): Promise<BillRow> {
    const leaseId = b.sourceRef!.slice('lease:'.length);
    const pending = await tx
      .select()
      .from(billCredits)
      .where(and(eq(billCredits.leaseId, leaseId), eq(billCredits.status, 'pending'), lte(billCredits.period, b.period)))
      .orderBy(asc(billCredits.createdAt))
      .for('update');
    let bill = b;
    for (const source of [...new Set(pending.map((p) => p.source))]) {
      const rows = pending.filter((p) => p.source === source);
      const total = rows.reduce((a, r) => a + r.amountFen, 0);
      await tx.delete(billCredits).where(inArray(billCredits.id, rows.map((r) => r.id)));
      for (const r of rows) await record(tx, ctx, 'bill_credit.released', 'bill_credit', r.id, { status: 'pending', amountFen: r.amountFen }, { intoBillId: b.id }, { parkId: r.parkId, enterpriseId: r.enterpriseId });
      const details = { ...rows[0].details, pendingPeriods: rows.map((r) => r.period) };
      const { applied, bill: after } = await creditBill(tx, ctx, bill, { leaseId, source, amountFen: total, details });
      bill = after;
      // What this bill could not take waits for the next one.
      if (total > applied) await addPending(tx, ctx, { parkId: b.parkId, enterpriseId: b.enterpriseId! }, { leaseId, period: addMonths(b.period, 1), source, amountFen: total - applied, details });
    }
    return bill;
  }

  /**
   * Money arrived for a payment that can no longer take it (its bills were settled or are held by
   * another live payment): recorded as `unexpected` and queued for an automatic refund, keyed on the
   * provider's transaction id. The caller sends the refund after commit (`sendPendingRefunds`).
   */
  async function markUnexpected(tx: Tx, ctx: RequestContext, p: PaymentRow, money: { transactionId: string | null; amountFen: number; paidAt: Date }, source: 'notification' | 'query', reason: UnexpectedReason, billsNow: { id: string; status: BillStatus; heldBy: string | null }[]): Promise<'unexpected'> {
    const place = { parkId: p.parkId, enterpriseId: p.enterpriseId };
    await tx
      .update(payments)
      .set({ status: 'unexpected', unexpectedReason: reason, providerTxnId: money.transactionId, paidAt: money.paidAt, confirmedBy: source, updatedAt: new Date() })
      .where(eq(payments.id, p.id));
    await record(tx, ctx, 'payment.unexpected', 'payment', p.id, { status: p.status }, { status: 'unexpected', reason, amountFen: money.amountFen, providerTxnId: money.transactionId, bills: billsNow }, place);
    const outRefundNo = automaticRefundNo(p.provider, money.transactionId ?? p.outTradeNo);
    const [r] = await tx.insert(paymentRefunds).values({ paymentId: p.id, outRefundNo, amountFen: money.amountFen, reason: null, requestedBy: null }).onConflictDoNothing().returning();
    if (r) await record(tx, ctx, 'payment_refund.requested', 'payment', p.id, null, { outRefundNo, amountFen: money.amountFen, automatic: true, reason }, place);
    return 'unexpected';
  }

  /**
   * Moves a locked payment to what the provider reports. The only place a
   * payment's money state changes, so a notification and a query racing, or one
   * notification delivered twice, credit at most once.
   */
  async function applyOutcome(
    tx: Tx,
    ctx: RequestContext,
    p: PaymentRow,
    outcome: { status: 'succeeded'; transactionId: string | null; amountFen: number; paidAt: Date | null } | { status: 'failed' | 'closed'; reason?: CloseReason },
    source: 'notification' | 'query',
  ): Promise<ApplyResult> {
    const place = { parkId: p.parkId, enterpriseId: p.enterpriseId };
    if (outcome.status === 'succeeded') {
      if (outcome.amountFen !== p.amountFen) return 'amount_mismatch';
      if (RECEIVED_STATUSES.includes(p.status)) return 'ignored';
      const paidAt = outcome.paidAt ?? new Date();
      if (p.status === 'failed' || p.status === 'closed') {
        // Paid after we gave up on it: credit it only if all its bills are still open and free, else refund it.
        const billIds = (await tx.select({ id: paymentBills.billId }).from(paymentBills).where(eq(paymentBills.paymentId, p.id))).map((r) => r.id);
        // Same lock order as checkout (bills by id), so a checkout of these bills waits or is seen.
        const locked = await tx.select({ id: bills.id, status: bills.status }).from(bills).where(inArray(bills.id, billIds)).orderBy(asc(bills.id)).for('update');
        const held = await tx.select({ billId: paymentBills.billId, paymentId: paymentBills.paymentId }).from(paymentBills).where(and(inArray(paymentBills.billId, billIds), eq(paymentBills.active, true)));
        if (held.length || locked.some((b) => b.status !== 'open')) {
          const billsNow = locked.map((b) => ({ id: b.id, status: b.status, heldBy: held.find((h) => h.billId === b.id)?.paymentId ?? null }));
          return markUnexpected(tx, ctx, p, { transactionId: outcome.transactionId, amountFen: outcome.amountFen, paidAt }, source, locked.some((b) => b.status !== 'open') ? 'bills_settled' : 'bills_held', billsNow);
        }
        await tx.update(paymentBills).set({ active: true }).where(eq(paymentBills.paymentId, p.id));
      }
      const [after] = await tx
        .update(payments)
        .set({ status: 'succeeded', providerTxnId: outcome.transactionId, paidAt, confirmedBy: source, updatedAt: new Date() })
        .where(eq(payments.id, p.id))
        .returning();
      await record(tx, ctx, 'payment.succeeded', 'payment', p.id, { status: p.status }, { status: after.status, amountFen: after.amountFen, providerTxnId: after.providerTxnId, confirmedBy: source }, place);
      const paid = await tx
        .update(bills)
        .set({ status: 'paid', paymentId: p.id, paidAt, updatedAt: new Date() })
        .where(and(inArray(bills.id, tx.select({ id: paymentBills.billId }).from(paymentBills).where(eq(paymentBills.paymentId, p.id))), eq(bills.status, 'open')))
        .returning();
      for (const b of paid) await record(tx, ctx, 'bill.paid', 'bill', b.id, { status: 'open' }, { status: 'paid', paymentId: p.id, amountFen: b.amountFen }, { parkId: b.parkId, enterpriseId: b.enterpriseId });
      return 'applied';
    }
    if (p.status !== 'pending') return 'ignored';
    await tx.update(payments).set({ status: outcome.status, updatedAt: new Date() }).where(eq(payments.id, p.id));
    // The bills are free to be paid by another checkout.
    await tx.update(paymentBills).set({ active: false }).where(eq(paymentBills.paymentId, p.id));
    await record(tx, ctx, `payment.${outcome.status}`, 'payment', p.id, { status: p.status }, { status: outcome.status, via: source, ...(outcome.status === 'closed' && outcome.reason ? { reason: outcome.reason } : {}) }, place);
    return 'applied';
  }

  async function applyRefundOutcome(tx: Tx, ctx: RequestContext, refund: RefundRow, outcome: 'succeeded' | 'failed', amountFen: number): Promise<'applied' | 'ignored' | 'amount_mismatch'> {
    if (refund.status !== 'pending') return 'ignored';
    if (outcome === 'succeeded' && amountFen !== refund.amountFen) return 'amount_mismatch';
    const [p] = await tx.select().from(payments).where(eq(payments.id, refund.paymentId)).for('update');
    await tx.update(paymentRefunds).set({ status: outcome, updatedAt: new Date() }).where(eq(paymentRefunds.id, refund.id));
    const place = { parkId: p.parkId, enterpriseId: p.enterpriseId };
    if (outcome === 'failed') {
      await record(tx, ctx, 'payment_refund.failed', 'payment', p.id, null, { outRefundNo: refund.outRefundNo, amountFen: refund.amountFen }, place);
      return 'applied';
    }
    const refundedFen = p.refundedFen + refund.amountFen;
    const status: PaymentStatus = refundedFen >= p.amountFen ? 'refunded' : 'partially_refunded';
    await tx.update(payments).set({ refundedFen, status, updatedAt: new Date() }).where(eq(payments.id, p.id));
    await record(tx, ctx, 'payment.refunded', 'payment', p.id, { status: p.status, refundedFen: p.refundedFen }, { status, refundedFen, outRefundNo: refund.outRefundNo }, place);
    if (status === 'refunded') {
      const refunded = await tx
        .update(bills)
        .set({ status: 'refunded', updatedAt: new Date() })
        .where(and(eq(bills.paymentId, p.id), eq(bills.status, 'paid')))
        .returning();
      for (const b of refunded) await record(tx, ctx, 'bill.refunded', 'bill', b.id, { status: 'paid' }, { status: 'refunded' }, { parkId: b.parkId, enterpriseId: b.enterpriseId });
    }
    return 'applied';
  }

  /** Sends a recorded refund to the provider (idempotent on out_refund_no) and applies an immediate answer. */
  async function dispatchRefund(ctx: RequestContext, p: PaymentRow, refund: RefundRow): Promise<void> {
    const answer = await providerOf(p.provider).refund({ outTradeNo: p.outTradeNo, outRefundNo: refund.outRefundNo, amountFen: refund.amountFen, totalFen: p.amountFen, reason: refund.reason });
    if (answer.status !== 'pending') {
      await db.transaction(async (tx) => {
        const [r] = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.id, refund.id)).for('update');
        await applyRefundOutcome(tx, ctx, r, answer.status as 'succeeded' | 'failed', refund.amountFen);
      });
    }
    await db.update(paymentRefunds).set({ providerRefundId: answer.refundId }).where(eq(paymentRefunds.id, refund.id));
  }

  /**
   * Sends again a refund the provider refused (`failed`) or never answered (`pending` without its
   * refund id, left by a provider error), under the same out_refund_no so the provider refunds at
   * most once. A failed refund is pending again only if what it asks is still left to refund.
   */
  async function retryRefund(ctx: RequestContext, p: PaymentRow, refund: RefundRow): Promise<RefundRow> {
    const again = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(payments).where(eq(payments.id, p.id)).for('update');
      const [r] = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.id, refund.id)).for('update');
      if (r.status !== 'failed') return r;
      if (locked.status !== 'succeeded' && locked.status !== 'partially_refunded' && locked.status !== 'unexpected') throw conflict(`Only a paid payment can be refunded (this one is ${locked.status})`);
      const [{ pending }] = await tx.select({ pending: sql<number>`coalesce(sum(${paymentRefunds.amountFen}), 0)::bigint` }).from(paymentRefunds).where(and(eq(paymentRefunds.paymentId, p.id), eq(paymentRefunds.status, 'pending')));
      const left = locked.amountFen - locked.refundedFen - Number(pending);
      if (r.amountFen > left) throw validationError('body.amountFen', `at most ${left} fen can still be refunded`);
      const [after] = await tx.update(paymentRefunds).set({ status: 'pending', providerRefundId: null, updatedAt: new Date() }).where(eq(paymentRefunds.id, r.id)).returning();
      await record(tx, ctx, 'payment_refund.retried', 'payment', p.id, { status: r.status }, { outRefundNo: r.outRefundNo, amountFen: r.amountFen, status: 'pending' }, { parkId: p.parkId, enterpriseId: p.enterpriseId });
      return after;
    });
    if (again.status !== 'pending' || again.providerRefundId) return again;
    await dispatchRefund(ctx, p, again);
    return (await db.select().from(paymentRefunds).where(eq(paymentRefunds.id, again.id)))[0];
  }

  /**
   * Sends the automatic refunds of an `unexpected` payment that the provider has not yet
   * acknowledged. Runs after the commit that recorded them, and again on each redelivered
   * notification, so a provider outage delays the refund but never loses it.
   */
  async function sendPendingRefunds(ctx: RequestContext, paymentId: string): Promise<void> {
    const [p] = await db.select().from(payments).where(eq(payments.id, paymentId));
    if (!p || p.status !== 'unexpected') return;
    const due = await db.select().from(paymentRefunds).where(and(eq(paymentRefunds.paymentId, p.id), eq(paymentRefunds.status, 'pending'), isNull(paymentRefunds.providerRefundId)));
    for (const r of due) await dispatchRefund(ctx, p, r);
  }

  /**
   * Closes a pending payment (or fails it, `reason: 'failed'`): first the order at the provider, so
   * it can no longer be paid, then ours. When the provider answers that the order was paid first, the payment is credited instead
   * (not closed) and the caller sees a paid payment. A provider error leaves the payment pending.
   */
  async function closePayment(ctx: RequestContext, p: PaymentRow, reason: CloseReason | 'failed'): Promise<PaymentRow> {
    if (p.status !== 'pending') return p;
    const answer = await providerOf(p.provider).closeOrder(p.outTradeNo);
    const { result, after } = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(payments).where(eq(payments.id, p.id)).for('update');
      const applied =
        answer.status === 'already_paid'
          ? await applyOutcome(tx, ctx, locked, paidOutcome(answer.order), 'query')
          : await applyOutcome(tx, ctx, locked, reason === 'failed' ? { status: 'failed' } : { status: 'closed', reason }, 'query');
      return { result: applied, after: (await tx.select().from(payments).where(eq(payments.id, p.id)))[0] };
    });
    if (result === 'unexpected') await sendPendingRefunds(ctx, p.id);
    if (result === 'amount_mismatch') throw conflict('The provider reports another amount for this order; it stays open for an operator', { reason: 'amount_mismatch', paymentId: p.id });
    return after;
  }

  /**
   * Asks the provider about a pending payment and applies the answer (when a notification is late).
   * Past the order's lifetime the order is closed at the provider, not just given up.
   */
  async function syncWithProvider(ctx: RequestContext, p: PaymentRow): Promise<PaymentRow> {
    if (p.status !== 'pending') return p;
    const order = await providerOf(p.provider).queryOrder(p.outTradeNo);
    if (!order || order.status === 'pending') {
      if (Date.now() - p.createdAt.getTime() > ORDER_TTL_MS) return closePayment(ctx, p, 'expired');
      return p;
    }
    const final = order.status;
    // A failed attempt may leave the order payable at the provider: it is closed before we give up on it.
    if (final === 'failed') return closePayment(ctx, p, 'failed');
    const { result, after } = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(payments).where(eq(payments.id, p.id)).for('update');
      const applied =
        final === 'succeeded'
          ? await applyOutcome(tx, ctx, locked, paidOutcome(order), 'query')
          : await applyOutcome(tx, ctx, locked, { status: 'closed', reason: 'provider_closed' }, 'query');
      return { result: applied, after: (await tx.select().from(payments).where(eq(payments.id, p.id)))[0] };
    });
    if (result === 'unexpected') await sendPendingRefunds(ctx, p.id);
    return after;
  }

  /**
   * Before a checkout: an earlier pending payment of the same payer holding these bills is
   * superseded (closed at the provider first; if it turns out paid, the checkout is refused with
   * `already_paid`). Other payers' pending payments are only checked with the provider, which
   * frees bills held by an expired one.
   */
  async function releaseHeldBills(ctx: RequestContext, billIds: string[], idempotencyKey: string): Promise<void> {
    const [same] = await db.select({ id: payments.id }).from(payments).where(and(eq(payments.payerId, ctx.actor.userId), eq(payments.idempotencyKey, idempotencyKey)));
    if (same) return; // a replay: the holder is this very checkout
    const holders = await db
      .select()
      .from(payments)
      .where(and(eq(payments.status, 'pending'), inArray(payments.id, db.select({ id: paymentBills.paymentId }).from(paymentBills).where(and(inArray(paymentBills.billId, billIds), eq(paymentBills.active, true))))));
    for (const h of holders) {
      if (h.payerId !== ctx.actor.userId) {
        await syncWithProvider(ctx, h);
        continue;
      }
      const after = await closePayment(ctx, h, 'superseded');
      if (RECEIVED_STATUSES.includes(after.status)) throw alreadyPaid(after);
    }
  }

  async function paymentView(p: PaymentRow) {
    const items = await db
      .select({ billId: bills.id, title: bills.title, kind: bills.kind, period: bills.period, amountFen: paymentBills.amountFen, billStatus: bills.status })
      .from(paymentBills)
      .innerJoin(bills, eq(bills.id, paymentBills.billId))
      .where(eq(paymentBills.paymentId, p.id))
      .orderBy(asc(bills.dueDate));
    const refunds = await db.select().from(paymentRefunds).where(eq(paymentRefunds.paymentId, p.id)).orderBy(asc(paymentRefunds.createdAt));
    return { ...p, items, refunds };
  }

  return {
    async findBills(ctx: RequestContext, f: BillFilters): Promise<Page<BillView> & { totalFen: number }> {
      const c: SQL[] = [];
      const scope = billScope(ctx.actor);
      if (scope) c.push(scope);
      if (f.payable) {
        const adminOf = enterpriseIdsOf(ctx.actor, ['enterprise_admin']);
        c.push(adminOf.length ? or(eq(bills.userId, ctx.actor.userId), and(sql`${bills.userId} is null`, inArray(bills.enterpriseId, adminOf)))! : eq(bills.userId, ctx.actor.userId));
      }
      if (f.status) c.push(eq(bills.status, f.status));
      if (f.kind) c.push(eq(bills.kind, f.kind));
      if (f.period) c.push(eq(bills.period, f.period));
      if (f.enterpriseId) c.push(eq(bills.enterpriseId, f.enterpriseId));
      if (f.parkId) c.push(eq(bills.parkId, f.parkId));
      const where = c.length ? and(...c) : undefined;
      const [items, [agg]] = await Promise.all([
        db
          .select({ bill: bills, enterpriseName: enterprises.legalName, userName: users.displayName })
          .from(bills)
          .leftJoin(enterprises, eq(enterprises.id, bills.enterpriseId))
          .leftJoin(users, eq(users.id, bills.userId))
          .where(where)
          .orderBy(sql`case when ${bills.status} = 'open' then 0 else 1 end`, asc(bills.dueDate), desc(bills.createdAt), asc(bills.id))
          .limit(f.pageSize)
          .offset(offsetOf(f)),
        db.select({ count: sql<number>`count(*)::int`, totalFen: sql<number>`coalesce(sum(${bills.amountFen} - ${bills.creditedFen}), 0)::bigint` }).from(bills).where(where),
      ]);
      return { items: items.map((r) => ({ ...withDue(r.bill), enterpriseName: r.enterpriseName, userName: r.userName })), total: agg.count, totalFen: Number(agg.totalFen), page: f.page, pageSize: f.pageSize };
    },

    async getBill(ctx: RequestContext, id: string) {
      const b = await getBillRow(id);
      if (!canReadBill(ctx.actor, b)) throw notFound('bill', id);
      const history = await db.select({ id: auditLog.id, action: auditLog.action, at: auditLog.at, actorName: auditLog.actorName }).from(auditLog).where(and(eq(auditLog.entityType, 'bill'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));
      const credits = await db.select().from(billCredits).where(eq(billCredits.billId, id)).orderBy(asc(billCredits.createdAt));
      return { ...withDue(b), canPay: canPayBill(ctx.actor, b) && b.status === 'open' && amountDueOf(b) > 0, history, credits };
    },

    /** A manual bill (property fee, utilities without meters, other) issued by an operator. */
    async createBill(ctx: RequestContext, input: CreateBillInput): Promise<BillView> {
      assertCanWrite(ctx.actor);
      const e = await assertOperatorOfEnterprise(ctx.actor, input.enterpriseId);
      if (input.userId) {
        const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
        if (!u) throw validationError('body.userId', 'no such user');
      }
      const b = await db.transaction((tx) => insertBill(tx, ctx, e, { ...input, sourceRef: input.sourceRef ?? `manual:${crypto.randomUUID()}` }));
      return withDue(b!);
    },

    /** Issues a bill from another module (parking fees); idempotent on `sourceRef`. */
    async issueBill(tx: Tx, ctx: RequestContext, e: { id: string; parkId: string; siteId: string | null }, input: CreateBillInput): Promise<BillRow | null> {
      return insertBill(tx, ctx, e, input);
    },

    /**
     * Credits from another module (rent relief), inside its transaction: each line goes on its
     * lease's rent bill of that period (integer fen, the amount due never below zero, one credit
     * note per bill and source, audited). A paid bill's share is carried to the lease's next rent
     * bill; a bill not generated yet gets a pending credit applied when it is generated.
     */
    async applyCredits(tx: Tx, ctx: RequestContext, input: { parkId: string; enterpriseId: string; source: string; details: Record<string, unknown>; lines: CreditLine[] }): Promise<void> {
      const lines = [...input.lines].filter((l) => l.amountFen > 0).sort((a, b) => a.period.localeCompare(b.period) || a.leaseId.localeCompare(b.leaseId));
      for (const l of lines) {
        if (!Number.isSafeInteger(l.amountFen)) throw new Error('credit amounts are whole fen');
        await placeCredit(tx, ctx, { parkId: input.parkId, enterpriseId: input.enterpriseId }, { ...l, source: input.source, details: { ...input.details, forPeriod: l.period } });
      }
    },

    /** Credit notes of some sources (the granting module has checked who may see them). */
    async findCreditsBySources(q: Db | Tx, sources: string[]) {
      if (!sources.length) return [];
      return q
        .select({ credit: billCredits, billTitle: bills.title, billPeriod: bills.period, billAmountFen: bills.amountFen, billCreditedFen: bills.creditedFen, billStatus: bills.status })
        .from(billCredits)
        .leftJoin(bills, eq(bills.id, billCredits.billId))
        .where(inArray(billCredits.source, sources))
        .orderBy(asc(billCredits.period), asc(billCredits.createdAt));
    },

    /**
     * Voids, inside the caller's transaction, a bill another module issued (a cancelled booking's fee).
     * Returns the bill as it is after: still `paid`/`refunded` when money was taken (nothing voided),
     * and 409 while a payment holds it.
     */
    async voidIssuedBill(tx: Tx, ctx: RequestContext, id: string): Promise<BillRow> {
      const [b] = await tx.select().from(bills).where(eq(bills.id, id)).for('update');
      if (!b) throw notFound('bill', id);
      if (b.status !== 'open') return b;
      const [held] = await tx.select({ id: paymentBills.id }).from(paymentBills).where(and(eq(paymentBills.billId, id), eq(paymentBills.active, true)));
      if (held) throw conflict('The bill is in a payment; refund or wait for it first');
      const [after] = await tx.update(bills).set({ status: 'void', updatedAt: new Date() }).where(eq(bills.id, id)).returning();
      await record(tx, ctx, 'bill.voided', 'bill', id, { status: b.status }, { status: 'void' }, { parkId: b.parkId, enterpriseId: b.enterpriseId });
      return after;
    },

    async voidBill(ctx: RequestContext, id: string): Promise<BillView> {
      assertCanWrite(ctx.actor);
      const b = await getBillRow(id);
      if (!operatorCovers(ctx.actor, b)) {
        if (canReadBill(ctx.actor, b)) throw forbidden('Only park operators may void bills');
        throw notFound('bill', id);
      }
      return db.transaction(async (tx) => {
        const [held] = await tx.select({ id: paymentBills.id }).from(paymentBills).where(and(eq(paymentBills.billId, id), eq(paymentBills.active, true)));
        if (held) throw conflict('The bill is in a payment; refund or wait for it first');
        const [after] = await tx.update(bills).set({ status: 'void', updatedAt: new Date() }).where(and(eq(bills.id, id), eq(bills.status, 'open'))).returning();
        if (!after) throw conflict(`The bill is ${b.status}, only open bills can be voided`);
        await record(tx, ctx, 'bill.voided', 'bill', id, { status: b.status }, { status: 'void' }, { parkId: b.parkId, enterpriseId: b.enterpriseId });
        return withDue(after);
      });
    },

    /**
     * Rent (from active leases) and property fee (unit area × rate) bills of a park for a period.
     * Running it again creates nothing new (unique kind + lease + period).
     */
    async generatePeriodBills(ctx: RequestContext, input: { parkId: string; period: string; propertyRateFenPerM2?: number | null; dueDay?: number }) {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: input.parkId })) throw isOperator(ctx.actor) ? forbidden('Only operators of this park may issue bills') : forbidden('Only park operators may issue bills');
      const { startDate, endDate } = periodBounds(input.period);
      const rows = await db
        .select({ l: leases, area: units.area, unitCode: units.code, e: enterprises })
        .from(leases)
        .innerJoin(enterprises, eq(enterprises.id, leases.enterpriseId))
        .innerJoin(units, eq(units.id, leases.unitId))
        .where(and(eq(enterprises.parkId, input.parkId), eq(leases.status, 'active'), lt(leases.startDate, endDate), gte(leases.endDate, startDate)));
      const dueDate = `${input.period}-${String(input.dueDay ?? 15).padStart(2, '0')}`;
      let created = 0;
      await db.transaction(async (tx) => {
        for (const r of rows) {
          const rent = await insertBill(tx, ctx, r.e, { enterpriseId: r.e.id, kind: 'rent', period: input.period, title: `${input.period} 租金 ${r.unitCode}`, amountFen: r.l.monthlyRentFen, dueDate, sourceRef: `lease:${r.l.id}`, details: { leaseId: r.l.id, unitCode: r.unitCode } });
          if (rent) created++;
          if (input.propertyRateFenPerM2) {
            const amountFen = Math.round(r.area * input.propertyRateFenPerM2);
            const fee = await insertBill(tx, ctx, r.e, { enterpriseId: r.e.id, kind: 'property', period: input.period, title: `${input.period} 物业费 ${r.unitCode}`, amountFen, dueDate, sourceRef: `lease:${r.l.id}`, details: { leaseId: r.l.id, areaM2: r.area, rateFenPerM2: input.propertyRateFenPerM2 } });
            if (fee) created++;
          }
        }
      });
      return { created, leases: rows.length };
    },

    /**
     * A utilities bill from an IOC energy or water meter's cumulative readings over the
     * period (last reading before the period vs last reading in it), or a manual amount.
     */
    async createUtilityBill(ctx: RequestContext, input: { enterpriseId: string; period: string; deviceId?: string | null; unitPriceFen?: number | null; amountFen?: number | null; dueDate: string }) {
      assertCanWrite(ctx.actor);
      const e = await assertOperatorOfEnterprise(ctx.actor, input.enterpriseId);
      const { start, end } = periodBounds(input.period);
      if (!input.deviceId) {
        if (!input.amountFen) throw validationError('body.amountFen', 'give a meter (deviceId) or an amount');
        const b = await db.transaction((tx) => insertBill(tx, ctx, e, { enterpriseId: e.id, kind: 'utilities', period: input.period, title: `${input.period} 水电费`, amountFen: input.amountFen!, dueDate: input.dueDate, sourceRef: `manual:${crypto.randomUUID()}` }));
        return withDue(b!);
      }
      const [d] = await db.select().from(devices).where(eq(devices.id, input.deviceId));
      if (!d || d.parkId !== e.parkId) throw validationError('body.deviceId', 'no meter with this id in the enterprise’s park');
      const metric = d.type === 'water_meter' ? 'water_m3' : d.type === 'energy_meter' ? 'energy_kwh' : null;
      if (!metric) throw validationError('body.deviceId', 'is not an energy or water meter');
      if (!input.unitPriceFen) throw validationError('body.unitPriceFen', 'is required with a meter');
      const reading = async (before: Date) =>
        (await db.select({ value: telemetry.value, ts: telemetry.ts }).from(telemetry).where(and(eq(telemetry.deviceId, d.id), eq(telemetry.metric, metric), lt(telemetry.ts, before))).orderBy(desc(telemetry.ts)).limit(1))[0];
      const [from, to] = [(await reading(start)) ?? (await db.select({ value: telemetry.value, ts: telemetry.ts }).from(telemetry).where(and(eq(telemetry.deviceId, d.id), eq(telemetry.metric, metric), gte(telemetry.ts, start), lt(telemetry.ts, end))).orderBy(asc(telemetry.ts)).limit(1))[0], await reading(end)];
      if (!from || !to || to.ts <= start) throw validationError('body.deviceId', 'the meter has no readings in this period; enter the amount instead');
      const usage = Math.max(0, to.value - from.value);
      const amountFen = Math.round(usage * input.unitPriceFen);
      if (amountFen <= 0) throw validationError('body.deviceId', 'the meter shows no consumption in this period');
      const b = await db.transaction((tx) =>
        insertBill(tx, ctx, e, {
          enterpriseId: e.id,
          kind: 'utilities',
          period: input.period,
          title: `${input.period} ${metric === 'water_m3' ? '水费' : '电费'} ${d.name}`,
          amountFen,
          dueDate: input.dueDate,
          sourceRef: `meter:${d.id}`,
          details: { deviceId: d.id, metric, fromReading: from.value, toReading: to.value, usage, unitPriceFen: input.unitPriceFen },
        }),
      );
      if (!b) throw conflict('This meter is already billed for the period');
      return withDue(b);
    },

    /** A statement (对账单) of one period: the bills the caller may see, with totals in fen. */
    async getStatement(ctx: RequestContext, input: { period: string; enterpriseId?: string }) {
      const c: SQL[] = [eq(bills.period, input.period)];
      const scope = billScope(ctx.actor);
      if (scope) c.push(scope);
      if (input.enterpriseId) c.push(eq(bills.enterpriseId, input.enterpriseId));
      const items = (await db.select().from(bills).where(and(...c)).orderBy(asc(bills.kind), asc(bills.dueDate))).map(withDue);
      // What was (or is) to pay: each bill's amount due after its credit notes.
      const sum = (s: BillStatus[]) => items.filter((b) => s.includes(b.status)).reduce((a, b) => a + b.amountDueFen, 0);
      const creditedFen = items.filter((b) => b.status !== 'void').reduce((a, b) => a + b.creditedFen, 0);
      return { period: input.period, items, totalFen: sum(['open', 'paid', 'refunded']), paidFen: sum(['paid']), openFen: sum(['open']), refundedFen: sum(['refunded']), creditedFen };
    },

    /**
     * One checkout for several bills. The `(payer, idempotencyKey)` unique index makes a
     * retried or doubled submission return the first payment; the partial unique index on
     * live payment_bills makes two different checkouts of the same bill impossible.
     */
    async checkout(ctx: RequestContext, input: { billIds: string[]; idempotencyKey: string; returnUrl?: string | null }) {
      assertCanWrite(ctx.actor);
      const billIds = [...new Set(input.billIds)].sort();
      if (!billIds.length) throw validationError('body.billIds', 'choose at least one bill', 'choose_at_least_one');
      const provider = providerOf(defaultProvider!);
      const found = await db.select().from(bills).where(inArray(bills.id, billIds));
      for (const id of billIds) {
        const b = found.find((x) => x.id === id);
        if (!b || !canReadBill(ctx.actor, b)) throw notFound('bill', id);
        if (!canPayBill(ctx.actor, b)) throw forbidden('Only the member billed, or the enterprise admin for enterprise bills, may pay this bill');
      }
      const parkIds = new Set(found.map((b) => b.parkId));
      if (parkIds.size > 1) throw validationError('body.billIds', 'bills of different parks are paid separately');
      const personal = found.every((b) => b.userId);
      const entIds = new Set(found.map((b) => b.enterpriseId));
      const amountFen = found.reduce((a, b) => a + amountDueOf(b), 0);
      if (found.some((b) => amountDueOf(b) === 0)) throw conflict('Some bills have nothing left to pay', { bills: found.filter((b) => amountDueOf(b) === 0).map((b) => ({ id: b.id, status: b.status })) });
      const outTradeNo = newTradeNo('PK');
      await releaseHeldBills(ctx, billIds, input.idempotencyKey);

      const result = await (async () => {
        try {
          return await db.transaction(async (tx) => {
            const [inserted] = await tx
              .insert(payments)
              .values({ parkId: found[0].parkId, enterpriseId: !personal && entIds.size === 1 ? found[0].enterpriseId : null, payerId: ctx.actor.userId, idempotencyKey: input.idempotencyKey, outTradeNo, provider: provider.name, amountFen })
              .onConflictDoNothing({ target: [payments.payerId, payments.idempotencyKey] })
              .returning();
            if (!inserted) return { payment: null, replay: true as const };
            // Lock the bills, then check them: no paid or void bill slips into a payment.
            const locked = await tx.select().from(bills).where(inArray(bills.id, billIds)).orderBy(asc(bills.id)).for('update');
            const notOpen = locked.filter((b) => b.status !== 'open');
            if (notOpen.length) throw conflict('Some bills are not open any more', { bills: notOpen.map((b) => ({ id: b.id, status: b.status })) });
            // A credit applied since the bills were read changes what is due: pay again with the new amounts.
            const changed = locked.filter((b) => amountDueOf(b) !== amountDueOf(found.find((x) => x.id === b.id)!));
            if (changed.length) throw conflict('The amount due of some bills changed; check them again', { reason: 'amount_changed', bills: changed.map((b) => ({ id: b.id, amountDueFen: amountDueOf(b) })) });
            await tx.insert(paymentBills).values(locked.map((b) => ({ paymentId: inserted.id, billId: b.id, amountFen: amountDueOf(b) })));
            await record(tx, ctx, 'payment.created', 'payment', inserted.id, null, { outTradeNo, amountFen, billIds, provider: provider.name }, { parkId: inserted.parkId, enterpriseId: inserted.enterpriseId });
            return { payment: inserted, replay: false as const };
          });
        } catch (err) {
          if (pgCode(err) === '23505') {
            // Either the same key raced us (then it is a replay) or a bill is held by another live payment.
            const [same] = await db.select().from(payments).where(and(eq(payments.payerId, ctx.actor.userId), eq(payments.idempotencyKey, input.idempotencyKey)));
            if (same) return { payment: null, replay: true as const };
            const holders = await db
              .select({ billId: paymentBills.billId, paymentId: paymentBills.paymentId })
              .from(paymentBills)
              .where(and(inArray(paymentBills.billId, billIds), eq(paymentBills.active, true)));
            throw conflict('Some bills are already in another payment', { bills: holders });
          }
          throw err;
        }
      })();

      let payment: PaymentRow;
      if (result.replay) {
        const [existing] = await db.select().from(payments).where(and(eq(payments.payerId, ctx.actor.userId), eq(payments.idempotencyKey, input.idempotencyKey)));
        const held = (await db.select({ billId: paymentBills.billId }).from(paymentBills).where(eq(paymentBills.paymentId, existing.id))).map((r) => r.billId).sort();
        if (held.join() !== billIds.join()) throw new AppError(ErrorCode.CONFLICT, { message: 'This Idempotency-Key was used for a different checkout', details: { paymentId: existing.id } });
        payment = existing;
      } else payment = result.payment!;

      if (!payment.payUrl && payment.status === 'pending') {
        // Providers are idempotent on out_trade_no, so a replay may safely ask again.
        const returnUrl = input.returnUrl && input.returnUrl.startsWith('/') ? input.returnUrl : `/payments/${payment.id}`;
        const { payUrl } = await provider.createOrder({ outTradeNo: payment.outTradeNo, amountFen: payment.amountFen, description: `ParkOS ${found.map((b) => b.title).join('、')}`.slice(0, 120), notifyUrl: `${NOTIFY_PATH}/${provider.name}`, returnUrl, expiresAt: new Date(payment.createdAt.getTime() + ORDER_TTL_MS) });
        const [withUrl] = await db.update(payments).set({ payUrl, updatedAt: new Date() }).where(and(eq(payments.id, payment.id), eq(payments.status, 'pending'))).returning();
        if (withUrl) payment = withUrl;
        else {
          // Closed (cancelled or superseded) while its order was being created: that order must not stay payable.
          await provider.closeOrder(payment.outTradeNo);
          [payment] = await db.select().from(payments).where(eq(payments.id, payment.id));
        }
      }
      return { ...(await paymentView(payment)), replayed: result.replay };
    },

    async findPayments(ctx: RequestContext, f: PageQuery & { status?: PaymentStatus; parkId?: string; enterpriseId?: string; paidFrom?: Date; paidTo?: Date }): Promise<Page<PaymentRow & { enterpriseName: string | null; payerName: string | null }>> {
      const c: SQL[] = [];
      const scope = paymentScope(ctx.actor);
      if (scope) c.push(scope);
      if (f.status) c.push(eq(payments.status, f.status));
      if (f.parkId) c.push(eq(payments.parkId, f.parkId));
      if (f.enterpriseId) c.push(eq(payments.enterpriseId, f.enterpriseId));
      if (f.paidFrom) c.push(gte(payments.paidAt, f.paidFrom));
      if (f.paidTo) c.push(lt(payments.paidAt, f.paidTo));
      const where = c.length ? and(...c) : undefined;
      const [items, [{ count }]] = await Promise.all([
        db
          .select({ payment: payments, enterpriseName: enterprises.legalName, payerName: users.displayName })
          .from(payments)
          .leftJoin(enterprises, eq(enterprises.id, payments.enterpriseId))
          .leftJoin(users, eq(users.id, payments.payerId))
          .where(where)
          .orderBy(desc(payments.createdAt), desc(payments.id))
          .limit(f.pageSize)
          .offset(offsetOf(f)),
        db.select({ count: sql<number>`count(*)::int` }).from(payments).where(where),
      ]);
      return { items: items.map((r) => ({ ...r.payment, enterpriseName: r.enterpriseName, payerName: r.payerName })), total: count, page: f.page, pageSize: f.pageSize };
    },

    /** One payment; a pending one is first checked with the provider (the notification may be late). */
    async getPayment(ctx: RequestContext, id: string) {
      const p = await readablePayment(ctx.actor, id);
      return paymentView(await syncWithProvider(ctx, p));
    },

    /**
     * The payer gives up a pending payment: the provider's order is closed first. If the provider
     * says it was paid after all, that wins: the payment is credited and the answer is 409 `already_paid`.
     */
    async cancelPayment(ctx: RequestContext, id: string) {
      assertCanWrite(ctx.actor);
      const p = await readablePayment(ctx.actor, id);
      if (p.payerId !== ctx.actor.userId && !operatorCovers(ctx.actor, { parkId: p.parkId })) throw forbidden('Only the payer may cancel a payment');
      const after = await closePayment(ctx, p, 'cancel');
      if (RECEIVED_STATUSES.includes(after.status)) throw alreadyPaid(after);
      return paymentView(after);
    },

    /** A partial or full refund by an operator; never more than what is paid and not yet refunded or being refunded. */
    async refund(ctx: RequestContext, id: string, input: { amountFen: number; reason?: string | null; idempotencyKey?: string | null }) {
      assertCanWrite(ctx.actor);
      const p = await readablePayment(ctx.actor, id);
      if (!operatorCovers(ctx.actor, { parkId: p.parkId })) throw forbidden('Only park operators may refund');
      const outRefundNo = input.idempotencyKey ? `RF${crypto.createHash('sha256').update(`${id}:${input.idempotencyKey}`).digest('hex').slice(0, 24).toUpperCase()}` : newTradeNo('RF');
      const [existing] = await db.select().from(paymentRefunds).where(eq(paymentRefunds.outRefundNo, outRefundNo));
      if (existing) {
        // Accepted by the provider (succeeded, or pending with its refund id): the stored refund is the answer.
        if (existing.status === 'succeeded' || (existing.status === 'pending' && existing.providerRefundId)) return existing;
        return retryRefund(ctx, p, existing);
      }
      const refund = await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
        // `unexpected` too: an operator may send by hand what an automatic refund failed to return.
        if (locked.status !== 'succeeded' && locked.status !== 'partially_refunded' && locked.status !== 'unexpected') throw conflict(`Only a paid payment can be refunded (this one is ${locked.status})`);
        const [{ pending }] = await tx.select({ pending: sql<number>`coalesce(sum(${paymentRefunds.amountFen}), 0)::bigint` }).from(paymentRefunds).where(and(eq(paymentRefunds.paymentId, id), eq(paymentRefunds.status, 'pending')));
        const left = locked.amountFen - locked.refundedFen - Number(pending);
        if (input.amountFen > left) throw validationError('body.amountFen', `at most ${left} fen can still be refunded`);
        const [r] = await tx.insert(paymentRefunds).values({ paymentId: id, outRefundNo, amountFen: input.amountFen, reason: input.reason ?? null, requestedBy: ctx.actor.via === 'system' ? null : ctx.actor.userId }).returning();
        await record(tx, ctx, 'payment_refund.requested', 'payment', id, null, { outRefundNo, amountFen: input.amountFen, reason: input.reason ?? null }, { parkId: p.parkId, enterpriseId: p.enterpriseId });
        return r;
      });
      await dispatchRefund(ctx, p, refund);
      return (await db.select().from(paymentRefunds).where(eq(paymentRefunds.id, refund.id)))[0];
    },

    /**
     * A provider's asynchronous notification: verified over the raw body, stored once per
     * notification id, applied through the payment's state machine under a row lock.
     */
    async handleNotification(providerName: string, headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<{ result: string }> {
      const provider = providerOf(providerName);
      let n: VerifiedNotification;
      try {
        n = provider.verifyNotification(headers, rawBody);
      } catch (err) {
        if (err instanceof NotificationRejected) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: `Notification rejected: ${err.reason}`, details: { reason: err.reason } });
        throw err;
      }
      const ctx: RequestContext = { actor: { userId: '00000000-0000-0000-0000-000000000000', username: `provider:${provider.name}`, displayName: provider.name, grants: [], via: 'system', access: 'write' } };
      // A failed attempt leaves the provider's order payable (the payer may try again), so the order is
      // closed before the payment is marked failed and its bills freed. If the provider says it was
      // paid first, that wins, as when a cancel races a payment. A provider error throws here: the
      // notification is not stored nor acknowledged, and its redelivery closes again.
      let closed: CloseOrderResult | null = null;
      if (n.type === 'payment.failed') {
        const [open] = await db.select({ id: payments.id }).from(payments).where(and(eq(payments.outTradeNo, n.outTradeNo), eq(payments.provider, provider.name), eq(payments.status, 'pending')));
        if (open) closed = await provider.closeOrder(n.outTradeNo);
      }
      const handled = await db.transaction(async (tx): Promise<{ result: string; paymentId: string | null }> => {
        const [row] = await tx
          .insert(paymentNotifications)
          .values({ provider: provider.name, notificationId: n.id, eventType: n.type, outTradeNo: n.outTradeNo, outRefundNo: n.outRefundNo, providerTxnId: n.transactionId, amountFen: n.amountFen, result: 'processing', rawBody, occurredAt: Number.isNaN(n.occurredAt.getTime()) ? new Date() : n.occurredAt })
          .onConflictDoNothing()
          .returning();
        if (!row) {
          await tx.update(paymentNotifications).set({ deliveries: sql`${paymentNotifications.deliveries} + 1` }).where(and(eq(paymentNotifications.provider, provider.name), eq(paymentNotifications.notificationId, n.id)));
          const [known] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.outTradeNo, n.outTradeNo));
          return { result: 'duplicate', paymentId: known?.id ?? null };
        }
        let result: string;
        const [p] = await tx.select().from(payments).where(eq(payments.outTradeNo, n.outTradeNo)).for('update');
        if (!p || p.provider !== provider.name) result = 'unknown_payment';
        else if (n.type === 'payment.succeeded') result = await applyOutcome(tx, ctx, p, { status: 'succeeded', transactionId: n.transactionId, amountFen: n.amountFen, paidAt: n.occurredAt }, 'notification');
        else if (n.type === 'payment.failed') result = closed?.status === 'already_paid' ? await applyOutcome(tx, ctx, p, paidOutcome(closed.order), 'query') : await applyOutcome(tx, ctx, p, { status: 'failed' }, 'notification');
        else {
          const [r] = n.outRefundNo ? await tx.select().from(paymentRefunds).where(and(eq(paymentRefunds.outRefundNo, n.outRefundNo), eq(paymentRefunds.paymentId, p.id))).for('update') : [];
          result = r ? await applyRefundOutcome(tx, ctx, r, n.type === 'refund.succeeded' ? 'succeeded' : 'failed', n.amountFen) : 'unknown_refund';
        }
        await tx.update(paymentNotifications).set({ result }).where(eq(paymentNotifications.id, row.id));
        return { result, paymentId: p?.id ?? null };
      });
      // An automatic refund goes out after the commit; if the provider is down this throws, the
      // notification is not acknowledged, and its redelivery (a duplicate) sends the refund again.
      if (handled.paymentId && (handled.result === 'unexpected' || handled.result === 'duplicate')) await sendPendingRefunds(ctx, handled.paymentId);
      return { result: handled.result };
    },

    /** A printable receipt (收据) of a paid payment, with the audit entry that recorded it. */
    async getReceipt(ctx: RequestContext, id: string) {
      const p = await readablePayment(ctx.actor, id);
      if (!PAID_STATUSES.includes(p.status) || p.unexpectedReason) throw conflict(`No receipt: the payment is ${p.status}`, { reason: p.unexpectedReason ? 'unexpected_payment' : 'not_paid' });
      const view = await paymentView(p);
      const [[payer], [park], ent, [entry]] = await Promise.all([
        db.select({ displayName: users.displayName }).from(users).where(eq(users.id, p.payerId)),
        db.select({ name: parks.name }).from(parks).where(eq(parks.id, p.parkId)),
        p.enterpriseId ? db.select({ legalName: enterprises.legalName }).from(enterprises).where(eq(enterprises.id, p.enterpriseId)) : Promise.resolve([]),
        db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.entityType, 'payment'), eq(auditLog.entityId, p.id), eq(auditLog.action, 'payment.succeeded'))).limit(1),
      ]);
      return { receiptNo: p.outTradeNo, payment: view, payerName: payer?.displayName ?? '', parkName: park?.name ?? '', enterpriseName: ent[0]?.legalName ?? null, auditEntryId: entry?.id ?? null };
    },

    /** Payments and refunds against the provider's notifications over a time range. */
    async getReconciliation(ctx: RequestContext, input: { from: Date; to: Date; parkId?: string }) {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may reconcile payments');
      const c: SQL[] = [gte(payments.createdAt, input.from), lte(payments.createdAt, input.to)];
      const scope = paymentScope(ctx.actor);
      if (scope) c.push(scope);
      if (operatorSiteIds(ctx.actor).length && !isGlobalOperator(ctx.actor) && !operatorParkIds(ctx.actor).length) c.push(sql`false`);
      if (input.parkId) c.push(eq(payments.parkId, input.parkId));
      const pays = await db.select().from(payments).where(and(...c)).orderBy(asc(payments.createdAt));
      const trades = pays.map((p) => p.outTradeNo);
      const notes = trades.length ? await db.select().from(paymentNotifications).where(inArray(paymentNotifications.outTradeNo, trades)) : [];
      const refunds = pays.length ? await db.select().from(paymentRefunds).where(inArray(paymentRefunds.paymentId, pays.map((p) => p.id))) : [];
      const lines: ReconciliationLine[] = [];
      for (const p of pays) {
        const success = notes.find((n) => n.outTradeNo === p.outTradeNo && n.eventType === 'payment.succeeded');
        const paid = RECEIVED_STATUSES.includes(p.status);
        let status: ReconciliationStatus;
        if (success && success.amountFen !== p.amountFen) status = 'amount_mismatch';
        // Money for a payment we no longer expected: its own line, with its automatic refund below it.
        // A closed payment with a success notification (ignored before this existed) shows here too.
        else if (p.unexpectedReason || (!paid && success)) status = 'unexpected_payment';
        else if (paid) status = success ? 'matched' : 'missing_notification';
        else if (p.status === 'pending') status = 'pending';
        else status = 'matched';
        if (!paid && !success && p.status !== 'pending' && !notes.some((n) => n.outTradeNo === p.outTradeNo)) continue;
        lines.push({ status, kind: 'payment', outTradeNo: p.outTradeNo, outRefundNo: null, paymentId: p.id, paymentStatus: p.status, amountFen: p.amountFen, notifiedAmountFen: success?.amountFen ?? null, providerTxnId: p.providerTxnId ?? success?.providerTxnId ?? null, notificationId: success?.notificationId ?? null, at: p.paidAt ?? p.createdAt });
      }
      for (const r of refunds) {
        const p = pays.find((x) => x.id === r.paymentId)!;
        const note = notes.find((n) => n.outRefundNo === r.outRefundNo && n.eventType === 'refund.succeeded');
        const status: ReconciliationStatus = note ? (note.amountFen === r.amountFen ? 'matched' : 'amount_mismatch') : r.status === 'pending' ? 'pending' : r.status === 'succeeded' ? 'missing_notification' : 'matched';
        lines.push({ status, kind: 'refund', outTradeNo: p.outTradeNo, outRefundNo: r.outRefundNo, paymentId: p.id, paymentStatus: r.status, amountFen: -r.amountFen, notifiedAmountFen: note ? -note.amountFen : null, providerTxnId: r.providerRefundId, notificationId: note?.notificationId ?? null, at: r.createdAt });
      }
      // Notifications naming no payment of ours; they carry no park, so only all-park operators see them.
      if (isGlobalOperator(ctx.actor) && !input.parkId) {
        const unknown = await db.select().from(paymentNotifications).where(and(inArray(paymentNotifications.result, ['unknown_payment', 'unknown_refund']), gte(paymentNotifications.receivedAt, input.from), lte(paymentNotifications.receivedAt, input.to)));
        for (const n of unknown) lines.push({ status: 'unknown_notification', kind: 'notification', outTradeNo: n.outTradeNo, outRefundNo: n.outRefundNo, paymentId: null, paymentStatus: null, amountFen: null, notifiedAmountFen: n.amountFen, providerTxnId: n.providerTxnId, notificationId: n.notificationId, at: n.receivedAt });
      }
      const count = (s: ReconciliationStatus) => lines.filter((l) => l.status === s).length;
      const collectedFen = pays.filter((p) => RECEIVED_STATUSES.includes(p.status)).reduce((a, p) => a + p.amountFen, 0);
      const refundedFen = pays.reduce((a, p) => a + p.refundedFen, 0);
      return {
        from: input.from,
        to: input.to,
        summary: { matched: count('matched'), missingNotification: count('missing_notification'), amountMismatch: count('amount_mismatch'), unknownNotification: count('unknown_notification'), pending: count('pending'), unexpectedPayment: count('unexpected_payment'), collectedFen, refundedFen, netFen: collectedFen - refundedFen },
        lines,
      };
    },
  };
}

/** Reconciliation lines as CSV (RFC 4180), amounts in integer fen. */
export function reconciliationCsv(lines: ReconciliationLine[]): string {
  const cols: (keyof ReconciliationLine)[] = ['status', 'kind', 'outTradeNo', 'outRefundNo', 'paymentId', 'paymentStatus', 'amountFen', 'notifiedAmountFen', 'providerTxnId', 'notificationId', 'at'];
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...lines.map((l) => cols.map((c) => cell(l[c])).join(','))].join('\r\n') + '\r\n';
}

export type BillingService = ReturnType<typeof createBillingService>;
