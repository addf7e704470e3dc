import { describe, expect, test } from 'vitest';
import { compareSubmission, currentPeriod, DEFAULT_THRESHOLDS, localInstant, periodsOf, type ComparisonInput } from './returnwork.rules';

const base: ComparisonInput = { peopleOnSite: 40, previousOnSite: 38, members: 60, gatePeople: 35, vehicleEntries: 10 };

describe('comparison (比对)', () => {
  test.each<[string, Partial<ComparisonInput>, string[]]>([
    ['a consistent report', {}, []],
    ['a first report has nothing to compare with the previous period', { previousOnSite: null }, []],
    ['+50% but only 6 people more is not flagged', { previousOnSite: 12, peopleOnSite: 18, gatePeople: 18 }, []],
    ['+100% and 20 people more is flagged', { previousOnSite: 20 }, ['previous_period_change']],
    ['more on site than registered', { members: 39 }, ['exceeds_members']],
    ['exactly the registered number is fine', { members: 40 }, []],
    ['80 on site, 12 scanned at the gates', { peopleOnSite: 80, previousOnSite: 78, members: 100, gatePeople: 12 }, ['gate_scans_low']],
    ['few scans but a small gap is not flagged', { peopleOnSite: 12, previousOnSite: 12, gatePeople: 2 }, []],
    ['more vehicles entered than people on site', { vehicleEntries: 46 }, ['parking_entries_high']],
  ])('%s', (_name, patch, codes) => {
    expect(compareSubmission({ ...base, ...patch }, DEFAULT_THRESHOLDS).map((f) => f.code)).toEqual(codes);
  });

  test('a stricter campaign flags what the defaults let pass', () => {
    expect(compareSubmission({ ...base, previousOnSite: 30 }, { ...DEFAULT_THRESHOLDS, previousChangePct: 20, previousChangePeople: 5 })).toEqual([
      { code: 'previous_period_change', params: { previous: 30, current: 40, changePct: 33.3, thresholdPct: 20, thresholdPeople: 5 } },
    ]);
  });
});

describe('periods', () => {
  test('daily periods are due on their day at the deadline, local time (UTC+8)', () => {
    const ps = periodsOf({ cadence: 'daily', startDate: '2026-12-01', endDate: '2026-12-03', deadlineMinutes: 600 });
    expect(ps.map((p) => [p.start, p.end, p.deadline.toISOString()])).toEqual([
      ['2026-12-01', '2026-12-01', '2026-12-01T02:00:00.000Z'],
      ['2026-12-02', '2026-12-02', '2026-12-02T02:00:00.000Z'],
      ['2026-12-03', '2026-12-03', '2026-12-03T02:00:00.000Z'],
    ]);
    // 23:30 UTC on the 1st is already the 2nd in Chengdu.
    expect(currentPeriod(ps, new Date('2026-12-01T23:30:00Z'))?.start).toBe('2026-12-02');
    expect(currentPeriod(ps, new Date('2026-11-30T10:00:00Z'))).toBeNull();
  });

  test('weekly periods run from the start date and the last one ends with the campaign', () => {
    const ps = periodsOf({ cadence: 'weekly', startDate: '2026-12-02', endDate: '2026-12-20', deadlineMinutes: 0 });
    expect(ps.map((p) => [p.start, p.end])).toEqual([
      ['2026-12-02', '2026-12-08'],
      ['2026-12-09', '2026-12-15'],
      ['2026-12-16', '2026-12-20'],
    ]);
    expect(ps[0].deadline).toEqual(localInstant('2026-12-02'));
  });
});
