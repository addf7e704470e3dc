/**
 * Third-party spot checks (第三方安全机构不定期抽查): the words server and web share.
 * The server sends these codes; the web app words them in zh-CN and English.
 */

/** How serious a finding is; each severity costs the district's company points (see DEFAULT_SPOT_CHECK_POINTS). */
export const FINDING_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * Where a finding is: `open` (the company must fix it), `responded` (the company says it is fixed; waiting for
 * verification), `closed` (the fix was accepted), `overturned` (an operator voided it, e.g. inspector error).
 * A rejected fix goes back to `open` with the note.
 */
export const FINDING_STATUSES = ['open', 'responded', 'closed', 'overturned'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Deduction points per severity of a park (configurable; these are the defaults). */
export interface SeverityPoints {
  minor: number;
  major: number;
  critical: number;
}
export const DEFAULT_SPOT_CHECK_POINTS: SeverityPoints = { minor: 2, major: 5, critical: 10 };

/** One deduction an evaluation input reports (the evaluation data contract, shared with inspections). */
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

