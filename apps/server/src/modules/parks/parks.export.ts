import type { INDUSTRIES, ENTERPRISE_SIZES } from '@parkos/contracts';
import { parkDateTime, yuan, MONEY_FMT, type ExportColumn, type ExportLang } from '../../lib/xlsx-export';

type EnterpriseRow = { legalName: string; creditCode: string; industry: string; size: string; employeeCount: number | null; contactName: string | null; contactPhone: string | null; status: string; movedInAt: string | null; createdAt: Date };
export type LeaseExportRow = { enterpriseName: string; buildingName: string; floorName: string; unitCode: string; area: number; startDate: string; endDate: string; monthlyRentFen: number };

/** Words a reader of the exported file needs, in both languages (the web's wording, copied). */
const L: Record<ExportLang, { industry: Record<(typeof INDUSTRIES)[number], string>; size: Record<(typeof ENTERPRISE_SIZES)[number], string>; status: Record<string, string> }> = {
  zh: {
    industry: { software: '软件', ai: '人工智能', games: '游戏', finance: '金融科技', ecommerce: '电子商务', iot: '物联网', biotech: '生物科技', services: '企业服务', other: '其他' },
    size: { micro: '微型', small: '小型', medium: '中型', large: '大型' },
    status: { active: '在园', moved_out: '已迁出' },
  },
  en: {
    industry: { software: 'Software', ai: 'AI', games: 'Games', finance: 'Fintech', ecommerce: 'E-commerce', iot: 'IoT', biotech: 'Biotech', services: 'Business services', other: 'Other' },
    size: { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' },
    status: { active: 'In the park', moved_out: 'Moved out' },
  },
};
const word = (table: Record<string, string>, code: string) => table[code] ?? code;

export const ENTERPRISE_COLUMNS: ExportColumn<EnterpriseRow>[] = [
  { key: 'name', header: { zh: '企业名称', en: 'Name' }, width: 30, value: (e) => e.legalName },
  { key: 'creditCode', header: { zh: '统一社会信用代码', en: 'Credit code' }, width: 22, value: (e) => e.creditCode },
  { key: 'industry', header: { zh: '行业', en: 'Industry' }, width: 12, value: (e, l) => word(L[l].industry, e.industry) },
  { key: 'size', header: { zh: '规模', en: 'Size' }, width: 8, value: (e, l) => word(L[l].size, e.size) },
  { key: 'employees', header: { zh: '员工数', en: 'Employees' }, width: 8, value: (e) => e.employeeCount },
  { key: 'contact', header: { zh: '联系人', en: 'Contact' }, width: 12, value: (e) => e.contactName },
  { key: 'phone', header: { zh: '联系电话', en: 'Phone' }, width: 14, value: (e) => e.contactPhone },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10, value: (e, l) => word(L[l].status, e.status) },
  { key: 'movedInAt', header: { zh: '入驻日期', en: 'Moved in' }, width: 12, value: (e) => e.movedInAt },
  { key: 'createdAt', header: { zh: '登记时间', en: 'Registered' }, width: 18, value: (e) => parkDateTime(e.createdAt) },
];

export const LEASE_COLUMNS: ExportColumn<LeaseExportRow>[] = [
  { key: 'enterprise', header: { zh: '企业', en: 'Enterprise' }, width: 30, value: (r) => r.enterpriseName },
  { key: 'building', header: { zh: '楼宇', en: 'Building' }, width: 12, value: (r) => r.buildingName },
  { key: 'floor', header: { zh: '楼层', en: 'Floor' }, width: 8, value: (r) => r.floorName },
  { key: 'unit', header: { zh: '房间', en: 'Unit' }, width: 8, value: (r) => r.unitCode },
  { key: 'area', header: { zh: '面积（m²）', en: 'Area (m²)' }, width: 10, value: (r) => r.area },
  { key: 'start', header: { zh: '起租日', en: 'Start' }, width: 12, value: (r) => r.startDate },
  { key: 'end', header: { zh: '到期日', en: 'End' }, width: 12, value: (r) => r.endDate },
  { key: 'rent', header: { zh: '月租金（元）', en: 'Monthly rent (CNY)' }, width: 14, numFmt: MONEY_FMT, value: (r) => yuan(r.monthlyRentFen) },
];
