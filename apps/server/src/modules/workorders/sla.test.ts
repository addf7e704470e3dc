import { describe, expect, test } from 'vitest';
import { defaultSla, missedDeadline, slaDeadlines, slaStatus } from './sla';

describe('SLA', () => {
  test.each([
    ['fire', 'urgent', 8, 120],
    ['hvac', 'normal', 120, 1440],
    ['plumbing', 'high', 23, 360],
    ['cleaning', 'low', 480, 4320],
  ] as const)('%s × %s: respond within %i min, resolve within %i min', (category, priority, response, resolution) => {
    expect(defaultSla(category, priority)).toEqual({ responseMinutes: response, resolutionMinutes: resolution });
  });

  test('deadlines count from creation', () => {
    const t0 = new Date('2026-01-01T08:00:00Z');
    const d = slaDeadlines(t0, { responseMinutes: 30, resolutionMinutes: 240 });
    expect(d.responseDueAt.toISOString()).toBe('2026-01-01T08:30:00.000Z');
    expect(d.resolutionDueAt.toISOString()).toBe('2026-01-01T12:00:00.000Z');
  });

  test('status: ok, at risk in the last quarter, overdue, then met or breached once resolved', () => {
    const createdAt = new Date('2026-01-01T08:00:00Z');
    const o = { createdAt, ...slaDeadlines(createdAt, { responseMinutes: 40, resolutionMinutes: 400 }), resolvedAt: null };
    const at = (min: number) => new Date(createdAt.getTime() + min * 60_000);
    expect(slaStatus({ ...o, status: 'dispatched' }, at(10))).toBe('ok');
    expect(slaStatus({ ...o, status: 'dispatched' }, at(35))).toBe('at_risk');
    expect(slaStatus({ ...o, status: 'dispatched' }, at(41))).toBe('overdue');
    // After acceptance the resolution deadline counts.
    expect(slaStatus({ ...o, status: 'in_progress' }, at(41))).toBe('ok');
    expect(slaStatus({ ...o, status: 'resolved', resolvedAt: at(399) })).toBe('met');
    expect(slaStatus({ ...o, status: 'closed', resolvedAt: at(401) })).toBe('breached');
    expect(missedDeadline({ ...o, status: 'accepted' }, at(401))).toEqual({ kind: 'resolution', dueAt: o.resolutionDueAt });
    expect(missedDeadline({ ...o, status: 'resolved' }, at(9999))).toBeNull();
  });
});
