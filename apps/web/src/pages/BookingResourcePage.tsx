import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../lib/format';
import { BookingModal } from '../modules/bookings/components/BookingModal';
import { BookingTable } from '../modules/bookings/components/BookingTable';
import { useWeekdaysText } from '../modules/bookings/components/ResourceCard';
import { WeekCalendar } from '../modules/bookings/components/WeekCalendar';
import { useBookingList, useResource, useSlots } from '../modules/bookings/hooks/useBookings';
import { addDays, hhmm, mondayOf, shanghaiInstant, shanghaiToday } from '../modules/bookings/utils/shanghai';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { useIsMobile } from '../ui/useIsMobile';

/** A resource's calendar (a week, a day on a phone): booked slots, and booking from a free slot. */
export function BookingResourcePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const isMobile = useIsMobile();
  const weekdays = useWeekdaysText();
  const [anchor, setAnchor] = useState(shanghaiToday);
  const [pick, setPick] = useState<{ day: string; minute: number } | null>(null);
  const [openedAt] = useState(() => Date.now());
  const first = isMobile ? anchor : mondayOf(anchor);
  const days = isMobile ? [anchor] : Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const from = shanghaiInstant(days[0], 0).toISOString();
  const to = shanghaiInstant(addDays(days[days.length - 1], 1), 0).toISOString();
  const resource = useResource(id);
  const slots = useSlots(id, from, to);
  const step = isMobile ? 1 : 7;
  // Slots before the last refresh of the calendar count as past.
  const now = Math.max(openedAt, slots.dataUpdatedAt);
  const mine = useBookingList({ page: 1, pageSize: 50, resourceId: id, upcoming: true });
  return (
    <QueryBoundary query={resource}>
      {(r) => (
        <div>
          <PageHeader title={i18n.language === 'en' ? r.nameEn : r.nameZh} subtitle={r.location} crumbs={[{ title: t('bookings.list.title'), to: '/bookings' }]} />
          <Card size="small" style={{ marginBottom: 12 }}>
            <Space direction="vertical" size={4}>
              <Space size={4} wrap>
                <Tag>{t(`bookings.category.${r.category}`)}</Tag>
                <Tag>{t('bookings.list.capacity', { count: r.capacity })}</Tag>
                <Tag>{t('bookings.list.hours', { days: weekdays(r.openWeekdays), from: hhmm(r.opensAtMinute), to: hhmm(r.closesAtMinute) })}</Tag>
                <Tag color={r.feeFenPerHour ? 'gold' : 'green'}>{r.feeFenPerHour ? t('bookings.list.feePerHour', { fee: formatFen(r.feeFenPerHour) }) : t('bookings.list.free')}</Tag>
                {r.requiresApproval && <Tag color="orange">{t('bookings.list.needsApproval')}</Tag>}
              </Space>
              <Typography.Text type="secondary">
                {t('bookings.calendar.rules', { slot: r.slotMinutes, min: r.minMinutes, max: r.maxMinutes })} · {t('bookings.calendar.timeZone')}
              </Typography.Text>
              {r.description && <Typography.Text>{r.description}</Typography.Text>}
            </Space>
          </Card>
          {r.canBook ? <Alert type="info" showIcon message={t('bookings.calendar.legend')} style={{ marginBottom: 12 }} /> : <Alert type="warning" showIcon message={t('bookings.calendar.cannotBook')} style={{ marginBottom: 12 }} />}
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <Button icon={<LeftOutlined />} aria-label={isMobile ? t('bookings.calendar.prevDay') : t('bookings.calendar.prevWeek')} onClick={() => setAnchor(addDays(anchor, -step))} data-testid="calendar-prev" />
            <Button onClick={() => setAnchor(shanghaiToday())}>{isMobile ? t('bookings.calendar.todayDay') : t('bookings.calendar.today')}</Button>
            <Button icon={<RightOutlined />} aria-label={isMobile ? t('bookings.calendar.nextDay') : t('bookings.calendar.nextWeek')} onClick={() => setAnchor(addDays(anchor, step))} data-testid="calendar-next" />
            <Typography.Text strong>{days.length > 1 ? `${days[0]} – ${days[days.length - 1]}` : days[0]}</Typography.Text>
          </Flex>
          <WeekCalendar resource={r} days={days} busy={slots.data ?? []} now={now} onPick={(day, minute) => setPick({ day, minute })} />
          {pick && <BookingModal resource={r} pick={pick} busy={slots.data ?? []} now={now} onClose={() => setPick(null)} />}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('bookings.list.mine')}
          </Typography.Title>
          <BookingTable items={mine.data?.items ?? []} loading={mine.isFetching} showWho={r.canManage} />
          <div style={{ marginTop: 8 }}>
            <Link to="/bookings">{t('bookings.calendar.back')}</Link>
          </div>
        </div>
      )}
    </QueryBoundary>
  );
}
