/**
 * Policy applications (政策申报): a park's policy library and the enterprises' applications.
 *
 * - Operators of a park create policies (draft), publish and close them: issuer, document number,
 *   deadline, eligibility (industries, sizes, years in the park — the enterprise profile has no
 *   founding date, so "enterprise age" is whole years since `movedInAt`), amount (none, fixed,
 *   up to; fen), the materials an application needs, and the key of the park's approval flow.
 * - Enterprise people see published and closed policies of their park with their eligibility as
 *   reason codes with parameters (`eligibility.ts`; the web app words them).
 * - An enterprise admin applies with one uploaded file per material (files module, owner type
 *   `policy_application`); this starts an approval case (subject type `policy_application`) whose
 *   outcomes update the application; on approval the granted amount is the requested one (a fixed
 *   policy's amount, or what was asked for an up-to policy, at most its cap). A returned
 *   application is resubmitted with new files; the applicant may withdraw. One active application
 *   (or enquiry) per enterprise and policy: a second is a 409 and changes nothing. Applying after
 *   the deadline or when not eligible is a 409 with `details.reason` `deadline_passed` / `not_eligible`.
 * - One-to-one guidance: an operator assigns an advisor (an operator of the park) to an
 *   application or an enquiry; enterprise and advisor talk in its comment thread (each message
 *   notifies the other side).
 * - The worker's `policies.deadline-reminders` job notifies the admins of eligible enterprises that
 *   have not applied 7 and 1 days before a deadline, each once (table `policy_reminders`).
 */
export { createPoliciesService, POLICY_APPLICATION, REMINDER_DAYS, type PoliciesService } from './policies.service';
export { policiesRoutes } from './policies.routes';
export { createPolicyReminderJob } from './policies.jobs';
export { evaluateEligibility, type Eligibility, type IneligibleReason } from './eligibility';
