/**
 * The payment provider adapter (支付渠道), shaped like WeChat Pay v3 / Alipay:
 * an order is created with our `out_trade_no`, an amount in fen and a
 * `notify_url`; the provider answers with a URL (or code) the payer opens; it
 * reports the result by a signed asynchronous notification and can be queried.
 * Refunds carry our `out_refund_no` and are idempotent on it. An unpaid order is
 * closed (WeChat Pay 关闭订单, Alipay alipay.trade.close) before we stop expecting
 * its money, so the payer cannot pay it afterwards.
 *
 * PBOC 条码支付业务规范 (2018): bills and parking use a dynamic per-order
 * redirect, never a printed static code.
 */
export interface CreateOrderInput {
  outTradeNo: string;
  amountFen: number;
  description: string;
  /** Absolute path or URL the provider posts notifications to. */
  notifyUrl: string;
  /** Where the payer's browser returns after paying. */
  returnUrl: string;
  expiresAt: Date;
}

export type ProviderOrderStatus = 'pending' | 'succeeded' | 'failed' | 'closed';

export interface ProviderOrder {
  outTradeNo: string;
  status: ProviderOrderStatus;
  amountFen: number;
  transactionId: string | null;
  paidAt: Date | null;
}

/**
 * The provider's answer to closing an order. Closing is idempotent; an order that
 * was paid first cannot be closed (WeChat Pay `ORDERPAID`, Alipay `TRADE_STATUS_ERROR`)
 * and comes back as `already_paid` with what the provider knows of the payment.
 */
export type CloseOrderResult = { status: 'closed' } | { status: 'not_found' } | { status: 'already_paid'; order: ProviderOrder };

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  amountFen: number;
  totalFen: number;
  reason?: string | null;
}

export type NotificationType = 'payment.succeeded' | 'payment.failed' | 'refund.succeeded' | 'refund.failed';

/** A notification after its signature and freshness were verified. */
export interface VerifiedNotification {
  id: string;
  type: NotificationType;
  outTradeNo: string;
  outRefundNo: string | null;
  transactionId: string | null;
  amountFen: number;
  occurredAt: Date;
}

export interface PaymentProvider {
  readonly name: string;
  /** Idempotent on `outTradeNo`: creating the same order twice returns the same pay URL. */
  createOrder(input: CreateOrderInput): Promise<{ payUrl: string }>;
  queryOrder(outTradeNo: string): Promise<ProviderOrder | null>;
  /** Closes an unpaid order so it can no longer be paid; idempotent. A failed or expired order closes too. */
  closeOrder(outTradeNo: string): Promise<CloseOrderResult>;
  /** Idempotent on `outRefundNo`. The final result also arrives as a notification. */
  refund(input: RefundInput): Promise<{ refundId: string; status: 'pending' | 'succeeded' | 'failed' }>;
  /** Checks the signature over the raw body and the timestamp; throws `NotificationRejected`. */
  verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: string, now?: Date): VerifiedNotification;
}

/** A webhook that is unsigned, wrongly signed, stale or malformed. */
export class NotificationRejected extends Error {
  constructor(readonly reason: 'unsigned' | 'bad_signature' | 'stale' | 'malformed') {
    super(`notification rejected: ${reason}`);
    this.name = 'NotificationRejected';
  }
}
