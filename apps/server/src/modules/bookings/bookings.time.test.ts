import { describe, expect, test } from 'vitest';
import { feeOf, rangeProblem, shanghaiParts } from './bookings.time';

const rules = { opensAtMinute: 480, closesAtMinute: 1440, openWeekdays: [1, 2, 3, 4, 5], slotMinutes: 30, minMinutes: 30, maxMinutes: 240 };
const now = new Date('2026-12-07T00:00:00Z'); // Monday 08:00 in Shanghai
const at = (iso: string) => new Date(iso);

describe('booking times in Asia/Shanghai', () => {
  test('an instant’s Shanghai day, minute and weekday', () => {
    expect(shanghaiParts(at('2026-12-06T16:30:00Z'))).toMatchObject({ day: '2026-12-07', minute: 30, weekday: 1 });
  });

  test.each([
    ['a range ending at midnight on the last open minute', '2026-12-07T14:00:00Z', '2026-12-07T16:00:00Z', null],
    ['a range crossing midnight', '2026-12-07T15:30:00Z', '2026-12-07T16:30:00Z', 'body.endsAt'],
    ['a Saturday', '2026-12-12T02:00:00Z', '2026-12-12T03:00:00Z', 'body.startsAt'],
    ['a start at the current instant', '2026-12-07T00:00:00Z', '2026-12-07T01:00:00Z', 'body.startsAt'],
    ['a start with seconds', '2026-12-07T02:00:05Z', '2026-12-07T03:00:05Z', 'body.startsAt'],
    ['a start 91 days ahead', '2027-03-08T02:00:00Z', '2027-03-08T03:00:00Z', 'body.startsAt'],
  ] as const)('%s', (_name, from, to, field) => {
    expect(rangeProblem(rules, at(from), at(to), now)?.field ?? null).toBe(field);
  });

  test('the fee is hours × fee per hour, rounded half up to the fen', () => {
    expect(feeOf(5000, 90)).toBe(7500);
    expect(feeOf(3333, 30)).toBe(1667);
    expect(feeOf(0, 240)).toBe(0);
  });
});
