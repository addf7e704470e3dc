import { api, type Page } from '../../../lib/api-client';
import type { StoredFile } from '../../files/api/files.api';

export type ReliefKind = 'months_free' | 'percent' | 'per_m2';
export type ProgrammeStatus = 'draft' | 'open' | 'closed';
export type ApplicationStatus = 'in_review' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export const APPLICATION_STATUSES: ApplicationStatus[] = ['in_review', 'returned', 'approved', 'rejected', 'withdrawn'];

export interface Programme {
  id: string;
  parkId: string;
  name: string;
  description: string | null;
  fromPeriod: string;
  toPeriod: string;
  leaseActiveOn: string;
  sizes: string[];
  industries: string[];
  arrearsLimitFen: number | null;
  maxAreaM2: number | null;
  reliefKind: ReliefKind;
  reliefValue: number;
  capPerEnterpriseFen: number | null;
  budgetFen: number;
  grantedFen: number;
  flowKey: string;
  status: ProgrammeStatus;
  createdAt: string;
  updatedAt: string;
}

export type ProgrammeInput = Omit<Programme, 'id' | 'grantedFen' | 'status' | 'createdAt' | 'updatedAt'>;

/** Why an enterprise is not eligible: a code and its values; the UI writes the sentence. */
export interface Reason {
  code: string;
  params: Record<string, string | number | string[]>;
}

export interface ReliefLine {
  leaseId: string;
  unitCode: string;
  period: string;
  rentFen: number;
  amountFen: number;
}

export interface ApplicationSummary {
  id: string;
  programmeId: string;
  programmeName: string;
  enterpriseId: string;
  enterpriseName: string;
  caseId: string | null;
  status: ApplicationStatus;
  reliefFen: number;
  grantedFen: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

export interface CreditNote {
  id: string;
  billId: string | null;
  period: string;
  amountFen: number;
  status: 'pending' | 'applied';
  details: Record<string, unknown>;
  billTitle: string | null;
  billAmountFen: number | null;
  billAmountDueFen: number | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  lines: ReliefLine[];
  materials: StoredFile[];
  credits: CreditNote[];
}

export interface Eligibility {
  programmeId: string;
  enterpriseId: string;
  enterpriseName: string;
  eligible: boolean;
  reasons: Reason[];
  reliefFen: number;
  capped: boolean;
  areaM2: number;
  arrearsFen: number;
  lines: ReliefLine[];
  application: ApplicationSummary | null;
}

export interface Bucket {
  key: string;
  label: string;
  applications: number;
  approved: number;
  grantedFen: number;
}

export interface Dashboard {
  programme: Programme;
  byStatus: { status: ApplicationStatus; count: number; reliefFen: number }[];
  budgetFen: number;
  grantedFen: number;
  pendingFen: number;
  bySite: Bucket[];
  byIndustry: Bucket[];
}

export const findProgrammes = (q: { parkId?: string; status?: ProgrammeStatus } = {}) => api.get<Page<Programme>>('/relief-programmes', { ...q, pageSize: 100 });
export const getProgramme = (id: string) => api.get<Programme>(`/relief-programmes/${id}`);
export const createProgramme = (input: ProgrammeInput) => api.post<Programme>('/relief-programmes', input);
export const updateProgramme = (id: string, input: Partial<ProgrammeInput> & { status?: ProgrammeStatus }) => api.patch<Programme>(`/relief-programmes/${id}`, input);
export const getEligibility = (id: string, enterpriseId?: string) => api.get<Eligibility>(`/relief-programmes/${id}/eligibility`, { enterpriseId });
export const applyForRelief = (id: string, input: { note?: string | null; fileIds: string[] }) => api.post<ApplicationDetail>(`/relief-programmes/${id}/applications`, input);
export const getDashboard = (id: string) => api.get<Dashboard>(`/relief-programmes/${id}/dashboard`);
export const findApplications = (q: { programmeId?: string; status?: ApplicationStatus; page?: number; pageSize?: number }) => api.get<Page<ApplicationSummary>>('/relief-applications', q);
export const getApplication = (id: string) => api.get<ApplicationDetail>(`/relief-applications/${id}`);
export const resubmitApplication = (id: string, input: { note?: string | null; fileIds: string[] }) => api.post<ApplicationDetail>(`/relief-applications/${id}/resubmit`, input);
/** The Excel export's address (a plain download; the session cookie authorises it). */
export const exportUrl = (id: string, lang: 'zh' | 'en') => `/api/relief-programmes/${id}/export.xlsx?lang=${lang}`;
