import { z } from 'zod';

/**
 * Property evaluation (园区+物业考核): the shared shapes of schemes, indicator trees and score trees,
 * used by the server (validation) and the web app (scheme builder, explanation view).
 */

/** How often a scheme is scored. */
export const EVAL_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type EvalPeriodKind = (typeof EVAL_PERIOD_KINDS)[number];

/** Where a leaf indicator's figure comes from (the data contract of the evaluation inputs). */
export const EVAL_SOURCE_KINDS = ['sla_response', 'sla_resolution', 'reopen_rate', 'rating', 'alarm_ack', 'inspection_punctuality', 'deductions', 'survey', 'training', 'manual'] as const;
export type EvalSourceKind = (typeof EVAL_SOURCE_KINDS)[number];

export const EVAL_DEDUCTION_SOURCES = ['inspection', 'spot_check'] as const;
export type EvalDeductionSource = (typeof EVAL_DEDUCTION_SOURCES)[number];
export const EVAL_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type EvalSeverity = (typeof EVAL_SEVERITIES)[number];

export const EVAL_SCHEME_STATUSES = ['draft', 'active', 'archived'] as const;
export type EvalSchemeStatus = (typeof EVAL_SCHEME_STATUSES)[number];
export const EVAL_PERIOD_STATUSES = ['open', 'closed'] as const;
export type EvalPeriodStatus = (typeof EVAL_PERIOD_STATUSES)[number];
export const EVAL_SUBJECT_KINDS = ['district', 'company'] as const;
export type EvalSubjectKind = (typeof EVAL_SUBJECT_KINDS)[number];

/** A leaf's source and its filter. */
export const evalSourceSchema = z.object({
  kind: z.enum(EVAL_SOURCE_KINDS),
  /** `deductions` only: which findings count (default both). */
  deductionSources: z.array(z.enum(EVAL_DEDUCTION_SOURCES)).min(1).max(2).optional(),
  /** `deductions` only: which severities count (default all). */
  severities: z.array(z.enum(EVAL_SEVERITIES)).min(1).max(3).optional(),
});
export type EvalSource = z.infer<typeof evalSourceSchema>;

/** One indicator: a parent (children whose weights sum to 100) or a leaf (with a source). */
export interface EvalIndicator {
  /** Stable key within the scheme (letters, digits, `_`, `.`, `-`). */
  key: string;
  name: string;
  /** Share of the parent's score, in percent; siblings sum to 100. */
  weight: number;
  children?: EvalIndicator[];
  source?: EvalSource;
}

const indicatorBase = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,60}$/, 'letters, digits, _ . -'),
  name: z.string().trim().min(1).max(60),
  weight: z.number().min(0).max(100),
  source: evalSourceSchema.optional(),
});
/** Indicator trees are at most four levels deep (spelled out, not recursive, so the OpenAPI document has no self-reference). */
export const EVAL_MAX_DEPTH = 4;
const level4 = indicatorBase.strict();
const level3 = indicatorBase.extend({ children: z.array(level4).max(30).optional() });
const level2 = indicatorBase.extend({ children: z.array(level3).max(30).optional() });
export const evalIndicatorSchema = indicatorBase.extend({ children: z.array(level2).max(30).optional() });

/** Sum of sibling weights, rounded against floating-point noise; a level is valid when this is 100. */
export function weightSum(items: readonly { weight: number }[]): number {
  return Math.round(items.reduce((s, i) => s + (Number.isFinite(i.weight) ? i.weight : 0), 0) * 1e6) / 1e6;
}

/** A problem in an indicator tree, with its path (`indicators[0].children`) and a code the web app words. */
export interface EvalTreeIssue {
  path: string;
  code: 'weights_not_100' | 'source_required' | 'source_on_parent' | 'duplicate_key' | 'empty';
}

/** Every problem of an indicator tree: each level's weights sum to 100, leaves have a source, keys are unique. */
export function findTreeIssues(indicators: readonly EvalIndicator[], path = 'indicators', seen = new Set<string>()): EvalTreeIssue[] {
  const out: EvalTreeIssue[] = [];
  if (!indicators.length) return [{ path, code: 'empty' }];
  if (weightSum(indicators) !== 100) out.push({ path, code: 'weights_not_100' });
  indicators.forEach((ind, i) => {
    const here = `${path}[${i}]`;
    if (seen.has(ind.key)) out.push({ path: `${here}.key`, code: 'duplicate_key' });
    seen.add(ind.key);
    if (ind.children?.length) {
      if (ind.source) out.push({ path: `${here}.source`, code: 'source_on_parent' });
      out.push(...findTreeIssues(ind.children, `${here}.children`, seen));
    } else if (!ind.source) out.push({ path: `${here}.source`, code: 'source_required' });
  });
  return out;
}

/** What moved a leaf: codes and figures only (the web app words them). */
export interface EvalExplanation {
  kind: EvalSourceKind;
  /** No data in the period: the leaf scores 100. */
  noData: boolean;
  /** Counts: e.g. `{ within: 12, total: 15 }`, `{ reopened: 1, total: 15 }`, `{ n: 8, mean: 4.5 }`. */
  figures: Record<string, number>;
  /** The orders, alarms, findings, responses or notes behind the figure. */
  items: EvalExplanationItem[];
  /** Manual leaves: the operator's note. */
  note?: string | null;
  /** Company nodes: the districts' scores whose mean this is. */
  districts?: { districtId: string; name: string; score: number }[];
}

export interface EvalExplanationItem {
  /** order | alarm | finding | survey | training | appeal (a correction: id = approval case, label = the appealed period) */
  type: 'order' | 'alarm' | 'finding' | 'survey' | 'training' | 'appeal';
  id: string;
  /** Order number, finding label, alarm message, … */
  label: string;
  /** Whether it counted for (true) or against (false) the score. */
  ok?: boolean;
  /** Deduction points of a finding, or a rating value. */
  points?: number;
  value?: number;
  severity?: string;
  source?: string;
  at?: string;
}

/** A node of a score tree: the indicator with its score (0–100, exact) and, for leaves, its explanation. */
export interface EvalScoreNode {
  key: string;
  name: string;
  weight: number;
  score: number;
  children?: EvalScoreNode[];
  explanation?: EvalExplanation;
}
