import { Button, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import type { BookingResource } from '../api/bookings.api';
import { hhmm } from '../utils/shanghai';

/** The open days of a resource, e.g. "周一–周五" or "周一、周三". */
export function useWeekdaysText(): (days: number[]) => string {
  const { t } = useTranslation();
  return (days) => {
    const sorted = [...days].sort();
    const isRun = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
    if (sorted.length > 2 && isRun) return `${t(`bookings.weekdays.${sorted[0]}`)}–${t(`bookings.weekdays.${sorted[sorted.length - 1]}`)}`;
    return sorted.map((d) => t(`bookings.weekdays.${d}`)).join(', ');
  };
}

const CATEGORY_COLORS = { meeting_room: 'blue', tech_platform: 'purple', exhibition: 'orange' } as const;

/** A bookable resource with its rules and a link to its calendar. */
export function ResourceCard({ resource: r }: { resource: BookingResource }) {
  const { t, i18n } = useTranslation();
  const weekdays = useWeekdaysText();
  return (
    <Card size="small" title={i18n.language === 'en' ? r.nameEn : r.nameZh} extra={<Tag color={CATEGORY_COLORS[r.category]}>{t(`bookings.category.${r.category}`)}</Tag>} data-testid={`resource-${r.id}`}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{r.location}</Typography.Text>
        <Typography.Text>
          {t('bookings.list.capacity', { count: r.capacity })} · {t('bookings.list.hours', { days: weekdays(r.openWeekdays), from: hhmm(r.opensAtMinute), to: hhmm(r.closesAtMinute) })}
        </Typography.Text>
        <Space size={4} wrap>
          <Tag color={r.feeFenPerHour ? 'gold' : 'green'}>{r.feeFenPerHour ? t('bookings.list.feePerHour', { fee: formatFen(r.feeFenPerHour) }) : t('bookings.list.free')}</Tag>
          {r.requiresApproval && <Tag color="orange">{t('bookings.list.needsApproval')}</Tag>}
          {r.bookableBy === 'admins' && <Tag>{t('bookings.list.adminsOnly')}</Tag>}
          {r.status === 'inactive' && <Tag>{t('bookings.resourceStatus.inactive')}</Tag>}
        </Space>
        <Link to={`/bookings/resources/${r.id}`}>
          <Button type="primary" size="small" block>
            {t('bookings.list.open')}
          </Button>
        </Link>
      </Space>
    </Card>
  );
}
