import { parkDateTime, type ExportColumn, type ExportLang } from '../../../lib/xlsx-export';
import type { AlarmView } from './alarms.schema';

/** Words a reader of the exported file needs, in both languages (the web's wording, copied). */
const L: Record<ExportLang, { severity: Record<AlarmView['severity'], string>; state: Record<AlarmView['state'], string> }> = {
  zh: { severity: { critical: '紧急', major: '重要', minor: '次要', info: '提示' }, state: { active: '未确认', acknowledged: '已确认', cleared: '已恢复', closed: '已关闭' } },
  en: { severity: { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Info' }, state: { active: 'Active', acknowledged: 'Acknowledged', cleared: 'Cleared', closed: 'Closed' } },
};

/** The alarm's rule and device name what happened; the stored message is left to the screen, which words it per language. */
export const ALARM_COLUMNS: ExportColumn<AlarmView>[] = [
  { key: 'severity', header: { zh: '级别', en: 'Severity' }, width: 8, value: (a, l) => L[l].severity[a.severity] },
  { key: 'state', header: { zh: '状态', en: 'State' }, width: 10, value: (a, l) => L[l].state[a.state] },
  { key: 'rule', header: { zh: '规则', en: 'Rule' }, width: 24, value: (a) => a.ruleName },
  { key: 'device', header: { zh: '设备', en: 'Device' }, width: 20, value: (a) => a.deviceName ?? a.deviceCode },
  { key: 'lastValue', header: { zh: '最近数值', en: 'Last value' }, width: 10, value: (a) => a.lastValue },
  { key: 'count', header: { zh: '次数', en: 'Count' }, width: 8, value: (a) => a.count },
  { key: 'firstAt', header: { zh: '首次发生', en: 'First at' }, width: 18, value: (a) => parkDateTime(a.firstAt) },
  { key: 'lastAt', header: { zh: '最近发生', en: 'Last at' }, width: 18, value: (a) => parkDateTime(a.lastAt) },
  { key: 'acknowledgedAt', header: { zh: '确认时间', en: 'Acknowledged at' }, width: 18, value: (a) => parkDateTime(a.acknowledgedAt) },
  { key: 'closedAt', header: { zh: '关闭时间', en: 'Closed at' }, width: 18, value: (a) => parkDateTime(a.closedAt) },
];
