import type { SurveyAnswerValue, SurveyQuestion, SurveyStatus } from '@parkos/contracts';
import { api } from '../../../lib/api-client';

export type { SurveyAnswerValue, SurveyQuestion, SurveyStatus };

/** A survey as the API shows it to the caller (operators get the counts, admins their enterprises). */
export interface Survey {
  id: string;
  parkId: string;
  title: string;
  description: string | null;
  questions: SurveyQuestion[];
  districts: { id: string; name: string }[];
  opensOn: string;
  closesOn: string;
  status: SurveyStatus;
  isAnswerable: boolean;
  createdAt: string;
  invited: number | null;
  answered: number | null;
  mine: { enterpriseId: string; enterpriseName: string; hasAnswered: boolean }[];
}

export interface SurveyInput {
  title: string;
  description?: string | null;
  questions: SurveyQuestion[];
  districtIds: string[];
  opensOn: string;
  closesOn: string;
}

export interface SurveyResponse {
  id: string;
  surveyId: string;
  enterpriseId: string;
  enterpriseName: string;
  districtId: string;
  districtName: string;
  answers: Record<string, SurveyAnswerValue>;
  answeredAt: string;
}

export interface QuestionResult {
  questionId: string;
  kind: SurveyQuestion['kind'];
  count: number;
  mean: number | null;
  scaleMax: number | null;
  distribution: { key: string; count: number }[];
  comments: string[];
  topTerms: { term: string; count: number }[];
}

export interface DistrictResult {
  districtId: string | null;
  districtName: string | null;
  invited: number;
  answered: number;
  responseRate: number;
  questions: QuestionResult[];
}

export interface SurveyResults {
  surveyId: string;
  total: DistrictResult;
  districts: DistrictResult[];
}

export const findSurveys = (q: { parkId?: string; status?: SurveyStatus } = {}) => api.get<Survey[]>('/surveys', q);
export const getSurvey = (id: string) => api.get<Survey>(`/surveys/${id}`);
export const createSurvey = (input: SurveyInput & { parkId: string }) => api.post<Survey>('/surveys', input);
export const updateSurvey = (id: string, input: Partial<SurveyInput>) => api.patch<Survey>(`/surveys/${id}`, input);
export const openSurvey = (id: string) => api.post<Survey>(`/surveys/${id}/open`);
export const closeSurvey = (id: string) => api.post<Survey>(`/surveys/${id}/close`);
export const answerSurvey = (id: string, body: { enterpriseId?: string; answers: Record<string, SurveyAnswerValue | null> }) => api.post<SurveyResponse>(`/surveys/${id}/responses`, body);
export const findResponses = (id: string) => api.get<SurveyResponse[]>(`/surveys/${id}/responses`);
export const findMyResponses = (id: string) => api.get<SurveyResponse[]>(`/surveys/${id}/my-responses`);
export const getResults = (id: string) => api.get<SurveyResults>(`/surveys/${id}/results`);
export const exportUrl = (id: string) => `/api/surveys/${id}/export`;
