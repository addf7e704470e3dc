import { SURVEY_LIMITS, SURVEY_QUESTION_KINDS, SURVEY_STATUSES } from '@parkos/contracts';
import { z } from 'zod';
import { isoDate } from '../../lib/validation';

const optionSchema = z.object({ id: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(SURVEY_LIMITS.maxOption) });

export const questionSchema = z.object({
  id: z.string().trim().min(1).max(40),
  kind: z.enum(SURVEY_QUESTION_KINDS),
  title: z.string().trim().min(1).max(SURVEY_LIMITS.maxTitle),
  required: z.boolean().default(false),
  scaleMax: z.union([z.literal(5), z.literal(10)]).optional(),
  lowLabel: z.string().trim().max(50).nullish(),
  highLabel: z.string().trim().max(50).nullish(),
  options: z.array(optionSchema).max(SURVEY_LIMITS.maxOptions).optional(),
});

export const createSurveyBody = z.object({
  parkId: z.string().uuid(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
  questions: z.array(questionSchema).max(SURVEY_LIMITS.maxQuestions),
  districtIds: z.array(z.string().uuid()).max(200),
  /** First and last day it may be answered (Asia/Shanghai). */
  opensOn: isoDate,
  closesOn: isoDate,
});
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;

/** A draft may change in everything but its park. */
export const updateSurveyBody = createSurveyBody.omit({ parkId: true }).partial();
export type UpdateSurveyBody = z.infer<typeof updateSurveyBody>;

export const surveyQuery = z.object({ parkId: z.string().uuid().optional(), status: z.enum(SURVEY_STATUSES).optional() });

const answerValue = z.union([z.number(), z.string().max(SURVEY_LIMITS.maxText), z.array(z.string().max(40)).max(SURVEY_LIMITS.maxOptions)]);

export const answerBody = z.object({
  /** The enterprise answering; may be left out by an admin of exactly one invited enterprise. */
  enterpriseId: z.string().uuid().optional(),
  answers: z.record(z.string().max(40), answerValue.nullable()),
});
export type AnswerBody = z.infer<typeof answerBody>;

export const surveySchema = z.object({
  id: z.string(),
  parkId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  questions: z.array(questionSchema),
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
  opensOn: z.string(),
  closesOn: z.string(),
  /** Effective status: an open survey past its last day reads `closed`. */
  status: z.enum(SURVEY_STATUSES),
  /** Whether it may be answered today (open, between its dates). */
  isAnswerable: z.boolean(),
  createdAt: z.string(),
  /** Operators: enterprises invited and answers so far (null for others). */
  invited: z.number().nullable(),
  answered: z.number().nullable(),
  /** Enterprise admins: their invited enterprises and whether each has answered (empty for others). */
  mine: z.array(z.object({ enterpriseId: z.string(), enterpriseName: z.string(), hasAnswered: z.boolean() })),
});
export type SurveyView = z.infer<typeof surveySchema>;

export const responseSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  answers: z.record(z.string(), answerValue),
  answeredAt: z.string(),
});
export type ResponseView = z.infer<typeof responseSchema>;

const questionResultSchema = z.object({
  questionId: z.string(),
  kind: z.enum(SURVEY_QUESTION_KINDS),
  /** Answers given to this question. */
  count: z.number(),
  /** Rating: the exact mean (null without answers) and how many chose each value 1..scaleMax. */
  mean: z.number().nullable(),
  scaleMax: z.number().nullable(),
  /** Rating values or choice options with their counts. */
  distribution: z.array(z.object({ key: z.string(), count: z.number() })),
  /** Text: the comments (no names, ordered by text) and their top terms. */
  comments: z.array(z.string()),
  topTerms: z.array(z.object({ term: z.string(), count: z.number() })),
});

const districtResultSchema = z.object({
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  invited: z.number(),
  answered: z.number(),
  /** answered / invited (0 when no one was invited). */
  responseRate: z.number(),
  questions: z.array(questionResultSchema),
});

export const resultsSchema = z.object({
  surveyId: z.string(),
  /** All the districts the caller may see together (districtId null), then each district. */
  total: districtResultSchema,
  districts: z.array(districtResultSchema),
});
export type ResultsView = z.infer<typeof resultsSchema>;
export type DistrictResult = z.infer<typeof districtResultSchema>;
