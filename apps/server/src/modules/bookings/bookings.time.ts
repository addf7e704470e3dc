import type { FieldIssueCode, FieldIssueParams } from '@parkos/contracts';
/**
 * Booking times: stored as UTC instants, reasoned about in Asia/Shanghai (UTC+8 all year, no
 * daylight saving since 1991), where opening hours and slot boundaries are defined.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar day (`YYYY-MM-DD`), minute of the day, and ISO weekday (1 = Monday) of an instant. */
export function shanghaiParts(d: Date): { day: string; minute: number; weekday: number; second: number } {
  const s = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return { day: s.toISOString().slice(0, 10), minute: s.getUTCHours() * 60 + s.getUTCMinutes(), weekday: s.getUTCDay() || 7, second: s.getUTCSeconds() * 1000 + s.getUTCMilliseconds() };
}

/** `HH:MM` of a minute of the day (1440 → 24:00). */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Fee of a booking: hours × fee per hour in integer fen, rounded half up to the fen. */
export function feeOf(feeFenPerHour: number, minutes: number): number {
  return Math.round((feeFenPerHour * minutes) / 60);
}

export interface OpeningRules {
  opensAtMinute: number;
  closesAtMinute: number;
  openWeekdays: number[];
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
}

/** How far ahead a booking may start. */
export const MAX_DAYS_AHEAD = 90;

/**
 * Why a time range cannot be booked, as the field to name and the reason; null when it can.
 * Checked in order: end after start, in the future, not too far ahead, aligned to the slot
 * granularity, within min/max duration, on an open day, inside opening hours (one Shanghai day).
 */
export function rangeProblem(rules: OpeningRules, startsAt: Date, endsAt: Date, now: Date): { field: 'body.startsAt' | 'body.endsAt'; message: string; code?: FieldIssueCode; params?: FieldIssueParams } | null {
  if (endsAt.getTime() <= startsAt.getTime()) return { field: 'body.endsAt', message: 'must be after startsAt', code: 'must_be_after', params: { other: 'startsAt' } };
  if (startsAt.getTime() <= now.getTime()) return { field: 'body.startsAt', message: 'must be in the future' };
  if (startsAt.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) return { field: 'body.startsAt', message: `must be within ${MAX_DAYS_AHEAD} days` };
  const s = shanghaiParts(startsAt);
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (s.second !== 0 || s.minute % rules.slotMinutes !== 0) return { field: 'body.startsAt', message: `must start on a ${rules.slotMinutes}-minute slot boundary` };
  if (!Number.isInteger(minutes) || minutes % rules.slotMinutes !== 0) return { field: 'body.endsAt', message: `must end on a ${rules.slotMinutes}-minute slot boundary` };
  if (minutes < rules.minMinutes) return { field: 'body.endsAt', message: `the booking must last at least ${rules.minMinutes} minutes` };
  if (minutes > rules.maxMinutes) return { field: 'body.endsAt', message: `the booking may last at most ${rules.maxMinutes} minutes` };
  if (!rules.openWeekdays.includes(s.weekday)) return { field: 'body.startsAt', message: 'the resource is closed on this day' };
  if (s.minute < rules.opensAtMinute) return { field: 'body.startsAt', message: `must not be before opening (${hhmm(rules.opensAtMinute)})` };
  // The end minute on the start's day (a range ending at midnight ends at minute 1440).
  const endMinute = s.minute + minutes;
  if (endMinute > rules.closesAtMinute) return { field: 'body.endsAt', message: `must not be after closing (${hhmm(rules.closesAtMinute)})` };
  return null;
}
