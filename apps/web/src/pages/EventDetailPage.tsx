import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import type { ParkEvent } from '../modules/events/api/events.api';
import { RegistrationTag } from '../modules/events/components/RegistrationTag';
import { RegistrationsPanel } from '../modules/events/components/RegistrationsPanel';
import { useCancelEvent, useCancelRegistration, useCreateFeed, useEvent, useRegister } from '../modules/events/hooks/useEvents';
import { PassQrCode } from '../modules/passes/components/PassQrCode';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** An event: details, register / cancel, check-in QR, calendar; operators also see registrations and check in. */
export function EventDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { permissions } = useSession();
  const event = useEvent(id);
  const register = useRegister();
  const cancel = useCancelRegistration();
  const cancelEvent = useCancelEvent();
  const feed = useCreateFeed();
  const [now] = useState(() => Date.now());

  const handleFeed = (rotate: boolean) =>
    feed.mutate(rotate, {
      onError: (e) => {
        if (!rotate) handleFeed(true);
        else void message.error(errorMessage(e));
      },
    });

  return (
    <QueryBoundary query={event}>
      {(e) => {
        const mine = e.myRegistration && e.myRegistration.status !== 'cancelled' && e.myRegistration.status !== 'rejected' ? e.myRegistration : null;
        const isOpen = e.status === 'published' && now >= new Date(e.registrationOpensAt).getTime() && now < new Date(e.registrationClosesAt).getTime();
        return (
          <div style={{ maxWidth: 880, margin: '0 auto' }}>
            <PageHeader title={e.title} crumbs={[{ title: t('passesEvents.events.title'), to: '/events' }, { title: e.title }]} />
            <Card size="small">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('passesEvents.events.fields.time')}>
                  {formatDateTime(e.startsAt)} – {formatDateTime(e.endsAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('passesEvents.events.fields.location')}>{e.location}</Descriptions.Item>
                <Descriptions.Item label={t('passesEvents.events.fields.capacity')}>
                  <Space wrap>
                    <span data-testid="event-seats">{t('passesEvents.events.seats', { confirmed: e.confirmedCount, capacity: e.capacity })}</span>
                    {e.waitlistCount > 0 && <Tag>{t('passesEvents.events.waitlist', { count: e.waitlistCount })}</Tag>}
                    {e.pendingCount > 0 && <Tag color="gold">{t('passesEvents.events.pending', { count: e.pendingCount })}</Tag>}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('passesEvents.events.fields.registration')}>
                  {formatDateTime(e.registrationOpensAt)} – {formatDateTime(e.registrationClosesAt)}
                </Descriptions.Item>
              </Descriptions>
              {e.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{e.description}</Typography.Paragraph>}
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                {e.status === 'cancelled' && <Tag color="red">{t('passesEvents.events.eventCancelled')}</Tag>}
                {permissions.isEnterpriseUser && !mine && (
                  <Button
                    type="primary"
                    disabled={!isOpen}
                    loading={register.isPending}
                    data-testid="event-register"
                    onClick={() =>
                      register.mutate(e.id, {
                        onSuccess: (after) => {
                          const status = (after as ParkEvent).myRegistration?.status;
                          if (status === 'waitlisted') void message.info(t('passesEvents.events.waitlisted'));
                          else void message.success(t('passesEvents.events.registered'));
                        },
                        onError: (err) => void message.error(errorMessage(err)),
                      })
                    }
                  >
                    {isOpen ? t('passesEvents.events.register') : now < new Date(e.registrationOpensAt).getTime() ? t('passesEvents.events.notOpen') : t('passesEvents.events.closed')}
                  </Button>
                )}
                {mine && !mine.checkedInAt && (
                  <Popconfirm title={t('passesEvents.events.cancelConfirm')} onConfirm={() => cancel.mutate(e.id, { onSuccess: () => void message.success(t('passesEvents.events.cancelled')) })}>
                    <Button danger data-testid="event-cancel-registration">
                      {t('passesEvents.events.cancel')}
                    </Button>
                  </Popconfirm>
                )}
                <Button icon={<CalendarOutlined />} href={`/api/events/${e.id}/ics`} data-testid="event-ics">
                  {t('passesEvents.events.addToCalendar')}
                </Button>
                {permissions.isEnterpriseUser && (
                  <Button onClick={() => handleFeed(false)} loading={feed.isPending} data-testid="event-feed">
                    {t('passesEvents.events.subscribe')}
                  </Button>
                )}
                {permissions.isOperator && e.status === 'published' && (
                  <Popconfirm title={t('passesEvents.events.cancelEventConfirm')} onConfirm={() => cancelEvent.mutate(e.id)}>
                    <Button danger>{t('passesEvents.events.cancelEvent')}</Button>
                  </Popconfirm>
                )}
              </Flex>
              {feed.data && (
                <div style={{ marginTop: 12 }}>
                  <Typography.Text type="secondary">{t('passesEvents.events.subscribeHint')}</Typography.Text>
                  <Typography.Paragraph copyable style={{ wordBreak: 'break-all' }} data-testid="event-feed-url">
                    {feed.data.url.replace(/^https?:/, 'webcal:')}
                  </Typography.Paragraph>
                </div>
              )}
            </Card>
            {mine && (
              <Card size="small" style={{ marginTop: 16 }} title={<Flex gap={8} align="center">{t('passesEvents.events.checkInQr')} <RegistrationTag status={mine.status} position={mine.waitlistPosition} /></Flex>}>
                <Flex vertical align="center" gap={8}>
                  {mine.status === 'confirmed' && !mine.checkedInAt && <PassQrCode text={mine.checkInCode} size={200} testId="checkin-qr" />}
                  <Typography.Text type="secondary">{mine.checkedInAt ? t('passesEvents.events.checkedInAt', { time: formatDateTime(mine.checkedInAt) }) : t('passesEvents.events.checkInHint')}</Typography.Text>
                </Flex>
              </Card>
            )}
            {permissions.isOperator && <RegistrationsPanel eventId={e.id} />}
          </div>
        );
      }}
    </QueryBoundary>
  );
}
