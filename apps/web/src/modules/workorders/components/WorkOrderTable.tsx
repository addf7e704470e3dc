import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../../lib/api-client';
import { formatDateTime, formatPercent } from '../../../lib/format';
import type { WorkOrder } from '../api/workorders.api';
import { SlaTag } from './SlaTag';
import { StatusTag } from './StatusTag';

interface WorkOrderTableProps {
  data: Page<WorkOrder> | undefined;
  isLoading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The operators' work-order table, with SLA colours. */
export function WorkOrderTable({ data, isLoading, onPageChange }: WorkOrderTableProps) {
  const { t } = useTranslation();
  return (
    <Table<WorkOrder>
      rowKey="id"
      size="middle"
      loading={isLoading}
      dataSource={data?.items ?? []}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('workorders.empty') }}
      pagination={{ current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: true, onChange: onPageChange, showTotal: (n) => t('common.total', { count: n }) }}
      columns={[
        { title: t('workorders.fields.number'), dataIndex: 'number', width: 90, render: (n: number, r) => <Link to={`/work-orders/${r.id}`}>#{n}</Link> },
        {
          title: t('workorders.fields.title'),
          dataIndex: 'title',
          render: (v: string, r) => (
            <Link to={`/work-orders/${r.id}`} data-testid="wo-row-title">
              <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                {v}
              </Typography.Text>
              {r.escalationLevel > 0 && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  {t('workorders.escalated')}
                </Tag>
              )}
            </Link>
          ),
        },
        { title: t('workorders.fields.category'), dataIndex: 'category', width: 90, render: (c: string) => t(`workorders.category.${c}`) },
        { title: t('workorders.fields.priority'), dataIndex: 'priority', width: 80, render: (p: string) => <Tag color={p === 'urgent' ? 'red' : p === 'high' ? 'orange' : undefined}>{t(`workorders.priority.${p}`)}</Tag> },
        { title: t('workorders.fields.status'), dataIndex: 'status', width: 100, render: (s: WorkOrder['status']) => <StatusTag status={s} /> },
        { title: t('workorders.fields.sla'), dataIndex: 'slaStatus', width: 100, render: (s: WorkOrder['slaStatus']) => <SlaTag status={s} /> },
        { title: t('workorders.fields.team'), dataIndex: 'teamName', width: 160, render: (v: string | null) => v ?? '—' },
        { title: t('workorders.fields.location'), key: 'loc', width: 140, render: (_, r) => [r.districtName, r.buildingName].filter(Boolean).join(' · ') || r.locationText || '—' },
        { title: t('workorders.fields.confidence'), dataIndex: 'confidence', width: 90, render: (c: number | null) => formatPercent(c, 0) },
        { title: t('workorders.fields.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
