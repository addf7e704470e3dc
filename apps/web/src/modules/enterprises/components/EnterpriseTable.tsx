import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../../lib/api-client';
import type { Enterprise } from '../api/enterprises.api';

interface EnterpriseTableProps {
  data: Page<Enterprise> | undefined;
  isLoading: boolean;
  siteNames: Map<string, string>;
  onPageChange: (page: number, pageSize: number) => void;
}

const INDUSTRY_COLORS: Record<string, string> = { software: 'blue', ai: 'purple', games: 'magenta', finance: 'gold', ecommerce: 'orange', iot: 'cyan', biotech: 'green', services: 'geekblue', other: 'default' };

/** The server-paginated enterprise table. */
export function EnterpriseTable({ data, isLoading, siteNames, onPageChange }: EnterpriseTableProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<Enterprise> = [
    {
      title: t('enterprises.legalName'),
      dataIndex: 'legalName',
      fixed: 'left',
      width: 230,
      render: (name: string, e) => (
        <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
          {name}
        </Link>
      ),
    },
    { title: t('enterprises.creditCode'), dataIndex: 'creditCode', width: 185, render: (c: string) => <Typography.Text copyable={{ text: c }} style={{ fontFamily: 'monospace', fontSize: 12 }}>{c}</Typography.Text> },
    { title: t('enterprises.industry'), dataIndex: 'industry', width: 110, render: (i: string) => <Tag color={INDUSTRY_COLORS[i]}>{t(`industries.${i}`)}</Tag> },
    { title: t('enterprises.size'), dataIndex: 'size', width: 80, render: (s: string) => t(`sizes.${s}`) },
    { title: t('enterprises.site'), dataIndex: 'siteId', width: 120, render: (id: string | null) => (id ? siteNames.get(id) ?? '—' : '—') },
    { title: t('enterprises.employeeCount'), dataIndex: 'employeeCount', width: 100, align: 'right', render: (n: number | null) => n ?? '—' },
    { title: t('enterprises.contactName'), dataIndex: 'contactName', width: 100, render: (n: string | null) => n ?? '—' },
    { title: t('enterprises.contactPhone'), dataIndex: 'contactPhone', width: 130, render: (n: string | null) => n ?? '—' },
    {
      title: t('enterprises.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Tag color={s === 'active' ? 'success' : 'default'}>{t(`enterpriseStatus.${s}`, { defaultValue: s })}</Tag>,
    },
  ];
  return (
    <Table<Enterprise>
      data-testid="enterprise-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={isLoading}
      scroll={{ x: 1100 }}
      locale={{ emptyText: <Empty description={t('enterprises.emptyList')} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { count: total }),
        onChange: onPageChange,
      }}
    />
  );
}
