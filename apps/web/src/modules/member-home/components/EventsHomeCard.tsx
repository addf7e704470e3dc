import { Flex, List, Tag, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { RegistrationTag } from '../../events/components/RegistrationTag';
import { useEvents } from '../../events/hooks/useEvents';
import { CardState, HomeCard } from './HomeCard';

/** My next three events: the ones I registered for (or wait for), soonest first. */
export function EventsHomeCard() {
  const { t } = useTranslation();
  const query = useEvents({ page: 1, pageSize: 3, upcoming: true, registered: true });
  return (
    <HomeCard title={t('memberHome.events.title')} icon={<CalendarOutlined />} to="/events" testId="home-events">
      <CardState query={query} isEmpty={(d) => d.items.length === 0} empty={<Link to="/events">{t('memberHome.events.empty')}</Link>}>
        {(d) => (
          <List
            size="small"
            dataSource={d.items}
            renderItem={(e) => (
              <List.Item key={e.id} style={{ padding: '8px 0' }} data-testid="home-event-item">
                <Link to={`/events/${e.id}`} style={{ display: 'block', width: '100%', minWidth: 0, color: 'inherit' }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>
                    {e.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                    {formatDateTime(e.startsAt)} · {e.location}
                  </Typography.Text>
                  <Flex gap={4} wrap style={{ marginTop: 4 }}>
                    {e.status === 'cancelled' ? <Tag color="red">{t('passesEvents.events.eventCancelled')}</Tag> : e.myRegistration && <RegistrationTag status={e.myRegistration.status} position={e.myRegistration.waitlistPosition} />}
                  </Flex>
                </Link>
              </List.Item>
            )}
          />
        )}
      </CardState>
    </HomeCard>
  );
}
