import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatPercent } from '../lib/format';
import type { WorkOrder } from '../modules/workorders/api/workorders.api';
import { TriageDispatch } from '../modules/workorders/components/TriageDispatch';
import { useCurrentParkId, useTeams, useWorkOrders } from '../modules/workorders/hooks/useWorkOrders';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** The triage queue: low-confidence orders with the prediction; operators confirm or correct (→ training data). */
export function DispatchTriagePage() {
  const { t } = useTranslation();
  const parkId = useCurrentParkId();
  const list = useWorkOrders({ triage: 'true', status: 'new', pageSize: 100, parkId }, { refetchInterval: 10_000 });
  const teams = useTeams(parkId);
  return (
    <>
      <PageHeader title={t('workorders.triage.title')} subtitle={t('workorders.triage.subtitle')} crumbs={[{ title: t('workorders.nav.triage') }]} />
      <Card>
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<WorkOrder>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('workorders.triage.empty') }}
            data-testid="triage-table"
            columns={[
              {
                title: t('workorders.fields.title'),
                render: (_, o) => (
                  <>
                    <Link to={`/work-orders/${o.id}`}>#{o.number} {o.title}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[o.districtName, o.buildingName, o.locationText].filter(Boolean).join(' · ') || '—'} · {formatDateTime(o.createdAt)}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: t('workorders.triage.predicted'), width: 130, render: (_, o) => <Tag>{t(`workorders.category.${o.category}`)}</Tag> },
              { title: t('workorders.fields.confidence'), width: 100, dataIndex: 'confidence', render: (c: number | null) => <Tag color={(c ?? 0) < 0.3 ? 'red' : 'orange'}>{formatPercent(c, 0)}</Tag> },
              { title: t('common.actions'), width: 420, render: (_, o) => <TriageDispatch order={o} teams={teams.data ?? []} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
