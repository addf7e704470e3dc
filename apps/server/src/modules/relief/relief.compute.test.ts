import { describe, expect, test } from 'vitest';
import { computeRelief, programmeMonths, type LeaseFacts } from './relief.service';

const lease = (over: Partial<LeaseFacts> = {}): LeaseFacts => ({ leaseId: 'L1', unitCode: '101', areaM2: 120, startDate: '2026-01-01', endDate: '2027-12-31', monthlyRentFen: 1_000_001, ...over });
const programme = { fromPeriod: '2027-01', toPeriod: '2027-03', capPerEnterpriseFen: null } as const;

describe('computeRelief', () => {
  test.each([
    ['percent rounds each month down to whole fen', { reliefKind: 'percent', reliefValue: 33 }, [lease()], [330_000, 330_000, 330_000], 990_000],
    ['months free: the first N months at full rent', { reliefKind: 'months_free', reliefValue: 2 }, [lease()], [1_000_001, 1_000_001], 2_000_002],
    ['per m² per month: area × fen', { reliefKind: 'per_m2', reliefValue: 1500 }, [lease()], [180_000, 180_000, 180_000], 540_000],
    ['per m² never above the rent', { reliefKind: 'per_m2', reliefValue: 100_000 }, [lease({ monthlyRentFen: 50_000 })], [50_000, 50_000, 50_000], 150_000],
    ['a lease ending inside the period covers only its months', { reliefKind: 'percent', reliefValue: 50 }, [lease({ endDate: '2027-02-10', monthlyRentFen: 100 })], [50, 50], 100],
    ['a lease starting after the period gives nothing', { reliefKind: 'percent', reliefValue: 50 }, [lease({ startDate: '2027-04-01' })], [], 0],
  ] as const)('%s', (_name, relief, leases, amounts, total) => {
    const r = computeRelief({ ...programme, ...relief }, [...leases]);
    expect(r.lines.map((l) => l.amountFen)).toEqual(amounts);
    expect(r.totalFen).toBe(total);
    expect(r.lines.every((l) => Number.isInteger(l.amountFen))).toBe(true);
  });

  test('the cap per enterprise cuts from the last month backwards, over all leases', () => {
    const r = computeRelief({ ...programme, reliefKind: 'percent', reliefValue: 50, capPerEnterpriseFen: 1_000 }, [lease({ monthlyRentFen: 600 }), lease({ leaseId: 'L2', unitCode: '102', monthlyRentFen: 400 })]);
    expect(r.capped).toBe(true);
    expect(r.totalFen).toBe(1_000);
    expect(r.lines.reduce((a, l) => a + l.amountFen, 0)).toBe(1_000);
    expect(r.lines.map((l) => `${l.period}:${l.unitCode}:${l.amountFen}`)).toEqual(['2027-01:101:300', '2027-01:102:200', '2027-02:101:300', '2027-02:102:200']);
  });

  test('the months of a programme cross the year', () => {
    expect(programmeMonths({ fromPeriod: '2026-11', toPeriod: '2027-02' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
