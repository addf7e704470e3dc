import { api, apiRequest, type Page } from '../../../lib/api-client';
import { uploadFile } from '../../files/api/files.api';

export const WORK_ORDER_CATEGORIES = ['elevator', 'hvac', 'lighting', 'plumbing', 'fire', 'security', 'cleaning', 'network', 'parking', 'electrical', 'other'] as const;
export type WorkOrderCategory = (typeof WORK_ORDER_CATEGORIES)[number];
export const WORK_ORDER_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];
export const WORK_ORDER_STATUSES = ['new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'verified', 'closed'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export type WorkOrderSource = 'alarm' | 'patrol' | 'inspection' | 'member_request' | 'enterprise_request' | 'operator';
export type SlaStatus = 'ok' | 'at_risk' | 'overdue' | 'met' | 'breached';
export type WorkOrderAction = 'dispatch' | 'accept' | 'start' | 'resolve' | 'verify' | 'close' | 'reopen' | 'rate' | 'comment' | 'addPhoto' | 'cancel' | 'urge';

/** A work order (工单) as lists show it. */
export interface WorkOrder {
  id: string;
  number: number;
  parkId: string;
  districtId: string | null;
  districtName: string | null;
  buildingId: string | null;
  buildingName: string | null;
  deviceId: string | null;
  deviceType: string | null;
  locationText: string | null;
  enterpriseId: string | null;
  source: WorkOrderSource;
  alarmId: string | null;
  title: string;
  description: string;
  category: WorkOrderCategory;
  priority: WorkOrderPriority;
  status: WorkOrderStatus;
  needsTriage: boolean;
  teamId: string | null;
  teamName: string | null;
  requesterName: string;
  confidence: number | null;
  slaStatus: SlaStatus;
  responseDueAt: string;
  resolutionDueAt: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  escalationLevel: number;
  rating: number | null;
  ratingComment: string | null;
  /** Set when the requester cancelled it before dispatch. */
  cancelledAt: string | null;
  lastUrgedAt: string | null;
  photoCount: number;
  createdAt: string;
}

export interface FeatureWeight {
  feature: string;
  weight: number;
}

/** Why smart dispatch decided what it did. */
export interface DispatchDecision {
  category: WorkOrderCategory;
  categorySource: 'given' | 'rule' | 'model' | 'default';
  categoryConfidence: number;
  categoryFeatures: FeatureWeight[];
  teamId: string | null;
  teamSource: 'model' | 'location' | 'none';
  teamConfidence: number;
  teamFeatures: FeatureWeight[];
  modelTeamId: string | null;
  locationRule: { districtName: string; propertyCompanyName: string; teamId: string } | null;
  confidence: number;
  threshold: number;
  isAutomatic: boolean;
  modelVersions: { category: number | null; team: number | null };
}

export interface WorkOrderEvent {
  id: number;
  kind: string;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus | null;
  actorName: string;
  at: string;
  comment: string | null;
  details: Record<string, unknown> | null;
}

/** A photo of a work order: a file of the files module. */
export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  hasThumbnail: boolean;
  uploadedByName: string;
  createdAt: string;
}

/** Who dispatched the order, when and how; follows a manual re-dispatch. */
export interface DispatchState {
  mode: 'automatic' | 'manual' | 'triage' | 'pending';
  teamName: string | null;
  at: string | null;
  byName: string | null;
}

export interface WorkOrderDetail extends WorkOrder {
  /** The model's reasons in readable words; operators only. */
  decision: DispatchDecision | null;
  dispatchState: DispatchState;
  events: WorkOrderEvent[];
  attachments: Attachment[];
  actions: WorkOrderAction[];
}

export interface WorkOrderFilter {
  page?: number;
  pageSize?: number;
  parkId?: string;
  status?: WorkOrderStatus | 'open';
  category?: WorkOrderCategory;
  priority?: WorkOrderPriority;
  sla?: 'overdue' | 'at_risk';
  triage?: 'true' | 'false';
  escalated?: 'true';
  mine?: 'true';
  q?: string;
}

export interface Team {
  id: string;
  parkId: string;
  name: string;
  kind: 'property' | 'operator';
  propertyCompanyId: string | null;
  leadUserId?: string | null;
  categories: string[];
  memberIds?: string[];
}

export interface TeamInput {
  name: string;
  propertyCompanyId?: string | null;
  leadUserId?: string | null;
  categories?: WorkOrderCategory[];
  memberIds?: string[];
}

/** One cell of a park's SLA matrix; isDefault is false when the park overrides it. */
export interface SlaCell {
  category: WorkOrderCategory;
  priority: WorkOrderPriority;
  responseMinutes: number;
  resolutionMinutes: number;
  isDefault: boolean;
}

