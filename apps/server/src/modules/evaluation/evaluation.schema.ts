import { EVAL_PERIOD_KINDS, EVAL_PERIOD_STATUSES, EVAL_SCHEME_STATUSES, EVAL_SUBJECT_KINDS, evalIndicatorSchema, type EvalScoreNode } from '@parkos/contracts';
import { z } from 'zod';

export const schemeBody = z.object({
  parkId: z.string().uuid(),
  name: z.string().trim().min(1).max(100),
  periodKind: z.enum(EVAL_PERIOD_KINDS),
  indicators: z.array(evalIndicatorSchema).min(1).max(30),
});
export type SchemeBody = z.infer<typeof schemeBody>;
export const updateSchemeBody = schemeBody.omit({ parkId: true }).partial();
export type UpdateSchemeBody = z.infer<typeof updateSchemeBody>;

export const schemeSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  periodKind: z.enum(EVAL_PERIOD_KINDS),
  status: z.enum(EVAL_SCHEME_STATUSES),
  version: z.number(),
  basedOnId: z.string().nullable(),
  indicators: z.array(evalIndicatorSchema),
  /** Used by a closed period: not editable (copy it to a new version instead). */
  isLocked: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SchemeView = z.infer<typeof schemeSchema>;

export const schemeQuery = z.object({ parkId: z.string().uuid().optional() });

export const periodBody = z.object({ schemeId: z.string().uuid(), label: z.string().trim().min(4).max(10) });
export const publishBody = z.object({ published: z.boolean() });
export const periodQuery = z.object({ parkId: z.string().uuid().optional(), schemeId: z.string().uuid().optional() });

export const periodSchema = z.object({
  id: z.string(),
  schemeId: z.string(),
  schemeName: z.string(),
  parkId: z.string(),
  kind: z.enum(EVAL_PERIOD_KINDS),
  label: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(EVAL_PERIOD_STATUSES),
  rankingPublished: z.boolean(),
  computedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Whether the caller may open, compute, close and publish (operators of the park). */
  canManage: z.boolean(),
});
export type PeriodView = z.infer<typeof periodSchema>;

export const manualBody = z.object({
  indicatorKey: z.string().min(1).max(60),
  subjectKind: z.enum(EVAL_SUBJECT_KINDS),
  subjectId: z.string().uuid(),
  score: z.number().min(0).max(100),
  /** Required: why this score (400 `body.note` when missing). */
  note: z.string().trim().max(1000).optional(),
});
export type ManualBody = z.infer<typeof manualBody>;
export const manualEntrySchema = z.object({ id: z.string(), periodId: z.string(), indicatorKey: z.string(), subjectKind: z.enum(EVAL_SUBJECT_KINDS), subjectId: z.string(), score: z.number(), note: z.string(), updatedAt: z.string() });
export type ManualEntryView = z.infer<typeof manualEntrySchema>;

export const rankingRowSchema = z.object({
  subjectId: z.string(),
  name: z.string(),
  /** The district's company (or the company itself); null in a public row of another company. */
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  rank: z.number(),
  total: z.number(),
  /** First-level indicator scores by key; null where the caller sees only the public ranking. */
  firstLevel: z.record(z.string(), z.number()).nullable(),
  /** Whether the caller may open its explanation. */
  canExplain: z.boolean(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;
export const rankingSchema = z.object({
  period: periodSchema,
  indicators: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() })),
  districts: z.array(rankingRowSchema),
  companies: z.array(rankingRowSchema),
});
export type RankingView = z.infer<typeof rankingSchema>;

const explanationSchema = z.object({
  kind: z.string(),
  noData: z.boolean(),
  figures: z.record(z.string(), z.number()),
  items: z.array(z.object({ type: z.string(), id: z.string(), label: z.string(), ok: z.boolean().optional(), points: z.number().optional(), value: z.number().optional(), severity: z.string().optional(), source: z.string().optional(), at: z.string().optional() })),
  note: z.string().nullable().optional(),
  districts: z.array(z.object({ districtId: z.string(), name: z.string(), score: z.number() })).optional(),
});
const nodeBase = z.object({ key: z.string(), name: z.string(), weight: z.number(), score: z.number(), explanation: explanationSchema.optional() });
// Four levels, as indicator trees (no self-reference in the OpenAPI document).
const node4 = nodeBase;
const node3 = nodeBase.extend({ children: z.array(node4).optional() });
const node2 = nodeBase.extend({ children: z.array(node3).optional() });
const scoreNodeSchema = nodeBase.extend({ children: z.array(node2).optional() });
/** The stored tree, typed as the shared recursive shape. */
export type ScoreNodeView = EvalScoreNode;

export const subjectParams = z.object({ id: z.string().uuid(), kind: z.enum(EVAL_SUBJECT_KINDS), subjectId: z.string().uuid() });
export const scoreTreeSchema = z.object({
  period: periodSchema,
  subjectKind: z.enum(EVAL_SUBJECT_KINDS),
  subjectId: z.string(),
  name: z.string(),
  companyId: z.string().nullable(),
  total: z.number(),
  rank: z.number(),
  of: z.number(),
  computedAt: z.string(),
  tree: z.array(scoreNodeSchema),
});
export type ScoreTreeView = Omit<z.infer<typeof scoreTreeSchema>, 'tree'> & { tree: EvalScoreNode[] };

export const trendQuery = z.object({ subjectKind: z.enum(EVAL_SUBJECT_KINDS), subjectId: z.string().uuid(), schemeId: z.string().uuid().optional() });
export const trendSchema = z.object({
  subjectKind: z.enum(EVAL_SUBJECT_KINDS),
  subjectId: z.string(),
  name: z.string(),
  points: z.array(z.object({ periodId: z.string(), label: z.string(), status: z.enum(EVAL_PERIOD_STATUSES), total: z.number(), rank: z.number(), firstLevel: z.record(z.string(), z.number()) })),
  indicators: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type TrendView = z.infer<typeof trendSchema>;
