import type { i18n as I18n } from 'i18next';

/** What the wording needs of i18next: look a key up without recording a miss for old codes. */
type Texts = Pick<I18n, 't' | 'exists'>;

/** The i18n key of an audit entity code: `evaluation.appeal` → `evaluation_appeal` (a dot would nest the key). */
export function entityKey(entityType: string): string {
  return entityType.replace(/\./g, '_');
}

/** Splits `<entity>.<verb>` at the last dot: `evaluation.appeal.filed` → [`evaluation.appeal`, `filed`]. */
export function splitAuditAction(action: string): [entity: string, verb: string] {
  const i = action.lastIndexOf('.');
  return i < 0 ? [action, ''] : [action.slice(0, i), action.slice(i + 1)];
}

/** The name of a kind of record, e.g. `work_order` → 工单 / Work order; an unknown kind is shown as stored. */
export function auditEntityText(i18n: Texts, entityType: string): string {
  const key = `auditLog.entities.${entityKey(entityType)}`;
  return i18n.exists(key) ? i18n.t(key as 'auditLog.entities.work_order') : entityType;
}

/**
 * An action as people read it: `work_order.created` → 工单已创建 / Work order created. Codes no
 * longer written (old rows) fall back to the stored code rather than a half sentence.
 */
export function auditActionText(i18n: Texts, action: string): string {
  const [entity, verb] = splitAuditAction(action);
  const entityKeyPath = `auditLog.entities.${entityKey(entity)}`;
  const verbKeyPath = `auditLog.verbs.${verb}`;
  if (!i18n.exists(entityKeyPath) || !i18n.exists(verbKeyPath)) return action;
  return i18n.t('auditLog.action', { entity: i18n.t(entityKeyPath as 'auditLog.entities.work_order'), verb: i18n.t(verbKeyPath as 'auditLog.verbs.created') });
}
