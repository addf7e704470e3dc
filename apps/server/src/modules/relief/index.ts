/**
 * Rent relief (疫情减租): programmes, eligibility, applications, credits on rent bills.
 *
 * - An operator of a park creates a programme (period `fromPeriod`–`toPeriod`, eligibility: a lease
 *   active on `leaseActiveOn`, sizes, industries, an arrears limit in fen (open bills past their due
 *   date, less their credits), a leased-area limit in m²; the relief: months free, a percentage off or
 *   fen per m² per month; a cap per enterprise; the budget; the approval flow key), then opens it.
 * - `GET /relief-programmes/{id}/eligibility` computes eligibility from the park's own data (leases,
 *   units' area, the enterprise profile, bills): eligible with the relief month by month, or the
 *   reasons as codes with params (the web writes the sentences).
 * - The enterprise admin applies with materials (files module, owner type `relief_application`):
 *   one active application (in review, returned, approved) per enterprise and programme, else 409;
 *   the application starts an approval case (subject type `relief_application`, the programme's flow).
 * - On the final approval (`onOutcome`, inside the decision's transaction) the programme row is
 *   locked and `granted + relief ≤ budget` checked, else a 409 `budget_exceeded` refuses the decision
 *   and nothing changes (also when two approvals race). Then the grant is recorded and billing's
 *   `applyCredits` puts the relief on the enterprise's rent bills of the programme's months: one
 *   credit note per bill (`bill_credits`), integer fen, a bill's amount due never below zero.
 * - Decisions on bills that cannot simply take the credit:
 *   - an already paid bill (or one in a live checkout, or void/refunded) is not refunded: its credit
 *     is carried to the lease's next rent bill (the note says which months it carries);
 *   - a rent bill not generated yet gets a pending credit that billing applies when it generates
 *     that bill (`generatePeriodBills`).
 *   Refunding money already paid would need the payment provider outside the decision's
 *   transaction; offsetting against future rent is one of the settlements published notices use.
 * - Rejected and withdrawn applications change no bill; returned ones are resubmitted with
 *   `POST /relief-applications/{id}/resubmit` (the relief is recomputed).
 */
export { createReliefService, computeRelief, programmeMonths, RELIEF_SUBJECT, RELIEF_FILE_OWNER, RELIEF_FLOW_KEY, type ReliefService, type LeaseFacts } from './relief.service';
export { reliefRoutes } from './relief.routes';
export { seedRelief } from './relief.seed';
