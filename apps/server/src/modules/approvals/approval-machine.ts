import { AppError, conflict, ErrorCode, forbidden, validationError } from '../../lib/errors';
import { conditionHolds, type StepDefinition } from './approval-flow';

/**
 * The approval state machine: a pure function `decide(state, action, env)` returning the next
 * state and the effects to carry out (notifications, the feature's outcome hook). The service
 * loads the state under a row lock, calls `decide`, and writes the result in one transaction.
 *
 * Tasks are grouped in slots: a slot is one approver's place in the step. Transfer (转交) and
 * escalation hand a slot to other people; add-approver (加签) opens a new slot. A slot is
 * approved when any of its tasks is; 或签 (`any`) needs one approved slot, 会签 (`all`) every slot.
 */

export const CASE_STATUSES = ['in_progress', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TASK_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'transferred', 'escalated', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Why a task exists: the step's approvers, a transfer, an added approver, or an escalation. */
export const TASK_ORIGINS = ['step', 'transfer', 'added', 'escalation'] as const;
export type TaskOrigin = (typeof TASK_ORIGINS)[number];

export const ACTION_TYPES = ['submit', 'approve', 'reject', 'return', 'resubmit', 'withdraw', 'transfer', 'add_approver', 'comment', 'remind', 'escalate'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** What a feature module hears about its case. */
export type CaseOutcome = 'approved' | 'rejected' | 'withdrawn' | 'returned' | 'resubmitted';

export interface TaskState {
  /** null for a task this decision creates. */
  id: string | null;
  stepIndex: number;
  round: number;
  slot: number;
  assigneeId: string;
  status: TaskStatus;
  origin: TaskOrigin;
  dueAt: Date | null;
  escalatedAt: Date | null;
  decidedAt: Date | null;
  comment: string | null;
}

export interface CaseState {
  status: CaseStatus;
  /** The step being decided; null when not in progress. */
  stepIndex: number | null;
  /** Bumped each time a step is entered; the tasks of the current round are the live ones. */
  round: number;
  applicantId: string;
  formValues: Record<string, unknown>;
  lastRemindedAt: Date | null;
  /** Every task of the case, earlier rounds included. */
  tasks: TaskState[];
}

export type ApprovalAction =
  | { type: 'submit'; actorId: string }
  | { type: 'approve'; actorId: string; comment?: string | null }
  | { type: 'reject'; actorId: string; reason: string }
  /** 驳回修改: back to the applicant (`toStep` null) or to an earlier step. */
  | { type: 'return'; actorId: string; reason: string; toStep: number | null }
  | { type: 'resubmit'; actorId: string; formValues?: Record<string, unknown> | null; comment?: string | null }
  | { type: 'withdraw'; actorId: string; reason?: string | null }
  | { type: 'transfer'; actorId: string; toUserId: string; comment?: string | null }
  | { type: 'add_approver'; actorId: string; userId: string; comment?: string | null }
  | { type: 'comment'; actorId: string; comment: string }
  | { type: 'remind'; actorId: string }
  | { type: 'escalate' };

export type NotificationKind = 'task_assigned' | 'reminder' | 'overdue' | 'escalated' | 'decided';

export type Effect = { type: 'notify'; kind: NotificationKind; userIds: string[] } | { type: 'outcome'; outcome: CaseOutcome };

export interface MachineEnv {
  now: Date;
  steps: readonly StepDefinition[];
  /** The resolved approvers of a step (unique user ids, in order). */
  assigneesOf(stepIndex: number): string[];
  /** The users an overdue step escalates to (empty when none configured). */
  escalationUsersOf(stepIndex: number): string[];
  /** Minimum time between two reminders (催办) of one case. */
  remindIntervalMs: number;
}

export interface Decision {
  state: CaseState;
  effects: Effect[];
}

const HOUR = 3_600_000;

function liveTasks(state: CaseState): TaskState[] {
  return state.tasks.filter((t) => t.round === state.round && t.status === 'pending');
}

/** The next step index at or after `from` whose condition holds, or null past the last. */
export function nextApplicableStep(steps: readonly StepDefinition[], formValues: unknown, from: number): number | null {
  for (let i = from; i < steps.length; i++) if (conditionHolds(steps[i].condition, formValues)) return i;
  return null;
}

/** Enters step `index` (assumed applicable), or finishes approved when `index` is null. */
function enter(state: CaseState, index: number | null, env: MachineEnv, effects: Effect[]): CaseState {
  if (index === null) {
    effects.push({ type: 'outcome', outcome: 'approved' }, { type: 'notify', kind: 'decided', userIds: [state.applicantId] });
    return { ...state, status: 'approved', stepIndex: null };
  }
  const assignees = [...new Set(env.assigneesOf(index))];
  if (assignees.length === 0) throw conflict(`Step ${index + 1} has no approvers`, { step: index });
  const step = env.steps[index];
  const round = state.round + 1;
  const dueAt = step.dueHours ? new Date(env.now.getTime() + step.dueHours * HOUR) : null;
  const created: TaskState[] = assignees.map((assigneeId, slot) => ({ id: null, stepIndex: index, round, slot, assigneeId, status: 'pending', origin: 'step', dueAt, escalatedAt: null, decidedAt: null, comment: null }));
  effects.push({ type: 'notify', kind: 'task_assigned', userIds: assignees });
  return { ...state, status: 'in_progress', stepIndex: index, round, tasks: [...state.tasks, ...created] };
}

function replaceTasks(state: CaseState, change: (t: TaskState) => TaskState): CaseState {
  return { ...state, tasks: state.tasks.map(change) };
}

/** Closes every still-pending task of the current round. */
function cancelPending(state: CaseState, now: Date): CaseState {
  return replaceTasks(state, (t) => (t.round === state.round && t.status === 'pending' ? { ...t, status: 'cancelled', decidedAt: now } : t));
}

function assertInProgress(state: CaseState): void {
  if (state.status !== 'in_progress') throw conflict(`The case is ${state.status}`, { status: state.status });
}

/**
 * The actor's pending task in the current step: 403 if they never had a task in this case,
 * 409 if they had one that is no longer pending (someone decided first, or the step moved on).
 */
function ownPendingTask(state: CaseState, actorId: string): TaskState {
  const task = liveTasks(state).find((t) => t.assigneeId === actorId);
  if (task) return task;
  if (state.tasks.some((t) => t.assigneeId === actorId)) throw conflict('Your task in this case is no longer pending', { status: state.status });
  throw forbidden('You are not an approver of the current step');
}

function assertApplicant(state: CaseState, actorId: string): void {
  if (state.applicantId !== actorId) throw forbidden('Only the applicant may do this');
}

function requireText(value: string | null | undefined, field: string): string {
  const text = value?.trim();
  if (!text) throw validationError(field, 'is required');
  return text;
}

function isStepApproved(state: CaseState, mode: 'all' | 'any'): boolean {
  const current = state.tasks.filter((t) => t.round === state.round);
  const slots = new Map<number, boolean>();
  for (const t of current) slots.set(t.slot, (slots.get(t.slot) ?? false) || t.status === 'approved');
  const approved = [...slots.values()];
  return mode === 'any' ? approved.some(Boolean) : approved.every(Boolean);
}

/** Applies one action to a case. Throws an AppError (400/403/409/429) when the action is not allowed. */
export function decide(state: CaseState, action: ApprovalAction, env: MachineEnv): Decision {
  const effects: Effect[] = [];
  const { now } = env;
  switch (action.type) {
    case 'submit': {
      if (state.round !== 0 || state.tasks.length) throw conflict('The case was already submitted');
      return { state: enter(state, nextApplicableStep(env.steps, state.formValues, 0), env, effects), effects };
    }
    case 'approve': {
      assertInProgress(state);
      const task = ownPendingTask(state, action.actorId);
      let next = replaceTasks(state, (t) => (t === task ? { ...t, status: 'approved', decidedAt: now, comment: action.comment?.trim() || null } : t));
      const step = env.steps[state.stepIndex!];
      if (!isStepApproved(next, step.mode)) return { state: next, effects };
      next = cancelPending(next, now);
      return { state: enter(next, nextApplicableStep(env.steps, next.formValues, state.stepIndex! + 1), env, effects), effects };
    }
    case 'reject': {
      const reason = requireText(action.reason, 'body.reason');
      assertInProgress(state);
      const task = ownPendingTask(state, action.actorId);
      const next = cancelPending(
        replaceTasks(state, (t) => (t === task ? { ...t, status: 'rejected', decidedAt: now, comment: reason } : t)),
        now,
      );
      effects.push({ type: 'outcome', outcome: 'rejected' }, { type: 'notify', kind: 'decided', userIds: [state.applicantId] });
      return { state: { ...next, status: 'rejected', stepIndex: null }, effects };
    }
    case 'return': {
      const reason = requireText(action.reason, 'body.reason');
      assertInProgress(state);
      const task = ownPendingTask(state, action.actorId);
      const current = state.stepIndex!;
      if (action.toStep !== null) {
        const ok = Number.isInteger(action.toStep) && action.toStep >= 0 && action.toStep < current && nextApplicableStep(env.steps, state.formValues, action.toStep) === action.toStep;
        if (!ok) throw validationError('body.toStep', 'must be an earlier step of this case');
      }
      const next = cancelPending(
        replaceTasks(state, (t) => (t === task ? { ...t, status: 'returned', decidedAt: now, comment: reason } : t)),
        now,
      );
      if (action.toStep === null) {
        effects.push({ type: 'outcome', outcome: 'returned' }, { type: 'notify', kind: 'decided', userIds: [state.applicantId] });
        return { state: { ...next, status: 'returned', stepIndex: null }, effects };
      }
      return { state: enter(next, action.toStep, env, effects), effects };
    }
    case 'resubmit': {
      assertApplicant(state, action.actorId);
      if (state.status !== 'returned') throw conflict('Only a returned case can be resubmitted', { status: state.status });
      const formValues = action.formValues ?? state.formValues;
      // The form may have changed (e.g. the amount), so conditions are evaluated afresh from the first step.
      const next = enter({ ...state, formValues }, nextApplicableStep(env.steps, formValues, 0), env, effects);
      effects.unshift({ type: 'outcome', outcome: 'resubmitted' });
      return { state: next, effects };
    }
    case 'withdraw': {
      assertApplicant(state, action.actorId);
      if (state.status !== 'in_progress' && state.status !== 'returned') throw conflict(`A ${state.status} case cannot be withdrawn`, { status: state.status });
      const pendingUsers = liveTasks(state).map((t) => t.assigneeId);
      const next = cancelPending(state, now);
      effects.push({ type: 'outcome', outcome: 'withdrawn' });
      if (pendingUsers.length) effects.push({ type: 'notify', kind: 'decided', userIds: pendingUsers });
      return { state: { ...next, status: 'withdrawn', stepIndex: null }, effects };
    }
    case 'transfer': {
      assertInProgress(state);
      const task = ownPendingTask(state, action.actorId);
      if (action.toUserId === action.actorId) throw validationError('body.toUserId', 'cannot be yourself');
      if (liveTasks(state).some((t) => t.assigneeId === action.toUserId)) throw conflict('That user already has a pending task in this step');
      const created: TaskState = { ...task, id: null, assigneeId: action.toUserId, origin: 'transfer', escalatedAt: null, decidedAt: null, comment: null };
      const next = replaceTasks(state, (t) => (t === task ? { ...t, status: 'transferred', decidedAt: now, comment: action.comment?.trim() || null } : t));
      effects.push({ type: 'notify', kind: 'task_assigned', userIds: [action.toUserId] });
      return { state: { ...next, tasks: [...next.tasks, created] }, effects };
    }
    case 'add_approver': {
      assertInProgress(state);
      const task = ownPendingTask(state, action.actorId);
      if (liveTasks(state).some((t) => t.assigneeId === action.userId)) throw conflict('That user already has a pending task in this step');
      const slot = Math.max(...state.tasks.filter((t) => t.round === state.round).map((t) => t.slot)) + 1;
      const created: TaskState = { ...task, id: null, slot, assigneeId: action.userId, origin: 'added', escalatedAt: null, decidedAt: null, comment: null };
      effects.push({ type: 'notify', kind: 'task_assigned', userIds: [action.userId] });
      return { state: { ...state, tasks: [...state.tasks, created] }, effects };
    }
    case 'comment': {
      requireText(action.comment, 'body.comment');
      return { state, effects };
    }
    case 'remind': {
      assertInProgress(state);
      if (state.lastRemindedAt && now.getTime() - state.lastRemindedAt.getTime() < env.remindIntervalMs) {
        throw new AppError(ErrorCode.RATE_LIMITED, { message: 'The approvers were reminded recently', details: { retryAfterMs: env.remindIntervalMs - (now.getTime() - state.lastRemindedAt.getTime()) } });
      }
      effects.push({ type: 'notify', kind: 'reminder', userIds: liveTasks(state).map((t) => t.assigneeId) });
      return { state: { ...state, lastRemindedAt: now }, effects };
    }
    case 'escalate': {
      if (state.status !== 'in_progress') return { state, effects };
      const overdue = liveTasks(state).filter((t) => t.dueAt && t.dueAt <= now && !t.escalatedAt);
      if (overdue.length === 0) return { state, effects };
      const step = env.steps[state.stepIndex!];
      const escalateTo = env.escalationUsersOf(state.stepIndex!);
      const pendingUsers = new Set(liveTasks(state).map((t) => t.assigneeId));
      const created: TaskState[] = [];
      const handedOver = new Set<TaskState>();
      if (step.escalation?.reassign) {
        for (const t of overdue) {
          const takers = escalateTo.filter((userId) => !pendingUsers.has(userId));
          // A slot is handed over only if someone new takes it; otherwise it stays with its approver.
          if (takers.length === 0) continue;
          handedOver.add(t);
          for (const userId of takers) {
            pendingUsers.add(userId);
            // Escalated tasks carry no due time, so a case escalates once per step, not in a loop.
            created.push({ ...t, id: null, assigneeId: userId, origin: 'escalation', status: 'pending', dueAt: null, escalatedAt: null, decidedAt: null, comment: null });
          }
        }
      }
      const overdueSet = new Set(overdue);
      const next = replaceTasks(state, (t) => (!overdueSet.has(t) ? t : handedOver.has(t) ? { ...t, escalatedAt: now, status: 'escalated', decidedAt: now } : { ...t, escalatedAt: now }));
      effects.push({ type: 'notify', kind: 'overdue', userIds: overdue.map((t) => t.assigneeId) });
      if (escalateTo.length) effects.push({ type: 'notify', kind: 'escalated', userIds: escalateTo });
      return { state: { ...next, tasks: [...next.tasks, ...created] }, effects };
    }
  }
}
