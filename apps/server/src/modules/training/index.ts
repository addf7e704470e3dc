/**
 * Training (纵向延伸培训) of the property companies' staff, one input of the park + property evaluation.
 *
 * - Rosters: each property company's own property staff keep its staff list (name, post, phone, linked ParkOS
 *   user, active); operators see the rosters of the companies contracted in the parks they operate.
 * - Sessions: operators of a park schedule a session (topic, Asia/Shanghai date and time, hours, trainer, exam and
 *   pass mark) and invite chosen staff or whole rosters of the park's companies; a company may schedule sessions
 *   for its own staff. After the session, attendance and exam scores are entered in bulk or imported from the
 *   results sheet (all rows or none; each bad row named by row and column); passed = score ≥ pass mark.
 * - Figures per company and month: sessions, invited, attendance rate, hours per active staff member, pass rate.
 * - `TrainingService.records(q, range)` is the evaluation data contract: one row per invited staff member of each
 *   session of the park held in [from, to) whose attendance has been recorded (`staffKey` = the staff member's id).
 *
 * Property staff see only their own company (another company's staff and sessions are 404); nobody else sees any.
 */
export { createTrainingService, type TrainingService } from './training.service';
export { trainingRoutes } from './training.routes';
export { localDate as trainingLocalDate } from './training.rules';
