import { SHANGHAI_OFFSET_MS, shanghaiParts } from './bookings.time';

const DAY = 86_400_000;

/** An instant `days` Shanghai days from today at `hour` (may be fractional) o'clock Asia/Shanghai. */
export function shanghaiAt(days: number, hour: number): Date {
  const todayStart = Math.floor((Date.now() + SHANGHAI_OFFSET_MS) / DAY) * DAY - SHANGHAI_OFFSET_MS;
  return new Date(todayStart + days * DAY + Math.round(hour * 60) * 60_000);
}

/** The first day offset ≥ `from` whose Shanghai ISO weekday is in `weekdays`. */
export function nextDayWith(from: number, weekdays: number[]): number {
  let d = from;
  while (!weekdays.includes(shanghaiParts(shanghaiAt(d, 12)).weekday)) d++;
  return d;
}

/** A resource body open every day 08:00–21:00 in 30-minute slots, 1–4 hours, 50 yuan an hour. */
export function meetingRoomBody(parkId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { parkId, category: 'meeting_room', nameZh: '测试会议室', nameEn: 'Test room', location: '一号楼 101', capacity: 10, opensAtMinute: 480, closesAtMinute: 1260, openWeekdays: [1, 2, 3, 4, 5, 6, 7], slotMinutes: 30, minMinutes: 60, maxMinutes: 240, feeFenPerHour: 5000, ...overrides };
}
