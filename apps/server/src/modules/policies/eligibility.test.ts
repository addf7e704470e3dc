import { describe, expect, test } from 'vitest';
import { evaluateEligibility, wholeYearsSince, type EligibilityEnterprise, type EligibilityPolicy } from './eligibility';

const NOW = new Date('2026-12-06T10:00:00Z');
const policy = (p: Partial<EligibilityPolicy> = {}): EligibilityPolicy => ({ status: 'published', deadline: new Date('2026-12-31T15:59:59Z'), industries: [], sizes: [], minAgeYears: null, maxAgeYears: null, ...p });
const ent = (e: Partial<EligibilityEnterprise> = {}): EligibilityEnterprise => ({ industry: 'software', size: 'small', status: 'active', movedInAt: '2022-03-01', ...e });

describe('policy eligibility', () => {
  test.each([
    ['no criteria', policy(), ent(), []],
    ['industry listed', policy({ industries: ['software', 'ai'] }), ent(), []],
    ['industry not listed', policy({ industries: ['biotech'] }), ent(), [{ code: 'industry', params: { industry: 'software', allowed: ['biotech'] } }]],
    ['size not listed', policy({ sizes: ['micro'] }), ent(), [{ code: 'size', params: { size: 'small', allowed: ['micro'] } }]],
    ['too young', policy({ minAgeYears: 5 }), ent(), [{ code: 'age_below_min', params: { years: 4, min: 5 } }]],
    ['too old', policy({ maxAgeYears: 3 }), ent(), [{ code: 'age_above_max', params: { years: 4, max: 3 } }]],
    ['age within bounds', policy({ minAgeYears: 4, maxAgeYears: 4 }), ent(), []],
    ['age unknown', policy({ minAgeYears: 1 }), ent({ movedInAt: null }), [{ code: 'age_unknown', params: {} }]],
    ['age unknown without age criteria', policy(), ent({ movedInAt: null }), []],
    ['deadline passed', policy({ deadline: new Date('2026-12-01T00:00:00Z') }), ent(), [{ code: 'deadline_passed', params: { deadline: '2026-12-01T00:00:00.000Z' } }]],
    ['closed policy', policy({ status: 'closed' }), ent(), [{ code: 'policy_not_open', params: { status: 'closed' } }]],
    ['inactive enterprise', policy(), ent({ status: 'moved_out' }), [{ code: 'enterprise_inactive', params: { status: 'moved_out' } }]],
    ['several reasons at once', policy({ industries: ['ai'], sizes: ['large'] }), ent(), [{ code: 'industry', params: { industry: 'software', allowed: ['ai'] } }, { code: 'size', params: { size: 'small', allowed: ['large'] } }]],
  ])('%s', (_name, p, e, reasons) => {
    const r = evaluateEligibility(p, e, NOW);
    expect(r.reasons).toEqual(reasons);
    expect(r.isEligible).toBe(reasons.length === 0);
  });

  test.each([
    ['2022-12-06', 4],
    ['2022-12-07', 3],
    ['2026-12-06', 0],
    ['2027-01-01', 0],
  ])('years since %s: %i', (from, years) => expect(wholeYearsSince(from, NOW)).toBe(years));
});
