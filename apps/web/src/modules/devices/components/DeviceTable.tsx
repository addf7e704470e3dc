import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { Device } from '../api/devices.api';
import { DeviceStatusBadge } from './DeviceStatusBadge';

interface DeviceTableProps {
  data: Page<Device> | undefined;
  isLoading: boolean;
  buildingNames: Map<string, string>;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Devices with server pagination; the code links to the detail page. */
export function DeviceTable({ data, isLoading, buildingNames, onPageChange }: DeviceTableProps) {
  const { t } = useTranslation();
  return (
    <Table<Device>
      data-testid="device-table"
      rowKey="id"
      size="middle"
      loading={isLoading}
      dataSource={data?.items ?? []}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('devices.emptyList') }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t('common.total', { count: n }),
        onChange: onPageChange,
      }}
      columns={[
        {
          title: t('devices.code'),
          dataIndex: 'code',
          width: 170,
          fixed: 'left',
          render: (code: string, d) => (
            <Link to={`/devices/${d.id}`} data-testid={`device-link-${code}`}>
              <Typography.Text code>{code}</Typography.Text>
            </Link>
          ),
        },
        { title: t('devices.name'), dataIndex: 'name', ellipsis: true },
        { title: t('devices.type'), dataIndex: 'type', width: 130, render: (v: Device['type']) => t(`deviceTypes.${v}`) },
        { title: t('devices.status'), dataIndex: 'status', width: 90, render: (v: Device['status']) => <DeviceStatusBadge status={v} /> },
        { title: t('devices.building'), dataIndex: 'buildingId', width: 150, ellipsis: true, render: (v: string | null) => (v ? (buildingNames.get(v) ?? '—') : '—') },
        { title: t('devices.lastSeen'), dataIndex: 'lastSeenAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : t('devices.never')) },
        { title: t('devices.tags'), dataIndex: 'tags', width: 180, render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
      ]}
    />
  );
}
