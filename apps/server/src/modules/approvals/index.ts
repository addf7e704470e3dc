/**
 * Approvals (审批): the shared module every feature that needs a review uses.
 *
 * - A feature registers its subject type once: `approvals.registerSubjectType('my_type', { onOutcome, canView })`.
 *   `onOutcome` runs inside the decision's transaction (throw an AppError to refuse the decision).
 * - It starts a case for its record with a park's flow: `approvals.startCase(ctx, { parkId, enterpriseId, subjectType, subjectId, title, flowKey, formValues }, tx?)`.
 * - People act through the routes (`POST /api/approval-cases/:id/actions`) or `approvals.act(ctx, id, body)`; a returned
 *   case is resubmitted with corrected form values by the feature: `approvals.resubmitCase(ctx, id, {formValues}, tx?)`;
 *   `getCase` returns the timeline, `findTasksFor` the caller's inbox.
 * - A feature that ends its record itself (e.g. cancels it) closes the record's open case in its own transaction:
 *   `approvals.withdrawForSubject(ctx, { subjectType, subjectId, reason }, tx)` (audited; the approvers' tasks are cancelled).
 * - The worker calls `escalateOverdue()` (see `createApprovalEscalationJob`, run by the shared jobs scheduler).
 */
export { createApprovalsService, type ApprovalsService, type ApprovalCase, type SubjectTypeHandler, type StartCaseInput } from './approvals.service';
export { approvalsRoutes } from './approvals.routes';
export { createApprovalEscalationJob, startApprovalEscalationJob } from './approvals.jobs';
export type { CaseOutcome, CaseStatus } from './approval-machine';
export type { StepDefinition, ApproverSpec, Condition } from './approval-flow';
export type { ActBody, CaseDetail, CaseSummary, InboxItem } from './approvals.schema';
