import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { ParkEvent } from '../api/events.api';
import { RegistrationTag } from './RegistrationTag';

/** One event in the list: time, place, seats and my registration. */
export function EventCard({ event: e }: { event: ParkEvent }) {
  const { t } = useTranslation();
  return (
    <Link to={`/events/${e.id}`} data-testid="event-card">
      <Card hoverable size="small">
        <Flex vertical gap={6}>
          <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
            {e.title}
          </Typography.Text>
          <Typography.Text type="secondary">
            <CalendarOutlined /> {formatDateTime(e.startsAt)} – {formatDateTime(e.endsAt).slice(11)}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis>
            <EnvironmentOutlined /> {e.location}
          </Typography.Text>
          <Progress aria-label={t('passesEvents.events.capacityBar', { count: e.confirmedCount, capacity: e.capacity })} percent={Math.round((100 * e.confirmedCount) / e.capacity)} size="small" format={() => `${e.confirmedCount}/${e.capacity}`} />
          <Flex gap={6} wrap>
            {e.status === 'cancelled' && <Tag color="red">{t('passesEvents.events.eventCancelled')}</Tag>}
            {e.waitlistCount > 0 && <Tag>{t('passesEvents.events.waitlist', { count: e.waitlistCount })}</Tag>}
            {e.myRegistration && e.myRegistration.status !== 'cancelled' && <RegistrationTag status={e.myRegistration.status} position={e.myRegistration.waitlistPosition} />}
          </Flex>
        </Flex>
      </Card>
    </Link>
  );
}
