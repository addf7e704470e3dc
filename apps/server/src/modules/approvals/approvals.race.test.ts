import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../../lib/context';
import { buildEnterprise, buildPark, SYSTEM, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { buildActor, newSubjectId, registerTestSubject, TEST_SUBJECT } from './approvals.testing';

/**
 * Approvers acting at the same moment (TEST_DB=postgres runs them on separate connections):
 * the case row lock makes 或签 produce exactly one decision and 会签 count every approval
 * and advance once.
 */
let t: TestApp;
let park: BuiltPark;
let enterpriseId: string;
let hooks: ReturnType<typeof registerTestSubject>;
let applicant: { id: string; ctx: RequestContext };
const approvers: { id: string; ctx: RequestContext }[] = [];
/** The approver of every later step, so that the racing approvers act on the first step only. */
let finalApprover: { id: string; ctx: RequestContext };
const N = 12;

beforeAll(async () => {
  t = await createTestApp();
  hooks = registerTestSubject(t.services);
  park = await buildPark(t.services);
  enterpriseId = (await buildEnterprise(t.services, park.park.id, park.site.id)).id;
  applicant = await buildActor(t.services, 'race.applicant', [{ role: 'member', scopeType: 'enterprise', scopeId: enterpriseId }]);
  finalApprover = await buildActor(t.services, 'race.final', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  for (let i = 0; i < N; i++) approvers.push(await buildActor(t.services, `race.ap${i}`, [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]));
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

let flows = 0;
async function startWith(modes: ('all' | 'any')[]) {
  const key = `race.${++flows}`;
  const steps = modes.map((mode, i) => ({ nameZh: `第${i + 1}步`, nameEn: `Step ${i + 1}`, mode, approvers: (i === 0 ? approvers : [finalApprover]).map((a) => ({ kind: 'user' as const, userId: a.id })), condition: null, dueHours: null, escalation: null }));
  await t.services.approvals.createFlow(SYSTEM, { parkId: park.park.id, key, nameZh: '并发', nameEn: 'Race', steps });
  return t.services.approvals.startCase(applicant.ctx, { parkId: park.park.id, enterpriseId, subjectType: TEST_SUBJECT, subjectId: newSubjectId(), title: '并发审批', flowKey: key, formValues: {} });
}

/** Every approver acts at once; returns the HTTP-like status of each (200 or the AppError's). */
async function allAtOnce(caseId: string, body: (i: number) => Parameters<TestApp['services']['approvals']['act']>[2]) {
  const results = await Promise.allSettled(approvers.map((a, i) => t.services.approvals.act(a.ctx, caseId, body(i))));
  return results.map((r) => (r.status === 'fulfilled' ? 200 : ((r.reason as { status?: number }).status ?? 500)));
}

async function rows(caseId: string) {
  const actions = await t.database.query<{ type: string; n: number }>(`select type, count(*)::int as n from approval_actions where case_id = $1 group by type order by type`, [caseId]);
  const tasks = await t.database.query<{ step_index: number; status: string; n: number }>(`select step_index, status, count(*)::int as n from approval_tasks where case_id = $1 group by step_index, status order by step_index, status`, [caseId]);
  return { actions: Object.fromEntries(actions.map((a) => [a.type, a.n])), tasks: tasks.map((x) => `${x.step_index}:${x.status}:${x.n}`) };
}

describe('concurrent approvals', () => {
  test('或签: many approvers at once give exactly one decision; the rest get 409', async () => {
    const c = await startWith(['any', 'any']);
    const statuses = await allAtOnce(c.id, () => ({ type: 'approve' }));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - 1);
    const r = await rows(c.id);
    expect(r.actions).toEqual({ approve: 1, submit: 1 });
    expect(r.tasks).toEqual([`0:approved:1`, `0:cancelled:${N - 1}`, `1:pending:1`]);
  });

  test('会签: every approval is counted and the step advances once', async () => {
    const c = await startWith(['all', 'any']);
    const statuses = await allAtOnce(c.id, () => ({ type: 'approve' }));
    expect(statuses).toEqual(Array(N).fill(200));
    const r = await rows(c.id);
    expect(r.actions).toEqual({ approve: N, submit: 1 });
    expect(r.tasks).toEqual([`0:approved:${N}`, `1:pending:1`]);
    expect((await t.services.approvals.getCase(applicant.ctx, c.id)).currentStep).toBe(1);
  });

  test('会签 as the last step: the feature hears “approved” exactly once', async () => {
    const c = await startWith(['all']);
    expect(await allAtOnce(c.id, () => ({ type: 'approve' }))).toEqual(Array(N).fill(200));
    expect(hooks.outcomes.filter((o) => o.caseId === c.id).map((o) => o.outcome)).toEqual(['approved']);
    expect((await t.services.approvals.getCase(applicant.ctx, c.id)).status).toBe('approved');
  });

  test('approve and reject racing in 会签: one final decision, never both', async () => {
    const c = await startWith(['all']);
    const statuses = await allAtOnce(c.id, (i) => (i % 3 === 0 ? { type: 'reject', reason: '不同意' } : { type: 'approve' }));
    const final = await t.services.approvals.getCase(applicant.ctx, c.id);
    expect(final.status).toBe('rejected');
    expect(hooks.outcomes.filter((o) => o.caseId === c.id).map((o) => o.outcome)).toEqual(['rejected']);
    const r = await rows(c.id);
    expect(r.actions.reject).toBe(1);
    // Every call either counted (200) or found the case decided (409).
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 200)).toHaveLength((r.actions.approve ?? 0) + 1);
  });

  test('the applicant withdrawing while approvers approve: either withdrawn with no approval after it, or approved and the withdrawal refused', async () => {
    const c = await startWith(['any']);
    const [withdrawn, ...approved] = await Promise.allSettled([
      t.services.approvals.act(applicant.ctx, c.id, { type: 'withdraw' }),
      ...approvers.map((a) => t.services.approvals.act(a.ctx, c.id, { type: 'approve' })),
    ]);
    const final = await t.services.approvals.getCase(applicant.ctx, c.id);
    const approvals = approved.filter((r) => r.status === 'fulfilled').length;
    if (final.status === 'withdrawn') {
      expect(withdrawn.status).toBe('fulfilled');
      expect(approvals).toBe(0);
    } else {
      expect(final.status).toBe('approved');
      expect(withdrawn.status).toBe('rejected');
      expect(approvals).toBe(1);
    }
    expect(hooks.outcomes.filter((o) => o.caseId === c.id)).toHaveLength(1);
  });
});
