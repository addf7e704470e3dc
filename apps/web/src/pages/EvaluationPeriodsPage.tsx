import type { EvalIndicator, EvalSubjectKind } from '@parkos/contracts';
import { App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';
import { errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Period } from '../modules/evaluation/api/evaluation.api';
import { useClosePeriod, useComputePeriod, useManual, useOpenPeriod, usePeriods, usePublishRanking, useRanking, useSchemes, useSetManual } from '../modules/evaluation/hooks/useEvaluation';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const manualLeaves = (list: EvalIndicator[]): EvalIndicator[] => list.flatMap((i) => (i.children?.length ? manualLeaves(i.children) : i.source?.kind === 'manual' ? [i] : []));

/** Operators open a period of an active scheme. */
function OpenPeriodCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schemes = useSchemes();
  const open = useOpenPeriod();
  const [schemeId, setSchemeId] = useState<string>();
  const [label, setLabel] = useState('');
  const active = (schemes.data ?? []).filter((s) => s.status === 'active');
  const kind = active.find((s) => s.id === schemeId)?.periodKind ?? 'month';
  return (
    <Card size="small" title={t('evaluation.periods.open')} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap="wrap">
        <Select style={{ minWidth: 220, flex: '1 1 220px' }} placeholder={t('evaluation.periods.scheme')} value={schemeId} onChange={setSchemeId} options={active.map((s) => ({ value: s.id, label: `${s.name} · ${t('evaluation.schemes.version', { version: s.version })}` }))} data-testid="eval-period-scheme" />
        <Input style={{ width: 160 }} placeholder={t(`evaluation.periods.labelHint.${kind}`)} value={label} onChange={(e) => setLabel(e.target.value)} data-testid="eval-period-label" />
        <Button
          type="primary"
          disabled={!schemeId || !label.trim()}
          loading={open.isPending}
          onClick={() => open.mutate({ schemeId: schemeId!, label: label.trim() }, { onSuccess: () => { setLabel(''); void message.success(t('evaluation.periods.opened')); }, onError: (e) => void message.error(errorMessage(e)) })}
          data-testid="eval-period-open"
        >
          {t('evaluation.periods.open')}
        </Button>
      </Flex>
    </Card>
  );
}

