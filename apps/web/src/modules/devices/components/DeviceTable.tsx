import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { buildingColumn, codeLink, useServerPagination } from '../../../ui/table-columns';
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
  const pagination = useServerPagination(data, 20, onPageChange);
  return (
    <Table<Device>
      data-testid="device-table"
      rowKey="id"
      size="middle"
      loading={isLoading}
      dataSource={data?.items ?? []}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('devices.emptyList') }}
      pagination={pagination}
      columns={[
        {
          title: t('devices.code'),
          dataIndex: 'code',
          width: 170,
          fixed: 'left',
          render: codeLink<Device>(
            (d) => `/devices/${d.id}`,
            (d) => `device-link-${d.code}`,
          ),
        },
        { title: t('devices.name'), dataIndex: 'name', ellipsis: true },
        { title: t('devices.type'), dataIndex: 'type', width: 130, render: (v: Device['type']) => t(`deviceTypes.${v}`) },
        { title: t('devices.status'), dataIndex: 'status', width: 90, render: (v: Device['status']) => <DeviceStatusBadge status={v} /> },
        buildingColumn<Device>(t('devices.building'), buildingNames, 150),
        { title: t('devices.lastSeen'), dataIndex: 'lastSeenAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : t('devices.never')) },
        { title: t('devices.tags'), dataIndex: 'tags', width: 180, render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
      ]}
    />
  );
}
