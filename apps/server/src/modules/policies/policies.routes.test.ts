import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { buildImage, uploadFile } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { createPolicyReminderJob } from './policies.jobs';

let t: TestApp;
let A: BuiltPark;
let B: BuiltPark;
let op: TestClient;
let opB: TestClient;
let advisor: TestClient;
let admin: TestClient;
let adminBad: TestClient;
let adminOther: TestClient;
let member: TestClient;
const ids: Record<string, string> = {};
const DAY = 86_400_000;

type Policy = { id: string; status: string; eligibility: { isEligible: boolean; ageYears: number | null; reasons: { code: string; params: Record<string, unknown> }[] } | null; myApplicationId: string | null };
type Application = { id: string; status: string; caseId: string | null; grantedAmountFen: number | null; requestedAmountFen: number | null; advisor: { id: string } | null; materials: { name: string; file: { id: string; name: string } | null }[]; comments: { text: string; isAdvisor: boolean }[]; can: Record<string, boolean> };

async function enterprise(park: BuiltPark, name: string, fields: Record<string, unknown> = {}) {
  return t.services.parks.createEnterprise(SYSTEM, { parkId: park.park.id, siteId: park.site.id, legalName: name, creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000', movedInAt: '2020-05-01', ...fields });
}

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services);
  const eA = await enterprise(A, '成都甲软件有限公司');
  const eBad = await enterprise(A, '成都乙生物有限公司', { industry: 'biotech', size: 'large' });
  const eOther = await enterprise(A, '成都丙信息有限公司');
  Object.assign(ids, { eA: eA.id, eBad: eBad.id, eOther: eOther.id });
  const opUser = await buildUser(t.services, 'pol.op', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  const advUser = await buildUser(t.services, 'pol.advisor', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'pol.opB', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  ids.admin = (await buildUser(t.services, 'pol.admin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eA.id }])).id;
  await buildUser(t.services, 'pol.adminBad', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eBad.id }]);
  ids.adminOther = (await buildUser(t.services, 'pol.adminOther', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eOther.id }])).id;
  await buildUser(t.services, 'pol.member', [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }]);
  ids.op = opUser.id;
  ids.advisor = advUser.id;
  await t.services.approvals.createFlow(SYSTEM, { parkId: A.park.id, key: 'policy.review', nameZh: '政策审核', nameEn: 'Policy review', steps: [{ nameZh: '园区审核', nameEn: 'Park review', mode: 'any', approvers: [{ kind: 'user', userId: opUser.id }], condition: null, dueHours: null, escalation: null }] });
  op = await t.login('pol.op', TEST_PASSWORD);
  opB = await t.login('pol.opB', TEST_PASSWORD);
  advisor = await t.login('pol.advisor', TEST_PASSWORD);
  admin = await t.login('pol.admin', TEST_PASSWORD);
  adminBad = await t.login('pol.adminBad', TEST_PASSWORD);
  adminOther = await t.login('pol.adminOther', TEST_PASSWORD);
  member = await t.login('pol.member', TEST_PASSWORD);
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function createPolicy(fields: Record<string, unknown> = {}, publish = true): Promise<Policy> {
  const res = await op.post('/api/policies', {
    parkId: A.park.id,
    title: '软件企业研发费用补贴',
    issuer: '成都高新区经济运行局',
    documentNo: '成高经发〔2026〕8号',
    summary: '按研发投入给予补贴',
    deadline: new Date(Date.now() + 30 * DAY).toISOString(),
    industries: ['software', 'ai'],
    sizes: ['micro', 'small', 'medium'],
    minAgeYears: 1,
    amountKind: 'up_to',
    amountFen: 50_000_000,
    materials: ['营业执照', '研发费用专项审计报告'],
    flowKey: 'policy.review',
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  const p = res.json() as Policy;
  if (!publish) return p;
  const pub = await op.patch(`/api/policies/${p.id}`, { status: 'published' });
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json() as Policy;
}

async function upload(client: TestClient, name: string): Promise<string> {
  const res = await uploadFile(client, { data: await buildImage('png'), name });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function materialsFor(client: TestClient, names = ['营业执照', '研发费用专项审计报告']) {
  return Promise.all(names.map(async (name) => ({ name, fileId: await upload(client, `${name}.png`) })));
}

const count = async (sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0].n;

describe('the policy library', () => {
  test('a draft is the operators’; published policies show each enterprise its eligibility as reason codes', async () => {
    const p = await createPolicy({}, false);
    expect((await admin.get(`/api/policies/${p.id}`)).statusCode).toBe(404);
    await op.patch(`/api/policies/${p.id}`, { status: 'published' });
    const mine = (await admin.get(`/api/policies/${p.id}`)).json() as Policy;
    expect(mine.eligibility).toMatchObject({ isEligible: true, reasons: [] });
    const theirs = (await adminBad.get(`/api/policies/${p.id}`)).json() as Policy;
    expect(theirs.eligibility!.isEligible).toBe(false);
    expect(theirs.eligibility!.reasons).toEqual([
      { code: 'industry', params: { industry: 'biotech', allowed: ['software', 'ai'] } },
      { code: 'size', params: { size: 'large', allowed: ['micro', 'small', 'medium'] } },
    ]);
    const young = await createPolicy({ minAgeYears: 10 });
    const r = (await admin.get(`/api/policies/${young.id}`)).json() as Policy;
    expect(r.eligibility!.reasons).toEqual([{ code: 'age_below_min', params: { years: r.eligibility!.ageYears, min: 10 } }]);
    // Members see it too (read only).
    expect((await member.get(`/api/policies/${p.id}`)).statusCode).toBe(200);
  });

  test('another park’s operator sees none of park A’s policies and cannot change them', async () => {
    const p = await createPolicy({ title: '人才引进补贴' });
    expect((await opB.get(`/api/policies/${p.id}`)).statusCode).toBe(404);
    expect(((await opB.get('/api/policies?pageSize=200')).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(p.id);
    expect((await opB.patch(`/api/policies/${p.id}`, { status: 'closed' })).statusCode).toBe(404);
    expect((await opB.post('/api/policies', { parkId: A.park.id, title: 'x', issuer: 'y', deadline: new Date().toISOString(), flowKey: 'policy.review' })).statusCode).toBe(403);
    expect(((await op.get(`/api/policies/${p.id}`)).json() as Policy).status).toBe('published');
  });

  test('a fixed or up-to amount needs an amount; bad age bounds are a 400 naming the field', async () => {
    const res = await op.post('/api/policies', { parkId: A.park.id, title: 'x', issuer: 'y', deadline: new Date().toISOString(), flowKey: 'policy.review', amountKind: 'fixed' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.amountFen');
    const ages = await op.post('/api/policies', { parkId: A.park.id, title: 'x', issuer: 'y', deadline: new Date().toISOString(), flowKey: 'policy.review', minAgeYears: 5, maxAgeYears: 2 });
    expect(ages.json().details.fields[0].field).toBe('body.maxAgeYears');
    // Publishing needs the park's flow.
    const draft = await createPolicy({ flowKey: 'no.such.flow' }, false);
    const pub = await op.patch(`/api/policies/${draft.id}`, { status: 'published' });
    expect(pub.statusCode).toBe(400);
    expect(pub.json().details.fields[0].field).toBe('body.status');
    expect(((await op.get(`/api/policies/${draft.id}`)).json() as Policy).status).toBe('draft');
  });
});

describe('applying', () => {
  test('an enterprise admin applies with one file per material; the approval decides; the granted amount is recorded', async () => {
    const p = await createPolicy({ amountKind: 'fixed', amountFen: 20_000_000, title: '高新技术企业认定奖励' });
    const res = await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin), notes: '已通过高新认定' });
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json() as Application;
    expect(app).toMatchObject({ status: 'submitted', requestedAmountFen: 20_000_000, grantedAmountFen: null });
    expect(app.materials.map((m) => [m.name, m.file?.name])).toEqual([
      ['营业执照', '营业执照.png'],
      ['研发费用专项审计报告', '研发费用专项审计报告.png'],
    ]);
    expect(((await admin.get(`/api/policies/${p.id}`)).json() as Policy).myApplicationId).toBe(app.id);
    // The operator (the flow's approver) approves the case.
    const act = await op.post(`/api/approval-cases/${app.caseId}/actions`, { type: 'approve', comment: '材料齐全' });
    expect(act.statusCode, act.body).toBe(200);
    const after = (await admin.get(`/api/policy-applications/${app.id}`)).json() as Application;
    expect(after).toMatchObject({ status: 'approved', grantedAmountFen: 20_000_000 });
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [app.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['policy_application.submitted', 'policy_application.approved']));
    // Approved is still the enterprise's one application: applying again is a 409.
    const again = await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin) });
    expect(again.statusCode).toBe(409);
  });

  test('a double submission is a 409 and changes nothing', async () => {
    const p = await createPolicy();
    const first = await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin), requestedAmountFen: 30_000_000 });
    expect(first.statusCode, first.body).toBe(201);
    const before = { apps: await count('select count(*)::int as n from policy_applications where policy_id = $1', [p.id]), cases: await count('select count(*)::int as n from approval_cases'), files: await count(`select count(*)::int as n from files where owner_type = 'policy_application'`) };
    const spare = await materialsFor(admin);
    const [a, b] = await Promise.all([admin.post(`/api/policies/${p.id}/applications`, { materials: spare }), admin.post(`/api/policies/${p.id}/applications`, { materials: spare })]);
    expect([a.statusCode, b.statusCode]).toEqual([409, 409]);
    expect(a.json().details).toMatchObject({ reason: 'already_applied', applicationId: (first.json() as Application).id });
    expect({ apps: await count('select count(*)::int as n from policy_applications where policy_id = $1', [p.id]), cases: await count('select count(*)::int as n from approval_cases'), files: await count(`select count(*)::int as n from files where owner_type = 'policy_application'`) }).toEqual(before);
  });

  test('two first submissions at once: one application, the other a 409', async () => {
    const p = await createPolicy({ title: '并发申报' });
    const [m1, m2] = [await materialsFor(admin), await materialsFor(admin)];
    const results = await Promise.all([admin.post(`/api/policies/${p.id}/applications`, { materials: m1 }), admin.post(`/api/policies/${p.id}/applications`, { materials: m2 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count('select count(*)::int as n from policy_applications where policy_id = $1', [p.id])).toBe(1);
    expect(await count(`select count(*)::int as n from approval_cases c join policy_applications a on a.id = c.subject_id where a.policy_id = $1`, [p.id])).toBe(1);
    expect(await count(`select count(*)::int as n from files f join policy_applications a on a.id = f.owner_id where a.policy_id = $1`, [p.id])).toBe(2);
  });

  test('after the deadline, or when not eligible, applying is refused with its reason; a missing material or too high an amount is a 400', async () => {
    const late = await createPolicy({ deadline: new Date(Date.now() - DAY).toISOString() });
    const r1 = await admin.post(`/api/policies/${late.id}/applications`, { materials: await materialsFor(admin) });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().details.reason).toBe('deadline_passed');
    const p = await createPolicy();
    const r2 = await adminBad.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(adminBad) });
    expect(r2.statusCode).toBe(409);
    expect(r2.json().details).toMatchObject({ reason: 'not_eligible', reasons: [{ code: 'industry' }, { code: 'size' }] });
    const r3 = await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin, ['营业执照']) });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().details.fields[0]).toMatchObject({ field: 'body.materials', message: 'missing: 研发费用专项审计报告' });
    const r4 = await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin), requestedAmountFen: 60_000_000 });
    expect(r4.json().details.fields[0].field).toBe('body.requestedAmountFen');
    const r5 = await member.post(`/api/policies/${p.id}/applications`, { materials: [] });
    expect(r5.statusCode).toBe(403);
    expect(await count('select count(*)::int as n from policy_applications where policy_id in ($1, $2)', [late.id, p.id])).toBe(0);
  });

  test('returned → resubmitted with a new material → withdrawn; a withdrawn application frees the place', async () => {
    const p = await createPolicy();
    const app = (await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin) })).json() as Application;
    expect((await op.post(`/api/approval-cases/${app.caseId}/actions`, { type: 'return', reason: '审计报告缺少盖章' })).statusCode).toBe(200);
    const returned = (await admin.get(`/api/policy-applications/${app.id}`)).json() as Application;
    expect(returned.status).toBe('returned');
    expect(returned.can.resubmit).toBe(true);
    const newFile = await upload(admin, '审计报告-盖章版.png');
    const re = await admin.post(`/api/policy-applications/${app.id}/resubmit`, { materials: [{ name: '研发费用专项审计报告', fileId: newFile }], comment: '已补盖章' });
    expect(re.statusCode, re.body).toBe(200);
    const resubmitted = re.json() as Application;
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.materials.find((m) => m.name === '研发费用专项审计报告')!.file!.name).toBe('审计报告-盖章版.png');
    const w = await admin.post(`/api/policy-applications/${app.id}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);
    expect((w.json() as Application).status).toBe('withdrawn');
    const again = await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin) });
    expect(again.statusCode).toBe(201);
  });
});

describe('guidance', () => {
  test('an advisor is assigned to an enquiry; enterprise and advisor talk, each side notified; nobody else sees the thread or its files', async () => {
    const p = await createPolicy({ title: '人才引进补贴' });
    const enq = await admin.post(`/api/policies/${p.id}/enquiries`, { text: '我们的博士是否符合条件？' });
    expect(enq.statusCode, enq.body).toBe(201);
    const a = enq.json() as Application;
    expect(a.status).toBe('enquiry');
    const cands = (await op.get(`/api/policy-applications/${a.id}/advisor-candidates`)).json() as { id: string }[];
    expect(cands.map((c) => c.id)).toEqual(expect.arrayContaining([ids.op, ids.advisor]));
    expect((await op.request({ method: 'PUT', url: `/api/policy-applications/${a.id}/advisor`, payload: { advisorId: ids.admin } })).statusCode).toBe(400);
    expect((await op.request({ method: 'PUT', url: `/api/policy-applications/${a.id}/advisor`, payload: { advisorId: ids.advisor } })).statusCode).toBe(200);
    const reply = await advisor.post(`/api/policy-applications/${a.id}/comments`, { text: '符合，请准备学位证书' });
    expect(reply.statusCode, reply.body).toBe(200);
    const adminNotes = await t.database.query<{ kind: string }>(`select kind from notifications where user_id = $1 and entity_id = $2 order by created_at`, [ids.admin, a.id]);
    expect(adminNotes.map((n) => n.kind)).toEqual(['policy.advisor_assigned', 'policy.comment']);
    await admin.post(`/api/policy-applications/${a.id}/comments`, { text: '收到，谢谢' });
    const advNotes = await t.database.query<{ kind: string }>(`select kind from notifications where user_id = $1 and entity_id = $2 order by created_at`, [ids.advisor, a.id]);
    // Before an advisor was assigned, the enquiry went to the park's operators (the advisor is one).
    expect(advNotes.map((n) => n.kind)).toEqual(['policy.enquiry', 'policy.advisor_assigned', 'policy.comment']);
    const thread = (await admin.get(`/api/policy-applications/${a.id}`)).json() as Application;
    expect(thread.comments.map((c) => [c.text, c.isAdvisor])).toEqual([
      ['我们的博士是否符合条件？', false],
      ['符合，请准备学位证书', true],
      ['收到，谢谢', false],
    ]);
    // Applying turns the enquiry into the application (same thread).
    const applied = await admin.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(admin) });
    expect(applied.statusCode, applied.body).toBe(201);
    expect((applied.json() as Application).id).toBe(a.id);
    const fileId = (applied.json() as Application).materials[0].file!.id;
    // Another enterprise of the same park, its member, and another park's operator: 404 and absent.
    for (const client of [adminOther, opB]) {
      for (const url of [`/api/policy-applications/${a.id}`, `/api/policy-applications/${a.id}/advisor-candidates`, `/api/files/${fileId}`]) expect((await client.get(url)).statusCode, `${client.username} ${url}`).toBe(404);
      expect((await client.post(`/api/policy-applications/${a.id}/comments`, { text: '偷看' })).statusCode).toBe(404);
      expect((await client.post(`/api/policy-applications/${a.id}/withdraw`)).statusCode).toBe(404);
      expect((await client.request({ method: 'PUT', url: `/api/policy-applications/${a.id}/advisor`, payload: { advisorId: ids.op } })).statusCode).toBe(404);
      const list = (await client.get('/api/policy-applications?pageSize=200')).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).not.toContain(a.id);
    }
    expect((await member.get(`/api/policy-applications/${a.id}`)).statusCode).toBe(404);
    expect(await count('select count(*)::int as n from policy_application_comments where application_id = $1', [a.id])).toBe(3);
    // The advisor sees it and its files; the approval case too.
    expect((await advisor.get(`/api/files/${fileId}/info`)).statusCode).toBe(200);
  });
});

describe('deadline reminders', () => {
  test('eligible enterprises that have not applied are reminded 7 and 1 days before, each once', async () => {
    const park = await buildPark(t.services);
    const ok = await enterprise(park, '提醒甲有限公司');
    const applied = await enterprise(park, '提醒乙有限公司');
    const ineligible = await enterprise(park, '提醒丙有限公司', { industry: 'games' });
    const okAdmin = await buildUser(t.services, 'rem.ok', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ok.id }]);
    const appliedAdmin = await buildUser(t.services, 'rem.applied', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: applied.id }]);
    const badAdmin = await buildUser(t.services, 'rem.bad', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ineligible.id }]);
    const remOp = await buildUser(t.services, 'rem.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
    await t.services.approvals.createFlow(SYSTEM, { parkId: park.park.id, key: 'policy.review', nameZh: '审核', nameEn: 'Review', steps: [{ nameZh: '审核', nameEn: 'Review', mode: 'any', approvers: [{ kind: 'user', userId: remOp.id }], condition: null, dueHours: null, escalation: null }] });
    const rop = await t.login('rem.op', TEST_PASSWORD);
    const deadline = new Date(Date.now() + 10 * DAY);
    const created = await rop.post('/api/policies', { parkId: park.park.id, title: '软件企业研发费用补贴', issuer: '经济运行局', deadline: deadline.toISOString(), industries: ['software'], materials: ['营业执照'], flowKey: 'policy.review' });
    const p = created.json() as Policy;
    await rop.patch(`/api/policies/${p.id}`, { status: 'published' });
    const appliedClient = await t.login('rem.applied', TEST_PASSWORD);
    expect((await appliedClient.post(`/api/policies/${p.id}/applications`, { materials: await materialsFor(appliedClient, ['营业执照']) })).statusCode).toBe(201);
    const notes = (userId: string) => t.database.query<{ title: string }>(`select title from notifications where user_id = $1 and kind = 'policy.deadline' and entity_id = $2`, [userId, p.id]);
    const at = (daysLeft: number) => new Date(deadline.getTime() - daysLeft * DAY);
    const mine = async (when: Date) => {
      await t.services.policies.sendDeadlineReminders(when);
      return count('select count(*)::int as n from policy_reminders where policy_id = $1 and recipients > 0', [p.id]);
    };
    expect(await mine(at(8))).toBe(0);
    expect(await mine(at(6.5))).toBe(1);
    expect(await mine(at(6.5))).toBe(1);
    expect(await mine(at(3))).toBe(1);
    expect(await mine(at(0.5))).toBe(2);
    expect(await mine(at(0.4))).toBe(2);
    expect((await notes(okAdmin.id)).length).toBe(2);
    expect((await notes(appliedAdmin.id)).length).toBe(0);
    expect((await notes(badAdmin.id)).length).toBe(0);
    // After the deadline nothing is sent.
    expect(await mine(new Date(deadline.getTime() + 1000))).toBe(2);
  });

  test('the scheduler’s job sends a due reminder on its first run and nothing on the next', async () => {
    const job = createPolicyReminderJob({ policies: t.services.policies, intervalMs: 60_000, log: { info: () => undefined } });
    expect(job.id).toBe('policies.deadline-reminders');
    const p = await createPolicy({ title: '即将截止的政策', deadline: new Date(Date.now() + 3 * DAY).toISOString() });
    const sent = () => count(`select count(*)::int as n from notifications where kind = 'policy.deadline' and entity_id = $1`, [p.id]);
    await job.run({ previousRunAt: null });
    // Park A's two eligible enterprises' admins are reminded; the biotech one's is not.
    expect(await sent()).toBe(2);
    await job.run({ previousRunAt: new Date() });
    expect(await sent()).toBe(2);
  });
});
