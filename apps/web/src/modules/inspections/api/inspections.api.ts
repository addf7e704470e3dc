import type { CheckItem, CheckpointKind, FindingSeverity, InspectionPurpose, ResultStatus, ScheduleRecurrence, ScheduleStatus } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';

export interface Template {
  id: string;
  parkId: string;
  purpose: InspectionPurpose;
  name: string;
  description: string | null;
  items: CheckItem[];
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface RouteCheckpoint {
  key: string;
  name: string;
  kind: CheckpointKind;
  districtId: string;
  districtName: string;
  buildingId: string | null;
  buildingName: string | null;
  locationText: string | null;
  templateId: string;
}
export interface InspectionRoute {
  id: string;
  parkId: string;
  purpose: InspectionPurpose;
  name: string;
  checkpoints: RouteCheckpoint[];
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface RouteDetail extends InspectionRoute {
  templates: Template[];
}
export interface Schedule {
  id: string;
  seriesId: string;
  parkId: string;
  routeId: string;
  routeName: string;
  assigneeId: string;
  assigneeName: string;
  dueDate: string;
  recurrence: ScheduleRecurrence;
  status: ScheduleStatus;
  isOverdue: boolean;
  runId: string | null;
  doneAt: string | null;
  createdAt: string;
}
export interface Result {
  id: string;
  runId: string;
  seq: number;
  checkpointKey: string;
  checkpointName: string;
  districtId: string;
  districtName: string;
  buildingId: string | null;
  locationText: string | null;
  itemKey: string;
  itemLabel: string;
  kind: CheckItem['kind'];
  passed: boolean;
  score: number | null;
  maxScore: number | null;
  note: string | null;
  status: ResultStatus;
  severity: FindingSeverity | null;
  category: string | null;
  points: number;
  propertyCompanyId: string | null;
  propertyCompanyName: string | null;
  occurredAt: string;
  workOrderId: string | null;
  workOrderNumber: number | null;
  voidReason: string | null;
  voidedAt: string | null;
  photoIds: string[];
  routeName: string;
}
export interface RunSummary {
  id: string;
  clientId: string;
  parkId: string;
  routeId: string;
  routeName: string;
  purpose: InspectionPurpose;
  scheduleId: string | null;
  inspectorName: string;
  startedAt: string;
  submittedAt: string;
  note: string | null;
  itemCount: number;
  findingCount: number;
}
export interface RunDetail extends RunSummary {
  results: Result[];
}
export interface Mark {
  checkpointKey: string;
  itemKey: string;
  passed?: boolean;
  score?: number;
  note?: string | null;
  photoIds: string[];
  openWorkOrder: boolean;
}
export interface Submission {
  clientId: string;
  routeId: string;
  scheduleId?: string | null;
  startedAt: string;
  note?: string | null;
  marks: Mark[];
}
export type TemplateInput = Pick<Template, 'parkId' | 'purpose' | 'name' | 'description'> & { items: (Omit<CheckItem, 'maxScore' | 'passScore' | 'category'> & { maxScore?: number | null; passScore?: number | null; category?: string | null })[] };
export interface RouteInput {
  parkId: string;
  purpose: InspectionPurpose;
  name: string;
  checkpoints: { name: string; kind: CheckpointKind; districtId: string; buildingId?: string | null; locationText?: string | null; templateId: string }[];
}

export const findTemplates = () => api.get<Page<Template>>('/inspection-templates', { pageSize: 200 });
export const createTemplate = (input: TemplateInput) => api.post<Template>('/inspection-templates', input);
export const updateTemplate = (id: string, input: Partial<TemplateInput> & { isActive?: boolean }) => api.patch<Template>(`/inspection-templates/${id}`, input);
export const findRoutes = () => api.get<Page<InspectionRoute>>('/inspection-routes', { pageSize: 200 });
export const getRoute = (id: string) => api.get<RouteDetail>(`/inspection-routes/${id}`);
export const createRoute = (input: RouteInput) => api.post<InspectionRoute>('/inspection-routes', input);
export const findSchedules = (q: { mine?: boolean; overdue?: boolean; status?: ScheduleStatus; page?: number; pageSize?: number }) =>
  api.get<Page<Schedule>>('/inspection-schedules', { mine: q.mine ? 'true' : undefined, overdue: q.overdue ? 'true' : undefined, status: q.status, page: q.page, pageSize: q.pageSize ?? 50 });
export const createSchedule = (input: { routeId: string; assigneeId: string; dueDate: string; recurrence: ScheduleRecurrence }) => api.post<Schedule>('/inspection-schedules', input);
export const cancelSchedule = (id: string) => api.patch<Schedule>(`/inspection-schedules/${id}`, { status: 'cancelled' });
export const findRuns = (q: { page?: number; pageSize?: number }) => api.get<Page<RunSummary>>('/inspection-runs', { page: q.page, pageSize: q.pageSize ?? 20 });
export const getRun = (id: string) => api.get<RunDetail>(`/inspection-runs/${id}`);
export const submitRun = (s: Submission) => api.post<RunDetail>('/inspection-runs', s);
export const findFindings = (q: { status?: 'open' | 'voided'; page?: number; pageSize?: number }) => api.get<Page<Result>>('/inspection-findings', { status: q.status, page: q.page, pageSize: q.pageSize ?? 20 });
export const voidFinding = (id: string, reason: string) => api.post<Result>(`/inspection-findings/${id}/void`, { reason });
export const openWorkOrder = (id: string) => api.post<Result>(`/inspection-findings/${id}/work-order`, {});
