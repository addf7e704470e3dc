import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { enterprises, leases, parks, sites } from '../parks/parks.table';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const BILL_KINDS = ['rent', 'property', 'utilities', 'parking', 'service', 'booking', 'other'] as const;
export type BillKind = (typeof BILL_KINDS)[number];
export const BILL_STATUSES = ['open', 'paid', 'refunded', 'void'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
/** `unexpected`: money arrived that pays none of its bills (closed payment, bills settled elsewhere); it is refunded automatically. */
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'closed', 'partially_refunded', 'refunded', 'unexpected'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** Why money that arrived was not credited: a bill was paid, voided or refunded meanwhile, or is held by another live payment. */
export const UNEXPECTED_REASONS = ['bills_settled', 'bills_held'] as const;
export type UnexpectedReason = (typeof UNEXPECTED_REASONS)[number];
/** How a payment's success became known: the provider's notification or our query of the order. */
export const PAYMENT_CONFIRMATIONS = ['notification', 'query'] as const;
export type PaymentConfirmation = (typeof PAYMENT_CONFIRMATIONS)[number];
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export const SANDBOX_ORDER_STATUSES = ['pending', 'succeeded', 'failed', 'closed'] as const;
export type SandboxOrderStatus = (typeof SANDBOX_ORDER_STATUSES)[number];

/**
 * A bill (账单) to an enterprise or to one member: amount in integer fen.
 * `sourceRef` + `kind` + `period` is unique, so generating a period's rent twice creates nothing new.
 */
export const bills = pgTable(
  'bills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    /** The enterprise billed (enterprise bills, and members' bills carry their enterprise for scoping). */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'restrict' }),
    /** Set for a member's personal bill (parking); null for an enterprise bill. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<BillKind>().notNull(),
    /** Statement period `YYYY-MM`. */
    period: text('period').notNull(),
    title: text('title').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Credits (credit notes, `bill_credits`) applied to it; the amount due is `amount_fen - credited_fen`. */
    creditedFen: bigint('credited_fen', { mode: 'number' }).notNull().default(0),
    dueDate: date('due_date').notNull(),
    status: text('status').$type<BillStatus>().notNull().default('open'),
    /** What produced it: `lease:<id>`, `meter:<deviceId>`, `parking-session:<id>`, or null for manual bills. */
    sourceRef: text('source_ref'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    paymentId: uuid('payment_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('bills_park_idx').on(t.parkId, t.period),
    index('bills_enterprise_idx').on(t.enterpriseId, t.status),
    index('bills_user_idx').on(t.userId, t.status),
    uniqueIndex('bills_source_uq').on(t.kind, t.sourceRef, t.period),
    checkOneOf(t.kind, BILL_KINDS),
    checkNotNegative(t.amountFen),
    checkNotNegative(t.creditedFen),
    // An amount due is never below zero.
    check('bills_credited_fen_le_amount_check', sql`${t.creditedFen} <= ${t.amountFen}`),
    checkOneOf(t.status, BILL_STATUSES),
  ],
);

export const BILL_CREDIT_STATUSES = ['pending', 'applied'] as const;
export type BillCreditStatus = (typeof BILL_CREDIT_STATUSES)[number];

/**
 * A credit note (贷项通知) on a rent bill, granted by another module (rent relief): one per bill
 * and source. `pending` while the lease's bill for `period` is not generated yet (or the credit was
 * carried past a paid bill): it is applied when that bill is generated (`bill_id` is then set).
 */
