import { api, type Page } from '../../../lib/api-client';

export type BillKind = 'rent' | 'property' | 'utilities' | 'parking' | 'service' | 'booking' | 'other';
export type BillStatus = 'open' | 'paid' | 'refunded' | 'void';
/** `unexpected`: money arrived that paid none of its bills (it was closed, or they were paid meanwhile); it is refunded automatically. */
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'closed' | 'partially_refunded' | 'refunded' | 'unexpected';

/** A bill; amounts are integer fen. */
export interface Bill {
  id: string;
  parkId: string;
  enterpriseId: string | null;
  userId: string | null;
  /** Lists only: who the bill is for. */
  enterpriseName?: string | null;
  userName?: string | null;
  kind: BillKind;
  period: string;
  title: string;
  amountFen: number;
  /** Credit notes applied (rent relief). */
  creditedFen: number;
  /** What is left to pay: amount − credits. */
  amountDueFen: number;
  dueDate: string;
  status: BillStatus;
  paymentId: string | null;
  paidAt: string | null;
  createdAt: string;
}

export interface BillDetail extends Bill {
  canPay: boolean;
  history: { id: number; action: string; at: string; actorName: string }[];
}

export interface Refund {
  id: string;
  outRefundNo: string;
  amountFen: number;
  reason: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  createdAt: string;
}

export interface Payment {
  id: string;
  parkId: string;
  enterpriseId: string | null;
  /** Lists only: who paid. */
  enterpriseName?: string | null;
  payerName?: string | null;
  outTradeNo: string;
  provider: string;
  amountFen: number;
  refundedFen: number;
  status: PaymentStatus;
  payUrl: string | null;
  providerTxnId: string | null;
  confirmedBy: string | null;
  unexpectedReason: 'bills_settled' | 'bills_held' | null;
  paidAt: string | null;
  createdAt: string;
  items: { billId: string; title: string; kind: BillKind; period: string; amountFen: number; billStatus: BillStatus }[];
  refunds: Refund[];
}

export interface Receipt {
  receiptNo: string;
  payment: Payment;
  payerName: string;
  parkName: string;
  enterpriseName: string | null;
  auditEntryId: number | null;
}

export interface ReconciliationLine {
  status: 'matched' | 'missing_notification' | 'amount_mismatch' | 'unknown_notification' | 'pending' | 'unexpected_payment';
  kind: 'payment' | 'refund' | 'notification';
  outTradeNo: string;
  outRefundNo: string | null;
  paymentId: string | null;
  paymentStatus: string | null;
  amountFen: number | null;
  notifiedAmountFen: number | null;
  providerTxnId: string | null;
  notificationId: string | null;
  at: string;
}

export interface Reconciliation {
  summary: { matched: number; missingNotification: number; amountMismatch: number; unknownNotification: number; pending: number; unexpectedPayment: number; collectedFen: number; refundedFen: number; netFen: number };
  lines: ReconciliationLine[];
}

export interface BillQuery {
  status?: BillStatus;
  kind?: BillKind;
  period?: string;
  enterpriseId?: string;
  payable?: boolean;
  page?: number;
  pageSize?: number;
}

export const findBills = (q: BillQuery) => api.get<Page<Bill> & { totalFen: number }>('/bills', { ...q, payable: q.payable ? 'true' : undefined });
export const getBill = (id: string) => api.get<BillDetail>(`/bills/${id}`);
export const createBill = (input: { enterpriseId: string; userId?: string | null; kind: BillKind; period: string; title: string; amountFen: number; dueDate: string }) => api.post<Bill>('/bills', input);
export const voidBill = (id: string) => api.post<Bill>(`/bills/${id}/void`);
export const generateBills = (input: { parkId: string; period: string; propertyRateFenPerM2?: number | null }) => api.post<{ created: number; leases: number }>('/bills/generate', input);
/** One checkout for several bills; the key makes a double submission return the same payment. */
export const checkout = (billIds: string[], idempotencyKey: string) => api.post<Payment & { replayed: boolean }>('/payments/checkout', { billIds, idempotencyKey });
export interface PaymentQuery {
  status?: PaymentStatus;
  enterpriseId?: string;
  /** Paid at or after (ISO). */
  paidFrom?: string;
  page?: number;
  pageSize?: number;
}
export const findPayments = (q: PaymentQuery) => api.get<Page<Payment>>('/payments', { ...q });
export const getPayment = (id: string) => api.get<Payment>(`/payments/${id}`);
export const cancelPayment = (id: string) => api.post<Payment>(`/payments/${id}/cancel`);
export const refundPayment = (id: string, input: { amountFen: number; reason?: string; idempotencyKey: string }) => api.post<Refund>(`/payments/${id}/refunds`, input);
export const getReceipt = (id: string) => api.get<Receipt>(`/payments/${id}/receipt`);
export const getReconciliation = (from: string, to: string) => api.get<Reconciliation>('/payments/reconciliation', { from, to });
export const reconciliationCsvUrl = (from: string, to: string) => `/api/payments/reconciliation.csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/** A period's statement (对账单) with totals in fen. */
export interface Statement {
  period: string;
  items: Bill[];
  totalFen: number;
  paidFen: number;
  openFen: number;
  refundedFen: number;
}

export const getStatement = (period: string) => api.get<Statement>('/bills/statement', { period });
