import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, TEST_PASSWORD, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { buildActor, newSubjectId, registerTestSubject, TEST_SUBJECT } from './approvals.testing';
import type { CaseDetail } from './approvals.schema';
import type { RequestContext } from '../../lib/context';

let t: TestApp;
let parkA: BuiltPark;
let parkB: BuiltPark;
let eA: { id: string };
let hooks: ReturnType<typeof registerTestSubject>;
let op: TestClient;
let opB: TestClient;
let applicant: TestClient;
let adminA: TestClient;
let outsider: TestClient;
const ap: TestClient[] = [];
const ids: Record<string, string> = {};
let applicantCtx: RequestContext;
const H = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  hooks = registerTestSubject(t.services);
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  eA = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  const eOther = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  const park = (id: string) => [{ role: 'operator' as const, scopeType: 'park' as const, scopeId: id }];
  ids.op = (await buildUser(t.services, 'apv.op', park(parkA.park.id))).id;
  ids.opB = (await buildUser(t.services, 'apv.opB', park(parkB.park.id))).id;
  for (const i of [1, 2, 3, 4]) ids[`ap${i}`] = (await buildUser(t.services, `apv.ap${i}`, park(parkA.park.id))).id;
  const app = await buildActor(t.services, 'apv.applicant', [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }]);
  ids.applicant = app.id;
  applicantCtx = app.ctx;
  ids.adminA = (await buildUser(t.services, 'apv.adminA', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eA.id }])).id;
  await buildUser(t.services, 'apv.outsider', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eOther.id }]);
  op = await t.login('apv.op', TEST_PASSWORD);
  opB = await t.login('apv.opB', TEST_PASSWORD);
  applicant = await t.login('apv.applicant', TEST_PASSWORD);
  adminA = await t.login('apv.adminA', TEST_PASSWORD);
  outsider = await t.login('apv.outsider', TEST_PASSWORD);
  for (const i of [1, 2, 3, 4]) ap.push(await t.login(`apv.ap${i}`, TEST_PASSWORD));
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

const user = (id: string): Record<string, unknown> => ({ kind: 'user', userId: id });
/** 或签 by ap1/ap2; 会签 by ap3 and the applicant's enterprise admin; ap4 only above 10,000 yuan. */
const twoStepFlow = () => [
  { nameZh: '物业初审', nameEn: 'Property check', mode: 'any', approvers: [user(ids.ap1), user(ids.ap2)] },
  { nameZh: '园区会签', nameEn: 'Park countersign', mode: 'all', approvers: [user(ids.ap3), { kind: 'enterprise_admin' }] },
  { nameZh: '领导审批', nameEn: 'Leadership', mode: 'any', approvers: [user(ids.ap4)], condition: { field: 'amountFen', op: 'gt', value: 1_000_000 } as Record<string, unknown> | null },
];

let flowCounter = 0;
async function createFlow(steps: unknown[] = twoStepFlow(), key = `flow.${++flowCounter}`) {
  const res = await op.post('/api/approval-flows', { parkId: parkA.park.id, key, nameZh: '测试流程', nameEn: 'Test flow', steps });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; key: string; latestVersion: number };
}

async function start(flowKey: string, formValues: Record<string, unknown> = { amountFen: 500_000 }, subjectId = newSubjectId()) {
  return t.services.approvals.startCase(applicantCtx, { parkId: parkA.park.id, enterpriseId: eA.id, subjectType: TEST_SUBJECT, subjectId, title: '测试申请', flowKey, formValues });
}