export type AlarmSeverity = 'critical' | 'major' | 'minor' | 'info';

/** Which alarms become work orders, with which category and priority. */
export interface DispatchRule {
  id: string;
  parkId: string;
  name: string;
  minSeverity: AlarmSeverity;
  deviceType: string | null;
  alarmRuleId: string | null;
  category: WorkOrderCategory | null;
  priority: WorkOrderPriority;
  isEnabled: boolean;
}

export type DispatchRuleInput = Omit<DispatchRule, 'id' | 'parkId'>;

export interface DispatchModel {
  target: 'category' | 'team';
  version: number;
  trainedAt: string;
  exampleCount: number;
  heldOutCount: number;
  accuracy: number;
  trainingMs: number;
  trigger: string;
  labels: number;
}

export interface ModelStatus {
  parkId: string;
  threshold: number;
  current: DispatchModel[];
  history: DispatchModel[];
  correctionsSinceTraining: number;
  retrainAfterCorrections: number;
  triageCount: number;
  automaticShare: number | null;
}

export interface NewWorkOrder {
  title: string;
  description?: string;
  category?: WorkOrderCategory;
  priority?: WorkOrderPriority;
  buildingId?: string;
  locationText?: string;
  parkId?: string;
}

export const findWorkOrders = (filter: WorkOrderFilter) => api.get<Page<WorkOrder>>('/work-orders', { ...filter });
export const getWorkOrder = (id: string) => api.get<WorkOrderDetail>(`/work-orders/${id}`);
export const createWorkOrder = (body: NewWorkOrder) => api.post<WorkOrderDetail>('/work-orders', body);
export const transitionWorkOrder = (id: string, action: 'accept' | 'start' | 'resolve' | 'verify' | 'close' | 'reopen', comment?: string) =>
  api.post<WorkOrderDetail>(`/work-orders/${id}/${action}`, comment ? { comment } : {});
export const dispatchWorkOrder = (id: string, body: { teamId: string; category?: WorkOrderCategory; priority?: WorkOrderPriority }) => api.post<WorkOrderDetail>(`/work-orders/${id}/dispatch`, body);
/** The requester withdraws a request that is not dispatched yet. */
export const cancelWorkOrder = (id: string, comment?: string) => api.post<WorkOrderDetail>(`/work-orders/${id}/cancel`, comment ? { comment } : {});
/** The requester urges (催单) the team; 429 `urge_too_soon` within the hour. */
export const urgeWorkOrder = (id: string) => api.post<WorkOrderDetail>(`/work-orders/${id}/urge`);
export const rateWorkOrder = (id: string, body: { rating: number; comment?: string }) => api.post<WorkOrderDetail>(`/work-orders/${id}/rating`, body);
export const commentWorkOrder = (id: string, text: string) => api.post<WorkOrderDetail>(`/work-orders/${id}/comments`, { text });
/** Uploads a photo through the files module and attaches it to the order. */
export async function addPhoto(id: string, file: File): Promise<WorkOrderDetail> {
  const uploaded = await uploadFile(file, 'image');
  return api.post<WorkOrderDetail>(`/work-orders/${id}/attachments`, { fileId: uploaded.id });
}
export const findTeams = (parkId?: string) => api.get<Team[]>('/work-order-teams', { parkId });
export const getModelStatus = (parkId: string) => api.get<ModelStatus>('/dispatch/model', { parkId });
export const retrainModel = (parkId: string) => apiRequest<ModelStatus>('/dispatch/model/retrain', { method: 'POST', body: { parkId } });
export const createTeam = (body: TeamInput & { parkId: string; kind: Team['kind'] }) => api.post<Team>('/work-order-teams', body);
export const updateTeam = (id: string, body: TeamInput) => api.patch<Team>(`/work-order-teams/${id}`, body);
export const getSlaMatrix = (parkId: string) => api.get<SlaCell[]>('/work-order-sla', { parkId });
export const setSla = (body: { parkId: string; category: WorkOrderCategory; priority: WorkOrderPriority; responseMinutes: number; resolutionMinutes: number }) =>
  apiRequest<SlaCell[]>('/work-order-sla', { method: 'PUT', body });
export const findDispatchRules = (parkId: string) => api.get<DispatchRule[]>('/dispatch-rules', { parkId });
export const createDispatchRule = (body: DispatchRuleInput & { parkId: string }) => api.post<DispatchRule>('/dispatch-rules', body);
export const updateDispatchRule = (id: string, body: Partial<DispatchRuleInput>) => api.patch<DispatchRule>(`/dispatch-rules/${id}`, body);
