/**
 * Satisfaction surveys (线上企业客户满意度调查) of the park + property evaluation.
 *
 * - Operators of a park build a survey (questions: rating 1–5 or 1–10 with end labels, single or multiple choice,
 *   free text; required flags; the target districts; first and last day, Asia/Shanghai dates). The shared rules in
 *   `@parkos/contracts` (`surveyQuestionIssues`, `surveyAnswerIssues`) check it; a 400 names the field
 *   (`body.questions.2.options`). Draft → open → closed (an open survey past its last day reads closed).
 * - Opening invites every active enterprise with an active lease in a target district (lease → unit → building →
 *   district; the first lease decides), fixing that district: the response rate's denominator and the district of
 *   its answer (`survey_invitations`).
 * - An enterprise admin answers once per survey and enterprise: the unique index `survey_responses_once_uq` makes a
 *   second answer, even a simultaneous one, a 409 `already_answered`.
 * - Results per district: response rate, exact means of ratings, choice distributions, comments and their top
 *   terms (jieba, stop words and single characters removed). Operators see who answered what; property staff only
 *   the aggregates and comment texts of the survey's districts they hold a contract for; admins only their answer.
 * - `createSurveyReminderJob` (shared jobs scheduler): from two days before the last day, each invited enterprise
 *   that has not answered is notified once (`survey.reminder`).
 * - `ratings(q, range)` gives the evaluation module one row per rating answer (the BRIEF's data contract).
 */
export { createSurveysService, type SurveysService, type SurveyRatingRow } from './surveys.service';
export { surveysRoutes } from './surveys.routes';
export { createSurveyReminderJob } from './surveys.jobs';
export { topTerms, STOP_WORDS } from './surveys.rules';
export { seedSurveysDemo } from './surveys.seed';
