/**
 * Return-to-work ledger (复工台账): reporting campaigns of a park and the enterprises' reports.
 *
 * - Operators open a campaign (daily or weekly, start and end date, a deadline time on each period's first day,
 *   all active enterprises of the park or those of a site or building) with the standard form (`STANDARD_FIELDS`)
 *   plus their own fields; the campaign keeps that form, and each submission is validated against it.
 * - Enterprise admins report once per enterprise and period; before the deadline a new report replaces the last
 *   (revision + 1, audited with before and after); after it, 409.
 * - Each report is compared (比对, `compareSubmission`) with the enterprise's previous period, its registered
 *   members (member accounts or the profile's headcount, whichever is larger), the distinct people of the enterprise let in at the gates (community/passes `countGatePeople`) and
 *   its vehicles' parking entries (parking `countEnterpriseVehicleEntries`) for the period's days; findings are
 *   flags with a code and figures, which operators follow up with a note.
 * - `createReturnWorkReminderJob` runs on the shared jobs scheduler; a unique row per enterprise and period makes
 *   each reminder go out once however often the job runs.
 */
export { createReturnWorkService, type ReturnWorkService } from './returnwork.service';
export { returnWorkRoutes } from './returnwork.routes';
export { createReturnWorkReminderJob } from './returnwork.jobs';
export { STANDARD_FIELDS, DEFAULT_THRESHOLDS, compareSubmission } from './returnwork.rules';