export const billCredits = pgTable(
  'bill_credits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id, { onDelete: 'restrict' }),
    billId: uuid('bill_id').references(() => bills.id, { onDelete: 'restrict' }),
    /** The bill's period (`YYYY-MM`); for a pending credit the first period it may land on. */
    period: text('period').notNull(),
    /** Who granted it: `relief_application:<id>`. */
    source: text('source').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').$type<BillCreditStatus>().notNull(),
    /** What the note says: the programme, the periods whose relief it carries. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('bill_credits_bill_source_uq').on(t.billId, t.source),
    index('bill_credits_pending_idx').on(t.leaseId, t.period).where(sql`${t.status} = 'pending'`),
    index('bill_credits_source_idx').on(t.source),
    checkNotNegative(t.amountFen),
    checkOneOf(t.status, BILL_CREDIT_STATUSES),
  ],
);

/**
 * One checkout (统一支付) paying one or more bills through a provider.
 * `(payer_id, idempotency_key)` is unique: a retried or doubled submission finds the first payment.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'restrict' }),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Our order number sent to the provider (商户订单号 out_trade_no). */
    outTradeNo: text('out_trade_no').notNull(),
    provider: text('provider').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    status: text('status').$type<PaymentStatus>().notNull().default('pending'),
    payUrl: text('pay_url'),
    /** The provider's transaction id (transaction_id / trade_no), known once paid. */
    providerTxnId: text('provider_txn_id'),
    /** How success became known: `notification` or `query`. */
    confirmedBy: text('confirmed_by').$type<PaymentConfirmation>(),
    /** Set when money arrived that ParkOS no longer expected (kept after the automatic refund, for reconciliation). */
    unexpectedReason: text('unexpected_reason').$type<UnexpectedReason>(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payments_idem_uq').on(t.payerId, t.idempotencyKey),
    uniqueIndex('payments_out_trade_no_uq').on(t.outTradeNo),
    index('payments_park_idx').on(t.parkId, t.createdAt),
    index('payments_enterprise_idx').on(t.enterpriseId),
    checkNotNegative(t.amountFen),
    checkNotNegative(t.refundedFen),
    checkOneOf(t.status, PAYMENT_STATUSES),
    checkOneOf(t.confirmedBy, PAYMENT_CONFIRMATIONS),
    checkOneOf(t.unexpectedReason, UNEXPECTED_REASONS),
  ],
);

/**
 * The bills a payment covers. `active` is true while the payment is pending or
 * succeeded; the partial unique index lets at most one live payment hold a bill.
 */
export const paymentBills = pgTable(
  'payment_bills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    billId: uuid('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'restrict' }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('payment_bills_payment_idx').on(t.paymentId), uniqueIndex('payment_bills_active_uq').on(t.billId).where(sql`${t.active}`), checkNotNegative(t.amountFen)],
);

/** A refund (退款), partial or full, of a succeeded payment. */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    outRefundNo: text('out_refund_no').notNull().unique(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason'),
    status: text('status').$type<RefundStatus>().notNull().default('pending'),
    providerRefundId: text('provider_refund_id'),
    requestedBy: uuid('requested_by'),
    ...timestamps,
  },
  (t) => [index('payment_refunds_payment_idx').on(t.paymentId), checkNotNegative(t.amountFen), checkOneOf(t.status, REFUND_STATUSES)],
);

/**
 * Every verified provider notification, once: `(provider, notification_id)` is unique, so a
 * redelivered webhook is recognised and never applied twice. `result` says what it did.
 */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull(),
    notificationId: text('notification_id').notNull(),
    eventType: text('event_type').notNull(),
    outTradeNo: text('out_trade_no').notNull(),
    outRefundNo: text('out_refund_no'),
    providerTxnId: text('provider_txn_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** applied | ignored | duplicate | unexpected | unknown_payment | unknown_refund | amount_mismatch */
    result: text('result').notNull(),
    deliveries: integer('deliveries').notNull().default(1),
    rawBody: text('raw_body').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_notifications_uq').on(t.provider, t.notificationId), index('payment_notifications_trade_idx').on(t.outTradeNo), checkNotNegative(t.amountFen), checkNotNegative(t.deliveries)],
);

/** The sandbox provider's own books (what a real provider keeps on its side). */
export const sandboxOrders = pgTable(
  'sandbox_orders',
  {
    outTradeNo: text('out_trade_no').primaryKey(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    notifyUrl: text('notify_url').notNull(),
    returnUrl: text('return_url'),
    status: text('status').$type<SandboxOrderStatus>().notNull().default('pending'),
    transactionId: text('transaction_id'),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [checkNotNegative(t.amountFen), checkNotNegative(t.refundedFen), checkOneOf(t.status, SANDBOX_ORDER_STATUSES)],
);

/** Sandbox refunds, keyed by the merchant's out_refund_no (idempotent like a real provider). */
export const sandboxRefunds = pgTable(
  'sandbox_refunds',
  {
    outRefundNo: text('out_refund_no').primaryKey(),
    outTradeNo: text('out_trade_no').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    refundId: text('refund_id').notNull(),
    status: text('status').$type<RefundStatus>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [checkNotNegative(t.amountFen), checkOneOf(t.status, REFUND_STATUSES)],
);

/** Webhook deliveries queued by the sandbox: delayed, retried, sometimes duplicated on purpose. */
export const sandboxDeliveries = pgTable(
  'sandbox_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: text('notification_id').notNull(),
    url: text('url').notNull(),
    body: text('body').notNull(),
    deliverAfter: timestamp('deliver_after', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sandbox_deliveries_due_idx').on(t.deliverAfter).where(sql`${t.deliveredAt} is null`), checkNotNegative(t.attempts)],
);
