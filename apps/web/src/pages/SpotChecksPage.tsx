import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../lib/format';
import { applyFieldErrors, errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import { useParks } from '../modules/parks/hooks/useParks';
import type { OverviewRow, SpotCheck } from '../modules/spotchecks/api/spotchecks.api';
import { FindingStatusTag, SeverityTag } from '../modules/spotchecks/components/SpotTags';
import { useChecks, useOverview, useSettings, useUpdateSettings } from '../modules/spotchecks/hooks/useSpotChecks';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Operators: the overview by district and the deduction points; inspectors: their checks and a button to record one. */
export function SpotChecksPage() {
  const { t } = useTranslation();
  const { permissions: p } = useSession();
  return (
    <div>
      <PageHeader
        title={t('spotChecks.checks.title')}
        subtitle={t('spotChecks.checks.subtitle')}
        extra={
          p.isInspector && (
            <Link to="/spot-checks/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="spot-record">
                {t('spotChecks.nav.record')}
              </Button>
            </Link>
          )
        }
      />
      {p.isOperator ? <OperatorOverview /> : <CheckList />}
    </div>
  );
}

function OperatorOverview() {
  const { t } = useTranslation();
  const parks = useParks();
  const [chosenParkId, setParkId] = useState<string>();
  // The first park in scope until the user picks another.
  const parkId = chosenParkId ?? parks.data?.[0]?.id;
  const overview = useOverview(parkId);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {(parks.data?.length ?? 0) > 1 && <Select style={{ minWidth: 220 }} value={parkId} onChange={setParkId} options={parks.data?.map((x) => ({ value: x.id, label: x.name }))} aria-label={t('spotChecks.fields.park')} />}
      <Card title={t('spotChecks.overview.title')} extra={<Typography.Text type="secondary">{t('spotChecks.overview.subtitle')}</Typography.Text>} styles={{ body: { padding: 0 } }}>
        <QueryBoundary query={overview} isCard={false}>
          {(rows) => (
            <Table<OverviewRow>
              rowKey="districtId"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="spot-overview"
              columns={[
                { title: t('spotChecks.fields.district'), dataIndex: 'districtName', fixed: 'left' },
                { title: t('spotChecks.fields.company'), dataIndex: 'propertyCompanyName', render: (v: string | null) => v ?? '—' },
                { title: t('spotChecks.overview.checks'), dataIndex: 'checks', align: 'right' },
                { title: t('spotChecks.overview.findings'), dataIndex: 'findings', align: 'right' },
                { title: t('spotChecks.overview.open'), dataIndex: 'open', align: 'right' },
                { title: t('spotChecks.overview.responded'), dataIndex: 'responded', align: 'right' },
                { title: t('spotChecks.overview.overdue'), dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
                { title: t('spotChecks.overview.closed'), dataIndex: 'closed', align: 'right' },
                { title: t('spotChecks.overview.overturned'), dataIndex: 'overturned', align: 'right' },
                { title: t('spotChecks.overview.points'), dataIndex: 'points', align: 'right' },
                { title: t('spotChecks.overview.lastCheckedAt'), dataIndex: 'lastCheckedAt', render: (v: string | null) => (v ? formatDate(v) : t('spotChecks.overview.never')) },
                { title: '', render: (_, r) => <Link to={`/spot-checks/findings?districtId=${r.districtId}`}>{t('spotChecks.overview.viewFindings')}</Link> },
              ]}
            />
          )}
        </QueryBoundary>
      </Card>
      {parkId && <PointsSettings parkId={parkId} />}
      <CheckList parkId={parkId} />
    </Space>
  );
}

function PointsSettings({ parkId }: { parkId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettings(parkId);
  const update = useUpdateSettings();
  const [form] = Form.useForm<{ minor: number; major: number; critical: number }>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  return (
    <Card title={t('spotChecks.settings.title')} extra={settings.data?.isDefault && <Tag>{t('spotChecks.settings.isDefault')}</Tag>}>
      <Typography.Paragraph type="secondary">{t('spotChecks.settings.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => update.mutate({ parkId, ...v }, { onSuccess: () => void message.success(t('spotChecks.settings.saved')), onError: (e) => void (applyFieldErrors(form, e) || message.error(errorMessage(e))) })}
      >
        {(['minor', 'major', 'critical'] as const).map((s) => (
          <Form.Item key={s} name={s} label={t(`spotChecks.severity.${s}`)} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 90 }} />
          </Form.Item>
        ))}
        <Form.Item>
          <Button htmlType="submit" loading={update.isPending}>
            {t('spotChecks.settings.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Checks the user may see, newest first, each with its findings in short. */
function CheckList({ parkId }: { parkId?: string }) {
  const { t } = useTranslation();
  const checks = useChecks(parkId ? { parkId } : {});
  return (
    <Card title={t(parkId ? 'spotChecks.checks.all' : 'spotChecks.checks.mine')}>
      <QueryBoundary query={checks} isCard={false}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty description={t('spotChecks.checks.empty')} />
          ) : (
            <List<SpotCheck>
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
              renderItem={(c) => (
                <List.Item key={c.id} data-testid={`spot-check-${c.id}`}>
                  <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                    <Flex justify="space-between" wrap gap={8}>
                      <Typography.Text strong>
                        {c.districtName} · {c.area}
                      </Typography.Text>
                      <Typography.Text type="secondary">{formatDateTime(c.checkedAt)}</Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary">
                      {c.propertyCompanyName ?? '—'} · {c.inspectorName ?? '—'} · {c.findings.length ? t('spotChecks.checks.findingsCount', { count: c.findings.length }) : t('spotChecks.checks.clean')}
                    </Typography.Text>
                    {c.findings.map((f) => (
                      <Space key={f.id} wrap size={4}>
                        <SeverityTag severity={f.severity} />
                        <FindingStatusTag status={f.status} isOverdue={f.isOverdue} />
                        <Typography.Text>{f.description}</Typography.Text>
                      </Space>
                    ))}
                  </Flex>
                </List.Item>
              )}
            />
          )
        }
      </QueryBoundary>
    </Card>
  );
}
