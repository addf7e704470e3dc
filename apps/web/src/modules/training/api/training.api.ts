import type { TrainingImportError, TrainingPost, TrainingTopic } from '@parkos/contracts';
import { api, apiRequest } from '../../../lib/api-client';

export interface TrainingCompany {
  id: string;
  name: string;
  parkIds: string[];
  activeStaff: number;
}

export interface Staff {
  id: string;
  propertyCompanyId: string;
  propertyCompanyName: string;
  name: string;
  post: TrainingPost;
  phone: string | null;
  userId: string | null;
  isActive: boolean;
  createdAt: string;
}

export interface StaffRecordRow {
  sessionId: string;
  title: string;
  topic: TrainingTopic;
  startsAt: string;
  hours: number;
  hasExam: boolean;
  passMark: number | null;
  isRecorded: boolean;
  attended: boolean | null;
  score: number | null;
  passed: boolean | null;
}

export interface StaffDetail extends Staff {
  record: StaffRecordRow[];
  totals: { invited: number; attended: number; hours: number; examined: number; passed: number };
}

export interface StaffInput {
  propertyCompanyId: string;
  name: string;
  post: TrainingPost;
  phone?: string | null;
}

export interface Session {
  id: string;
  parkId: string;
  organizerCompanyId: string | null;
  title: string;
  topic: TrainingTopic;
  startsAt: string;
  date: string;
  time: string;
  hours: number;
  trainer: string;
  location: string | null;
  hasExam: boolean;
  passMark: number | null;
  isRecorded: boolean;
  hasStarted: boolean;
  invited: number;
  attended: number;
  examined: number;
  passed: number;
  companies: { id: string; name: string }[];
  canRecord: boolean;
}

export interface Invitation {
  id: string;
  staffId: string;
  staffName: string;
  post: TrainingPost;
  propertyCompanyId: string;
  propertyCompanyName: string;
  attended: boolean | null;
  score: number | null;
  passed: boolean | null;
}

export interface SessionDetail extends Session {
  invitations: Invitation[];
}

export interface SessionInput {
  parkId: string;
  title: string;
  topic: TrainingTopic;
  date: string;
  time: string;
  hours: number;
  trainer: string;
  location?: string | null;
  hasExam: boolean;
  passMark?: number | null;
  invite: { propertyCompanyId: string; staffIds?: string[] }[];
}

export interface ResultInput {
  staffId: string;
  attended: boolean;
  score?: number | null;
}

/** A refused row of an imported sheet (the details of the 400). */
export interface ImportRowError {
  row: number;
  column: string;
  header: string;
  code: TrainingImportError;
  value: string;
}

interface Counts {
  invited: number;
  attended: number;
  examined: number;
  passed: number;
}

export interface CompanyFigures extends Counts {
  propertyCompanyId: string;
  name: string;
  sessions: number;
  attendanceRate: number | null;
  passRate: number | null;
  hours: number;
  activeStaff: number;
  hoursPerStaff: number | null;
  months: (Counts & { month: string; attendanceRate: number | null; passRate: number | null })[];
}

export interface Figures {
  parkId: string;
  from: string;
  to: string;
  companies: CompanyFigures[];
}

export const findCompanies = (parkId?: string) => api.get<TrainingCompany[]>('/training/companies', { parkId });
export const findStaff = (q: { propertyCompanyId?: string; includeInactive?: boolean }) => api.get<Staff[]>('/training/staff', { propertyCompanyId: q.propertyCompanyId, includeInactive: q.includeInactive ? 'true' : undefined });
export const getStaff = (id: string) => api.get<StaffDetail>(`/training/staff/${id}`);
export const createStaff = (input: StaffInput) => api.post<Staff>('/training/staff', input);
export const updateStaff = (id: string, patch: Partial<Omit<StaffInput, 'propertyCompanyId'>> & { isActive?: boolean }) => api.patch<Staff>(`/training/staff/${id}`, patch);
export const findSessions = (q: { parkId?: string; propertyCompanyId?: string } = {}) => api.get<Session[]>('/training/sessions', q);
export const getSession = (id: string) => api.get<SessionDetail>(`/training/sessions/${id}`);
export const createSession = (input: SessionInput) => api.post<SessionDetail>('/training/sessions', input);
export const recordResults = (id: string, results: ResultInput[]) => apiRequest<SessionDetail>(`/training/sessions/${id}/results`, { method: 'PUT', body: { results } });
export const importResults = (id: string, xlsxBase64: string) => api.post<SessionDetail>(`/training/sessions/${id}/results/import`, { xlsxBase64 });
export const templateUrl = (id: string) => `/api/training/sessions/${id}/results/template`;
export const getFigures = (q: { parkId?: string; from?: string; to?: string }) => api.get<Figures>('/training/figures', q);
