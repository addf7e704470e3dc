import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { WorkOrder } from '../../workorders/api/workorders.api';

/** hh:mm of a span, the way a stopwatch reads in any language. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The clock that matters now: the response deadline until accepted, then the resolution deadline. */
export function slaDeadline(o: Pick<WorkOrder, 'acceptedAt' | 'responseDueAt' | 'resolutionDueAt'>): { kind: 'respond' | 'resolve'; dueAt: string } {
  return o.acceptedAt ? { kind: 'resolve', dueAt: o.resolutionDueAt } : { kind: 'respond', dueAt: o.responseDueAt };
}

/** A live SLA countdown (every 30 s): the deadline, and the time left or overdue. */
export function SlaClock({ order }: { order: Pick<WorkOrder, 'acceptedAt' | 'responseDueAt' | 'resolutionDueAt'> }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const { kind, dueAt } = slaDeadline(order);
  const left = new Date(dueAt).getTime() - now;
  const time = dayjs(dueAt).format(dayjs(dueAt).isSame(now, 'day') ? 'HH:mm' : 'MM-DD HH:mm');
  return (
    <Typography.Text type={left < 0 ? 'danger' : left < 3600_000 ? 'warning' : 'secondary'} style={{ fontSize: 12 }} data-testid="sla-clock">
      <ClockCircleOutlined /> {t(kind === 'respond' ? 'homes.workbench.respondBy' : 'homes.workbench.resolveBy', { time })} ·{' '}
      {left < 0 ? t('homes.workbench.overdueBy', { time: formatSpan(left) }) : t('homes.workbench.leftTime', { time: formatSpan(left) })}
    </Typography.Text>
  );
}
