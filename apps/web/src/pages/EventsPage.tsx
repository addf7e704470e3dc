import { useState } from 'react';
import { Button, Col, Empty, Pagination, Row, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth/hooks/useSession';
import { EventCard } from '../modules/events/components/EventCard';
import { EventFormModal } from '../modules/events/components/EventFormModal';
import { useEvents } from '../modules/events/hooks/useEvents';
import { useParks } from '../modules/parks/hooks/useParks';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Events of my park: members register; operators publish. */
export function EventsPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const [isUpcoming, setIsUpcoming] = useState(true);
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const events = useEvents({ page, pageSize: 20, upcoming: isUpcoming });
  const parks = useParks();
  return (
    <div>
      <PageHeader
        title={t('passesEvents.events.title')}
        subtitle={t('passesEvents.events.subtitle')}
        extra={
          permissions.isOperator && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="event-create">
              {t('passesEvents.events.create')}
            </Button>
          )
        }
      />
      <Segmented
        value={isUpcoming ? 'upcoming' : 'all'}
        onChange={(v) => {
          setIsUpcoming(v === 'upcoming');
          setPage(1);
        }}
        options={[
          { value: 'upcoming', label: t('passesEvents.events.upcoming') },
          { value: 'all', label: t('passesEvents.events.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <QueryBoundary query={events}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('passesEvents.events.empty')} />
          ) : (
            <>
              <Row gutter={[12, 12]}>
                {data.items.map((e) => (
                  <Col key={e.id} xs={24} md={12} xl={8}>
                    <EventCard event={e} />
                  </Col>
                ))}
              </Row>
              {data.total > data.pageSize && <Pagination style={{ marginTop: 12 }} current={page} pageSize={data.pageSize} total={data.total} onChange={setPage} />}
            </>
          )
        }
      </QueryBoundary>
      {permissions.isOperator && <EventFormModal open={isCreating} onClose={() => setIsCreating(false)} parks={(parks.data ?? []).map((p) => ({ id: p.id, name: p.name }))} />}
    </div>
  );
}
