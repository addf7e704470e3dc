import { api, type Page } from '../../../lib/api-client';

export type StepMode = 'all' | 'any';
export type ConditionOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';
export type Scalar = string | number | boolean | null;

export type ApproverSpec =
  | { kind: 'user'; userId: string }
  | { kind: 'role'; role: string; scopeType: string; scopeId: string | null }
  | { kind: 'enterprise_admin' };

export interface StepDefinition {
  nameZh: string;
  nameEn: string;
  mode: StepMode;
  approvers: ApproverSpec[];
  condition: { field: string; op: ConditionOp; value: Scalar | Scalar[] } | null;
  dueHours: number | null;
  escalation: { to: { role: string; scopeType: string; scopeId: string | null } | null; reassign: boolean } | null;
}

/** An approval flow of a park with the steps of its latest version. */
export interface ApprovalFlow {
  id: string;
  parkId: string;
  key: string;
  nameZh: string;
  nameEn: string;
  status: 'active' | 'archived';
  latestVersion: number;
  steps: StepDefinition[];
  updatedAt: string;
}

export interface FlowVersion {
  id: string;
  version: number;
  steps: StepDefinition[];
  caseCount: number;
  createdAt: string;
}

export interface UserRef {
  id: string;
  displayName: string;
}

export type CaseStatus = 'in_progress' | 'approved' | 'rejected' | 'returned' | 'withdrawn';
export type TaskStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'transferred' | 'escalated' | 'cancelled';
export type ActionType = 'submit' | 'approve' | 'reject' | 'return' | 'resubmit' | 'withdraw' | 'transfer' | 'add_approver' | 'comment' | 'remind' | 'escalate';

export interface CaseSummary {
  id: string;
  parkId: string;
  enterpriseId: string | null;
  subjectType: string;
  subjectId: string;
  title: string;
  applicant: UserRef;
  flow: { id: string; key: string; nameZh: string; nameEn: string; version: number };
  status: CaseStatus;
  currentStep: number | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface CaseTask {
  id: string;
  stepIndex: number;
  round: number;
  slot: number;
  assignee: UserRef;
  status: TaskStatus;
  origin: 'step' | 'transfer' | 'added' | 'escalation';
  dueAt: string | null;
  escalatedAt: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface CaseAction {
  id: number;
  type: ActionType;
  actor: UserRef | null;
  actorName: string;
  stepIndex: number | null;
  comment: string | null;
  targetUser: UserRef | null;
  toStep: number | null;
  statusAfter: CaseStatus;
  auditId: number;
  createdAt: string;
}

/** A case with its steps, tasks and history. */
export interface CaseDetail extends CaseSummary {
  formValues: Record<string, unknown>;
  steps: StepDefinition[];
  tasks: CaseTask[];
  actions: CaseAction[];
  can: { approve: boolean; withdraw: boolean; resubmit: boolean; remind: boolean; comment: boolean };
}

export interface InboxItem {
  taskId: string;
  dueAt: string | null;
  stepIndex: number;
  stepNameZh: string;
  stepNameEn: string;
  mode: StepMode;
  case: CaseSummary;
}

export interface Candidate {
  id: string;
  displayName: string;
  username: string;
}

export type ActBody =
  | { type: 'approve'; comment?: string }
  | { type: 'reject'; reason: string }
  | { type: 'return'; reason: string; toStep: number | null }
  | { type: 'resubmit'; comment?: string }
  | { type: 'withdraw'; reason?: string }
  | { type: 'transfer'; toUserId: string; comment?: string }
  | { type: 'add_approver'; userId: string; comment?: string }
  | { type: 'comment'; comment: string }
  | { type: 'remind' };

export interface FlowInput {
  parkId: string;
  key: string;
  nameZh: string;
  nameEn: string;
  steps: StepDefinition[];
}

export const findFlows = (q: { parkId?: string }) => api.get<Page<ApprovalFlow>>('/approval-flows', { ...q, pageSize: 200 });
export const findFlowVersions = (id: string) => api.get<FlowVersion[]>(`/approval-flows/${id}/versions`);
export const createFlow = (input: FlowInput) => api.post<ApprovalFlow>('/approval-flows', input);
export const updateFlow = (id: string, input: Partial<Omit<FlowInput, 'parkId' | 'key'>> & { status?: 'active' | 'archived' }) => api.patch<ApprovalFlow>(`/approval-flows/${id}`, input);
export const findFlowCandidates = (parkId: string) => api.get<Candidate[]>('/approval-flows/candidates', { parkId });
export const findCaseCandidates = (id: string) => api.get<Candidate[]>(`/approval-cases/${id}/candidates`);
export const findInbox = () => api.get<InboxItem[]>('/approval-tasks/me');
export const findCases = (q: { scope: 'mine' | 'park'; status?: CaseStatus; page: number }) => api.get<Page<CaseSummary>>('/approval-cases', { ...q, pageSize: 20 });
export const getCase = (id: string) => api.get<CaseDetail>(`/approval-cases/${id}`);
export const act = (id: string, body: ActBody) => api.post<CaseDetail>(`/approval-cases/${id}/actions`, body);
