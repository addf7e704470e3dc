import { useState } from 'react';
import { Alert, App, Button, Card, Flex, List, Select, Space, Tabs } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '../lib/format';
import { errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import { ScheduleStatusTag, SeverityTag, ResultStatusTag } from '../modules/inspections/components/Tags';
import { useCancelSchedule, useFindings, useRoutes, useRuns, useSchedules } from '../modules/inspections/hooks/useInspections';
import { useOutbox } from '../modules/inspections/hooks/useOutbox';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

function Schedules({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schedules = useSchedules({ mine, status: 'open' });
  const cancel = useCancelSchedule();
  return (
    <QueryBoundary query={schedules}>
      {(page) => (
        <List
          dataSource={page.items}
          locale={{ emptyText: t('inspections.home.noSchedules') }}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Link key="go" to={`/inspections/walk/${s.routeId}?schedule=${s.id}`} data-testid={`schedule-start-${s.id}`}>
                  {t('inspections.home.startThis')}
                </Link>,
                ...(mine
                  ? []
                  : [
                      <Button key="cancel" type="link" size="small" danger onClick={() => cancel.mutate(s.id, { onSuccess: () => void message.success(t('inspections.home.cancelled')), onError: (e) => void message.error(errorMessage(e)) })}>
                        {t('inspections.home.cancel')}
                      </Button>,
                    ]),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {s.routeName}
                    <ScheduleStatusTag status={s.status} isOverdue={s.isOverdue} />
                  </Space>
                }
                description={`${t('inspections.home.due', { date: s.dueDate })} · ${s.assigneeName} · ${t(`inspections.recurrences.${s.recurrence}`)}`}
              />
            </List.Item>
          )}
        />
      )}
    </QueryBoundary>
  );
}

function Runs() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const runs = useRuns({ page });
  return (
    <QueryBoundary query={runs}>
      {(p) => (
        <List
          dataSource={p.items}
          locale={{ emptyText: t('inspections.home.noRuns') }}
          pagination={{ current: page, pageSize: p.pageSize, total: p.total, onChange: setPage, size: 'small', showSizeChanger: false }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/inspections/runs/${r.id}`}>{r.routeName}</Link>}
                description={`${formatDateTime(r.startedAt)} · ${r.inspectorName} · ${t('inspections.home.items', { items: r.itemCount, findings: r.findingCount })}`}
              />
            </List.Item>
          )}
        />
      )}
    </QueryBoundary>
  );
}

function Findings() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const findings = useFindings({ page });
  return (
    <QueryBoundary query={findings}>
      {(p) => (
        <List
          dataSource={p.items}
          locale={{ emptyText: t('inspections.home.noFindings') }}
          pagination={{ current: page, pageSize: p.pageSize, total: p.total, onChange: setPage, size: 'small', showSizeChanger: false }}
          renderItem={(f) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/inspections/runs/${f.runId}`}>{`${f.checkpointName} · ${f.itemLabel}`}</Link>
                    {f.severity && <SeverityTag severity={f.severity} />}
                    <ResultStatusTag status={f.status} />
                  </Space>
                }
                description={
                  <Space wrap size={4}>
                    <span>{formatDate(f.occurredAt)}</span>
                    <span>{f.districtName}</span>
                    <span>{f.propertyCompanyName ?? '—'}</span>
                    <span>{t('inspections.run.pointsOf', { points: f.points })}</span>
                    {f.workOrderId && <Link to={`/work-orders/${f.workOrderId}`}>{t('inspections.run.workOrderLink', { number: f.workOrderNumber })}</Link>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </QueryBoundary>
  );
}

/** Inspections: operators start one (from their schedule or a route) and follow runs and findings; property staff see their districts' runs and findings. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { permissions } = useSession();
  const isOperator = permissions.isOperator;
  const routes = useRoutes(isOperator);
  const [routeId, setRouteId] = useState<string>();
  const outbox = useOutbox();
  const tabs = [
    ...(isOperator ? [{ key: 'mine', label: t('inspections.home.mySchedules'), children: <Schedules mine /> }] : []),
    ...(isOperator ? [{ key: 'all', label: t('inspections.home.schedules'), children: <Schedules mine={false} /> }] : []),
    { key: 'runs', label: t('inspections.home.runs'), children: <Runs /> },
    { key: 'findings', label: t('inspections.home.findings'), children: <Findings /> },
  ];
  return (
    <div>
      <PageHeader title={t('inspections.home.title')} subtitle={t('inspections.home.subtitle')} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {outbox.queued.length > 0 && <Alert type="info" showIcon message={t('inspections.home.queued', { count: outbox.queued.length })} />}
        {isOperator && (
          <Card size="small">
            <Flex gap={8} wrap>
              <Select
                data-testid="inspection-route"
                style={{ flex: '1 1 200px', minWidth: 0 }}
                placeholder={t('inspections.home.pickRoute')}
                value={routeId}
                onChange={setRouteId}
                options={(routes.data?.items ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.name }))}
              />
              <Button type="primary" icon={<PlayCircleOutlined />} disabled={!routeId} onClick={() => void navigate(`/inspections/walk/${routeId}`)} data-testid="inspection-start">
                {t('inspections.home.start')}
              </Button>
            </Flex>
          </Card>
        )}
        <Card size="small">
          <Tabs items={tabs} />
        </Card>
      </Space>
    </div>
  );
}
