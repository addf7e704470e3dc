import { parkDateTime, yuan, MONEY_FMT, type ExportColumn, type ExportLang } from '../../lib/xlsx-export';
import type { BillView, PaymentRow } from './billing.service';
import type { BillKind, BillStatus, PaymentStatus } from './billing.table';

/** Enum values a reader of the file must understand, in both languages (the web's wording, copied). */
const KIND: Record<ExportLang, Record<BillKind, string>> = {
  zh: { rent: '租金', property: '物业费', utilities: '水电费', parking: '停车费', service: '服务费', booking: '资源预约', other: '其他' },
  en: { rent: 'Rent', property: 'Property fee', utilities: 'Utilities', parking: 'Parking', service: 'Service', booking: 'Booking', other: 'Other' },
};
const BILL_STATUS: Record<ExportLang, Record<BillStatus, string>> = {
  zh: { open: '待缴', paid: '已缴', refunded: '已退款', void: '已作废' },
  en: { open: 'Open', paid: 'Paid', refunded: 'Refunded', void: 'Void' },
};
const PAYMENT_STATUS: Record<ExportLang, Record<PaymentStatus, string>> = {
  zh: { pending: '待支付', succeeded: '支付成功', failed: '支付失败', closed: '已关闭', partially_refunded: '部分退款', refunded: '已全额退款', unexpected: '关闭后到账' },
  en: { pending: 'Pending', succeeded: 'Paid', failed: 'Failed', closed: 'Closed', partially_refunded: 'Partly refunded', refunded: 'Refunded', unexpected: 'Paid after closing' },
};

type BillExportRow = BillView & { enterpriseName?: string | null; userName?: string | null };
type PaymentExportRow = PaymentRow & { enterpriseName: string | null; payerName: string | null };

/** The bills list as a sheet: who pays first, so two equal "水电费 ¥864.50" rows tell apart. */
export const BILL_COLUMNS: ExportColumn<BillExportRow>[] = [
  { key: 'enterprise', header: { zh: '企业', en: 'Enterprise' }, width: 30, value: (b) => b.enterpriseName },
  { key: 'user', header: { zh: '缴费人', en: 'Payer' }, width: 14, value: (b) => b.userName },
  { key: 'title', header: { zh: '项目', en: 'Item' }, width: 30, value: (b) => b.title },
  { key: 'kind', header: { zh: '类型', en: 'Kind' }, width: 10, value: (b, l) => KIND[l][b.kind] },
  { key: 'period', header: { zh: '账期', en: 'Period' }, width: 10, value: (b) => b.period },
  { key: 'amount', header: { zh: '金额（元）', en: 'Amount (CNY)' }, width: 14, numFmt: MONEY_FMT, value: (b) => yuan(b.amountFen) },
  { key: 'credited', header: { zh: '减免（元）', en: 'Credited (CNY)' }, width: 14, numFmt: MONEY_FMT, value: (b) => yuan(b.creditedFen) },
  { key: 'due', header: { zh: '应缴（元）', en: 'Due (CNY)' }, width: 14, numFmt: MONEY_FMT, value: (b) => yuan(b.amountDueFen) },
  { key: 'dueDate', header: { zh: '到期日', en: 'Due date' }, width: 12, value: (b) => b.dueDate },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10, value: (b, l) => BILL_STATUS[l][b.status] },
  { key: 'paidAt', header: { zh: '缴费时间', en: 'Paid at' }, width: 18, value: (b) => parkDateTime(b.paidAt) },
];

export const PAYMENT_COLUMNS: ExportColumn<PaymentExportRow>[] = [
  { key: 'no', header: { zh: '交易单号', en: 'Order no.' }, width: 26, value: (p) => p.outTradeNo },
  { key: 'enterprise', header: { zh: '企业', en: 'Enterprise' }, width: 30, value: (p) => p.enterpriseName },
  { key: 'payer', header: { zh: '付款人', en: 'Payer' }, width: 14, value: (p) => p.payerName },
  { key: 'amount', header: { zh: '金额（元）', en: 'Amount (CNY)' }, width: 14, numFmt: MONEY_FMT, value: (p) => yuan(p.amountFen) },
  { key: 'refunded', header: { zh: '已退款（元）', en: 'Refunded (CNY)' }, width: 14, numFmt: MONEY_FMT, value: (p) => yuan(p.refundedFen) },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 12, value: (p, l) => PAYMENT_STATUS[l][p.status] },
  { key: 'provider', header: { zh: '支付渠道', en: 'Provider' }, width: 10, value: (p) => p.provider },
  { key: 'paidAt', header: { zh: '支付时间', en: 'Paid at' }, width: 18, value: (p) => parkDateTime(p.paidAt) },
];
