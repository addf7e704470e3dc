import { parkDateTime, type ExportColumn, type ExportLang } from '../../../lib/xlsx-export';
import type { PassView } from './passes.schema';

type ScanRow = { gateName: string | null; gateCode: string | null; holderName: string | null; holderKind: string | null; result: 'accepted' | 'rejected'; reason: string; via: string; scannedAt: Date };

/** Words a reader of the exported file needs, in both languages (the web's wording, copied). */
const L: Record<ExportLang, { kind: Record<string, string>; status: Record<PassView['status'], string>; result: Record<ScanRow['result'], string> }> = {
  zh: { kind: { member: '职工', visitor: '访客' }, status: { active: '有效', upcoming: '未开始', expired: '已过期', revoked: '已作废' }, result: { accepted: '通过', rejected: '拒绝' } },
  en: { kind: { member: 'Member', visitor: 'Visitor' }, status: { active: 'Active', upcoming: 'Upcoming', expired: 'Expired', revoked: 'Revoked' }, result: { accepted: 'Accepted', rejected: 'Rejected' } },
};

export const PASS_COLUMNS: ExportColumn<PassView>[] = [
  { key: 'holder', header: { zh: '持证人', en: 'Holder' }, width: 14, value: (p) => p.holderName ?? p.visitorName },
  { key: 'kind', header: { zh: '类型', en: 'Kind' }, width: 8, value: (p, l) => L[l].kind[p.kind] ?? p.kind },
  { key: 'enterprise', header: { zh: '企业', en: 'Enterprise' }, width: 28, value: (p) => p.enterpriseName },
  { key: 'purpose', header: { zh: '来访事由', en: 'Purpose' }, width: 14, value: (p) => p.purpose },
  { key: 'validFrom', header: { zh: '生效时间', en: 'Valid from' }, width: 18, value: (p) => parkDateTime(p.validFrom) },
  { key: 'validTo', header: { zh: '失效时间', en: 'Valid to' }, width: 18, value: (p) => parkDateTime(p.validTo) },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 8, value: (p, l) => L[l].status[p.status] },
];

/** Refusal reasons stay codes (expired, replay, …): they are the gate protocol's words, the same in both languages. */
export const SCAN_COLUMNS: ExportColumn<ScanRow>[] = [
  { key: 'at', header: { zh: '时间', en: 'Time' }, width: 18, value: (s) => parkDateTime(s.scannedAt) },
  { key: 'gate', header: { zh: '闸机', en: 'Gate' }, width: 18, value: (s) => s.gateName ?? s.gateCode },
  { key: 'holder', header: { zh: '持证人', en: 'Holder' }, width: 14, value: (s) => s.holderName },
  { key: 'kind', header: { zh: '类型', en: 'Kind' }, width: 8, value: (s, l) => (s.holderKind ? (L[l].kind[s.holderKind] ?? s.holderKind) : null) },
  { key: 'result', header: { zh: '结果', en: 'Result' }, width: 8, value: (s, l) => L[l].result[s.result] },
  { key: 'reason', header: { zh: '原因', en: 'Reason' }, width: 14, value: (s) => s.reason },
  { key: 'via', header: { zh: '方式', en: 'Via' }, width: 8, value: (s) => s.via.toUpperCase() },
];