async function act(client: TestClient, caseId: string, body: Record<string, unknown>, status = 200) {
  const res = await client.post(`/api/approval-cases/${caseId}/actions`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as CaseDetail & { code?: string; details?: { fields?: { field: string }[] } };
}

describe('approval flows', () => {
  test('without a session: 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/approval-tasks/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/approval-flows' })).statusCode).toBe(401);
  });

  test.each([
    ['a condition comparing a number with text', (s: ReturnType<typeof twoStepFlow>) => ((s[2].condition as { value: unknown }).value = 'many'), 'body.steps.2.condition.value'],
    ['a step without approvers', (s: ReturnType<typeof twoStepFlow>) => (s[0].approvers = []), 'body.steps.0.approvers'],
    ['an unknown mode', (s: ReturnType<typeof twoStepFlow>) => (s[0].mode = 'some'), 'body.steps.0.mode'],
    ['another park’s operator as approver', (s: ReturnType<typeof twoStepFlow>) => (s[0].approvers = [user(ids.opB)]), 'body.steps.0.approvers.0.userId'],
    ['a role in another park', (s: ReturnType<typeof twoStepFlow>) => (s[0].approvers = [{ kind: 'role', role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]), 'body.steps.0.approvers.0.scopeId'],
    ['a role in a scope it is never granted in', (s: ReturnType<typeof twoStepFlow>) => (s[0].approvers = [{ kind: 'role', role: 'member', scopeType: 'park', scopeId: null }]), 'body.steps.0.approvers.0.scopeType'],
  ])('400 for %s, naming the field, and nothing is created', async (_name, mutate, field) => {
    const steps = twoStepFlow();
    mutate(steps);
    const res = await op.post('/api/approval-flows', { parkId: parkA.park.id, key: 'bad.flow', nameZh: '坏', nameEn: 'Bad', steps });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await op.get(`/api/approval-flows?parkId=${parkA.park.id}&pageSize=200`)).json().items.map((f: { key: string }) => f.key)).not.toContain('bad.flow');
  });

  test('only operators of the park manage its flows: 403 to create elsewhere, 404 to read or change another park’s flow', async () => {
    const flow = await createFlow();
    expect((await opB.post('/api/approval-flows', { parkId: parkA.park.id, key: 'x.y', nameZh: '甲', nameEn: 'A', steps: twoStepFlow() })).statusCode).toBe(403);
    expect((await applicant.get('/api/approval-flows')).statusCode).toBe(403);
    for (const url of [`/api/approval-flows/${flow.id}`, `/api/approval-flows/${flow.id}/versions`]) expect((await opB.get(url)).statusCode).toBe(404);
    expect((await opB.patch(`/api/approval-flows/${flow.id}`, { nameZh: '改' })).statusCode).toBe(404);
    expect((await opB.get('/api/approval-flows')).json().items.map((f: { id: string }) => f.id)).not.toContain(flow.id);
    expect((await op.post('/api/approval-flows', { parkId: parkA.park.id, key: flow.key, nameZh: '重', nameEn: 'Dup', steps: twoStepFlow() })).statusCode).toBe(409);
  });

  test('an edit rewrites an unused version, but makes a new one once a case uses it; the running case keeps its version', async () => {
    const flow = await createFlow();
    const renamed = twoStepFlow();
    renamed[0].nameZh = '初审';
    expect((await op.patch(`/api/approval-flows/${flow.id}`, { steps: renamed })).json()).toMatchObject({ latestVersion: 1 });
    const running = await start(flow.key);
    const changed = twoStepFlow().slice(0, 1);
    const v2 = (await op.patch(`/api/approval-flows/${flow.id}`, { steps: changed })).json();
    expect(v2).toMatchObject({ latestVersion: 2, steps: [{ nameEn: 'Property check' }] });
    const versions = (await op.get(`/api/approval-flows/${flow.id}/versions`)).json();
    expect(versions.map((v: { version: number; caseCount: number; steps: unknown[] }) => [v.version, v.caseCount, v.steps.length])).toEqual([
      [2, 0, 1],
      [1, 1, 3],
    ]);
    // The running case still has three steps: after step 1 it goes on to step 2 of version 1.
    const after = await act(ap[0], running.id, { type: 'approve' });
    expect(after).toMatchObject({ flow: { version: 1 }, currentStep: 1, steps: { length: 3 } });
    const fresh = await start(flow.key);
    expect(fresh.flow.version).toBe(2);
    expect((await act(ap[1], fresh.id, { type: 'approve' })).status).toBe('approved');
  });
});

