import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BookingResource, BusySlot } from '../api/bookings.api';
import { hhmm, shanghaiInstant, shanghaiParts, weekdayOf } from '../utils/shanghai';

type CellState = 'free' | 'busy' | 'mine' | 'pending' | 'closed' | 'past';

interface WeekCalendarProps {
  resource: BookingResource;
  /** Shanghai days shown as columns (7 for a week, 1 on a phone). */
  days: string[];
  busy: BusySlot[];
  now: number;
  onPick: (day: string, minute: number) => void;
}

const COLORS: Record<CellState, { bg: string; fg: string }> = {
  free: { bg: '#f6ffed', fg: '#389e0d' },
  busy: { bg: '#d9d9d9', fg: '#434343' },
  mine: { bg: '#bae0ff', fg: '#003eb3' },
  pending: { bg: '#fff1b8', fg: '#ad6800' },
  closed: { bg: '#fafafa', fg: '#bfbfbf' },
  past: { bg: '#f5f5f5', fg: '#bfbfbf' },
};

/**
 * A day/week grid of a resource's slots in Asia/Shanghai time: booked ranges (other
 * enterprises' only as "busy"), closed days, past slots, and free slots the user can pick.
 */
export function WeekCalendar({ resource, days, busy, now, onPick }: WeekCalendarProps) {
  const { t } = useTranslation();
  const minutes: number[] = [];
  for (let m = resource.opensAtMinute; m < resource.closesAtMinute; m += resource.slotMinutes) minutes.push(m);

  const cellOf = (day: string, minute: number): { state: CellState; slot?: BusySlot; isFirst: boolean } => {
    if (!resource.openWeekdays.includes(weekdayOf(day))) return { state: 'closed', isFirst: false };
    const start = shanghaiInstant(day, minute).getTime();
    const end = start + resource.slotMinutes * 60_000;
    const slot = busy.find((b) => Date.parse(b.startsAt) < end && Date.parse(b.endsAt) > start);
    if (slot) {
      const isFirst = Date.parse(slot.startsAt) >= start || minute === resource.opensAtMinute;
      return { state: slot.status === 'pending' ? 'pending' : slot.mine ? 'mine' : 'busy', slot, isFirst };
    }
    if (start <= now) return { state: 'past', isFirst: false };
    return { state: 'free', isFirst: false };
  };

  const label = (c: ReturnType<typeof cellOf>): string => {
    if (!c.slot || !c.isFirst) return '';
    const who = c.slot.title ?? t('bookings.calendar.busy');
    return c.state === 'pending' ? `${who} · ${t('bookings.calendar.pending')}` : who;
  };

  return (
    <div style={{ overflowX: 'auto' }} data-testid="booking-calendar">
      <div role="grid" style={{ display: 'grid', gridTemplateColumns: `52px repeat(${days.length}, minmax(${days.length > 1 ? 88 : 200}px, 1fr))`, gap: 2, fontSize: 12 }}>
        <div />
        {days.map((d) => (
          <div key={d} role="columnheader" style={{ textAlign: 'center', fontWeight: 600, padding: '4px 0' }}>
            {t(`bookings.weekdays.${weekdayOf(d)}`)} {d.slice(5)}
          </div>
        ))}
        {minutes.map((m) => (
          <div key={m} role="row" style={{ display: 'contents' }}>
            <div style={{ color: '#8c8c8c', textAlign: 'right', paddingRight: 4, lineHeight: '28px' }}>{hhmm(m)}</div>
            {days.map((d) => {
              const c = cellOf(d, m);
              const text = label(c);
              const color = COLORS[c.state];
              const testId = `slot-${d}-${hhmm(m).replace(':', '')}`;
              const cell = (
                <div
                  key={d}
                  role="gridcell"
                  data-testid={testId}
                  data-state={c.state}
                  tabIndex={c.state === 'free' && resource.canBook ? 0 : -1}
                  aria-label={`${d} ${hhmm(m)} ${t(`bookings.calendar.${c.state === 'mine' ? 'mine' : c.state === 'pending' ? 'pending' : c.state === 'free' ? 'free' : c.state === 'closed' || c.state === 'past' ? 'closed' : 'busy'}`)}`}
                  onClick={() => c.state === 'free' && resource.canBook && onPick(d, m)}
                  onKeyDown={(e) => {
                    if ((e.key === 'Enter' || e.key === ' ') && c.state === 'free' && resource.canBook) onPick(d, m);
                  }}
                  style={{ background: color.bg, color: color.fg, height: 28, borderRadius: 3, padding: '0 4px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', lineHeight: '28px', cursor: c.state === 'free' && resource.canBook ? 'pointer' : 'default' }}
                >
                  {text}
                </div>
              );
              return c.slot && c.isFirst ? (
                <Tooltip key={d} title={`${text} ${hhmm(shanghaiParts(c.slot.startsAt).minute)}–${hhmm(shanghaiParts(c.slot.endsAt).minute)}`}>
                  {cell}
                </Tooltip>
              ) : (
                cell
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
