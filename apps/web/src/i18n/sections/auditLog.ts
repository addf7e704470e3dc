import type { Widen } from '../messages';

/**
 * Wording of the audit log (审计日志): each action code `<entity>.<verb>` reads as the entity's
 * name and the verb (工单 + 已创建 → 工单已创建, "Work order" + "created"). Entities with a dot in
 * their code (`evaluation.appeal`) are keyed with an underscore. `auditActions.test.ts` checks
 * that every action the server writes (packages/contracts/src/audit-actions.ts) has both words.
 */
export const auditLogZh = {
  action: '{{entity}}{{verb}}',
  record: '记录',
  idHint: '编号 {{id}}',
  entities: {
    patrol_finding: '巡逻发现',
    patrol_mission: '无人机巡逻任务',
    alarm: '告警', alarm_rule: '告警规则', alarm_shelf: '告警屏蔽', api_token: 'API 令牌', approval_case: '审批单', approval_flow: '审批流程',
    bill: '账单', bill_credit: '账单抵扣', booking: '预订', booking_resource: '可预订资源', demo: '演示数据', device: '设备', device_command: '设备指令',
    dispatch: '派单模型', dispatch_rule: '派单规则', enterprise: '企业', enterprise_vehicle: '企业车辆',
    evaluation_appeal: '考核申诉', evaluation_award: '考核评优', evaluation_awards: '评优结果', evaluation_manual: '人工评分', evaluation_period: '考核周期',
    evaluation_ranking: '考核排名', evaluation_review_task: '评审任务', evaluation_scheme: '考核方案', evaluation_warning: '考核预警', evaluation_warning_rule: '预警规则',
    event: '活动', event_feed: '活动日历订阅', event_registration: '活动报名', file: '文件',
    inspection_finding: '巡检问题', inspection_route: '巡检路线', inspection_run: '巡检', inspection_schedule: '巡检计划', inspection_settings: '巡检设置', inspection_template: '巡检模板',
    lead: '招商线索', lease: '租约', member_plate: '职工车牌', news_article: '资讯', news_image: '资讯图片',
    park: '园区', site: '园区点位', district: '片区', building: '楼宇', floor: '楼层', unit: '单元', property_contract: '物业合同',
    parking_gate: '停车道闸', parking_lot: '停车场', parking_reservation: '车位预约', parking_right: '停车权益', parking_session: '停车记录', parking_space: '车位', parking_spaces: '车位',
    pass: '通行证', payment: '支付', payment_refund: '退款', policy: '政策', policy_application: '政策申报', property_company: '物业公司', refund: '退款',
    relief_application: '减租申请', relief_programme: '减租方案', rtw_campaign: '复工台账', rtw_flag: '复工异常', rtw_reminder: '复工提醒', rtw_submission: '复工填报',
    service: '服务', service_request: '服务申请', spot_check: '第三方抽查', spot_check_assignment: '抽查委派', spot_check_finding: '抽查问题', spot_check_settings: '抽查设置',
    survey: '满意度调查', survey_reminder: '调查提醒', survey_response: '调查答卷', telemetry_retention: '数据保留', training_session: '培训', training_staff: '培训人员',
    user: '用户', work_order: '工单', work_order_sla: '工单时限', work_order_team: '班组',
  },
  verbs: {
    aborted: '已中止',
    accepted: '已受理', acknowledged: '已确认', action: '已处置', activated: '已启用', add_approver: '加签', added: '已添加', advisor_assigned: '已指派顾问', applied: '已抵扣',
    approve: '审批通过', approved: '已通过', assigned: '已分配', attached: '已关联', bound: '已绑定', cancelled: '已取消', checked_in: '已签到', classified: '已分类', cleared: '已恢复',
    closed: '已关闭', comment: '评论', commented: '已评论', completed: '已完成', computed: '已计算', confirmed: '已确认', copied: '已复制', corrected: '已更正', created: '已创建',
    credentials_revoked: '凭证已吊销', credentials_rotated: '凭证已更换', credited: '已抵扣', deleted: '已删除', dispatched: '已派单', ended: '已终止', enquired: '已咨询',
    escalate: '升级', escalated: '已升级', exit_without_entry: '无入场出场', expired: '已过期', exported: '已导出', failed: '失败', filed: '已提交', followed_up: '已跟进',
    granted: '已发放', in_review: '审核中', invited: '已邀请', issued: '已签发', locked: '已锁定', materials_changed: '材料已更新', missed_exit: '漏记出场', model_trained: '已训练',
    nominated: '已提名', opened: '已开启', overturned: '已撤销', paid: '已支付', password_changed: '密码已修改', pending: '待处理', photo_added: '已添加照片', pinned: '已置顶',
    promoted: '已递补', published: '已发布', raised: '已触发', rated: '已评价', reactivated: '再次触发', recorded: '已记录', refunded: '已退款', reject: '驳回', rejected: '已驳回',
    released: '已释放', remind: '催办', reminder_sent: '已发送提醒', reopened: '已重新打开', repeated: '重复触发', requested: '已申请', reset: '已重置', resolved: '已解决',
    responded: '已回复', resubmit: '重新提交', resubmitted: '已重新提交', results_recorded: '成绩已录入', retried: '已重试', return: '退回', returned: '已退回', revised: '已修改',
    revoked: '已吊销', rotated: '已更换', scheduled: '已定时', seeded: '已生成', sent: '已发送', set: '已设置', stage_changed: '阶段已变更', started: '已开始', submit: '提交',
    submitted: '已提交', succeeded: '成功', suppressed: '已屏蔽', timed_out: '已超时', transfer: '转交', triaged: '已分诊', unexpected: '异常', unlocked: '已解锁', unpinned: '已取消置顶',
    unpublished: '已撤回', updated: '已更新', uploaded: '已上传', verified: '已验收', voided: '已作废', withdraw: '撤回', withdrawn: '已撤回', work_order_opened: '已转工单',
  },
};

