import { App, Button, Card, Flex, Form, Input, InputNumber, List, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import type { ReviewDecision, ReviewTask, Warning, WarningMode } from '../modules/evaluation/api/outcomes.api';
import { useCloseReviewTask, useReviewTasks, useSetRule, useWarningRule, useWarnings } from '../modules/evaluation/hooks/useOutcomes';
import { useParks } from '../modules/parks/hooks/useParks';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

function RuleCard({ parkId }: { parkId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rule = useWarningRule(parkId);
  const save = useSetRule();
  const [mode, setMode] = useState<WarningMode>();
  const [threshold, setThreshold] = useState<number | null>();
  const [consecutive, setConsecutive] = useState<number>();
  const m = mode ?? rule.data?.mode ?? 'last_place';
  return (
    <Card title={t('evaluationOutcomes.warnings.rule')} size="small">
      <Flex gap={12} wrap="wrap" align="end">
        <Form.Item label={t('evaluationOutcomes.warnings.ruleMode')} style={{ marginBottom: 0 }}>
          <Select style={{ width: 180 }} value={m} onChange={setMode} options={(['last_place', 'below_threshold'] as const).map((k) => ({ value: k, label: t(`evaluationOutcomes.warnings.modes.${k}`) }))} />
        </Form.Item>
        {m === 'below_threshold' && (
          <Form.Item label={t('evaluationOutcomes.warnings.threshold')} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={100} value={threshold ?? rule.data?.threshold ?? 80} onChange={(v) => setThreshold(v)} />
          </Form.Item>
        )}
        <Form.Item label={t('evaluationOutcomes.warnings.consecutive')} style={{ marginBottom: 0 }}>
          <InputNumber min={1} max={12} value={consecutive ?? rule.data?.consecutive ?? 2} onChange={(v) => setConsecutive(v ?? 2)} />
        </Form.Item>
        <Button
          loading={save.isPending}
          onClick={() =>
            save
              .mutateAsync({ parkId, input: { mode: m, threshold: m === 'below_threshold' ? (threshold ?? rule.data?.threshold ?? 80) : null, consecutive: consecutive ?? rule.data?.consecutive ?? 2 } })
              .then(() => void message.success(t('evaluationOutcomes.warnings.ruleSaved')))
              .catch((e) => void message.error(errorMessage(e)))
          }
        >
          {t('evaluationOutcomes.warnings.saveRule')}
        </Button>
      </Flex>
    </Card>
  );
}

function CloseTaskModal({ task, onClose }: { task: ReviewTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: ReviewDecision; note: string }>();
  const close = useCloseReviewTask();
  return (
    <Modal
      open={!!task}
      title={task ? t('evaluationOutcomes.warnings.closeTitle', { company: task.companyName }) : ''}
      onCancel={onClose}
      confirmLoading={close.isPending}
      okButtonProps={{ 'data-testid': 'eo-task-submit' } as never}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await close.mutateAsync({ id: task!.id, input: v });
          void message.success(t('evaluationOutcomes.warnings.closed'));
          onClose();
        } catch (e) {
          void message.error(errorMessage(e));
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="decision" label={t('evaluationOutcomes.warnings.decision')} rules={[{ required: true }]}>
          <Select data-testid="eo-task-decision" options={(['keep', 'improve_plan', 'terminate_at_end'] as const).map((k) => ({ value: k, label: t(`evaluationOutcomes.warnings.decisions.${k}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('evaluationOutcomes.warnings.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea data-testid="eo-task-note" rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Bottom warnings (operators and the warned company) and, for operators, the rule and the contract-review tasks. */
export function EvaluationWarningsPage() {
  const { t, i18n } = useTranslation();
  const { permissions } = useSession();
  const isOperator = permissions.isOperator;
  const warnings = useWarnings();
  const tasks = useReviewTasks(isOperator);
  const parks = useParks();
  const [closing, setClosing] = useState<ReviewTask | null>(null);
  const periodsText = (ps: Warning['periods']) => ps.map((p) => t('evaluationOutcomes.warnings.periodRank', { ...p, total: fmt(p.total) })).join('；');
  return (
    <div>
      <PageHeader title={t('evaluationOutcomes.warnings.title')} subtitle={t('evaluationOutcomes.warnings.subtitle')} />
      <Flex vertical gap={16}>
        {isOperator && parks.data?.length ? <RuleCard parkId={parks.data[0].id} /> : null}
        {isOperator && (
          <Card title={t('evaluationOutcomes.warnings.tasks')} styles={{ body: { padding: 0 } }}>
            <QueryBoundary query={tasks}>
              {(rows) => (
                <List
                  dataSource={rows}
                  locale={{ emptyText: t('evaluationOutcomes.warnings.tasksEmpty') }}
                  renderItem={(task) => (
                    <List.Item
                      style={{ padding: '12px 16px' }}
                      data-testid={`eo-task-${task.propertyCompanyId}`}
                      actions={task.status === 'open' ? [<Button key="close" type="primary" size="small" data-testid="eo-task-close" onClick={() => setClosing(task)}>{t('evaluationOutcomes.warnings.close')}</Button>] : []}
                    >
                      <List.Item.Meta
                        title={
                          <Flex gap={8} wrap="wrap" align="center">
                            <span>{task.companyName}</span>
                            <Tag color={task.status === 'open' ? 'orange' : 'default'}>{t(`evaluationOutcomes.warnings.taskStatus.${task.status}`)}</Tag>
                            {task.decision && <Tag color="blue">{t(`evaluationOutcomes.warnings.decisions.${task.decision}`)}</Tag>}
                          </Flex>
                        }
                        description={
                          <Flex vertical gap={2}>
                            <Typography.Text type="secondary">{periodsText(task.periods)}</Typography.Text>
                            {task.note && <Typography.Text>{task.note}</Typography.Text>}
                          </Flex>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </QueryBoundary>
          </Card>
        )}
        <Card title={t('evaluationOutcomes.warnings.title')} styles={{ body: { padding: 0 } }}>
          <QueryBoundary query={warnings}>
            {(rows) => (
              <Table<Warning>
                rowKey="id"
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('evaluationOutcomes.warnings.empty') }}
                onRow={(r) => ({ 'data-testid': `eo-warning-${r.propertyCompanyId}` }) as never}
                columns={[
                  { title: t('evaluationOutcomes.warnings.company'), dataIndex: 'companyName', render: (v: string) => <Flex gap={6}><Tag color="red">{t('evaluationOutcomes.warnings.warned')}</Tag>{v}</Flex> },
                  { title: t('evaluationOutcomes.warnings.ruleMode'), render: (_, r) => t('evaluationOutcomes.warnings.ruleText', { mode: t(`evaluationOutcomes.warnings.modes.${r.mode}`), consecutive: r.consecutive }) },
                  { title: t('evaluationOutcomes.warnings.periods'), render: (_, r) => periodsText(r.periods) },
                  { title: t('evaluationOutcomes.warnings.raised'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleDateString(i18n.language) },
                ]}
              />
            )}
          </QueryBoundary>
        </Card>
      </Flex>
      <CloseTaskModal task={closing} onClose={() => setClosing(null)} />
    </div>
  );
}
