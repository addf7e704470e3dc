/**
 * In-app notification kinds (站内通知). The server stores a kind and the values the sentence needs
 * (`params`), never the sentence: the web app words each kind in the reader's language, so a
 * notification kept for months reads in whichever language its reader picks today.
 */
export const NOTIFICATION_KINDS = [
  'alarm.escalated',
  'work_order.escalated',
  'work_order.urged',
  'event.reminder',
  'approval.task_assigned',
  'approval.reminder',
  'approval.overdue',
  'approval.escalated',
  'approval.decided',
  'service.request_approved',
  'service.request_completed',
  'policy.enquiry',
  'policy.advisor_assigned',
  'policy.comment',
  'policy.deadline',
  'rtw.reminder',
  'spot_check.recorded',
  'spot_check.responded',
  'spot_check.rejected',
  'survey.reminder',
  'evaluation.warning',
  'evaluation.review_task',
  'enterprise.join_requested',
  'enterprise.join_decided',
  'bill.issued',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Values a notification's sentence is made from: names, numbers, ISO instants and codes. */
export type NotificationParams = Record<string, string | number | boolean | null>;
