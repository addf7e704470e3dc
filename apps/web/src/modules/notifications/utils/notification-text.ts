import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { alarmCodeText } from '../../../lib/coded-text';
import type { AppNotification } from '../api/notifications.api';

export interface NotificationText {
  title: string;
  body: string | null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Notification values are scalars: an alarm's message values travel as JSON text. */
function parseParams(v: unknown): Record<string, unknown> | null {
  if (typeof v !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(v);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Words a notification in the reader's language from its kind and stored values. Values that are
 * codes (a severity, an approval status, a deadline kind) are translated too; instants are shown
 * in the reader's format. A notification stored before kinds carried values keeps its old sentence.
 */
export function notificationText(n: Pick<AppNotification, 'kind' | 'params' | 'title' | 'body'>, t: TFunction, language: string): NotificationText {
  const p = n.params ?? {};
  const hasWording = t(`notifications.kinds.${n.kind}.title`, { defaultValue: '' }) !== '';
  if (!hasWording || Object.keys(p).length === 0) {
    if (n.title) return { title: n.title, body: n.body };
    if (!hasWording)
      return {
        title: t('notifications.unknown', { kind: n.kind }),
        body: null,
      };
  }
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) values[k] = typeof v === 'string' && ISO_INSTANT.test(v) ? formatDateTime(v) : (v ?? '—');
  let key = n.kind;
  switch (n.kind) {
    case 'alarm.escalated':
      values.severity = t(`ioc.severity.${String(p.severity)}`, {
        defaultValue: String(p.severity),
      });
      // The alarm's message in the reader's language when it carries a code (else the stored text).
      values.message = alarmCodeText(typeof p.messageCode === 'string' ? p.messageCode : null, parseParams(p.messageParams)) ?? values.message;
      break;
    case 'work_order.escalated':
      values.deadline = t(`notifications.deadlines.${String(p.deadline)}`);
      break;
    case 'approval.decided':
      values.status = t(`approvals.status.${String(p.status)}`, {
        defaultValue: String(p.status),
      });
      break;
    case 'service.request_approved':
    case 'service.request_completed':
      values.service = language.startsWith('zh') ? p.serviceZh : p.serviceEn;
      break;
    case 'policy.advisor_assigned':
      if (p.to === 'applicant') key = 'policy.advisor_assigned_applicant';
      break;
    case 'bill.issued':
      values.amount = (Number(p.amountFen) / 100).toFixed(2);
      values.dueDate = formatDate(String(p.dueDate));
      break;
    case 'enterprise.join_decided':
      if (p.approved === false) key = 'enterprise.join_rejected';
      break;
    case 'rtw.reminder':
      values.period = formatDate(String(p.period));
      break;
  }
  // Names come from users (a policy's title, an event's name): shown as written, never as markup.
  const opts = { ...values, interpolation: { escapeValue: false } };
  const body = t(`notifications.kinds.${key}.body`, opts);
  return {
    title: t(`notifications.kinds.${key}.title`, opts),
    body: body || null,
  };
}
