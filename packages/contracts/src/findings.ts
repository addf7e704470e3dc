/**
 * Findings of inspections and spot checks, shared by both modules and read by the evaluation:
 * each severity costs the district's company points (a park may set its own).
 */
export const FINDING_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Deduction points per severity. */
export type SeverityPoints = Record<FindingSeverity, number>;

/** Deduction points per finding severity unless the park sets its own. */
export const DEFAULT_SEVERITY_POINTS: SeverityPoints = { minor: 2, major: 5, critical: 10 };

/** One deduction an evaluation input reports for a period (the evaluation's data contract). */
export interface EvalDeduction {
  source: 'inspection' | 'spot_check';
  findingId: string;
  districtId: string;
  propertyCompanyId: string;
  severity: FindingSeverity;
  points: number;
  occurredAt: Date;
  label: string;
}
