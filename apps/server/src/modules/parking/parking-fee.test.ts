import { describe, expect, test } from 'vitest';
import { computeParkingFee, minuteOfDay, type ParkingRate } from './parking-fee';

const rate: ParkingRate = { freeMinutes: 30, hourlyFen: 500, dailyCapFen: 4000, nightStartMinute: minuteOfDay('22:00'), nightEndMinute: minuteOfDay('07:00'), nightHourlyFen: 100 };
/** Times are written in Asia/Shanghai (+08:00). */
const at = (local: string) => new Date(`${local}+08:00`);

describe('computeParkingFee (Asia/Shanghai)', () => {
  test.each([
    ['within the free minutes', '2026-11-02T09:00', '2026-11-02T09:30', 0],
    ['one minute past the free minutes: one started hour from entry', '2026-11-02T09:00', '2026-11-02T09:31', 500],
    ['exactly two hours', '2026-11-02T09:00', '2026-11-02T11:00', 1000],
    ['two hours and a second is three started hours', '2026-11-02T09:00', '2026-11-02T11:00:01', 1500],
    ['a working day hits the daily cap', '2026-11-02T08:00', '2026-11-02T18:00', 4000],
    ['evening into night: hours starting from 22:00 use the night rate', '2026-11-02T20:00', '2026-11-02T23:30', 500 + 500 + 100 + 100],
    ['overnight across midnight: each local day capped on its own', '2026-11-02T18:00', '2026-11-03T09:00', 500 * 4 + 100 * 2 + (100 * 7 + 500 * 2)],
    ['two full days: two caps', '2026-11-02T00:00', '2026-11-04T00:00', 4000 * 2],
    ['night-only stay', '2026-11-02T23:00', '2026-11-03T06:00', 100 + 100 * 6],
    ['a stay ending before it began costs nothing', '2026-11-02T10:00', '2026-11-02T09:00', 0],
  ])('%s', (_name, entry, exit, fen) => {
    expect(computeParkingFee(at(entry), at(exit), rate).feeFen).toBe(fen);
  });

  test('midnight is local: 23:30 UTC is already the next day in Shanghai', () => {
    const r = computeParkingFee(new Date('2026-11-02T15:30:00Z'), new Date('2026-11-02T17:00:00Z'), { ...rate, nightHourlyFen: null });
    // 23:30 and 00:30 local: two days, one hour each.
    expect(r.lines.map((l) => [l.day, l.dayHours])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-03', 1],
    ]);
    expect(r.feeFen).toBe(1000);
  });

  test('without a cap and a night rate every hour is charged at the day rate', () => {
    const r = computeParkingFee(at('2026-11-02T00:00'), at('2026-11-03T00:00'), { freeMinutes: 0, hourlyFen: 300, dailyCapFen: null, nightStartMinute: null, nightEndMinute: null, nightHourlyFen: null });
    expect(r.feeFen).toBe(24 * 300);
    expect(r.lines[0].capped).toBe(false);
  });

  test('fees are whole fen and lines add up', () => {
    const r = computeParkingFee(at('2026-11-02T07:10'), at('2026-11-04T21:59'), rate);
    expect(Number.isInteger(r.feeFen)).toBe(true);
    expect(r.lines.reduce((a, l) => a + l.chargedFen, 0)).toBe(r.feeFen);
    expect(r.lines.map((l) => l.day)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
  });
});
