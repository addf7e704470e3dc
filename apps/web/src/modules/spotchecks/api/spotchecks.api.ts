import type { FindingSeverity, FindingStatus } from '@parkos/contracts';
import { api, apiRequest } from '../../../lib/api-client';

export interface FileRef {
  id: string;
  name: string;
  mimeType: string;
}

export interface Assignment {
  id: string;
  parkId: string;
  districtId: string;
  districtName: string;
  inspectorUserId: string;
  inspectorName: string;
  validFrom: string;
  validTo: string | null;
  isActive: boolean;
}

export interface DistrictOption {
  id: string;
  parkId: string;
  name: string;
  propertyCompanyId: string | null;
  propertyCompanyName: string | null;
}

export interface Finding {
  id: string;
  checkId: string;
  parkId: string;
  districtId: string;
  districtName: string;
  propertyCompanyId: string | null;
  propertyCompanyName: string | null;
  checkedAt: string;
  area: string;
  description: string;
  severity: FindingSeverity;
  deadline: string;
  status: FindingStatus;
  isOverdue: boolean;
  response: string | null;
  respondedAt: string | null;
  verifyNote: string | null;
  verifiedAt: string | null;
  rejections: number;
  overturnReason: string | null;
  overturnedAt: string | null;
  photos: FileRef[];
  responsePhotos: FileRef[];
}

export interface SpotCheck {
  id: string;
  parkId: string;
  districtId: string;
  districtName: string;
  propertyCompanyId: string | null;
  propertyCompanyName: string | null;
  inspectorName: string | null;
  checkedAt: string;
  area: string;
  note: string | null;
  findings: Finding[];
}

export interface OverviewRow {
  districtId: string;
  districtName: string;
  propertyCompanyName: string | null;
  checks: number;
  findings: number;
  open: number;
  responded: number;
  overdue: number;
  closed: number;
  overturned: number;
  points: number;
  lastCheckedAt: string | null;
}

export interface Settings {
  parkId: string;
  minor: number;
  major: number;
  critical: number;
  isDefault: boolean;
}

export interface FindingInput {
  description: string;
  severity: FindingSeverity;
  deadline: string;
  fileIds: string[];
}

export const findAssignments = (parkId?: string) => api.get<Assignment[]>('/spot-check-assignments', { parkId });
export const createAssignment = (input: { parkId: string; districtId: string; inspectorUserId: string; validFrom: string; validTo?: string | null }) => api.post<Assignment>('/spot-check-assignments', input);
export const deleteAssignment = (id: string) => api.delete(`/spot-check-assignments/${id}`);
export const findInspectors = (parkId: string) => api.get<{ id: string; username: string; displayName: string }[]>('/spot-check-inspectors', { parkId });
export const findDistricts = (parkId?: string) => api.get<DistrictOption[]>('/spot-check-districts', { parkId });
export const findChecks = (q: { parkId?: string; districtId?: string } = {}) => api.get<SpotCheck[]>('/spot-checks', q);
export const createCheck = (input: { districtId: string; area: string; note?: string | null; findings: FindingInput[] }) => api.post<SpotCheck>('/spot-checks', input);
export const findFindings = (q: { parkId?: string; districtId?: string; status?: FindingStatus; overdue?: 'true' } = {}) => api.get<Finding[]>('/spot-check-findings', q);
export const respondToFinding = (id: string, input: { response: string; fileIds: string[] }) => api.post<Finding>(`/spot-check-findings/${id}/response`, input);
export const verifyFinding = (id: string, input: { accepted: boolean; note?: string | null }) => api.post<Finding>(`/spot-check-findings/${id}/verify`, input);
export const overturnFinding = (id: string, reason: string) => api.post<Finding>(`/spot-check-findings/${id}/overturn`, { reason });
export const getSettings = (parkId: string) => api.get<Settings>('/spot-check-settings', { parkId });
export const updateSettings = (input: { parkId: string; minor: number; major: number; critical: number }) => apiRequest<Settings>('/spot-check-settings', { method: 'PUT', body: input });
export const getOverview = (parkId: string) => api.get<OverviewRow[]>('/spot-check-overview', { parkId });