export const auditLogEn: Widen<typeof auditLogZh> = {
  action: '{{entity}} {{verb}}',
  record: 'Record',
  idHint: 'ID {{id}}',
  entities: {
    patrol_finding: 'Patrol finding',
    patrol_mission: 'Drone patrol mission',
    alarm: 'Alarm', alarm_rule: 'Alarm rule', alarm_shelf: 'Alarm shelving', api_token: 'API token', approval_case: 'Approval', approval_flow: 'Approval flow',
    bill: 'Bill', bill_credit: 'Bill credit', booking: 'Booking', booking_resource: 'Bookable resource', demo: 'Demo data', device: 'Device', device_command: 'Device command',
    dispatch: 'Dispatch model', dispatch_rule: 'Dispatch rule', enterprise: 'Enterprise', enterprise_vehicle: 'Enterprise vehicle',
    evaluation_appeal: 'Evaluation appeal', evaluation_award: 'Evaluation award', evaluation_awards: 'Award results', evaluation_manual: 'Manual score', evaluation_period: 'Evaluation period',
    evaluation_ranking: 'Evaluation ranking', evaluation_review_task: 'Review task', evaluation_scheme: 'Evaluation scheme', evaluation_warning: 'Evaluation warning', evaluation_warning_rule: 'Warning rule',
    event: 'Event', event_feed: 'Event calendar feed', event_registration: 'Event registration', file: 'File',
    inspection_finding: 'Inspection finding', inspection_route: 'Inspection route', inspection_run: 'Inspection', inspection_schedule: 'Inspection schedule', inspection_settings: 'Inspection settings', inspection_template: 'Inspection template',
    lead: 'Lead', lease: 'Lease', member_plate: 'Member plate', news_article: 'News article', news_image: 'News image',
    park: 'Park', site: 'Site', district: 'District', building: 'Building', floor: 'Floor', unit: 'Unit', property_contract: 'Property contract',
    parking_gate: 'Parking gate', parking_lot: 'Car park', parking_reservation: 'Parking reservation', parking_right: 'Parking right', parking_session: 'Parking session', parking_space: 'Parking space', parking_spaces: 'Parking spaces',
    pass: 'Pass', payment: 'Payment', payment_refund: 'Refund', policy: 'Policy', policy_application: 'Policy application', property_company: 'Property company', refund: 'Refund',
    relief_application: 'Rent-relief application', relief_programme: 'Rent-relief programme', rtw_campaign: 'Return-to-work ledger', rtw_flag: 'Return-to-work flag', rtw_reminder: 'Return-to-work reminder', rtw_submission: 'Return-to-work report',
    service: 'Service', service_request: 'Service request', spot_check: 'Spot check', spot_check_assignment: 'Spot-check assignment', spot_check_finding: 'Spot-check finding', spot_check_settings: 'Spot-check settings',
    survey: 'Survey', survey_reminder: 'Survey reminder', survey_response: 'Survey response', telemetry_retention: 'Data retention', training_session: 'Training session', training_staff: 'Training staff',
    user: 'User', work_order: 'Work order', work_order_sla: 'Work order SLA', work_order_team: 'Team',
  },
  verbs: {
    aborted: 'aborted',
    accepted: 'accepted', acknowledged: 'acknowledged', action: 'acted on', activated: 'activated', add_approver: 'approver added', added: 'added', advisor_assigned: 'advisor assigned', applied: 'applied',
    approve: 'approved', approved: 'approved', assigned: 'assigned', attached: 'attached', bound: 'bound', cancelled: 'cancelled', checked_in: 'checked in', classified: 'classified', cleared: 'cleared',
    closed: 'closed', comment: 'commented', commented: 'commented', completed: 'completed', computed: 'computed', confirmed: 'confirmed', copied: 'copied', corrected: 'corrected', created: 'created',
    credentials_revoked: 'credentials revoked', credentials_rotated: 'credentials rotated', credited: 'credited', deleted: 'deleted', dispatched: 'dispatched', ended: 'ended', enquired: 'enquiry sent',
    escalate: 'escalated', escalated: 'escalated', exit_without_entry: 'exit without entry', expired: 'expired', exported: 'exported', failed: 'failed', filed: 'filed', followed_up: 'followed up',
    granted: 'granted', in_review: 'in review', invited: 'invited', issued: 'issued', locked: 'locked', materials_changed: 'materials changed', missed_exit: 'exit missed', model_trained: 'trained',
    nominated: 'nominated', opened: 'opened', overturned: 'overturned', paid: 'paid', password_changed: 'password changed', pending: 'pending', photo_added: 'photo added', pinned: 'pinned',
    promoted: 'moved up from waitlist', published: 'published', raised: 'raised', rated: 'rated', reactivated: 'reactivated', recorded: 'recorded', refunded: 'refunded', reject: 'rejected', rejected: 'rejected',
    released: 'released', remind: 'reminder sent', reminder_sent: 'reminder sent', reopened: 'reopened', repeated: 'repeated', requested: 'requested', reset: 'reset', resolved: 'resolved',
    responded: 'responded', resubmit: 'resubmitted', resubmitted: 'resubmitted', results_recorded: 'results recorded', retried: 'retried', return: 'returned', returned: 'returned', revised: 'revised',
    revoked: 'revoked', rotated: 'rotated', scheduled: 'scheduled', seeded: 'seeded', sent: 'sent', set: 'set', stage_changed: 'stage changed', started: 'started', submit: 'submitted',
    submitted: 'submitted', succeeded: 'succeeded', suppressed: 'suppressed', timed_out: 'timed out', transfer: 'transferred', triaged: 'triaged', unexpected: 'unexpected', unlocked: 'unlocked', unpinned: 'unpinned',
    unpublished: 'unpublished', updated: 'updated', uploaded: 'uploaded', verified: 'verified', voided: 'voided', withdraw: 'withdrawn', withdrawn: 'withdrawn', work_order_opened: 'turned into a work order',
  },
};
