/**
 * Property evaluation (园区+物业考核), the scores part: schemes, periods, computation, ranking, trends, explanations.
 *
 * - A scheme (`eval_schemes`) belongs to a park and a period kind (month, quarter, year) and holds an indicator tree
 *   whose weights sum to 100 at each level (`findTreeIssues` in @parkos/contracts; a 400 names the level, e.g.
 *   `body.indicators[0].children`). Each leaf has a source kind: `sla_response`, `sla_resolution`, `reopen_rate`,
 *   `rating` (work orders of the district), `alarm_ack` (alarms of the district's buildings), `inspection_punctuality`,
 *   `deductions`, `survey`, `training` (the `EvaluationSources` providers) or `manual` (`eval_manual_entries`, note required).
 *   draft → active; a scheme a closed period used is not edited (409 `scheme_locked`): copy it to a new version.
 * - A period (`eval_periods`) of an active scheme is computed on demand and by the `evaluation.compute` job, and
 *   closed: closing computes a last time and freezes `eval_scores` (a row per district and company with the whole
 *   explained tree); a closed period refuses recomputation (409 `period_closed`).
 * - `computeScores` (evaluation.engine.ts) is the pure engine: district trees over the district's data, company trees
 *   as the mean of its districts per indicator; a leaf without data scores 100 with `noData`.
 * - Access: operators of the park see everything; property staff see their own company's (and its districts') scores
 *   and explanations; other companies only as name, rank and total when the period's ranking is published.
 *
 * For the appeals and awards work: `EvaluationService.ranking(ctx, periodId)`, `.scoreTree(ctx, periodId, subject)`,
 * `.trend(ctx, query)`, `.findPeriods / getPeriod / openPeriod / compute / close / publishRanking`; tables
 * `evalSchemes`, `evalPeriods`, `evalScores`, `evalManualEntries`.
 *
 * Outcomes (`createEvaluationOutcomes`, routes `evaluationOutcomesRoutes`):
 * - Appeals (申诉): property staff appeal a finding or an indicator of a closed period's frozen score through the
 *   approvals module (subject `evaluation_appeal`, park flow `assessment.appeal`; materials via files). An approved
 *   appeal records corrections that the next period of the park computed while open adds to the district's and the
 *   company's totals (a zero-weight `appeal_corrections` node with `appeal` items: case id and appealed period).
 *   The closed period never changes; one open appeal per item (409 `appeal_open`).
 * - Bottom warnings (末位预警): on close, a company last (or below a threshold) in N consecutive closed periods of the
 *   scheme (park rule, default last place twice) gets a warning and the park's operators a contract-review task
 *   (notified: `evaluation.review_task`), closed with a decision (keep, improve_plan, terminate_at_end) and a note.
 * - Awards (年度优秀物业): nominations through flow `assessment.award`; approved ones published as a news article.
 * - Reports (PDF with the CJK font, 503 `report_font_missing` without it; Excel) and the big-screen league table.
 * - Demo: `seedEvaluationOutcomesDemo(db, services, …)` after the periods are seeded.
 */
export { createEvaluationService, type EvaluationService, type EvaluationSources, type EvalRange, type EvalSubject } from './evaluation.service';
export { evaluationRoutes } from './evaluation.routes';
export { createEvaluationComputeJob } from './evaluation.jobs';
export { computeScores, rankByTotal, type EvalDeduction, type EvalSurveyRating, type EvalTrainingRecord, type DistrictInputs, type SubjectScore } from './evaluation.engine';
export { evalSchemes, evalPeriods, evalScores, evalManualEntries } from './evaluation.table';
export { periodRange, periodLabelAt } from './evaluation.periods';
export { createEvaluationOutcomes, evaluationOutcomesRoutes, type EvaluationOutcomes } from './evaluation.outcomes.routes';
export { EVAL_APPEAL_SUBJECT, EVAL_APPEAL_FLOW_KEY, CORRECTION_NODE_KEY, type AppealView } from './evaluation.appeals';
export { EVAL_AWARD_SUBJECT, EVAL_AWARD_FLOW_KEY, type AwardView } from './evaluation.awards';
export { DEFAULT_WARNING_RULE, type WarningRule, type WarningView, type OutcomeNotify } from './evaluation.warnings';
export { DEFAULT_CJK_FONT } from './evaluation.reports';
export { evalAppeals, evalCorrections, evalWarningRules, evalWarnings, evalReviewTasks, evalAwards } from './evaluation.outcomes.table';
export type { CorrectionsProvider, CloseListener } from './evaluation.service';
