/**
 * Every action the server writes to the audit log (审计日志), as `<entity>.<verb>`. The audit
 * service accepts only these (its `action` is typed {@link AuditAction}), and the web app has
 * wording for each in zh-CN and English (a unit test checks both), so no user reads a raw code.
 */
export const AUDIT_ACTION_VERBS = {
  patrol_mission: ['created', 'started', 'completed', 'aborted'],
  patrol_finding: ['work_order_opened'],
  join_request: ['created', 'approved', 'rejected'],
  member: ['disabled', 'enabled', 'roles_changed'],
  invitation: ['created', 'revoked', 'accepted'],
  alarm: ['raised', 'repeated', 'reactivated', 'acknowledged', 'assigned', 'commented', 'cleared', 'closed', 'escalated', 'suppressed', 'action'],
  alarm_rule: ['created', 'updated', 'deleted'],
  alarm_shelf: ['created', 'cancelled'],
  api_token: ['created', 'revoked'],
  approval_case: ['submit', 'approve', 'reject', 'return', 'resubmit', 'withdraw', 'transfer', 'add_approver', 'comment', 'remind', 'escalate'],
  approval_flow: ['created', 'updated'],
  bill: ['created', 'credited', 'paid', 'refunded', 'voided'],
  bill_credit: ['applied', 'pending', 'released'],
  booking: ['created', 'confirmed', 'cancelled', 'rejected'],
  booking_resource: ['created', 'updated'],
  demo: ['seeded'],
  device: ['created', 'updated', 'deleted', 'credentials_rotated', 'credentials_revoked'],
  device_command: ['issued', 'sent', 'acknowledged', 'failed', 'timed_out', 'pending'],
  dispatch: ['model_trained'],
  dispatch_rule: ['created', 'updated'],
  enterprise: ['created', 'updated'],
  enterprise_vehicle: ['created', 'deleted'],
  'evaluation.appeal': ['filed', 'in_review', 'returned', 'approved', 'rejected', 'withdrawn'],
  'evaluation.award': ['nominated', 'in_review', 'returned', 'approved', 'rejected', 'withdrawn'],
  'evaluation.awards': ['published'],
  'evaluation.manual': ['set'],
  'evaluation.period': ['opened', 'computed', 'closed'],
  'evaluation.ranking': ['published', 'unpublished'],
  'evaluation.review_task': ['closed'],
  'evaluation.scheme': ['created', 'updated', 'activated'],
  'evaluation.warning': ['raised'],
  'evaluation.warning_rule': ['set'],
  event: ['created', 'updated', 'cancelled'],
  event_feed: ['created', 'rotated'],
  event_registration: ['created', 'approved', 'rejected', 'cancelled', 'checked_in', 'promoted'],
  file: ['uploaded', 'attached', 'copied', 'expired'],
  inspection_finding: ['voided', 'work_order_opened'],
  inspection_route: ['created', 'updated'],
  inspection_run: ['submitted'],
  inspection_schedule: ['created', 'updated'],
  inspection_settings: ['updated'],
  inspection_template: ['created', 'updated'],
  lead: ['created', 'updated', 'deleted', 'stage_changed'],
  lease: ['created', 'ended', 'drafted', 'confirmed'],
  member_plate: ['created', 'deleted'],
  news_article: ['created', 'updated', 'scheduled', 'published', 'unpublished', 'pinned', 'unpinned'],
  news_image: ['uploaded'],
  park: ['created', 'updated', 'deleted'],
  site: ['created', 'updated', 'deleted'],
  district: ['created', 'updated', 'deleted'],
  building: ['created', 'updated', 'deleted'],
  floor: ['created', 'updated', 'deleted'],
  unit: ['created', 'updated', 'deleted'],
  property_contract: ['created', 'updated', 'deleted'],
  parking_gate: ['bound'],
  parking_lot: ['created', 'updated'],
  parking_reservation: ['created', 'cancelled'],
  parking_right: ['created'],
  parking_session: ['opened', 'closed', 'missed_exit', 'exit_without_entry'],
  parking_space: ['assigned', 'released'],
  parking_spaces: ['added'],
  pass: ['issued', 'invited', 'revoked'],
  payment: ['created', 'succeeded', 'failed', 'closed', 'refunded', 'unexpected'],
  payment_refund: ['requested', 'failed', 'retried'],
  policy: ['created', 'updated', 'published', 'closed', 'reminder_sent'],
  policy_application: ['submitted', 'withdrawn', 'commented', 'enquired', 'advisor_assigned', 'materials_changed', 'approved', 'rejected', 'returned', 'resubmitted'],
  property_company: ['created', 'updated'],
  refund: ['succeeded'],
  relief_application: ['submitted', 'approved', 'rejected', 'withdrawn', 'returned', 'resubmitted'],
  relief_programme: ['created', 'updated', 'granted'],
  rtw_campaign: ['created', 'updated', 'closed', 'exported'],
  rtw_flag: ['followed_up'],
  rtw_reminder: ['sent'],
  rtw_submission: ['created', 'revised'],
  service: ['created', 'updated'],
  service_request: ['submitted', 'accepted', 'completed', 'corrected', 'rated', 'approved', 'rejected', 'withdrawn', 'returned', 'resubmitted'],
  spot_check: ['recorded'],
  spot_check_assignment: ['created', 'deleted'],
  spot_check_finding: ['created', 'responded', 'accepted', 'rejected', 'overturned'],
  spot_check_settings: ['updated'],
  survey: ['created', 'updated', 'opened', 'closed', 'exported'],
  survey_reminder: ['sent'],
  survey_response: ['created'],
  telemetry_retention: ['updated', 'reset'],
  training_session: ['created', 'results_recorded'],
  training_staff: ['created', 'updated'],
  user: ['created', 'updated', 'locked', 'unlocked', 'password_changed'],
  work_order: ['created', 'classified', 'triaged', 'dispatched', 'accepted', 'started', 'resolved', 'verified', 'closed', 'reopened', 'commented', 'photo_added', 'rated', 'escalated', 'urged', 'cancelled'],
  work_order_sla: ['set'],
  work_order_team: ['created', 'updated'],
} as const;

type Verbs = typeof AUDIT_ACTION_VERBS;
/** One audit action code, e.g. `work_order.created`. */
export type AuditAction = { [E in keyof Verbs]: `${E}.${Verbs[E][number]}` }[keyof Verbs];

/** The verbs of one entity, e.g. `AuditVerbOf<'service_request'>`. */
export type AuditVerbOf<E extends keyof Verbs> = Verbs[E][number];

/** Every audit action code, in the order above. */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.entries(AUDIT_ACTION_VERBS).flatMap(([entity, verbs]) => verbs.map((v) => `${entity}.${v}` as AuditAction));

/** Whether a stored string is a known action (old rows may hold codes no longer written). */
export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
