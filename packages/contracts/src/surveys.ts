/**
 * Satisfaction surveys (线上企业客户满意度调查): the question model an operator builds, shared so the web app and the
 * server check a survey and an answer with exactly the same rules (`surveyQuestionIssues`, `surveyAnswerIssues`).
 * Problems are codes with a path (`questions.2.options`); the server prefixes `body.`, the web writes the sentence.
 */

/** The kinds of question: a rating scale, one choice, several choices, free text. */
export const SURVEY_QUESTION_KINDS = ['rating', 'single', 'multiple', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** A survey's life: a draft is edited, an open one answered (between its dates), a closed one only read. */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** The scales a rating may use. */
export const SURVEY_SCALES = [5, 10] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];

export const SURVEY_LIMITS = { maxQuestions: 50, maxOptions: 20, maxTitle: 200, maxOption: 100, maxText: 2000 } as const;

export interface SurveyOption {
  /** Stable key within its question, e.g. `o1`. */
  id: string;
  label: string;
}

export interface SurveyQuestion {
  /** Stable key within the survey, e.g. `q1`. */
  id: string;
  kind: SurveyQuestionKind;
  title: string;
  required: boolean;
  /** Rating only: the top of the scale (1..scaleMax). */
  scaleMax?: SurveyScale;
  /** Rating only: what the two ends mean, e.g. 很不满意 / 非常满意. */
  lowLabel?: string | null;
  highLabel?: string | null;
  /** Single and multiple choice only. */
  options?: SurveyOption[];
}

/** One answer: a rating value, an option id, option ids, or text. */
export type SurveyAnswerValue = number | string | string[];

/** A problem with a survey or an answer: where (a dotted path) and what (a code the UI words). */
export interface SurveyIssue {
  path: string;
  code: 'required' | 'duplicate' | 'too_few_options' | 'scale' | 'not_allowed' | 'out_of_range' | 'unknown_option' | 'too_long' | 'too_many';
}

const KEY = /^[a-z0-9_-]{1,40}$/i;

/** Problems of a question list (empty when it may be saved and opened). */
export function surveyQuestionIssues(questions: readonly SurveyQuestion[]): SurveyIssue[] {
  const out: SurveyIssue[] = [];
  if (!questions.length) out.push({ path: 'questions', code: 'required' });
  if (questions.length > SURVEY_LIMITS.maxQuestions) out.push({ path: 'questions', code: 'too_many' });
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!KEY.test(q.id)) out.push({ path: `${at}.id`, code: 'required' });
    else if (ids.has(q.id)) out.push({ path: `${at}.id`, code: 'duplicate' });
    ids.add(q.id);
    if (!q.title.trim()) out.push({ path: `${at}.title`, code: 'required' });
    if (q.title.length > SURVEY_LIMITS.maxTitle) out.push({ path: `${at}.title`, code: 'too_long' });
    const isChoice = q.kind === 'single' || q.kind === 'multiple';
    if (q.kind === 'rating') {
      if (!SURVEY_SCALES.includes(q.scaleMax as SurveyScale)) out.push({ path: `${at}.scaleMax`, code: 'scale' });
    } else if (q.scaleMax !== undefined && q.scaleMax !== null) out.push({ path: `${at}.scaleMax`, code: 'not_allowed' });
    if (isChoice) {
      const opts = q.options ?? [];
      if (opts.length < 2) out.push({ path: `${at}.options`, code: 'too_few_options' });
      if (opts.length > SURVEY_LIMITS.maxOptions) out.push({ path: `${at}.options`, code: 'too_many' });
      const optIds = new Set<string>();
      opts.forEach((o, k) => {
        if (!KEY.test(o.id)) out.push({ path: `${at}.options.${k}.id`, code: 'required' });
        else if (optIds.has(o.id)) out.push({ path: `${at}.options.${k}.id`, code: 'duplicate' });
        optIds.add(o.id);
        if (!o.label.trim()) out.push({ path: `${at}.options.${k}.label`, code: 'required' });
        if (o.label.length > SURVEY_LIMITS.maxOption) out.push({ path: `${at}.options.${k}.label`, code: 'too_long' });
      });
    } else if (q.options?.length) out.push({ path: `${at}.options`, code: 'not_allowed' });
  });
  return out;
}

/** Problems of an answer to a survey's questions, keyed `answers.<questionId>`. */
export function surveyAnswerIssues(questions: readonly SurveyQuestion[], answers: Record<string, SurveyAnswerValue | null | undefined>): SurveyIssue[] {
  const out: SurveyIssue[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const k of Object.keys(answers)) if (!known.has(k)) out.push({ path: `answers.${k}`, code: 'not_allowed' });
  for (const q of questions) {
    const at = `answers.${q.id}`;
    const v = answers[q.id];
    const isEmpty = v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);
    if (isEmpty) {
      if (q.required) out.push({ path: at, code: 'required' });
      continue;
    }
    const opts = new Set((q.options ?? []).map((o) => o.id));
    switch (q.kind) {
      case 'rating':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > (q.scaleMax ?? 5)) out.push({ path: at, code: 'out_of_range' });
        break;
      case 'single':
        if (typeof v !== 'string' || !opts.has(v)) out.push({ path: at, code: 'unknown_option' });
        break;
      case 'multiple':
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !opts.has(x)) || new Set(v).size !== v.length) out.push({ path: at, code: 'unknown_option' });
        break;
      case 'text':
        if (typeof v !== 'string') out.push({ path: at, code: 'out_of_range' });
        else if (v.length > SURVEY_LIMITS.maxText) out.push({ path: at, code: 'too_long' });
        break;
    }
  }
  return out;
}
