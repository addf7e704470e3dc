import type { EvalIndicator, EvalPeriodKind, EvalPeriodStatus, EvalSchemeStatus, EvalScoreNode, EvalSubjectKind } from '@parkos/contracts';
import { api } from '../../../lib/api-client';

export interface Scheme {
  id: string;
  parkId: string;
  name: string;
  periodKind: EvalPeriodKind;
  status: EvalSchemeStatus;
  version: number;
  basedOnId: string | null;
  indicators: EvalIndicator[];
  isLocked: boolean;
  createdAt: string;
  updatedAt: string;
}
export type SchemeInput = { parkId: string; name: string; periodKind: EvalPeriodKind; indicators: EvalIndicator[] };

export interface Period {
  id: string;
  schemeId: string;
  schemeName: string;
  parkId: string;
  kind: EvalPeriodKind;
  label: string;
  startDate: string;
  endDate: string;
  status: EvalPeriodStatus;
  rankingPublished: boolean;
  computedAt: string | null;
  closedAt: string | null;
  canManage: boolean;
}

export interface RankingRow {
  subjectId: string;
  name: string;
  companyId: string | null;
  companyName: string | null;
  rank: number;
  total: number;
  firstLevel: Record<string, number> | null;
  canExplain: boolean;
}
export interface Ranking {
  period: Period;
  indicators: { key: string; name: string; weight: number }[];
  districts: RankingRow[];
  companies: RankingRow[];
}

export interface ScoreTree {
  period: Period;
  subjectKind: EvalSubjectKind;
  subjectId: string;
  name: string;
  companyId: string | null;
  total: number;
  rank: number;
  of: number;
  computedAt: string;
  tree: EvalScoreNode[];
}

export interface Trend {
  subjectKind: EvalSubjectKind;
  subjectId: string;
  name: string;
  points: { periodId: string; label: string; status: EvalPeriodStatus; total: number; rank: number; firstLevel: Record<string, number> }[];
  indicators: { key: string; name: string }[];
}

export interface ManualEntry {
  id: string;
  periodId: string;
  indicatorKey: string;
  subjectKind: EvalSubjectKind;
  subjectId: string;
  score: number;
  note: string;
  updatedAt: string;
}

export const findSchemes = () => api.get<Scheme[]>('/evaluation/schemes');
export const getScheme = (id: string) => api.get<Scheme>(`/evaluation/schemes/${id}`);
export const createScheme = (input: SchemeInput) => api.post<Scheme>('/evaluation/schemes', input);
export const updateScheme = (id: string, input: Partial<Omit<SchemeInput, 'parkId'>>) => api.patch<Scheme>(`/evaluation/schemes/${id}`, input);
export const activateScheme = (id: string) => api.post<Scheme>(`/evaluation/schemes/${id}/activate`);
export const copyScheme = (id: string) => api.post<Scheme>(`/evaluation/schemes/${id}/copy`);
export const findPeriods = () => api.get<Period[]>('/evaluation/periods');
export const openPeriod = (input: { schemeId: string; label: string }) => api.post<Period>('/evaluation/periods', input);
export const computePeriod = (id: string) => api.post<Period>(`/evaluation/periods/${id}/compute`);
export const closePeriod = (id: string) => api.post<Period>(`/evaluation/periods/${id}/close`);
export const publishRanking = (id: string, published: boolean) => api.post<Period>(`/evaluation/periods/${id}/publish`, { published });
export const findManual = (id: string) => api.get<ManualEntry[]>(`/evaluation/periods/${id}/manual`);
export const setManual = (id: string, input: { indicatorKey: string; subjectKind: EvalSubjectKind; subjectId: string; score: number; note: string }) => api.post<ManualEntry>(`/evaluation/periods/${id}/manual`, input);
export const getRanking = (id: string) => api.get<Ranking>(`/evaluation/periods/${id}/ranking`);
export const getScoreTree = (id: string, kind: EvalSubjectKind, subjectId: string) => api.get<ScoreTree>(`/evaluation/periods/${id}/scores/${kind}/${subjectId}`);
export const getTrend = (kind: EvalSubjectKind, subjectId: string) => api.get<Trend>('/evaluation/trend', { subjectKind: kind, subjectId });
