import { z } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { BILL_CREDIT_STATUSES, BILL_KINDS, BILL_STATUSES, PAYMENT_STATUSES, REFUND_STATUSES, UNEXPECTED_REASONS } from './billing.table';
import { isoDate, isoMonth } from '../../lib/validation';

const ts = z.date();
const fen = z.number().int().positive().max(1_000_000_000_00);
const period = isoMonth;

export const billSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  siteId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  userId: z.string().nullable(),
  kind: z.enum(BILL_KINDS),
  period: z.string(),
  title: z.string(),
  amountFen: z.number().int(),
  /** Credit notes applied (rent relief). */
  creditedFen: z.number().int(),
  /** What is left to pay: amount − credits, never below zero. */
  amountDueFen: z.number().int(),
  dueDate: z.string(),
  status: z.enum(BILL_STATUSES),
  sourceRef: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  paymentId: z.string().nullable(),
  paidAt: ts.nullable(),
  createdAt: ts,
  updatedAt: ts,
  /** Who the bill is for (lists only): the enterprise's name, and the member's name for a personal bill. */
  enterpriseName: z.string().nullable().optional(),
  userName: z.string().nullable().optional(),
});
export const billCreditSchema = z.object({
  id: z.string(),
  billId: z.string().nullable(),
  leaseId: z.string(),
  period: z.string(),
  source: z.string(),
  amountFen: z.number().int(),
  status: z.enum(BILL_CREDIT_STATUSES),
  details: z.record(z.string(), z.unknown()),
  createdAt: ts,
  appliedAt: ts.nullable(),
});
export const billDetailSchema = billSchema.extend({
  canPay: z.boolean(),
  history: z.array(z.object({ id: z.number(), action: z.string(), at: ts, actorName: z.string() })),
  /** Its credit notes (贷项通知). */
  credits: z.array(billCreditSchema),
});
export const billListSchema = z.object({ items: z.array(billSchema), total: z.number().int(), totalFen: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const billQuery = pageQuery.extend({
  status: z.enum(BILL_STATUSES).optional(),
  kind: z.enum(BILL_KINDS).optional(),
  period: period.optional(),
  enterpriseId: z.string().uuid().optional(),
  parkId: z.string().uuid().optional(),
  payable: z.enum(['true', 'false']).optional(),
});
export const createBillBody = z.object({
  enterpriseId: z.string().uuid(),
  userId: z.string().uuid().nullish(),
  kind: z.enum(BILL_KINDS),
  period,
  title: z.string().trim().min(1).max(200),
  amountFen: fen,
  dueDate: isoDate,
});
export const generateBillsBody = z.object({ parkId: z.string().uuid(), period, propertyRateFenPerM2: z.number().int().min(0).max(100_000).nullish(), dueDay: z.number().int().min(1).max(28).optional() });
export const utilityBillBody = z.object({ enterpriseId: z.string().uuid(), period, deviceId: z.string().uuid().nullish(), unitPriceFen: z.number().int().positive().max(100_000).nullish(), amountFen: fen.nullish(), dueDate: isoDate });
export const statementQuery = z.object({ period, enterpriseId: z.string().uuid().optional() });
export const statementSchema = z.object({ period: z.string(), items: z.array(billSchema), totalFen: z.number().int(), paidFen: z.number().int(), openFen: z.number().int(), refundedFen: z.number().int(), creditedFen: z.number().int() });

export const refundSchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  outRefundNo: z.string(),
  amountFen: z.number().int(),
  reason: z.string().nullable(),
  status: z.enum(REFUND_STATUSES),
  providerRefundId: z.string().nullable(),
  createdAt: ts,
  updatedAt: ts,
});
export const paymentSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  enterpriseId: z.string().nullable(),
  payerId: z.string(),
  outTradeNo: z.string(),
  provider: z.string(),
  amountFen: z.number().int(),
  refundedFen: z.number().int(),
  status: z.enum(PAYMENT_STATUSES),
  payUrl: z.string().nullable(),
  providerTxnId: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  unexpectedReason: z.enum(UNEXPECTED_REASONS).nullable(),
  paidAt: ts.nullable(),
  createdAt: ts,
  updatedAt: ts,
  /** The paying enterprise's and person's names (lists only). */
  enterpriseName: z.string().nullable().optional(),
  payerName: z.string().nullable().optional(),
});
export const paymentDetailSchema = paymentSchema.extend({
  items: z.array(z.object({ billId: z.string(), title: z.string(), kind: z.enum(BILL_KINDS), period: z.string(), amountFen: z.number().int(), billStatus: z.enum(BILL_STATUSES) })),
  refunds: z.array(refundSchema),
});
export const checkoutBody = z.object({
  billIds: z.array(z.string().uuid()).min(1).max(50),
  /** Alternative to the Idempotency-Key header (a client order token). */
  idempotencyKey: z.string().min(8).max(100).optional(),
  /** Path the payer returns to after paying (same origin only). */
  returnUrl: z.string().max(300).regex(/^\/[^/]/, 'must be a path on this site').optional(),
});
export const checkoutHeaders = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });
export const checkoutResult = paymentDetailSchema.extend({ replayed: z.boolean() });
export const paymentQuery = pageQuery.extend({
  status: z.enum(PAYMENT_STATUSES).optional(),
  parkId: z.string().uuid().optional(),
  enterpriseId: z.string().uuid().optional(),
  /** Paid at or after / before (the dashboard's "payments today"). */
  paidFrom: z.coerce.date().optional(),
  paidTo: z.coerce.date().optional(),
});
export type PaymentQuery = z.infer<typeof paymentQuery>;
export const refundBody = z.object({ amountFen: fen, reason: z.string().trim().max(500).nullish(), idempotencyKey: z.string().min(8).max(100).nullish() });
export const receiptSchema = z.object({ receiptNo: z.string(), payment: paymentDetailSchema, payerName: z.string(), parkName: z.string(), enterpriseName: z.string().nullable(), auditEntryId: z.number().nullable() });
export const reconciliationQuery = z.object({ from: z.coerce.date(), to: z.coerce.date(), parkId: z.string().uuid().optional() });
export const reconciliationSchema = z.object({
  from: ts,
  to: ts,
  summary: z.object({ matched: z.number(), missingNotification: z.number(), amountMismatch: z.number(), unknownNotification: z.number(), pending: z.number(), unexpectedPayment: z.number(), collectedFen: z.number().int(), refundedFen: z.number().int(), netFen: z.number().int() }),
  lines: z.array(
    z.object({
      status: z.enum(['matched', 'missing_notification', 'amount_mismatch', 'unknown_notification', 'pending', 'unexpected_payment']),
      kind: z.enum(['payment', 'refund', 'notification']),
      outTradeNo: z.string(),
      outRefundNo: z.string().nullable(),
      paymentId: z.string().nullable(),
      paymentStatus: z.string().nullable(),
      amountFen: z.number().int().nullable(),
      notifiedAmountFen: z.number().int().nullable(),
      providerTxnId: z.string().nullable(),
      notificationId: z.string().nullable(),
      at: ts,
    }),
  ),
});
