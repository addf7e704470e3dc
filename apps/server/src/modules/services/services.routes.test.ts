import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCreditCode, buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD, type BuiltPark } from '../../testing/builders';
import { buildImage, uploadFile } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let parkA: BuiltPark;
let parkB: BuiltPark;
let eA: { id: string };
let eOther: { id: string };
let op: TestClient;
let opB: TestClient;
let handler: TestClient;
let adminA: TestClient;
let memberA: TestClient;
let adminOther: TestClient;
const ap: TestClient[] = [];
const ids: Record<string, string> = {};

const form = {
  fields: [
    { key: 'topic', type: 'text', label: { zh: '咨询主题', en: 'Topic' }, required: true },
    { key: 'people', type: 'integer', label: { zh: '参加人数', en: 'People' }, required: true, min: 1, max: 50 },
    { key: 'material', type: 'file', label: { zh: '材料', en: 'Material' } },
  ],
};

async function ok<T = Record<string, unknown>>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

type Req = { id: string; status: string; caseId: string; formVersion: number; form: { fields: { key: string }[] }; billId: string | null; files: { id: string }[]; can: Record<string, boolean>; isOverdue: boolean; rating: number | null };

beforeAll(async () => {
  t = await createTestApp();
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  eA = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  eOther = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  const park = (id: string) => [{ role: 'operator' as const, scopeType: 'park' as const, scopeId: id }];
  ids.op = (await buildUser(t.services, 'svc.op', park(parkA.park.id))).id;
  await buildUser(t.services, 'svc.opB', park(parkB.park.id));
  ids.handler = (await buildUser(t.services, 'svc.handler', park(parkA.park.id))).id;
  for (const i of [1, 2, 3]) ids[`ap${i}`] = (await buildUser(t.services, `svc.ap${i}`, park(parkA.park.id))).id;
  await buildUser(t.services, 'svc.adminA', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eA.id }]);
  await buildUser(t.services, 'svc.memberA', [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }]);
  await buildUser(t.services, 'svc.adminOther', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eOther.id }]);
  op = await t.login('svc.op', TEST_PASSWORD);
  opB = await t.login('svc.opB', TEST_PASSWORD);
  handler = await t.login('svc.handler', TEST_PASSWORD);
  adminA = await t.login('svc.adminA', TEST_PASSWORD);
  memberA = await t.login('svc.memberA', TEST_PASSWORD);
  adminOther = await t.login('svc.adminOther', TEST_PASSWORD);
  for (const i of [1, 2, 3]) ap.push(await t.login(`svc.ap${i}`, TEST_PASSWORD));
  const user = (id: string) => ({ kind: 'user', userId: id });
  await ok(
    await op.post('/api/approval-flows', {
      parkId: parkA.park.id,
      key: 'svc.review',
      nameZh: '服务审批',
      nameEn: 'Service review',
      steps: [
        { nameZh: '受理', nameEn: 'Intake', mode: 'any', approvers: [user(ids.ap1)] },
        { nameZh: '会签', nameEn: 'Countersign', mode: 'all', approvers: [user(ids.ap2), user(ids.ap3)] },
      ],
    }),
    201,
  );
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

const serviceBody = (extra: Record<string, unknown> = {}) => ({
  parkId: parkA.park.id,
  system: 'tech_support',
  nameZh: '技术咨询',
  nameEn: 'Tech consulting',
  descriptionZh: '专家一对一技术咨询',
  descriptionEn: 'One-to-one expert consulting',
  handlerType: 'department',
  handlerName: '企业服务部',
  handlerUserIds: [ids.handler],
  applicants: 'admins',
  form,
  flowKey: 'svc.review',
  slaHours: 48,
  feeFen: 50_000,
  status: 'published',
  ...extra,
});

async function createService(extra: Record<string, unknown> = {}) {
  return ok<{ id: string; formVersion: number; canApply: boolean }>(await op.post('/api/services', serviceBody(extra)), 201);
}

async function decide(client: TestClient, caseId: string, body: Record<string, unknown>) {
  return ok(await client.post(`/api/approval-cases/${caseId}/actions`, body));
}

