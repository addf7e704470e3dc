import { Alert, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import { FormModal } from '../../../ui/FormModal';
import type { BookingResource, BusySlot } from '../api/bookings.api';
import { useCreateBooking } from '../hooks/useBookings';
import { hhmm, shanghaiInstant } from '../utils/shanghai';

interface BookingModalProps {
  resource: BookingResource;
  /** The picked free slot; null when closed. */
  pick: { day: string; minute: number } | null;
  busy: BusySlot[];
  /** Start times up to now are not offered. */
  now: number;
  onClose: () => void;
}

interface Values {
  title: string;
  startsAt: number;
  durationMinutes: number;
}

/** Books a resource from a picked free slot: purpose, start on that day, and a duration that fits. */
export function BookingModal({ resource: r, pick, busy, now, onClose }: BookingModalProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateBooking();
  const [form] = Form.useForm<Values>();
  const start = Form.useWatch('startsAt', form) ?? pick?.minute ?? r.opensAtMinute;
  const duration = Form.useWatch('durationMinutes', form) ?? r.minMinutes;
  if (!pick) return null;
  const isFree = (from: number, minutes: number) => {
    const s = shanghaiInstant(pick.day, from).getTime();
    const e = s + minutes * 60_000;
    return e <= shanghaiInstant(pick.day, r.closesAtMinute).getTime() && !busy.some((b) => Date.parse(b.startsAt) < e && Date.parse(b.endsAt) > s);
  };
  const starts: number[] = [];
  for (let m = r.opensAtMinute; m < r.closesAtMinute; m += r.slotMinutes) if (shanghaiInstant(pick.day, m).getTime() > now && isFree(m, r.slotMinutes)) starts.push(m);
  const durations: number[] = [];
  for (let d = r.minMinutes; d <= r.maxMinutes; d += r.slotMinutes) if (isFree(start, d)) durations.push(d);
  const feeFen = Math.round((r.feeFenPerHour * duration) / 60);
  const name = i18n.language === 'en' ? r.nameEn : r.nameZh;
  return (
    <FormModal<Values>
      open
      form={form}
      title={t('bookings.book.title', { name })}
      okText={t('bookings.book.submit')}
      testId="booking"
      initialValues={{ startsAt: pick.minute, durationMinutes: r.minMinutes }}
      onClose={onClose}
      successMessage={r.requiresApproval ? t('bookings.book.pendingDone') : t('bookings.book.done')}
      onSubmit={async (v) => {
        const s = shanghaiInstant(pick.day, v.startsAt);
        await create.mutateAsync({ resourceId: r.id, title: v.title, startsAt: s.toISOString(), endsAt: new Date(s.getTime() + v.durationMinutes * 60_000).toISOString() });
      }}
    >
      <Typography.Paragraph type="secondary">{pick.day}</Typography.Paragraph>
      <Form.Item name="title" label={t('bookings.book.subject')} rules={[{ required: true, whitespace: true, message: t('bookings.book.subjectRequired') }]}>
        <Input maxLength={120} data-testid="booking-title" />
      </Form.Item>
      <Form.Item name="startsAt" label={t('bookings.book.start')} rules={[{ required: true }]}>
        <Select data-testid="booking-start" options={starts.map((m) => ({ value: m, label: hhmm(m) }))} />
      </Form.Item>
      <Form.Item name="durationMinutes" label={t('bookings.book.duration')} rules={[{ required: true }]}>
        <Select data-testid="booking-duration" options={durations.map((d) => ({ value: d, label: `${t('bookings.book.minutes', { count: d })} (${hhmm(start)}–${hhmm(start + d)})` }))} />
      </Form.Item>
      <Form.Item label={t('bookings.book.fee')}>
        <Typography.Text strong data-testid="booking-fee">
          {feeFen > 0 ? `¥${formatFen(feeFen)}` : t('bookings.list.free')}
        </Typography.Text>
      </Form.Item>
      {feeFen > 0 && <Alert type="info" showIcon message={t('bookings.book.feeHint')} style={{ marginBottom: 8 }} />}
      {r.requiresApproval && <Alert type="warning" showIcon message={t('bookings.book.approvalHint')} />}
    </FormModal>
  );
}
