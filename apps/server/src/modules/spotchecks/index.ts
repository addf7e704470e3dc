/**
 * Third-party spot checks (第三方安全机构不定期抽查).
 *
 * - Operators assign inspectors (users with the `inspector` role, the safety agency) to districts of their park for
 *   a period (`spot_check_assignments`). An inspector sees only the districts it is assigned to today; any other
 *   district's check or finding is 404.
 * - An inspector records an unannounced check of an assigned district with findings (description, severity
 *   minor/major/critical, photos through the files module, a fix deadline as an Asia/Shanghai day). The company
 *   contracted for the district on the day of the check answers; its staff are notified (`spot_check.recorded`).
 * - The company responds per finding (open → responded, with photos); an operator of the district or an assigned
 *   inspector verifies (accepted → closed; rejected → open with a note, `spot_check.rejected`); an operator may
 *   overturn a finding with a reason (it no longer counts). A finding past its deadline and not closed is overdue.
 * - `deductions(q, range)` is the evaluation data contract: points per severity (default 2/5/10, per park in
 *   `spot_check_settings`) for every finding that still counts.
 */
export { createSpotChecksService, localDay, localMidnight, FINDING_FILE_OWNER, RESPONSE_FILE_OWNER, type SpotChecksService } from './spotchecks.service';
export { spotChecksRoutes } from './spotchecks.routes';
export { seedSpotChecksDemo } from './spotchecks.seed';
export { spotCheckAssignments, spotCheckFindings, spotChecks, spotCheckSettings } from './spotchecks.table';