describe('services', () => {
  test('without a session: 401; a service with a bad form or a missing flow is a 400 naming the field', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/services' })).statusCode).toBe(401);
    const badForm = await op.post('/api/services', serviceBody({ form: { fields: [{ key: 'x', type: 'select', label: { zh: '类型', en: 'Type' } }] } }));
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().details.fields[0].field).toBe('body.form.fields.0.options');
    const noFlow = await op.post('/api/services', serviceBody({ flowKey: 'no.such.flow' }));
    expect(noFlow.statusCode).toBe(400);
    expect(noFlow.json().details.fields[0].field).toBe('body.flowKey');
    const badHandler = await op.post('/api/services', serviceBody({ handlerUserIds: [ids.handler, ids.op, (await buildUser(t.services, 'svc.stranger', [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }])).id] }));
    expect(badHandler.statusCode).toBe(400);
    expect(badHandler.json().details.fields[0].field).toBe('body.handlerUserIds.2');
  });

  test('operators of another park and enterprises cannot create services; park B sees none of park A’s', async () => {
    const s = await createService({ nameZh: '品牌推广' });
    expect((await opB.post('/api/services', serviceBody())).statusCode).toBe(403);
    expect((await adminA.post('/api/services', serviceBody())).statusCode).toBe(403);
    expect((await opB.get(`/api/services/${s.id}`)).statusCode).toBe(404);
    expect((await opB.patch(`/api/services/${s.id}`, { nameZh: '改名' })).statusCode).toBe(404);
    const list = await ok<{ items: { id: string }[] }>(await opB.get('/api/services?pageSize=200'));
    expect(list.items.map((i) => i.id)).not.toContain(s.id);
  });

  test('the catalog shows enterprises published services only; a draft is a 404 to them', async () => {
    const draft = await createService({ nameZh: '草稿服务', status: 'draft', flowKey: null });
    const published = await createService({ nameZh: '已发布服务' });
    const catalog = await ok<{ items: { id: string; canApply: boolean; handlers: unknown[] }[] }>(await adminA.get('/api/services?view=catalog&pageSize=200'));
    const ids = catalog.items.map((i) => i.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    expect(catalog.items.find((i) => i.id === published.id)).toMatchObject({ canApply: true, handlers: [] });
    expect((await adminA.get(`/api/services/${draft.id}`)).statusCode).toBe(404);
    // Members may not apply where only admins may.
    const asMember = await ok<{ items: { id: string; canApply: boolean }[] }>(await memberA.get('/api/services?view=catalog&pageSize=200'));
    expect(asMember.items.find((i) => i.id === published.id)?.canApply).toBe(false);
    expect((await memberA.post('/api/service-requests', { serviceId: published.id, values: { topic: '咨询', people: 2 } })).statusCode).toBe(403);
  });

  test('a bad submission is a 400 naming each field and creates nothing', async () => {
    const s = await createService();
    const res = await adminA.post('/api/service-requests', { serviceId: s.id, values: { people: 99 } });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().details.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['body.values.people', 'body.values.topic']);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from service_requests where service_id = $1', [s.id]);
    expect(n).toBe(0);
  });

  test('apply with a file → returned → resubmitted with more material → approved by all (会签) → a bill → accepted, completed in bulk → rated once', async () => {
    const s = await createService();
    const upload = await ok<{ id: string }>(await uploadFile(adminA, { data: await buildImage('png'), name: '营业执照.png' }), 201);
    const r = await ok<Req>(await adminA.post('/api/service-requests', { serviceId: s.id, values: { topic: '数据库调优', people: 3, material: upload.id } }), 201);
    expect(r).toMatchObject({ status: 'in_review', formVersion: 1 });
    expect(r.files.map((f) => f.id)).toEqual([upload.id]);
    // Another enterprise sees nothing of it, nor its material.
    expect((await adminOther.get(`/api/service-requests/${r.id}`)).statusCode).toBe(404);
    expect((await adminOther.get(`/api/files/${upload.id}`)).statusCode).toBe(404);
    expect((await adminOther.get(`/api/approval-cases/${r.caseId}`)).statusCode).toBe(404);
    expect((await opB.get(`/api/service-requests/${r.id}`)).statusCode).toBe(404);
    expect(((await ok<{ items: { id: string }[] }>(await adminOther.get('/api/service-requests?pageSize=200'))).items).map((i) => i.id)).not.toContain(r.id);
    expect(((await ok<{ items: { id: string }[] }>(await opB.get('/api/service-requests?scope=queue&pageSize=200'))).items).map((i) => i.id)).not.toContain(r.id);
    // The handler sees it in the queue and may follow its case.
    expect((await ok<{ items: { id: string }[] }>(await handler.get(`/api/service-requests?scope=queue&serviceId=${s.id}`))).items.map((i) => i.id)).toEqual([r.id]);
    expect((await handler.get(`/api/approval-cases/${r.caseId}`)).statusCode).toBe(200);

    // Editing the service's form makes a new version; the request keeps the old one.
    const edited = await ok<{ formVersion: number }>(await op.patch(`/api/services/${s.id}`, { form: { fields: [...form.fields, { key: 'budget', type: 'money', label: { zh: '预算', en: 'Budget' } }] } }));
    expect(edited.formVersion).toBe(2);
    expect((await ok<Req>(await adminA.get(`/api/service-requests/${r.id}`))).form.fields.map((f) => f.key)).toEqual(['topic', 'people', 'material']);

    await decide(ap[0], r.caseId, { type: 'return', reason: '请补充材料' });
    const returned = await ok<Req>(await adminA.get(`/api/service-requests/${r.id}`));
    expect(returned).toMatchObject({ status: 'returned', can: { resubmit: true, withdraw: true } });
    // Resubmission is validated against the request's own form, and adds material.
    const bad = await adminA.post(`/api/service-requests/${r.id}/resubmit`, { values: { topic: '', people: 3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.values.topic');
    const more = await ok<{ id: string }>(await uploadFile(adminA, { data: await buildImage('jpeg'), name: '补充材料.jpg' }), 201);
    const resubmitted = await ok<Req>(await adminA.post(`/api/service-requests/${r.id}/resubmit`, { values: { topic: '数据库调优', people: 3, material: more.id }, comment: '已补充' }));
    expect(resubmitted.status).toBe('in_review');
    expect(resubmitted.files.map((f) => f.id).sort()).toEqual([upload.id, more.id].sort());
    expect((await adminA.post(`/api/service-requests/${r.id}/resubmit`, { values: { topic: 'x', people: 1 } })).statusCode).toBe(409);

    await decide(ap[0], r.caseId, { type: 'approve' });
    await decide(ap[1], r.caseId, { type: 'approve' });
    expect((await ok<Req>(await adminA.get(`/api/service-requests/${r.id}`))).status).toBe('in_review');
    await decide(ap[2], r.caseId, { type: 'approve' });
    const approved = await ok<Req>(await adminA.get(`/api/service-requests/${r.id}`));
    expect(approved.status).toBe('approved');
    expect(approved.billId).not.toBeNull();
    const [bill] = await t.database.query<{ kind: string; amount_fen: string; enterprise_id: string }>('select kind, amount_fen, enterprise_id from bills where id = $1', [approved.billId]);
    expect(bill).toMatchObject({ kind: 'service', enterprise_id: eA.id });
    expect(Number(bill.amount_fen)).toBe(50_000);

    // The applicant cannot handle; a handler accepts; bulk completion reports each item.
    expect((await adminA.post(`/api/service-requests/${r.id}/accept`)).statusCode).toBe(403);
    expect((await ok<Req>(await handler.post(`/api/service-requests/${r.id}/accept`))).status).toBe('in_progress');
    // A request the handler may not see makes the whole bulk call a 404 and changes nothing.
    const stranger = '00000000-0000-4000-8000-000000000001';
    expect((await handler.post('/api/service-requests/bulk', { action: 'complete', ids: [r.id, stranger], resultNote: 'x' })).statusCode).toBe(404);
    expect((await ok<Req>(await adminA.get(`/api/service-requests/${r.id}`))).status).toBe('in_progress');
    // A request still in review fails alone; the one in progress completes.
    const pending = await ok<Req>(await adminA.post('/api/service-requests', { serviceId: s.id, values: { topic: '另一项咨询', people: 1 } }), 201);
    const bulk = await ok<{ results: { id: string; ok: boolean; status: string | null; code: string | null }[]; succeeded: number; failed: number }>(
      await handler.post('/api/service-requests/bulk', { action: 'complete', ids: [r.id, pending.id], resultNote: '已完成调优，性能提升 40%' }),
    );
    expect(bulk).toMatchObject({ succeeded: 1, failed: 1 });
    expect(bulk.results).toEqual([
      { id: r.id, ok: true, status: 'completed', code: null, message: null },
      { id: pending.id, ok: false, status: null, code: 'CONFLICT', message: expect.any(String) },
    ]);
    const again = await ok<{ failed: number; results: { code: string }[] }>(await handler.post('/api/service-requests/bulk', { action: 'complete', ids: [r.id], resultNote: 'x' }));
    expect(again.results[0].code).toBe('CONFLICT');

    expect((await memberA.post(`/api/service-requests/${r.id}/rating`, { rating: 5 })).statusCode).toBe(404);
    expect((await adminA.post(`/api/service-requests/${r.id}/rating`, { rating: 6 })).statusCode).toBe(400);
    expect((await ok<Req>(await adminA.post(`/api/service-requests/${r.id}/rating`, { rating: 5, comment: '非常专业' }))).rating).toBe(5);
    expect((await adminA.post(`/api/service-requests/${r.id}/rating`, { rating: 1 })).statusCode).toBe(409);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where entity_type = 'service_request' and entity_id = $1 order by id`, [r.id]);
    expect(audit.map((a) => a.action)).toEqual(['service_request.submitted', 'service_request.returned', 'service_request.corrected', 'service_request.resubmitted', 'service_request.approved', 'service_request.accepted', 'service_request.completed', 'service_request.rated']);
  });

  test('withdraw and reject end the request; the queue filters by status and overdue', async () => {
    const s = await createService({ feeFen: null, slaHours: 1 });
    const a = await ok<Req>(await adminA.post('/api/service-requests', { serviceId: s.id, values: { topic: '撤回的申请', people: 1 } }), 201);
    const b = await ok<Req>(await adminA.post('/api/service-requests', { serviceId: s.id, values: { topic: '驳回的申请', people: 1 } }), 201);
    expect((await ok<Req>(await adminA.post(`/api/service-requests/${a.id}/withdraw`, { reason: '不需要了' }))).status).toBe('withdrawn');
    await decide(ap[0], b.caseId, { type: 'reject', reason: '不符合条件' });
    const rejected = await ok<Req>(await adminA.get(`/api/service-requests/${b.id}`));
    expect(rejected).toMatchObject({ status: 'rejected', billId: null });
    const c = await ok<Req>(await adminA.post('/api/service-requests', { serviceId: s.id, values: { topic: '超时的申请', people: 1 } }), 201);
    await t.database.query(`update service_requests set due_at = now() - interval '1 hour' where id = $1`, [c.id]);
    const overdue = await ok<{ items: { id: string; isOverdue: boolean }[] }>(await handler.get(`/api/service-requests?scope=queue&serviceId=${s.id}&overdue=true`));
    expect(overdue.items.map((i) => [i.id, i.isOverdue])).toEqual([[c.id, true]]);
    const byStatus = await ok<{ items: { id: string }[] }>(await op.get(`/api/service-requests?scope=queue&serviceId=${s.id}&status=rejected&enterpriseId=${eA.id}&system=tech_support`));
    expect(byStatus.items.map((i) => i.id)).toEqual([b.id]);
  });

  test('a property company handler (no approver, no operator) follows and comments on the case; property staff of another company may not handle', async () => {
    const pc = await t.services.parks.createPropertyCompany(SYSTEM, { name: '甲园物业', creditCode: buildCreditCode() });
    await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc.id, districtId: parkA.district.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
    const staff = await buildUser(t.services, 'svc.property', [{ role: 'property', scopeType: 'property_company', scopeId: pc.id }]);
    const s = await createService({ handlerType: 'property_company', propertyCompanyId: pc.id, handlerName: '', handlerUserIds: [staff.id], feeFen: null });
    const r = await ok<Req>(await adminA.post('/api/service-requests', { serviceId: s.id, values: { topic: '会议室布置', people: 20 } }), 201);
    const prop = await t.login('svc.property', TEST_PASSWORD);
    expect((await ok<{ items: { id: string }[] }>(await prop.get('/api/service-requests?scope=queue'))).items.map((i) => i.id)).toEqual([r.id]);
    expect((await prop.get(`/api/approval-cases/${r.caseId}`)).statusCode).toBe(200);
    await decide(prop, r.caseId, { type: 'comment', comment: '物业已知悉' });
    // Not a company contracted by the park: refused as a handler.
    const other = await t.services.parks.createPropertyCompany(SYSTEM, { name: '外园物业', creditCode: buildCreditCode() });
    const bad = await op.post('/api/services', serviceBody({ handlerType: 'property_company', propertyCompanyId: other.id }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.propertyCompanyId');
  });

  test('booking and policy entries are links, not requests', async () => {
    const booking = await ok<{ id: string; link: string; canApply: boolean }>(await op.post('/api/services', serviceBody({ kind: 'booking', flowKey: null, nameZh: '会议室预订' })), 201);
    expect(booking).toMatchObject({ link: '/bookings', canApply: false });
    expect((await adminA.post('/api/service-requests', { serviceId: booking.id, values: {} })).statusCode).toBe(409);
    const policy = await ok<{ link: string }>(await op.post('/api/services', serviceBody({ kind: 'policy', system: 'policy', flowKey: null, nameZh: '政策申报' })), 201);
    expect(policy.link).toBe('/policies');
  });

  test('a link entry needs no form (the demo seeds them so) and the catalog still lists it; a request service needs a field', async () => {
    const link = await ok<{ id: string; form: { fields: unknown[] } }>(await op.post('/api/services', serviceBody({ kind: 'booking', flowKey: null, nameZh: '共享平台预约', form: { fields: [] } })), 201);
    expect(link.form.fields).toEqual([]);
    const list = await op.get('/api/services');
    expect(list.statusCode, list.body).toBe(200);
    expect(JSON.stringify(list.json())).toContain(link.id);
    expect((await adminA.get('/api/services')).statusCode).toBe(200);
    const bad = await op.post('/api/services', serviceBody({ form: { fields: [] } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.form.fields');
    expect((await op.patch(`/api/services/${link.id}`, { kind: 'request', flowKey: null, status: 'draft' })).json().details.fields[0].field).toBe('body.form.fields');
  });
});
