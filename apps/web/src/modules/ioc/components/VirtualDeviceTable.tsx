import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { Device } from '../../devices/api/devices.api';
import { DeviceStatusBadge } from '../../devices/components/DeviceStatusBadge';

interface VirtualDeviceTableProps {
  items: Device[];
  total: number;
  isLoading: boolean;
  buildingNames: Map<string, string>;
  /** Called when the user scrolls near the last loaded row. */
  onNearEnd: () => void;
  height: number;
}

/**
 * The device registry for thousands of devices: a virtualised table (only
 * the rows in view are in the DOM) that asks for the next server page as the
 * user nears the end of what is loaded.
 */
export function VirtualDeviceTable({ items, total, isLoading, buildingNames, onNearEnd, height }: VirtualDeviceTableProps) {
  const { t } = useTranslation();
  return (
    <Table<Device>
      data-testid="device-table"
      virtual
      rowKey="id"
      size="small"
      loading={isLoading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1000, y: height }}
      locale={{ emptyText: t('devices.emptyList') }}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (el.scrollHeight - el.scrollTop - el.clientHeight < height) onNearEnd();
      }}
      footer={() => <span data-testid="device-window-count" data-loaded={items.length} data-total={total}>{t('ioc.devicesShown', { total })} · {items.length}</span>}
      columns={[
        {
          title: t('devices.code'),
          dataIndex: 'code',
          width: 180,
          fixed: 'left',
          render: (code: string, d) => (
            <Link to={`/devices/${d.id}`} data-testid={`device-link-${code}`}>
              <Typography.Text code>{code}</Typography.Text>
            </Link>
          ),
        },
        { title: t('devices.name'), dataIndex: 'name', width: 200, ellipsis: true },
        { title: t('devices.type'), dataIndex: 'type', width: 130, render: (v: Device['type']) => t(`deviceTypes.${v}`) },
        { title: t('devices.status'), dataIndex: 'status', width: 90, render: (v: Device['status']) => <DeviceStatusBadge status={v} /> },
        { title: t('devices.building'), dataIndex: 'buildingId', width: 150, ellipsis: true, render: (v: string | null) => (v ? (buildingNames.get(v) ?? '—') : '—') },
        { title: t('devices.lastSeen'), dataIndex: 'lastSeenAt', width: 160, render: (v: string | null) => (v ? formatDateTime(v) : t('devices.never')) },
        { title: t('devices.tags'), dataIndex: 'tags', width: 180, render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
      ]}
    />
  );
}
