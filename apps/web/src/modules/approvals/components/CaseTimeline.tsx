import { Card, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime, formatFen } from '../../../lib/format';
import { VerifyEntryButton } from '../../ledger/components/VerifyEntryButton';
import type { CaseDetail, CaseTask, TaskStatus } from '../api/approvals.api';
import { localName } from '../utils/names';

const TASK_COLORS: Record<TaskStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning', transferred: 'default', escalated: 'orange', cancelled: 'default' };

/** A step's condition in words: a known field by its name, money (fields in fen) in yuan. */
function conditionWords(c: NonNullable<CaseDetail['steps'][number]['condition']>, t: TFunction) {
  const money = c.field.endsWith('Fen');
  const one = (v: unknown) => (money && typeof v === 'number' ? `¥${formatFen(v)}` : String(v));
  return { field: t(`approvals.conditionFields.${c.field}`, { defaultValue: c.field }), op: t(`approvals.ops.${c.op}`), value: Array.isArray(c.value) ? c.value.map(one).join(', ') : one(c.value) };
}

/** The latest round's tasks of a step (earlier rounds are history, shown in the timeline below). */
function latestTasks(tasks: CaseTask[], stepIndex: number): CaseTask[] {
  const ofStep = tasks.filter((t) => t.stepIndex === stepIndex);
  const round = Math.max(0, ...ofStep.map((t) => t.round));
  return ofStep.filter((t) => t.round === round);
}

/**
 * A case's steps (who holds each, in which mode) and its history: who did what, when, with
 * comments; each entry has the ledger's verify button when the viewer may read the audit log.
 */
export function CaseTimeline({ detail, canVerify }: { detail: CaseDetail; canVerify: boolean }) {
  const { t, i18n } = useTranslation();
  const stepStatus = (index: number) => {
    if (detail.currentStep === index) return 'process' as const;
    const tasks = latestTasks(detail.tasks, index);
    if (tasks.some((x) => x.status === 'rejected')) return 'error' as const;
    if (tasks.some((x) => x.status === 'approved') && !tasks.some((x) => x.status === 'pending')) return 'finish' as const;
    return 'wait' as const;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('approvals.case.steps')}>
        <Steps
          direction="vertical"
          size="small"
          current={detail.currentStep ?? -1}
          items={detail.steps.map((step, index) => {
            const tasks = latestTasks(detail.tasks, index);
            return {
              status: stepStatus(index),
              title: (
                <span data-testid={`case-step-${index}`}>
                  {localName(step, i18n.language)} <Tag>{t(`approvals.modes.${step.mode}`)}</Tag>
                </span>
              ),
              description: (
                <Space direction="vertical" size={2}>
                  {step.condition && (
                    <Typography.Text type="secondary">
                      {t('approvals.case.onlyWhen', { ...conditionWords(step.condition, t), interpolation: { escapeValue: false } })}
                    </Typography.Text>
                  )}
                  {tasks.length > 0 && (
                    <Space wrap size={4}>
                      {tasks.map((task) => (
                        <Tag key={task.id} color={TASK_COLORS[task.status]} data-testid={`case-task-${task.assignee.displayName}`}>
                          {task.assignee.displayName} · {t(`approvals.taskStatus.${task.status}`)}
                          {task.dueAt && task.status === 'pending' ? ` · ${t('approvals.case.due', { at: formatDateTime(task.dueAt) })}` : ''}
                        </Tag>
                      ))}
                    </Space>
                  )}
                </Space>
              ),
            };
          })}
        />
      </Card>
      <Card size="small" title={t('approvals.case.history')}>
        <Timeline
          items={detail.actions.map((a) => ({
            color: a.type === 'reject' ? 'red' : a.type === 'approve' ? 'green' : a.type === 'return' ? 'orange' : 'blue',
            children: (
              <div data-testid={`case-action-${a.type}`}>
                <Space wrap size={6}>
                  <Typography.Text strong>{a.actor?.displayName ?? t('approvals.case.system')}</Typography.Text>
                  <span>{t(`approvals.actionTypes.${a.type}`)}</span>
                  {a.targetUser && <span>→ {a.targetUser.displayName}</span>}
                  {a.type === 'return' && <span>→ {a.toStep === null ? t('approvals.case.toApplicant') : localName(detail.steps[a.toStep], i18n.language)}</span>}
                  {a.stepIndex !== null && detail.steps[a.stepIndex] && <Tag>{localName(detail.steps[a.stepIndex], i18n.language)}</Tag>}
                  <Typography.Text type="secondary">{formatDateTime(a.createdAt)}</Typography.Text>
                  {canVerify && <VerifyEntryButton auditId={a.auditId} />}
                </Space>
                {a.comment && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{a.comment}</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
