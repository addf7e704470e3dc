import { describe, expect, test } from 'vitest';
import { conditionHolds, stepsSchema, type Condition, type StepDefinition } from './approval-flow';
import { decide, type ApprovalAction, type CaseState, type MachineEnv } from './approval-machine';

const NOW = new Date('2026-12-01T08:00:00Z');
const H = 3_600_000;

/** A step of the test flow, with approvers resolved through `assignees` below. */
function step(mode: 'all' | 'any', extra: Partial<StepDefinition> = {}): StepDefinition {
  return stepsSchema.parse([{ nameZh: '步骤', nameEn: 'Step', mode, approvers: [{ kind: 'enterprise_admin' }], ...extra }])[0];
}

/** Steps: 0 或签 {a,b}; 1 会签 {c,d}; 2 或签 {e} only when amount > 100. */
const STEPS = [step('any', { dueHours: 24, escalation: { to: { role: 'operator', scopeType: 'park', scopeId: null }, reassign: true } }), step('all'), step('any', { condition: { field: 'amount', op: 'gt', value: 100 } })];
const ASSIGNEES: Record<number, string[]> = { 0: ['a', 'b'], 1: ['c', 'd'], 2: ['e'] };

function env(overrides: Partial<MachineEnv> = {}): MachineEnv {
  return { now: NOW, steps: STEPS, assigneesOf: (i) => ASSIGNEES[i] ?? [], escalationUsersOf: () => ['boss'], remindIntervalMs: H, ...overrides };
}

function draft(formValues: Record<string, unknown> = { amount: 50 }): CaseState {
  return { status: 'in_progress', stepIndex: null, round: 0, applicantId: 'app', formValues, lastRemindedAt: null, tasks: [] };
}

/** Runs actions in order from a fresh submission and returns the final decision. */
function run(actions: ApprovalAction[], formValues?: Record<string, unknown>, e: MachineEnv = env()) {
  let d = decide(draft(formValues), { type: 'submit', actorId: 'app' }, e);
  for (const a of actions) d = decide(d.state, a, e);
  return d;
}

const pendingOf = (s: CaseState) => s.tasks.filter((t) => t.round === s.round && t.status === 'pending').map((t) => t.assigneeId);

describe('conditions on form values', () => {
  test.each<[Condition, unknown, boolean]>([
    [{ field: 'amount', op: 'gt', value: 100 }, { amount: 101 }, true],
    [{ field: 'amount', op: 'gt', value: 100 }, { amount: 100 }, false],
    [{ field: 'amount', op: 'gte', value: 100 }, { amount: 100 }, true],
    [{ field: 'amount', op: 'lt', value: 100 }, { amount: 99.5 }, true],
    [{ field: 'amount', op: 'lte', value: 100 }, { amount: 101 }, false],
    [{ field: 'amount', op: 'gt', value: 100 }, { amount: '500' }, false],
    [{ field: 'amount', op: 'gt', value: 100 }, {}, false],
    [{ field: 'kind', op: 'eq', value: 'x' }, { kind: 'x' }, true],
    [{ field: 'kind', op: 'eq', value: 'x' }, { kind: 'y' }, false],
    [{ field: 'kind', op: 'ne', value: 'x' }, { kind: 'y' }, true],
    [{ field: 'kind', op: 'ne', value: 'x' }, {}, true],
    [{ field: 'kind', op: 'in', value: ['x', 'y'] }, { kind: 'y' }, true],
    [{ field: 'kind', op: 'in', value: ['x', 'y'] }, { kind: 'z' }, false],
    [{ field: 'a.b.c', op: 'eq', value: true }, { a: { b: { c: true } } }, true],
    [{ field: 'a.b', op: 'eq', value: 1 }, { a: [1] }, false],
    [{ field: 'constructor', op: 'ne', value: null }, {}, true],
  ])('%j on %j is %s', (condition, values, expected) => {
    expect(conditionHolds(condition, values)).toBe(expected);
  });

  test.each([
    [{ field: 'amount', op: 'gt', value: 'x' }, 'value'],
    [{ field: 'kind', op: 'in', value: 'x' }, 'value'],
    [{ field: 'kind', op: 'eq', value: ['x'] }, 'value'],
    [{ field: '1bad', op: 'eq', value: 1 }, 'field'],
  ])('the flow schema refuses the condition %j (naming %s)', (condition, path) => {
    const r = stepsSchema.safeParse([{ nameZh: '步', nameEn: 'S', mode: 'any', approvers: [{ kind: 'enterprise_admin' }], condition }]);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual([0, 'condition', path]);
  });
});

