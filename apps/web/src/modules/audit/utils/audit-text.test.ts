import i18next from 'i18next';
import { AUDIT_ACTIONS } from '@parkos/contracts';
import { describe, expect, test } from 'vitest';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { i18nOptions } from '../../../i18n';
import { auditActionText, entityKey, splitAuditAction } from './audit-text';

describe('audit action wording', () => {
  test.each([
    ['en', en],
    ['zh-CN', zhCN],
  ] as const)('every action the server writes has an entity and a verb in %s', (_lang, messages) => {
    const entities = messages.auditLog.entities as Record<string, string>;
    const verbs = messages.auditLog.verbs as Record<string, string>;
    const missing = AUDIT_ACTIONS.filter((a) => {
      const [entity, verb] = splitAuditAction(a);
      return !entities[entityKey(entity)] || !verbs[verb];
    });
    expect(missing).toEqual([]);
  });

  test('an action reads as a sentence in each language, and an unknown code stays as stored', async () => {
    const zh = i18next.createInstance();
    await zh.init(i18nOptions('zh-CN'));
    const english = i18next.createInstance();
    await english.init(i18nOptions('en'));
    expect(auditActionText(zh, 'work_order.created')).toBe('工单已创建');
    expect(auditActionText(english, 'event_registration.checked_in')).toBe('Event registration checked in');
    expect(auditActionText(english, 'evaluation.appeal.filed')).toBe('Evaluation appeal filed');
    expect(auditActionText(english, 'pass.issued')).toBe('Pass issued');
    expect(auditActionText(english, 'gizmo.frobbed')).toBe('gizmo.frobbed');
  });
});