/** Manual scores (人工评定) of a period, each with its required note. */
function ManualDrawer({ period, onClose }: { period: Period; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schemes = useSchemes();
  const ranking = useRanking(period.id);
  const entries = useManual(period.id);
  const save = useSetManual();
  const [form] = Form.useForm<{ indicatorKey: string; subject: string; score: number; note: string }>();
  const leaves = manualLeaves(schemes.data?.find((s) => s.id === period.schemeId)?.indicators ?? []);
  const subjects = [...(ranking.data?.companies ?? []).map((c) => ({ value: `company:${c.subjectId}`, label: `${t('evaluation.subjectKinds.company')} · ${c.name}` })), ...(ranking.data?.districts ?? []).map((d) => ({ value: `district:${d.subjectId}`, label: `${t('evaluation.subjectKinds.district')} · ${d.name}` }))];
  const nameOf = (kind: string, id: string) => subjects.find((s) => s.value === `${kind}:${id}`)?.label ?? id;
  return (
    <Drawer open title={`${t('evaluation.manual.title')} · ${period.label}`} onClose={onClose} width={Math.min(560, window.innerWidth)}>
      {leaves.length === 0 ? (
        t('evaluation.manual.noLeaves')
      ) : (
        <Form
          form={form}
          layout="vertical"
          disabled={period.status === 'closed'}
          onFinish={(v) => {
            const [kind, id] = v.subject.split(':');
            save.mutate({ id: period.id, input: { indicatorKey: v.indicatorKey, subjectKind: kind as EvalSubjectKind, subjectId: id, score: v.score, note: v.note } }, { onSuccess: () => { form.resetFields(); void message.success(t('evaluation.manual.saved')); }, onError: (e) => void message.error(errorMessage(e)) });
          }}
        >
          <Form.Item name="indicatorKey" label={t('evaluation.manual.indicator')} rules={[{ required: true, message: t('common.required', { field: t('evaluation.manual.indicator') }) }]}>
            <Select options={leaves.map((l) => ({ value: l.key, label: l.name }))} />
          </Form.Item>
          <Form.Item name="subject" label={t('evaluation.manual.subject')} rules={[{ required: true, message: t('common.required', { field: t('evaluation.manual.subject') }) }]}>
            <Select options={subjects} />
          </Form.Item>
          <Form.Item name="score" label={t('evaluation.manual.score')} rules={[{ required: true, message: t('common.required', { field: t('evaluation.manual.score') }) }]}>
            <InputNumber min={0} max={100} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label={t('evaluation.manual.note')} rules={[{ required: true, whitespace: true, message: t('evaluation.manual.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={entries.data ?? []}
        columns={[
          { title: t('evaluation.manual.indicator'), dataIndex: 'indicatorKey', render: (k: string) => leaves.find((l) => l.key === k)?.name ?? k },
          { title: t('evaluation.manual.subject'), render: (_, e) => nameOf(e.subjectKind, e.subjectId) },
          { title: t('evaluation.manual.score'), dataIndex: 'score', align: 'right' },
          { title: t('evaluation.manual.note'), dataIndex: 'note' },
        ]}
      />
    </Drawer>
  );
}

/** Evaluation periods: operators open, compute, close (freeze) and publish; property staff open their rankings. */
export function EvaluationPeriodsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const periods = usePeriods();
  const compute = useComputePeriod();
  const close = useClosePeriod();
  const publish = usePublishRanking();
  const [manualFor, setManualFor] = useState<Period | null>(null);
  const done = (key: string) => ({ onSuccess: () => void message.success(t(key)), onError: (e: unknown) => void message.error(errorMessage(e)) });
  return (
    <div>
      <PageHeader title={t('evaluation.periods.title')} subtitle={t('evaluation.periods.subtitle')} />
      {permissions.isOperator && <OpenPeriodCard />}
      <QueryBoundary query={periods}>
        {(rows) => (
          <Card styles={{ body: { padding: 0 } }}>
            <Table<Period>
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('evaluation.periods.empty') }}
              columns={[
                { title: t('evaluation.periods.label'), dataIndex: 'label', render: (v: string, p) => <Link to={`/evaluation/periods/${p.id}`} data-testid={`eval-period-link-${p.label}`}>{v}</Link> },
                { title: t('evaluation.periods.scheme'), dataIndex: 'schemeName' },
                { title: t('evaluation.periods.status'), render: (_, p) => (
                  <Space size={4} wrap>
                    <Tag color={p.status === 'open' ? 'blue' : undefined} data-testid={`eval-period-status-${p.label}`}>{t(`evaluation.periodStatus.${p.status}`)}</Tag>
                    {p.rankingPublished && <Tag color="green">{t('evaluation.periods.publishedTag')}</Tag>}
                  </Space>
                ) },
                { title: t('evaluation.periods.computedAt'), dataIndex: 'computedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('evaluation.periods.neverComputed')) },
                {
                  title: '',
                  render: (_, p) => (
                    <Space wrap>
                      <Link to={`/evaluation/periods/${p.id}`}>{t('evaluation.periods.ranking')}</Link>
                      {p.canManage && p.status === 'open' && (
                        <Button size="small" loading={compute.isPending && compute.variables === p.id} onClick={() => compute.mutate(p.id, done('evaluation.periods.computed'))} data-testid={`eval-period-compute-${p.label}`}>
                          {t('evaluation.periods.compute')}
                        </Button>
                      )}
                      {p.canManage && <Button size="small" onClick={() => setManualFor(p)}>{t('evaluation.periods.manual')}</Button>}
                      {p.canManage && p.status === 'open' && (
                        <Popconfirm title={t('evaluation.periods.closeConfirm')} onConfirm={() => close.mutate(p.id, done('evaluation.periods.closed'))} okButtonProps={{ 'data-testid': 'eval-period-close-confirm' } as never}>
                          <Button size="small" danger data-testid={`eval-period-close-${p.label}`}>
                            {t('evaluation.periods.close')}
                          </Button>
                        </Popconfirm>
                      )}
                      {p.canManage && (
                        <Button size="small" onClick={() => publish.mutate({ id: p.id, published: !p.rankingPublished }, done(p.rankingPublished ? 'evaluation.periods.unpublished' : 'evaluation.periods.published'))} data-testid={`eval-period-publish-${p.label}`}>
                          {t(p.rankingPublished ? 'evaluation.periods.unpublish' : 'evaluation.periods.publish')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryBoundary>
      {manualFor && <ManualDrawer period={manualFor} onClose={() => setManualFor(null)} />}
    </div>
  );
}