describe('decide', () => {
  test('submit enters the first step with one pending task per approver, due after the step’s hours', () => {
    const d = run([]);
    expect(d.state).toMatchObject({ status: 'in_progress', stepIndex: 0, round: 1 });
    expect(d.state.tasks.map((t) => [t.assigneeId, t.slot, t.status, t.dueAt?.getTime()])).toEqual([
      ['a', 0, 'pending', NOW.getTime() + 24 * H],
      ['b', 1, 'pending', NOW.getTime() + 24 * H],
    ]);
    expect(d.effects).toEqual([{ type: 'notify', kind: 'task_assigned', userIds: ['a', 'b'] }]);
  });

  test.each<[string, ApprovalAction[], Record<string, unknown>, { status: string; stepIndex: number | null; pending: string[]; outcome?: string }]>([
    ['或签: one approval advances and cancels the other task', [{ type: 'approve', actorId: 'b' }], { amount: 50 }, { status: 'in_progress', stepIndex: 1, pending: ['c', 'd'] }],
    ['会签: one of two approvals keeps the step', [{ type: 'approve', actorId: 'a' }, { type: 'approve', actorId: 'c' }], { amount: 50 }, { status: 'in_progress', stepIndex: 1, pending: ['d'] }],
    ['会签: both approvals finish a flow whose conditional step does not apply', [{ type: 'approve', actorId: 'a' }, { type: 'approve', actorId: 'c' }, { type: 'approve', actorId: 'd' }], { amount: 50 }, { status: 'approved', stepIndex: null, pending: [], outcome: 'approved' }],
    ['an amount above the limit adds the conditional step', [{ type: 'approve', actorId: 'a' }, { type: 'approve', actorId: 'c' }, { type: 'approve', actorId: 'd' }], { amount: 500 }, { status: 'in_progress', stepIndex: 2, pending: ['e'] }],
    ['reject ends the case in either mode', [{ type: 'approve', actorId: 'a' }, { type: 'reject', actorId: 'd', reason: '材料不全' }], { amount: 50 }, { status: 'rejected', stepIndex: null, pending: [], outcome: 'rejected' }],
    ['return to the applicant', [{ type: 'return', actorId: 'a', reason: '补充材料', toStep: null }], { amount: 50 }, { status: 'returned', stepIndex: null, pending: [], outcome: 'returned' }],
    ['return to an earlier step starts it again', [{ type: 'approve', actorId: 'a' }, { type: 'return', actorId: 'c', reason: '请复核', toStep: 0 }], { amount: 50 }, { status: 'in_progress', stepIndex: 0, pending: ['a', 'b'] }],
    ['resubmit after return starts from the first step', [{ type: 'return', actorId: 'b', reason: '补充', toStep: null }, { type: 'resubmit', actorId: 'app' }], { amount: 50 }, { status: 'in_progress', stepIndex: 0, pending: ['a', 'b'], outcome: 'resubmitted' }],
    ['withdraw by the applicant', [{ type: 'withdraw', actorId: 'app' }], { amount: 50 }, { status: 'withdrawn', stepIndex: null, pending: [], outcome: 'withdrawn' }],
    ['withdraw a returned case', [{ type: 'return', actorId: 'b', reason: '补充', toStep: null }, { type: 'withdraw', actorId: 'app' }], { amount: 50 }, { status: 'withdrawn', stepIndex: null, pending: [], outcome: 'withdrawn' }],
    ['transfer hands the task over in the same slot', [{ type: 'approve', actorId: 'a' }, { type: 'transfer', actorId: 'c', toUserId: 'x' }], { amount: 50 }, { status: 'in_progress', stepIndex: 1, pending: ['d', 'x'] }],
    ['a transferred 会签 slot is approved by the new holder', [{ type: 'approve', actorId: 'a' }, { type: 'transfer', actorId: 'c', toUserId: 'x' }, { type: 'approve', actorId: 'x' }, { type: 'approve', actorId: 'd' }], { amount: 50 }, { status: 'approved', stepIndex: null, pending: [], outcome: 'approved' }],
    ['加签 in 会签 adds a slot that must approve too', [{ type: 'approve', actorId: 'a' }, { type: 'add_approver', actorId: 'c', userId: 'y' }, { type: 'approve', actorId: 'c' }, { type: 'approve', actorId: 'd' }], { amount: 50 }, { status: 'in_progress', stepIndex: 1, pending: ['y'] }],
    ['加签 in 或签: the added approver may decide', [{ type: 'add_approver', actorId: 'a', userId: 'y' }, { type: 'approve', actorId: 'y' }], { amount: 50 }, { status: 'in_progress', stepIndex: 1, pending: ['c', 'd'] }],
    ['a comment changes nothing', [{ type: 'comment', actorId: 'anyone', comment: '请尽快' }], { amount: 50 }, { status: 'in_progress', stepIndex: 0, pending: ['a', 'b'] }],
  ])('%s', (_name, actions, values, expected) => {
    const d = run(actions, values);
    expect({ status: d.state.status, stepIndex: d.state.stepIndex, pending: pendingOf(d.state).sort() }).toEqual({ status: expected.status, stepIndex: expected.stepIndex, pending: expected.pending });
    const outcome = d.effects.find((e) => e.type === 'outcome');
    expect(outcome && 'outcome' in outcome ? outcome.outcome : undefined).toBe(expected.outcome);
  });

  test('或签: the other approver’s task is cancelled, not left pending', () => {
    const d = run([{ type: 'approve', actorId: 'a', comment: '同意' }]);
    expect(d.state.tasks.filter((t) => t.round === 1).map((t) => [t.assigneeId, t.status, t.comment])).toEqual([
      ['a', 'approved', '同意'],
      ['b', 'cancelled', null],
    ]);
  });

  test.each<[string, ApprovalAction[], ApprovalAction, number]>([
    ['an outsider approves', [], { type: 'approve', actorId: 'z' }, 403],
    ['the second 或签 approver approves after the first', [{ type: 'approve', actorId: 'a' }], { type: 'approve', actorId: 'b' }, 409],
    ['the same approver approves twice in 会签', [{ type: 'approve', actorId: 'a' }, { type: 'approve', actorId: 'c' }], { type: 'approve', actorId: 'c' }, 409],
    ['reject without a reason', [], { type: 'reject', actorId: 'a', reason: '  ' }, 400],
    ['return without a reason', [], { type: 'return', actorId: 'a', reason: '', toStep: null }, 400],
    ['return to the current step', [], { type: 'return', actorId: 'a', reason: 'x', toStep: 0 }, 400],
    ['return to a later step', [{ type: 'approve', actorId: 'a' }], { type: 'return', actorId: 'c', reason: 'x', toStep: 2 }, 400],
    ['an approver withdraws', [], { type: 'withdraw', actorId: 'a' }, 403],
    ['withdraw an approved case', [{ type: 'approve', actorId: 'a' }, { type: 'approve', actorId: 'c' }, { type: 'approve', actorId: 'd' }], { type: 'withdraw', actorId: 'app' }, 409],
    ['resubmit a case in progress', [], { type: 'resubmit', actorId: 'app' }, 409],
    ['approve a withdrawn case', [{ type: 'withdraw', actorId: 'app' }], { type: 'approve', actorId: 'a' }, 409],
    ['transfer to oneself', [], { type: 'transfer', actorId: 'a', toUserId: 'a' }, 400],
    ['transfer to someone already pending', [], { type: 'transfer', actorId: 'a', toUserId: 'b' }, 409],
    ['add an approver who is already pending', [], { type: 'add_approver', actorId: 'a', userId: 'b' }, 409],
    ['an empty comment', [], { type: 'comment', actorId: 'a', comment: ' ' }, 400],
    ['a second reminder within the interval', [{ type: 'remind', actorId: 'app' }], { type: 'remind', actorId: 'app' }, 429],
    ['submit twice', [], { type: 'submit', actorId: 'app' }, 409],
  ])('refused: %s', (_name, before, action, status) => {
    const d = run(before);
    try {
      decide(d.state, action, env());
      expect.unreachable('decide should throw');
    } catch (error) {
      expect((error as { status: number }).status).toBe(status);
    }
  });

  test('a step without approvers is refused at submission (409), never skipped', () => {
    expect(() => run([], {}, env({ assigneesOf: () => [] }))).toThrow(/no approvers/);
  });

  test('remind notifies the pending approvers, then again once the interval has passed', () => {
    const first = run([{ type: 'remind', actorId: 'app' }]);
    expect(first.effects).toEqual([{ type: 'notify', kind: 'reminder', userIds: ['a', 'b'] }]);
    const later = decide(first.state, { type: 'remind', actorId: 'app' }, env({ now: new Date(NOW.getTime() + H) }));
    expect(later.state.lastRemindedAt).toEqual(new Date(NOW.getTime() + H));
  });

  test('escalate before the due time does nothing', () => {
    const d = run([]);
    const e = decide(d.state, { type: 'escalate' }, env({ now: new Date(NOW.getTime() + 23 * H) }));
    expect(e.state).toBe(d.state);
    expect(e.effects).toEqual([]);
  });

  test('escalate after the due time notifies and hands the overdue slots to the escalation role, once', () => {
    const late = env({ now: new Date(NOW.getTime() + 25 * H) });
    const e = decide(run([]).state, { type: 'escalate' }, late);
    expect(e.effects).toEqual([
      { type: 'notify', kind: 'overdue', userIds: ['a', 'b'] },
      { type: 'notify', kind: 'escalated', userIds: ['boss'] },
    ]);
    expect(e.state.tasks.map((t) => [t.assigneeId, t.slot, t.status, t.origin])).toEqual([
      ['a', 0, 'escalated', 'step'],
      ['b', 1, 'pending', 'step'],
      ['boss', 0, 'pending', 'escalation'],
    ]);
    // b stays with their overdue task (boss already holds one), escalated once: a second run does nothing.
    expect(e.state.tasks[1].escalatedAt).toEqual(late.now);
    expect(decide(e.state, { type: 'escalate' }, late).effects).toEqual([]);
    // The escalation role decides the step.
    expect(decide(e.state, { type: 'approve', actorId: 'boss' }, late).state.stepIndex).toBe(1);
  });

  test('escalate without reassign only notifies; the approvers keep their tasks', () => {
    const steps = [step('any', { dueHours: 1, escalation: { to: null, reassign: false } })];
    const e = env({ steps, now: new Date(NOW.getTime() + 2 * H), escalationUsersOf: () => [] });
    const d = decide(decide(draft(), { type: 'submit', actorId: 'app' }, env({ steps })).state, { type: 'escalate' }, e);
    expect(d.effects).toEqual([{ type: 'notify', kind: 'overdue', userIds: ['a', 'b'] }]);
    expect(pendingOf(d.state)).toEqual(['a', 'b']);
  });

  test('resubmit with new form values re-evaluates conditions', () => {
    const returned = run([{ type: 'approve', actorId: 'a' }, { type: 'approve', actorId: 'c' }, { type: 'return', actorId: 'd', reason: '金额有误', toStep: null }], { amount: 50 });
    let d = decide(returned.state, { type: 'resubmit', actorId: 'app', formValues: { amount: 900 } }, env());
    expect(d.effects[0]).toEqual({ type: 'outcome', outcome: 'resubmitted' });
    for (const actorId of ['a', 'c', 'd']) d = decide(d.state, { type: 'approve', actorId }, env());
    expect(d.state).toMatchObject({ status: 'in_progress', stepIndex: 2, formValues: { amount: 900 } });
  });
});