describe('approval cases', () => {
  test('happy path: 或签 then 会签; inboxes, timeline, the feature’s hook once, every decision verifiable on the ledger', async () => {
    const flow = await createFlow();
    const c = await start(flow.key);
    expect(c).toMatchObject({ status: 'in_progress', currentStep: 0, applicant: { id: ids.applicant } });
    const inbox1 = (await ap[0].get('/api/approval-tasks/me')).json();
    expect(inbox1.find((i: { case: { id: string } }) => i.case.id === c.id)).toMatchObject({ stepNameEn: 'Property check', mode: 'any' });

    const s1 = await act(ap[1], c.id, { type: 'approve', comment: '材料齐全' });
    expect(s1.currentStep).toBe(1);
    expect(s1.tasks.filter((x) => x.round === 1).map((x) => [x.assignee.id, x.status])).toEqual([
      [ids.ap1, 'cancelled'],
      [ids.ap2, 'approved'],
    ]);
    expect((await ap[0].get('/api/approval-tasks/me')).json().some((i: { case: { id: string } }) => i.case.id === c.id)).toBe(false);
    await act(ap[0], c.id, { type: 'approve' }, 409);

    expect((await act(ap[2], c.id, { type: 'approve' })).status).toBe('in_progress');
    const done = await act(adminA, c.id, { type: 'approve', comment: '同意' });
    expect(done).toMatchObject({ status: 'approved', currentStep: null });
    expect(hooks.outcomes.filter((o) => o.caseId === c.id).map((o) => o.outcome)).toEqual(['approved']);

    const timeline = (await applicant.get(`/api/approval-cases/${c.id}`)).json() as CaseDetail;
    expect(timeline.actions.map((a) => [a.type, a.actor?.id ?? null, a.stepIndex, a.statusAfter])).toEqual([
      ['submit', ids.applicant, 0, 'in_progress'],
      ['approve', ids.ap2, 0, 'in_progress'],
      ['approve', ids.ap3, 1, 'in_progress'],
      ['approve', ids.adminA, 1, 'approved'],
    ]);
    for (const a of timeline.actions) {
      const entry = await op.get(`/api/ledger/entries/${a.auditId}`);
      expect(entry.statusCode, entry.body).toBe(200);
      expect(entry.json()).toMatchObject({ entryMatchesLeaf: true, entry: { json: { action: `approval_case.${a.type}`, entityId: c.id } } });
    }
    // The applicant's enterprise admin verifies too (the entries carry the enterprise).
    expect((await adminA.get(`/api/ledger/entries/${timeline.actions[3].auditId}`)).statusCode).toBe(200);
    // The approvers were told in-app.
    const bell = (await ap[2].get('/api/notifications')).json().items as { kind: string; entityId: string }[];
    expect(bell.some((n) => n.kind === 'approval.task_assigned' && n.entityId === c.id)).toBe(true);
  });

  test('an amount above the limit adds the leadership step', async () => {
    const flow = await createFlow();
    const c = await start(flow.key, { amountFen: 2_000_000 });
    await act(ap[0], c.id, { type: 'approve' });
    await act(ap[2], c.id, { type: 'approve' });
    expect(await act(adminA, c.id, { type: 'approve' })).toMatchObject({ status: 'in_progress', currentStep: 2 });
    expect((await act(ap[3], c.id, { type: 'approve' })).status).toBe('approved');
  });

  test('who sees a case: applicant, approvers, the park’s operators, the enterprise’s admin; another enterprise and another park get 404', async () => {
    const flow = await createFlow();
    const c = await start(flow.key);
    for (const client of [applicant, ap[0], op, adminA]) expect((await client.get(`/api/approval-cases/${c.id}`)).statusCode).toBe(200);
    for (const client of [outsider, opB]) {
      expect((await client.get(`/api/approval-cases/${c.id}`)).statusCode).toBe(404);
      expect((await client.post(`/api/approval-cases/${c.id}/actions`, { type: 'comment', comment: '看看' })).statusCode).toBe(404);
      expect((await client.get(`/api/approval-cases/${c.id}/candidates`)).statusCode).toBe(404);
    }
    expect((await outsider.get('/api/approval-cases?pageSize=200')).json().items).toEqual([]);
    expect((await opB.get('/api/approval-cases?scope=park&pageSize=200')).json().items).toEqual([]);
    expect((await applicant.get('/api/approval-cases?pageSize=200')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await op.get('/api/approval-cases?scope=park&pageSize=200')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    // Seeing is not deciding: the operator has no task here.
    await act(op, c.id, { type: 'approve' }, 403);
    expect((await applicant.get(`/api/approval-cases/${newSubjectId()}`)).statusCode).toBe(404);
    expect((await applicant.get('/api/approval-cases/not-a-uuid')).statusCode).toBe(400);
  });

  test('驳回修改 to the applicant, resubmit with new values, approve; return to an earlier step', async () => {
    const flow = await createFlow();
    const c = await start(flow.key);
    const bad = await act(ap[0], c.id, { type: 'return' }, 400);
    expect(bad.details?.fields?.map((f) => f.field)).toContain('body.reason');
    const returned = await act(ap[0], c.id, { type: 'return', reason: '请补充营业执照' });
    expect(returned).toMatchObject({ status: 'returned', currentStep: null, can: { resubmit: false } });
    expect((await applicant.get(`/api/approval-cases/${c.id}`)).json().can).toMatchObject({ resubmit: true, withdraw: true });
    await act(ap[1], c.id, { type: 'resubmit' }, 403);
    // New values come from the feature, never from the generic body.
    expect((await applicant.post(`/api/approval-cases/${c.id}/actions`, { type: 'resubmit', formValues: { amountFen: 1 } })).statusCode).toBe(400);
    const again = await t.services.approvals.resubmitCase(applicantCtx, c.id, { formValues: { amountFen: 600_000 }, comment: '已补充' });
    expect(again).toMatchObject({ status: 'in_progress', currentStep: 0, formValues: { amountFen: 600_000 } });
    await act(ap[0], c.id, { type: 'approve' });
    await act(ap[2], c.id, { type: 'return', reason: '初审有误', toStep: 2 }, 400);
    expect(await act(ap[2], c.id, { type: 'return', reason: '初审有误', toStep: 0 })).toMatchObject({ status: 'in_progress', currentStep: 0 });
    expect(hooks.outcomes.filter((o) => o.caseId === c.id).map((o) => o.outcome)).toEqual(['returned', 'resubmitted']);
  });

  test('reject needs a reason and ends the case; withdraw is the applicant’s alone', async () => {
    const flow = await createFlow();
    const c = await start(flow.key);
    expect((await act(ap[0], c.id, { type: 'reject', reason: '' }, 400)).details?.fields?.map((f) => f.field)).toContain('body.reason');
    expect(await act(ap[0], c.id, { type: 'reject', reason: '不符合条件' })).toMatchObject({ status: 'rejected' });
    await act(ap[1], c.id, { type: 'approve' }, 409);
    await act(applicant, c.id, { type: 'withdraw' }, 409);

    const w = await start(flow.key);
    await act(ap[0], w.id, { type: 'withdraw' }, 403);
    expect(await act(applicant, w.id, { type: 'withdraw', reason: '不再需要' })).toMatchObject({ status: 'withdrawn' });
    expect(hooks.outcomes.filter((o) => [c.id, w.id].includes(o.caseId)).map((o) => o.outcome)).toEqual(['rejected', 'withdrawn']);
  });

  test('transfer (转交) and add-approver (加签) to eligible users only', async () => {
    const flow = await createFlow();
    const c = await start(flow.key);
    expect((await act(ap[0], c.id, { type: 'transfer', toUserId: ids.opB }, 400)).details?.fields?.map((f) => f.field)).toEqual(['body.toUserId']);
    expect((await act(ap[0], c.id, { type: 'add_approver', userId: ids.opB }, 400)).details?.fields?.map((f) => f.field)).toEqual(['body.userId']);
    const candidates = (await ap[0].get(`/api/approval-cases/${c.id}/candidates`)).json() as { id: string }[];
    expect(candidates.map((u) => u.id)).toEqual(expect.arrayContaining([ids.op, ids.ap3, ids.adminA]));
    expect(candidates.map((u) => u.id)).not.toContain(ids.opB);
    await act(ap[0], c.id, { type: 'transfer', toUserId: ids.op, comment: '请运营处理' });
    await act(ap[1], c.id, { type: 'transfer', toUserId: ids.op }, 409);
    expect((await op.get('/api/approval-tasks/me')).json().map((i: { case: { id: string } }) => i.case.id)).toContain(c.id);
    await act(ap[0], c.id, { type: 'approve' }, 409);
    const s2 = await act(op, c.id, { type: 'approve' });
    expect(s2.currentStep).toBe(1);
    // 加签 in the 会签 step: the added approver must approve too.
    await act(ap[2], c.id, { type: 'add_approver', userId: ids.ap4 });
    await act(ap[2], c.id, { type: 'approve' });
    expect((await act(adminA, c.id, { type: 'approve' })).status).toBe('in_progress');
    expect((await act(ap[3], c.id, { type: 'approve' })).status).toBe('approved');
  });

  test('comments by anyone who sees the case; 催办 by the applicant, rate-limited (429), not by others', async () => {
    const flow = await createFlow();
    const c = await start(flow.key);
    await act(applicant, c.id, { type: 'comment', comment: '请尽快处理' });
    await act(op, c.id, { type: 'comment', comment: '已知悉' });
    // The enterprise admin sees the case (and will approve step 2) but does not urge it.
    await act(adminA, c.id, { type: 'remind' }, 403);
    await act(applicant, c.id, { type: 'remind' });
    expect((await act(applicant, c.id, { type: 'remind' }, 429)).code).toBe('RATE_LIMITED');
    const detail = (await applicant.get(`/api/approval-cases/${c.id}`)).json() as CaseDetail;
    expect(detail.actions.map((a) => [a.type, a.comment])).toEqual([
      ['submit', null],
      ['comment', '请尽快处理'],
      ['comment', '已知悉'],
      ['remind', null],
    ]);
    const bell = (await ap[1].get('/api/notifications')).json().items as { kind: string; entityId: string }[];
    expect(bell.filter((n) => n.kind === 'approval.reminder' && n.entityId === c.id)).toHaveLength(1);
  });

  test('a body that names no action, or an unknown one, is a 400 and changes nothing', async () => {
    const flow = await createFlow();
    const c = await start(flow.key);
    expect((await ap[0].post(`/api/approval-cases/${c.id}/actions`, { type: 'approve_all' })).statusCode).toBe(400);
    expect((await ap[0].post(`/api/approval-cases/${c.id}/actions`, { type: 'transfer', toUserId: 'x' })).statusCode).toBe(400);
    expect((await applicant.get(`/api/approval-cases/${c.id}`)).json().actions).toHaveLength(1);
  });

  test('a second case for the same subject while one is open: 409', async () => {
    const flow = await createFlow();
    const subjectId = newSubjectId();
    await start(flow.key, {}, subjectId);
    await expect(start(flow.key, {}, subjectId)).rejects.toMatchObject({ status: 409 });
    await expect(start('no.such.flow')).rejects.toMatchObject({ status: 404 });
  });

  test('a feature hook that throws refuses the decision: nothing is written', async () => {
    const flow = await createFlow([twoStepFlow()[0]]);
    const c = await start(flow.key);
    hooks.refuse.add(c.subjectId);
    const res = await ap[0].post(`/api/approval-cases/${c.id}/actions`, { type: 'approve' });
    expect(res.statusCode).toBe(500);
    const after = (await applicant.get(`/api/approval-cases/${c.id}`)).json() as CaseDetail;
    expect(after).toMatchObject({ status: 'in_progress', currentStep: 0 });
    expect(after.actions).toHaveLength(1);
    expect(after.tasks.every((x) => x.status === 'pending')).toBe(true);
    hooks.refuse.delete(c.subjectId);
    expect((await act(ap[0], c.id, { type: 'approve' })).status).toBe('approved');
  });

  test('overdue tasks escalate once: the approvers and the escalation role are told, and the role takes over', async () => {
    const steps = [{ nameZh: '限时审批', nameEn: 'Timed', mode: 'all', approvers: [user(ids.ap1)], dueHours: 2, escalation: { to: { role: 'operator', scopeType: 'park', scopeId: null }, reassign: true } }];
    const flow = await createFlow(steps);
    const c = await start(flow.key);
    expect(await t.services.approvals.escalateOverdue(new Date(Date.now() + H))).toBe(0);
    expect(await t.services.approvals.escalateOverdue(new Date(Date.now() + 3 * H))).toBeGreaterThanOrEqual(1);
    expect(await t.services.approvals.escalateOverdue(new Date(Date.now() + 4 * H))).toBe(0);
    const d = (await op.get(`/api/approval-cases/${c.id}`)).json() as CaseDetail;
    expect(d.actions.map((a) => [a.type, a.actor, a.actorName])).toEqual([
      ['submit', { id: ids.applicant, displayName: 'apv.applicant' }, 'apv.applicant'],
      ['escalate', null, 'ParkOS'],
    ]);
    expect(d.tasks.find((x) => x.assignee.id === ids.ap1)).toMatchObject({ status: 'escalated' });
    expect(d.tasks.filter((x) => x.origin === 'escalation').map((x) => x.assignee.id)).toContain(ids.op);
    const bell = (await ap[0].get('/api/notifications')).json().items as { kind: string; entityId: string }[];
    expect(bell.filter((n) => n.kind === 'approval.overdue' && n.entityId === c.id)).toHaveLength(1);
    await act(ap[0], c.id, { type: 'approve' }, 409);
    expect((await act(op, c.id, { type: 'approve' })).status).toBe('approved');
  });
});
