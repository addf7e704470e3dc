import { api, apiRequest, type Page } from '../../../lib/api-client';
import type { StoredFile } from '../../files/api/files.api';

export type PolicyStatus = 'draft' | 'published' | 'closed';
export type AmountKind = 'none' | 'fixed' | 'up_to';
export type ApplicationStatus = 'enquiry' | 'submitted' | 'returned' | 'approved' | 'rejected' | 'withdrawn';

/** Why an enterprise may not apply: a code with values; the page words it. */
export interface IneligibleReason {
  code: 'policy_not_open' | 'deadline_passed' | 'enterprise_inactive' | 'industry' | 'size' | 'age_unknown' | 'age_below_min' | 'age_above_max';
  params: Record<string, unknown>;
}

export interface Eligibility {
  enterpriseId: string;
  isEligible: boolean;
  ageYears: number | null;
  reasons: IneligibleReason[];
}

export interface Policy {
  id: string;
  parkId: string;
  title: string;
  issuer: string;
  documentNo: string | null;
  summary: string;
  description: string;
  deadline: string;
  industries: string[];
  sizes: string[];
  minAgeYears: number | null;
  maxAgeYears: number | null;
  amountKind: AmountKind;
  amountFen: number | null;
  materials: string[];
  flowKey: string;
  status: PolicyStatus;
  applicationCount: number;
  eligibility: Eligibility | null;
  myApplicationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyInput {
  parkId?: string;
  title: string;
  issuer: string;
  documentNo?: string | null;
  summary?: string;
  description?: string;
  deadline: string;
  industries?: string[];
  sizes?: string[];
  minAgeYears?: number | null;
  maxAgeYears?: number | null;
  amountKind?: AmountKind;
  amountFen?: number | null;
  materials?: string[];
  flowKey: string;
  status?: PolicyStatus;
}

interface UserRef {
  id: string;
  displayName: string;
}

export interface ApplicationSummary {
  id: string;
  policyId: string;
  policyTitle: string;
  parkId: string;
  enterpriseId: string;
  enterpriseName: string;
  applicant: UserRef;
  advisor: UserRef | null;
  status: ApplicationStatus;
  requestedAmountFen: number | null;
  grantedAmountFen: number | null;
  caseId: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Application extends ApplicationSummary {
  notes: string;
  materials: { name: string; file: StoredFile | null }[];
  comments: { id: string; author: UserRef; isAdvisor: boolean; text: string; createdAt: string }[];
  can: { apply: boolean; resubmit: boolean; withdraw: boolean; comment: boolean; assignAdvisor: boolean };
}

export interface MaterialInput {
  name: string;
  fileId: string;
}

export const findPolicies = (q: { parkId?: string; status?: PolicyStatus; q?: string; page?: number; pageSize?: number }) => api.get<Page<Policy>>('/policies', q);
export const getPolicy = (id: string) => api.get<Policy>(`/policies/${id}`);
export const createPolicy = (input: PolicyInput) => api.post<Policy>('/policies', input);
export const updatePolicy = (id: string, input: Partial<PolicyInput>) => api.patch<Policy>(`/policies/${id}`, input);
export const applyForPolicy = (id: string, body: { materials: MaterialInput[]; notes?: string; requestedAmountFen?: number | null }) => api.post<Application>(`/policies/${id}/applications`, body);
export const enquire = (id: string, text: string) => api.post<Application>(`/policies/${id}/enquiries`, { text });
export const findApplications = (q: { parkId?: string; policyId?: string; status?: ApplicationStatus; page?: number; pageSize?: number }) => api.get<Page<ApplicationSummary>>('/policy-applications', q);
export const getApplication = (id: string) => api.get<Application>(`/policy-applications/${id}`);
export const resubmitApplication = (id: string, body: { materials: MaterialInput[]; notes?: string; comment?: string }) => api.post<Application>(`/policy-applications/${id}/resubmit`, body);
export const withdrawApplication = (id: string) => api.post<Application>(`/policy-applications/${id}/withdraw`);
export const findAdvisorCandidates = (id: string) => api.get<UserRef[]>(`/policy-applications/${id}/advisor-candidates`);
export const assignAdvisor = (id: string, advisorId: string) => apiRequest<Application>(`/policy-applications/${id}/advisor`, { method: 'PUT', body: { advisorId } });
export const commentOnApplication = (id: string, text: string) => api.post<Application>(`/policy-applications/${id}/comments`, { text });
