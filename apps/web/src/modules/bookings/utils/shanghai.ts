/**
 * Booking times are shown in Asia/Shanghai (UTC+8, no daylight saving), whatever the browser's
 * zone: a resource's opening hours and slots are defined there.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Shanghai day (`YYYY-MM-DD`) and minute of the day of an instant. */
export function shanghaiParts(iso: string | number | Date): { day: string; minute: number; weekday: number } {
  const s = new Date(new Date(iso).getTime() + OFFSET_MS);
  return { day: s.toISOString().slice(0, 10), minute: s.getUTCHours() * 60 + s.getUTCMinutes(), weekday: s.getUTCDay() || 7 };
}

/** The instant of a Shanghai day (`YYYY-MM-DD`) at a minute of that day. */
export function shanghaiInstant(day: string, minute: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + minute * 60_000);
}

/** `YYYY-MM-DD` of the Shanghai day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Today in Shanghai. */
export function shanghaiToday(): string {
  return shanghaiParts(Date.now()).day;
}

/** The Monday of the Shanghai week containing `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return addDays(day, 1 - weekday);
}

/** ISO weekday (1 = Monday) of a Shanghai day. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** `HH:MM` of a minute of the day. */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** `YYYY-MM-DD HH:MM–HH:MM` of a range, in Shanghai time. */
export function formatRange(startsAt: string, endsAt: string): string {
  const s = shanghaiParts(startsAt);
  const e = shanghaiParts(endsAt);
  return `${s.day} ${hhmm(s.minute)}–${e.day === s.day ? hhmm(e.minute) : `${e.day} ${hhmm(e.minute)}`}`;
}
