import { useState } from 'react';
import { Button, Col, Empty, Row, Segmented, Tabs } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth/hooks/useSession';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '../modules/bookings/api/bookings.api';
import { BookingTable } from '../modules/bookings/components/BookingTable';
import { ResourceCard } from '../modules/bookings/components/ResourceCard';
import { useBookingList, useResources } from '../modules/bookings/hooks/useBookings';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Shared resources of my park by category (`?category=` from the service catalog) and my bookings. */
export function BookingsPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const [params, setParams] = useSearchParams();
  const fromQuery = params.get('category');
  const category = RESOURCE_CATEGORIES.includes(fromQuery as ResourceCategory) ? (fromQuery as ResourceCategory) : undefined;
  const [tab, setTab] = useState(params.get('tab') === 'mine' ? 'mine' : 'resources');
  const [page, setPage] = useState(1);
  const resources = useResources({ category });
  const mine = useBookingList({ page, pageSize: 20, mine: true });
  return (
    <div>
      <PageHeader
        title={t('bookings.list.title')}
        subtitle={t('bookings.list.subtitle')}
        extra={
          permissions.isOperator && (
            <Link to="/bookings/admin">
              <Button icon={<SettingOutlined />}>{t('bookings.list.manage')}</Button>
            </Link>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'resources',
            label: t('bookings.list.resources'),
            children: (
              <>
                <Segmented
                  value={category ?? 'all'}
                  onChange={(v) => setParams(v === 'all' ? {} : { category: String(v) }, { replace: true })}
                  options={[{ value: 'all', label: t('bookings.list.allCategories') }, ...RESOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`bookings.category.${c}`) }))]}
                  style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
                />
                <QueryBoundary query={resources}>
                  {(items) =>
                    items.length === 0 ? (
                      <Empty description={t('bookings.list.empty')} />
                    ) : (
                      <Row gutter={[12, 12]}>
                        {items.map((r) => (
                          <Col key={r.id} xs={24} md={12} xl={8}>
                            <ResourceCard resource={r} />
                          </Col>
                        ))}
                      </Row>
                    )
                  }
                </QueryBoundary>
              </>
            ),
          },
          {
            key: 'mine',
            label: t('bookings.list.mine'),
            children: (
              <QueryBoundary query={mine}>
                {(data) => <BookingTable items={data.items} loading={mine.isFetching} pagination={{ current: page, pageSize: data.pageSize, total: data.total, onChange: setPage }} />}
              </QueryBoundary>
            ),
          },
        ]}
      />
    </div>
  );
}
