import { api, apiRequest } from '../../../lib/api-client';
import type { RankingRow } from './evaluation.api';

export type AppealStatus = 'in_review' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export interface Appeal {
  id: string;
  parkId: string;
  periodId: string;
  periodLabel: string;
  propertyCompanyId: string;
  districtId: string;
  itemKind: 'finding' | 'indicator';
  itemRef: string;
  indicatorKey: string;
  findingId: string | null;
  findingSource: string | null;
  itemLabel: string;
  claimedScore: number | null;
  reason: string;
  districtPoints: number;
  companyPoints: number;
  status: AppealStatus;
  caseId: string | null;
  appliedPeriodId: string | null;
  appliedPeriodLabel: string | null;
  createdAt: string;
  decidedAt: string | null;
}
export type AppealInput =
  | { periodId: string; districtId: string; itemKind: 'finding'; findingId: string; source: 'inspection' | 'spot_check'; reason: string; fileIds?: string[] }
  | { periodId: string; districtId: string; itemKind: 'indicator'; indicatorKey: string; claimedScore: number; reason: string; fileIds?: string[] };

export type WarningMode = 'last_place' | 'below_threshold';
export type ReviewDecision = 'keep' | 'improve_plan' | 'terminate_at_end';
export interface WarningRule {
  parkId: string;
  mode: WarningMode;
  threshold: number | null;
  consecutive: number;
}
export interface WarningPeriod {
  periodId: string;
  label: string;
  total: number;
  rank: number;
  of: number;
}
export interface Warning {
  id: string;
  parkId: string;
  periodId: string;
  propertyCompanyId: string;
  companyName: string;
  mode: WarningMode;
  threshold: number | null;
  consecutive: number;
  periods: WarningPeriod[];
  createdAt: string;
  task: { id: string; status: string; decision: ReviewDecision | null; note: string | null; closedAt: string | null } | null;
}
export interface ReviewTask {
  id: string;
  warningId: string;
  parkId: string;
  propertyCompanyId: string;
  companyName: string;
  periods: WarningPeriod[];
  status: 'open' | 'closed';
  decision: ReviewDecision | null;
  note: string | null;
  closedAt: string | null;
  createdAt: string;
}
export interface Award {
  id: string;
  parkId: string;
  year: number;
  kind: 'company' | 'staff';
  propertyCompanyId: string;
  companyName: string;
  staffName: string | null;
  citation: string;
  total: number | null;
  rank: number | null;
  status: AppealStatus;
  caseId: string | null;
  articleId: string | null;
  createdAt: string;
}
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
