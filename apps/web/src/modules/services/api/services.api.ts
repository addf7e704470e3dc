import type { FormDefinition, ServiceApplicants, ServiceHandlerType, ServiceKind, ServiceRequestStatus, ServiceStatus, ServiceSystem } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';

export interface UserRef {
  id: string;
  displayName: string;
}

/** A catalog entry as the server returns it. */
export interface ServiceOffering {
  id: string;
  parkId: string;
  system: ServiceSystem;
  kind: ServiceKind;
  link: string | null;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  handlerType: ServiceHandlerType;
  handlerName: string;
  propertyCompanyId: string | null;
  handlers: UserRef[];
  applicants: ServiceApplicants;
  form: FormDefinition;
  formVersion: number;
  flowKey: string | null;
  slaHours: number;
  feeFen: number | null;
  status: ServiceStatus;
  canApply: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceInput {
  parkId: string;
  system: ServiceSystem;
  kind: ServiceKind;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  handlerType: ServiceHandlerType;
  handlerName: string;
  propertyCompanyId: string | null;
  handlerUserIds: string[];
  applicants: ServiceApplicants;
  form: FormDefinition;
  flowKey: string | null;
  slaHours: number;
  feeFen: number | null;
  status: ServiceStatus;
}

/** A request for a service, with the form it was made with. */
export interface ServiceRequest {
  id: string;
  parkId: string;
  service: { id: string; system: ServiceSystem; nameZh: string; nameEn: string; slaHours: number };
  enterprise: { id: string; name: string };
  applicant: UserRef;
  status: ServiceRequestStatus;
  form: FormDefinition;
  formVersion: number;
  values: Record<string, unknown>;
  caseId: string | null;
  submittedAt: string;
  dueAt: string;
  isOverdue: boolean;
  decidedAt: string | null;
  handler: UserRef | null;
  acceptedAt: string | null;
  completedAt: string | null;
  resultNote: string | null;
  feeFen: number | null;
  billId: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  files: { id: string; name: string }[];
  can: { resubmit: boolean; withdraw: boolean; accept: boolean; complete: boolean; rate: boolean };
  createdAt: string;
}

export interface RequestFilter {
  scope: 'mine' | 'queue';
  serviceId?: string;
  system?: ServiceSystem;
  status?: ServiceRequestStatus;
  enterpriseId?: string;
  overdue?: 'true';
  page?: number;
  pageSize?: number;
}

export interface BulkResult {
  results: { id: string; ok: boolean; status: ServiceRequestStatus | null; code: string | null; message: string | null }[];
  succeeded: number;
  failed: number;
}

export const findServices = (q: { view: 'catalog' | 'manage'; system?: ServiceSystem }) => api.get<Page<ServiceOffering>>('/services', { ...q, pageSize: 200 });
export const getService = (id: string) => api.get<ServiceOffering>(`/services/${id}`);
export const createService = (input: ServiceInput) => api.post<ServiceOffering>('/services', input);
export const updateService = (id: string, input: Partial<Omit<ServiceInput, 'parkId'>>) => api.patch<ServiceOffering>(`/services/${id}`, input);
export const findHandlerCandidates = (parkId: string) => api.get<{ id: string; displayName: string; username: string }[]>('/services/handler-candidates', { parkId });
export const findRequests = (q: RequestFilter) => api.get<Page<ServiceRequest>>('/service-requests', { ...q });
export const getRequest = (id: string) => api.get<ServiceRequest>(`/service-requests/${id}`);
export const applyForService = (input: { serviceId: string; values: Record<string, unknown> }) => api.post<ServiceRequest>('/service-requests', input);
export const resubmitRequest = (id: string, input: { values: Record<string, unknown>; comment?: string }) => api.post<ServiceRequest>(`/service-requests/${id}/resubmit`, input);
export const withdrawRequest = (id: string) => api.post<ServiceRequest>(`/service-requests/${id}/withdraw`, {});
export const acceptRequest = (id: string) => api.post<ServiceRequest>(`/service-requests/${id}/accept`);
export const completeRequest = (id: string, resultNote: string) => api.post<ServiceRequest>(`/service-requests/${id}/complete`, { resultNote });
export const rateRequest = (id: string, input: { rating: number; comment?: string }) => api.post<ServiceRequest>(`/service-requests/${id}/rating`, input);
export const bulkHandle = (input: { action: 'accept' | 'complete'; ids: string[]; resultNote?: string }) => api.post<BulkResult>('/service-requests/bulk', input);
