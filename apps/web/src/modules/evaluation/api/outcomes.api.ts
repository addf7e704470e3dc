import type {
  EvalAppealInput,
  EvalAppealStatus,
  EvalAppealView,
  EvalAwardView,
  EvalReviewDecision,
  EvalReviewTaskView,
  EvalWarningMode,
  EvalWarningPeriod,
  EvalWarningRule,
  EvalWarningView,
} from '@parkos/contracts';
import { api, apiRequest } from '../../../lib/api-client';
import type { StoredFile } from '../../files/api/files.api';
import type { RankingRow } from './evaluation.api';

// The wire's shapes are the contracts'; these names are the ones the pages use.
export type AppealStatus = EvalAppealStatus;
export type Appeal = EvalAppealView<StoredFile>;
export type AppealInput = EvalAppealInput;
export type WarningMode = EvalWarningMode;
export type ReviewDecision = EvalReviewDecision;
export type WarningRule = EvalWarningRule;
export type WarningPeriod = EvalWarningPeriod;
export type Warning = EvalWarningView;
export type ReviewTask = EvalReviewTaskView;
export type Award = EvalAwardView;
export interface YearRanking {
  parkId: string;
  year: number;
  periods: number;
  companies: { companyId: string; name: string; periods: number; total: number; rank: number }[];
}
export type LeagueRow = RankingRow & { previousRank: number | null; previousTotal: number | null; warned: boolean };
export interface League {
  period: { id: string; label: string; status: string; startDate: string; endDate: string; computedAt: string | null } | null;
  previousLabel: string | null;
  indicators: { key: string; name: string; weight: number }[];
  companies: LeagueRow[];
  districts: LeagueRow[];
}

export const findAppeals = () => api.get<Appeal[]>('/evaluation/appeals');
export const fileAppeal = (input: AppealInput) => api.post<Appeal>('/evaluation/appeals', input);
export const getRule = (parkId: string) => api.get<WarningRule>(`/evaluation/warning-rules/${parkId}`);
export const setRule = (parkId: string, input: Omit<WarningRule, 'parkId'>) => apiRequest<WarningRule>(`/evaluation/warning-rules/${parkId}`, { method: 'PUT', body: input });
export const findWarnings = () => api.get<Warning[]>('/evaluation/warnings');
export const findReviewTasks = () => api.get<ReviewTask[]>('/evaluation/review-tasks');
export const closeReviewTask = (id: string, input: { decision: ReviewDecision; note: string }) => api.post<ReviewTask>(`/evaluation/review-tasks/${id}/close`, input);
export const findAwards = () => api.get<Award[]>('/evaluation/awards');
export const getYearRanking = (parkId: string, year: number) => api.get<YearRanking>('/evaluation/awards/ranking', { parkId, year });
export const nominate = (input: { parkId: string; year: number; kind: 'company' | 'staff'; propertyCompanyId: string; staffName?: string | null; citation: string }) => api.post<Award>('/evaluation/awards', input);
export const publishAwards = (input: { parkId: string; year: number; title: string; intro?: string | null; companyHeading: string; staffHeading: string }) => api.post<{ articleId: string; awards: Award[] }>('/evaluation/awards/publish', input);
export const getLeague = (parkId: string) => api.get<League>('/evaluation/league', { parkId });
export const reportUrl = (periodId: string, companyId: string, ext: 'pdf' | 'xlsx', lang: 'zh' | 'en') => `/api/evaluation/reports/${periodId}/${companyId}/report.${ext}?lang=${lang}`;
