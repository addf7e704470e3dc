/**
 * What the evaluation's outcomes (appeals, bottom warnings, review tasks, awards) look like on the wire: one
 * definition for the server that sends them and the web app that shows them.
 */
export const EVAL_APPEAL_STATUSES = ['in_review', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type EvalAppealStatus = (typeof EVAL_APPEAL_STATUSES)[number];
export const EVAL_APPEAL_ITEM_KINDS = ['finding', 'indicator'] as const;
export type EvalAppealItemKind = (typeof EVAL_APPEAL_ITEM_KINDS)[number];
export const EVAL_WARNING_MODES = ['last_place', 'below_threshold'] as const;
export type EvalWarningMode = (typeof EVAL_WARNING_MODES)[number];
export const EVAL_REVIEW_DECISIONS = ['keep', 'improve_plan', 'terminate_at_end'] as const;
export type EvalReviewDecision = (typeof EVAL_REVIEW_DECISIONS)[number];
export const EVAL_REVIEW_STATUSES = ['open', 'closed'] as const;
export type EvalReviewStatus = (typeof EVAL_REVIEW_STATUSES)[number];
export const EVAL_AWARD_KINDS = ['company', 'staff'] as const;
export type EvalAwardKind = (typeof EVAL_AWARD_KINDS)[number];

/** An appeal against a finding's deduction or an indicator's score. */
export interface EvalAppealView<Material = unknown> {
  id: string;
  parkId: string;
  periodId: string;
  periodLabel: string;
  propertyCompanyId: string;
  districtId: string;
  itemKind: EvalAppealItemKind;
  itemRef: string;
  indicatorKey: string;
  findingId: string | null;
  findingSource: string | null;
  itemLabel: string;
  claimedScore: number | null;
  reason: string;
  districtPoints: number;
  companyPoints: number;
  status: EvalAppealStatus;
  caseId: string | null;
  /** The open period the correction was added to, once computed. */
  appliedPeriodId: string | null;
  appliedPeriodLabel: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** The uploaded evidence, on the detail only. */
  materials?: Material[];
}

export type EvalAppealInput =
  | { periodId: string; districtId: string; itemKind: 'finding'; findingId: string; source: 'inspection' | 'spot_check'; reason: string; fileIds?: string[] }
  | { periodId: string; districtId: string; itemKind: 'indicator'; indicatorKey: string; claimedScore: number; reason: string; fileIds?: string[] };

export interface EvalWarningRule {
  parkId: string;
  mode: EvalWarningMode;
  threshold: number | null;
  consecutive: number;
}

/** One closed period that counted towards a warning. */
export interface EvalWarningPeriod {
  periodId: string;
  label: string;
  total: number;
  rank: number;
  of: number;
}

export interface EvalWarningView {
  id: string;
  parkId: string;
  periodId: string;
  propertyCompanyId: string;
  companyName: string;
  mode: EvalWarningMode;
  threshold: number | null;
  consecutive: number;
  periods: EvalWarningPeriod[];
  createdAt: string;
  /** Operators: the review task's status and decision. */
  task: { id: string; status: EvalReviewStatus; decision: EvalReviewDecision | null; note: string | null; closedAt: string | null } | null;
}

export interface EvalReviewTaskView {
  id: string;
  warningId: string;
  parkId: string;
  propertyCompanyId: string;
  companyName: string;
  periods: EvalWarningPeriod[];
  status: EvalReviewStatus;
  decision: EvalReviewDecision | null;
  note: string | null;
  closedAt: string | null;
  createdAt: string;
}

export interface EvalAwardView {
  id: string;
  parkId: string;
  year: number;
  kind: EvalAwardKind;
  propertyCompanyId: string;
  companyName: string;
  staffName: string | null;
  citation: string;
  total: number | null;
  rank: number | null;
  status: EvalAppealStatus;
  caseId: string | null;
  articleId: string | null;
  createdAt: string;
}
