/**
 * On-site inspections (现场监督检查) — and the ONE checklist-and-route model that patrols (巡逻),
 * equipment rounds (设备巡检) and drone missions (无人机巡航) reuse.
 *
 * The model (every table carries `purpose`: inspection | patrol | equipment_round | drone_mission):
 * - A template (检查表) is an ordered list of items, each `pass_fail` or `score` (0..maxScore, failing
 *   below passScore), with `photoRequiredOnFail`, the `severity` of a failed item (minor/major/critical)
 *   and an optional work-order `category`.
 * - A route is ordered checkpoints — a district, a building of it, or a free location in it — each
 *   with a template. `GET /inspection-routes/{id}` returns the route with its templates: all a phone
 *   needs to walk it offline.
 * - A schedule assigns a route to an operator-staff user with a due date (Asia/Shanghai), optionally
 *   weekly or monthly: the `inspections.schedules` job (shared jobs scheduler) adds each next occurrence.
 * - A run is one walk, submitted at once with a client-generated `clientId`: a retry never makes a
 *   second run. Photos are uploaded first (`POST /api/files?purpose=image`) and attached here to the
 *   marked item (owner type `inspection_result`); a failed item whose template wants a photo without
 *   one is a 400 naming `body.marks.N.photoIds`.
 * - A failed item is a finding: its district's responsible property company (the contract on that
 *   date), severity and points (default minor 2, major 5, critical 10; per park in `inspection_settings`).
 *   It may open a work order (source `inspection`, smart dispatch routes it to the district's company)
 *   with copies of its photos; the operator may void it with a reason (audited).
 * A patrol, an equipment round or a drone mission is the same template + route + schedule + run with its
 * own `purpose`; a drone mission's photos are the drone's uploads. Their modules add views, not tables.
 *
 * Access: operators of the park manage and run everything; property staff read the runs and findings
 * of their own company's districts (never other districts' items); everyone else sees nothing.
 *
 * The evaluation data contract: `deductions(q, range)` (source `inspection`, voided findings left out)
 * and `punctuality(q, range)` (schedules due in the range per district, and those done on time).
 */
export { createInspectionsService, INSPECTION_RESULT_FILE_OWNER, parkDate, parkDayStart, shiftDate, type InspectionsService } from './inspections.service';
export { inspectionsRoutes } from './inspections.routes';
export { createInspectionScheduleJob } from './inspections.jobs';
export { seedInspections } from './inspections.seed';
