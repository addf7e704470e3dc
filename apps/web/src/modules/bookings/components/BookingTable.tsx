import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../ui/ResponsiveTable';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import type { Booking, BookingStatus } from '../api/bookings.api';
import { useCancelBooking } from '../hooks/useBookings';
import { formatRange } from '../utils/shanghai';

const STATUS_COLORS: Record<BookingStatus, string> = { pending: 'gold', confirmed: 'green', cancelled: 'default', rejected: 'red' };

/** The status of a booking. */
export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`bookings.status.${status}`)}</Tag>;
}

interface BookingTableProps {
  items: Booking[];
  loading?: boolean;
  /** Operators' view: shows the enterprise and the booker. */
  showWho?: boolean;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
}

/** Bookings with time (Beijing time), fee and bill, and a cancel action where the caller may cancel. */
export function BookingTable({ items, loading, showWho, pagination }: BookingTableProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelBooking();
  return (
    <ResponsiveTable<Booking>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('bookings.list.noBookings') }}
      pagination={pagination ? { ...pagination, showSizeChanger: false } : false}
      columns={[
        {
          title: t('bookings.booking.resource'),
          key: 'resource',
          render: (_, b) => (
            <Space direction="vertical" size={0}>
              <Link to={`/bookings/resources/${b.resourceId}`}>{i18n.language === 'en' ? b.resourceNameEn : b.resourceNameZh}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {b.title}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('bookings.booking.time'), key: 'time', render: (_, b) => formatRange(b.startsAt, b.endsAt) },
        ...(showWho ? [{ title: t('bookings.booking.enterprise'), key: 'who', render: (_: unknown, b: Booking) => `${b.enterpriseName} · ${b.userName}` }] : []),
        { title: t('bookings.booking.status'), key: 'status', render: (_, b) => <BookingStatusTag status={b.status} /> },
        {
          title: t('bookings.booking.fee'),
          key: 'fee',
          render: (_, b) => (
            <Space size={4} wrap>
              <span>{b.feeFen > 0 ? `¥${formatFen(b.feeFen)}` : t('bookings.list.free')}</span>
              {b.billStatus && <Tag data-testid={`booking-bill-${b.id}`}>{t(`bookings.booking.billStatus.${b.billStatus}`, { defaultValue: b.billStatus })}</Tag>}
            </Space>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, b) => (
            <Space size={4} wrap>
              {b.approvalCaseId && <Link to={`/approvals/cases/${b.approvalCaseId}`}>{t('bookings.booking.viewCase')}</Link>}
              {b.canCancel && (
                <Popconfirm
                  title={t('bookings.booking.cancelConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    cancel.mutateAsync({ id: b.id }).then(
                      () => void message.success(t('bookings.booking.cancelled')),
                      (e: unknown) => void message.error(errorMessage(e)),
                    )
                  }
                >
                  <Button size="small" danger data-testid={`booking-cancel-${b.id}`}>
                    {t('bookings.booking.cancel')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
