import { parkDateTime, type ExportColumn, type ExportLang } from '../../lib/xlsx-export';
import type { WorkOrderView } from './workorders.schema';

/** Words a reader of the exported file needs, in both languages (the web's wording, copied). */
const L: Record<ExportLang, { status: Record<WorkOrderView['status'], string>; category: Record<WorkOrderView['category'], string>; priority: Record<WorkOrderView['priority'], string>; sla: Record<WorkOrderView['slaStatus'], string> }> = {
  zh: {
    status: { new: '待分派', dispatched: '已派单', accepted: '已接单', in_progress: '处理中', resolved: '已解决', verified: '已确认', closed: '已关闭' },
    category: { elevator: '电梯', hvac: '空调', lighting: '照明', plumbing: '给排水', fire: '消防', security: '安防', cleaning: '保洁', network: '网络', parking: '停车', electrical: '供电', other: '其他' },
    priority: { urgent: '紧急', high: '高', normal: '普通', low: '低' },
    sla: { ok: '正常', at_risk: '即将超时', overdue: '已超时', met: '按时完成', breached: '超时完成' },
  },
  en: {
    status: { new: 'New', dispatched: 'Dispatched', accepted: 'Accepted', in_progress: 'In progress', resolved: 'Resolved', verified: 'Verified', closed: 'Closed' },
    category: { elevator: 'Elevator', hvac: 'HVAC', lighting: 'Lighting', plumbing: 'Plumbing', fire: 'Fire safety', security: 'Security', cleaning: 'Cleaning', network: 'Network', parking: 'Parking', electrical: 'Electrical', other: 'Other' },
    priority: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
    sla: { ok: 'On time', at_risk: 'At risk', overdue: 'Overdue', met: 'Met', breached: 'Breached' },
  },
};

export const WORK_ORDER_COLUMNS: ExportColumn<WorkOrderView>[] = [
  { key: 'number', header: { zh: '工单号', en: 'No.' }, width: 10, value: (w) => w.number },
  { key: 'title', header: { zh: '标题', en: 'Title' }, width: 30, value: (w) => w.title },
  { key: 'category', header: { zh: '类别', en: 'Category' }, width: 10, value: (w, l) => L[l].category[w.category] },
  { key: 'priority', header: { zh: '优先级', en: 'Priority' }, width: 8, value: (w, l) => L[l].priority[w.priority] },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10, value: (w, l) => L[l].status[w.status] },
  { key: 'sla', header: { zh: 'SLA', en: 'SLA' }, width: 10, value: (w, l) => L[l].sla[w.slaStatus] },
  { key: 'building', header: { zh: '楼宇', en: 'Building' }, width: 12, value: (w) => w.buildingName },
  { key: 'location', header: { zh: '具体位置', en: 'Location' }, width: 16, value: (w) => w.locationText },
  { key: 'team', header: { zh: '处理班组', en: 'Team' }, width: 14, value: (w) => w.teamName },
  { key: 'requester', header: { zh: '报修人', en: 'Requester' }, width: 12, value: (w) => w.requesterName },
  { key: 'createdAt', header: { zh: '创建时间', en: 'Created' }, width: 18, value: (w) => parkDateTime(w.createdAt) },
  { key: 'resolutionDue', header: { zh: '解决截止', en: 'Resolution due' }, width: 18, value: (w) => parkDateTime(w.resolutionDueAt) },
];
