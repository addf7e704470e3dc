import type { Widen } from '../messages';

/**
 * The notifications section: one sentence per notification kind (NOTIFICATION_KINDS), made from the
 * values the server stored with it. `title` is the bold line, `body` the line under it.
 */
export const notificationsZh = {
  kinds: {
    'alarm.escalated': { title: '告警 {{minutes}} 分钟未确认（第 {{level}} 级升级）：{{rule}}', body: '{{device}} · {{severity}} · {{message}}' },
    'work_order.escalated': { title: '工单 #{{number}} 超时未{{deadline}}', body: '{{title}}' },
    'work_order.urged': { title: '报修人催单：工单 #{{number}}', body: '{{title}}' },
    'event.reminder': { title: '活动提醒：{{event}}', body: '{{startsAt}} · {{location}}' },
    'approval.task_assigned': { title: '待审批：{{subject}}', body: '' },
    'approval.reminder': { title: '催办：{{subject}}', body: '' },
    'approval.overdue': { title: '审批已超时：{{subject}}', body: '' },
    'approval.escalated': { title: '审批超时升级：{{subject}}', body: '' },
    'approval.decided': { title: '审批进展：{{subject}}', body: '{{status}}' },
    'service.request_approved': { title: '服务申请待办理', body: '{{service}}' },
    'service.request_completed': { title: '服务已办结', body: '{{service}}' },
    'policy.enquiry': { title: '政策咨询', body: '{{policy}}' },
    'policy.advisor_assigned': { title: '政策辅导分配', body: '{{policy}}' },
    'policy.advisor_assigned_applicant': { title: '已为您分配政策辅导专员', body: '{{policy}}' },
    'policy.comment': { title: '政策辅导新消息', body: '{{policy}}' },
    'policy.deadline': { title: '政策申报 {{days}} 天后截止', body: '{{policy}} · 截止 {{deadline}}' },
    'rtw.reminder': { title: '复工台账待填报：{{campaign}}', body: '报告期 {{period}} · 截止 {{deadline}}' },
    'spot_check.recorded': { title: '安全抽查发现 {{findings}} 个问题需要整改', body: '{{district}}' },
    'spot_check.responded': { title: '物业已提交整改回复，请复核', body: '{{finding}}' },
    'spot_check.rejected': { title: '整改未通过复核，请重新整改', body: '{{finding}}' },
    'survey.reminder': { title: '满意度调查即将截止，请尽快填写', body: '{{survey}} · 截止 {{closesOn}}' },
    'evaluation.warning': { title: '考核预警：连续 {{consecutive}} 期考核未达要求', body: '{{company}} · {{period}}' },
    'evaluation.review_task': { title: '物业合同评审待办：{{company}}', body: '连续 {{consecutive}} 期考核未达要求 · {{period}}' },
    'enterprise.join_requested': { title: '{{name}} 申请加入企业', body: '请在“我的企业 · 成员”中审批' },
    'enterprise.join_decided': { title: '加入申请已通过：{{enterprise}}', body: '现在可以使用企业职工功能' },
    'enterprise.join_rejected': { title: '加入申请未通过：{{enterprise}}', body: '如有疑问请联系企业管理员' },
    'bill.issued': { title: '新账单：{{title}}', body: '应付 ¥{{amount}} · {{dueDate}} 前缴纳' },
  },
  deadlines: { response: '响应', resolution: '解决' },
  /** A kind this version of the web app does not know (e.g. sent by a newer server). */
  unknown: '通知（{{kind}}）',
};

export const notificationsEn: Widen<typeof notificationsZh> = {
  kinds: {
    'alarm.escalated': { title: 'Alarm unacknowledged for {{minutes}} min (escalation level {{level}}): {{rule}}', body: '{{device}} · {{severity}} · {{message}}' },
    'work_order.escalated': { title: 'Work order #{{number}} missed its {{deadline}} deadline', body: '{{title}}' },
    'work_order.urged': { title: 'The requester is chasing work order #{{number}}', body: '{{title}}' },
    'event.reminder': { title: 'Event reminder: {{event}}', body: '{{startsAt}} · {{location}}' },
    'approval.task_assigned': { title: 'Approval needed: {{subject}}', body: '' },
    'approval.reminder': { title: 'Approval reminder: {{subject}}', body: '' },
    'approval.overdue': { title: 'Approval overdue: {{subject}}', body: '' },
    'approval.escalated': { title: 'Approval escalated: {{subject}}', body: '' },
    'approval.decided': { title: 'Approval update: {{subject}}', body: '{{status}}' },
    'service.request_approved': { title: 'Service request to handle', body: '{{service}}' },
    'service.request_completed': { title: 'Service completed', body: '{{service}}' },
    'policy.enquiry': { title: 'Policy enquiry', body: '{{policy}}' },
    'policy.advisor_assigned': { title: 'Policy guidance assigned to you', body: '{{policy}}' },
    'policy.advisor_assigned_applicant': { title: 'An advisor now guides your application', body: '{{policy}}' },
    'policy.comment': { title: 'New guidance message', body: '{{policy}}' },
    'policy.deadline': { title: 'Policy application closes in {{days}} days', body: '{{policy}} · closes {{deadline}}' },
    'rtw.reminder': { title: 'Return-to-work report due: {{campaign}}', body: 'Period {{period}} · due {{deadline}}' },
    'spot_check.recorded': { title: 'A spot check found {{findings}} problem(s) to fix', body: '{{district}}' },
    'spot_check.responded': { title: 'The property company responded to a finding; please verify', body: '{{finding}}' },
    'spot_check.rejected': { title: 'A fix was rejected; please fix it again', body: '{{finding}}' },
    'survey.reminder': { title: 'A satisfaction survey closes soon: please answer it', body: '{{survey}} · closes {{closesOn}}' },
    'evaluation.warning': { title: 'Evaluation warning: below the bar {{consecutive}} periods in a row', body: '{{company}} · {{period}}' },
    'evaluation.review_task': { title: 'Property contract review to do: {{company}}', body: 'Below the bar {{consecutive}} periods in a row · {{period}}' },
    'enterprise.join_requested': { title: '{{name}} asks to join your enterprise', body: 'Approve or reject under My enterprise · People' },
    'enterprise.join_decided': { title: 'Your request to join {{enterprise}} was approved', body: 'You can now use member features' },
    'enterprise.join_rejected': { title: 'Your request to join {{enterprise}} was rejected', body: 'Ask the enterprise admin if in doubt' },
    'bill.issued': { title: 'New bill: {{title}}', body: '¥{{amount}} due by {{dueDate}}' },
  },
  deadlines: { response: 'response', resolution: 'resolution' },
  unknown: 'Notification ({{kind}})',
};
