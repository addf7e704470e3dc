import { useState } from 'react';
import { Button, Select, Space, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../lib/format';
import type { BookingResource, BookingStatus } from '../modules/bookings/api/bookings.api';
import { BookingTable } from '../modules/bookings/components/BookingTable';
import { ResourceFormModal } from '../modules/bookings/components/ResourceFormModal';
import { useWeekdaysText } from '../modules/bookings/components/ResourceCard';
import { useBookingList, useResources } from '../modules/bookings/hooks/useBookings';
import { hhmm } from '../modules/bookings/utils/shanghai';
import { useParks } from '../modules/parks/hooks/useParks';
import { IconEditButton } from '../ui/IconEditButton';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const STATUSES: BookingStatus[] = ['pending', 'confirmed', 'cancelled', 'rejected'];

/** Operators: the park's bookable resources (create, edit, deactivate) and every booking (cancel). */
export function BookingsAdminPage() {
  const { t, i18n } = useTranslation();
  const weekdays = useWeekdaysText();
  const parks = useParks();
  const resources = useResources({ includeInactive: true });
  const [editing, setEditing] = useState<BookingResource | null | 'new'>(null);
  const [status, setStatus] = useState<BookingStatus | undefined>();
  const [page, setPage] = useState(1);
  const all = useBookingList({ page, pageSize: 20, status });
  return (
    <div>
      <PageHeader
        title={t('bookings.admin.title')}
        subtitle={t('bookings.admin.subtitle')}
        crumbs={[{ title: t('bookings.list.title'), to: '/bookings' }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resource-create">
            {t('bookings.admin.create')}
          </Button>
        }
      />
      <Tabs
        items={[
          {
            key: 'resources',
            label: t('bookings.admin.resources'),
            children: (
              <QueryBoundary query={resources}>
                {(items) => (
                  <Table<BookingResource>
                    rowKey="id"
                    size="small"
                    dataSource={items}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      { title: t('bookings.admin.name'), key: 'name', render: (_, r) => <Link to={`/bookings/resources/${r.id}`}>{i18n.language === 'en' ? r.nameEn : r.nameZh}</Link> },
                      { title: t('bookings.admin.category'), key: 'category', render: (_, r) => t(`bookings.category.${r.category}`) },
                      { title: t('bookings.admin.location'), dataIndex: 'location' },
                      { title: t('bookings.admin.openingHours'), key: 'hours', render: (_, r) => `${weekdays(r.openWeekdays)} ${hhmm(r.opensAtMinute)}–${hhmm(r.closesAtMinute)}` },
                      { title: t('bookings.booking.fee'), key: 'fee', render: (_, r) => (r.feeFenPerHour ? t('bookings.list.feePerHour', { fee: formatFen(r.feeFenPerHour) }) : t('bookings.list.free')) },
                      {
                        title: t('bookings.admin.status'),
                        key: 'status',
                        render: (_, r) => (
                          <Space size={4} wrap>
                            <Tag color={r.status === 'active' ? 'green' : 'default'}>{t(`bookings.resourceStatus.${r.status}`)}</Tag>
                            {r.requiresApproval && <Tag color="orange">{t('bookings.list.needsApproval')}</Tag>}
                          </Space>
                        ),
                      },
                      { title: t('common.actions'), key: 'actions', render: (_, r) => r.canManage && <IconEditButton label={t('bookings.admin.edit')} testId={`resource-edit-${r.id}`} onClick={() => setEditing(r)} /> },
                    ]}
                  />
                )}
              </QueryBoundary>
            ),
          },
          {
            key: 'bookings',
            label: t('bookings.admin.bookings'),
            children: (
              <>
                <Select
                  allowClear
                  placeholder={t('bookings.admin.filterStatus')}
                  value={status}
                  onChange={(v) => {
                    setStatus(v);
                    setPage(1);
                  }}
                  options={STATUSES.map((s) => ({ value: s, label: t(`bookings.status.${s}`) }))}
                  style={{ width: 180, marginBottom: 12 }}
                />
                <QueryBoundary query={all}>
                  {(data) => <BookingTable items={data.items} loading={all.isFetching} showWho pagination={{ current: page, pageSize: data.pageSize, total: data.total, onChange: setPage }} />}
                </QueryBoundary>
              </>
            ),
          },
        ]}
      />
      {editing && <ResourceFormModal open resource={editing === 'new' ? null : editing} parks={(parks.data ?? []).map((p) => ({ id: p.id, name: p.name }))} onClose={() => setEditing(null)} />}
    </div>
  );
}
