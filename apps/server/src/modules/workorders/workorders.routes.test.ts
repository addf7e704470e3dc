import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog } from '../identity/identity.table';
import { buildCreditCode, buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { buildImage, uploadFile } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { SEED_TEXTS } from './workorders.seed';
import { startWorkOrderJobs } from './workorders.jobs';
import { dispatchModels, workOrderEvents, workOrders, workOrderTeams, type WorkOrderCategory } from './workorders.table';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let parkA: Built;
let parkB: Built;
let districtB: { id: string };
let buildingB: { id: string };
let op: TestClient;
let opB: TestClient;
let staff1: TestClient;
let staff2: TestClient;
let member1: TestClient;
let admin1: TestClient;
let member2: TestClient;
let teams: { eng1: string; eng2: string; clean1: string; it: string };

let PNG: Buffer;
let JPEG: Buffer;

/** Closed history of park A: categories by text, teams by category and district. */
async function seedHistory() {
  const cats: WorkOrderCategory[] = ['hvac', 'elevator', 'plumbing', 'network', 'cleaning', 'lighting'];
  const values = [];
  let i = 0;
  for (const category of cats) {
    const texts = [...SEED_TEXTS[category as keyof typeof SEED_TEXTS].zh, ...SEED_TEXTS[category as keyof typeof SEED_TEXTS].en];
    for (let k = 0; k < 24; k++) {
      const inB = k % 2 === 1;
      const team = category === 'network' ? teams.it : category === 'cleaning' ? teams.clean1 : inB ? teams.eng2 : teams.eng1;
      const createdAt = new Date(Date.now() - (i++ + 10) * 3_600_000);
      values.push({
        parkId: parkA.park.id,
        districtId: inB ? districtB.id : parkA.district.id,
        title: texts[k % texts.length],
        description: inB ? 'B1栋' : 'A1栋',
        category,
        priority: 'normal' as const,
        status: 'closed' as const,
        teamId: team,
        source: 'operator' as const,
        requesterName: 'history',
        responseDueAt: createdAt,
        resolutionDueAt: createdAt,
        createdAt,
      });
    }
  }
  await t.database.db.insert(workOrders).values(values);
}

beforeAll(async () => {
  t = await createTestApp();
  [PNG, JPEG] = await Promise.all([buildImage('png'), buildImage('jpeg')]);
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  const s = t.services.parks;
  districtB = await s.createDistrict(SYSTEM, { siteId: parkA.site.id, name: 'B区' });
  buildingB = await s.createBuilding(SYSTEM, { districtId: districtB.id, name: 'B1栋' });
  const c1 = await s.createPropertyCompany(SYSTEM, { name: '甲物业服务有限公司', creditCode: buildCreditCode() });
  const c2 = await s.createPropertyCompany(SYSTEM, { name: '乙物业管理有限公司', creditCode: buildCreditCode() });
  await s.createPropertyContract(SYSTEM, { propertyCompanyId: c1.id, districtId: parkA.district.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  await s.createPropertyContract(SYSTEM, { propertyCompanyId: c2.id, districtId: districtB.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  const e1 = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  const e2 = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  await buildUser(t.services, 'wo.op', [{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  await buildUser(t.services, 'wo.opb', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
  const lead1 = await buildUser(t.services, 'wo.staff1', [{ role: 'property', scopeType: 'property_company', scopeId: c1.id }]);
  await buildUser(t.services, 'wo.staff2', [{ role: 'property', scopeType: 'property_company', scopeId: c2.id }]);
  await buildUser(t.services, 'wo.member1', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'wo.admin1', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'wo.member2', [{ role: 'member', scopeType: 'enterprise', scopeId: e2.id }]);
  [op, opB, staff1, staff2, member1, admin1, member2] = await Promise.all(['wo.op', 'wo.opb', 'wo.staff1', 'wo.staff2', 'wo.member1', 'wo.admin1', 'wo.member2'].map((u) => t.login(u, TEST_PASSWORD)));
  const team = async (body: Record<string, unknown>) => {
    const res = await op.post('/api/work-order-teams', { parkId: parkA.park.id, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  teams = {
    eng1: await team({ name: '甲·工程维修班', kind: 'property', propertyCompanyId: c1.id, leadUserId: lead1.id, categories: ['hvac', 'elevator', 'plumbing', 'lighting', 'fire'] }),
    eng2: await team({ name: '乙·工程维修班', kind: 'property', propertyCompanyId: c2.id, categories: ['hvac', 'elevator', 'plumbing', 'lighting', 'fire'] }),
    clean1: await team({ name: '甲·保洁班', kind: 'property', propertyCompanyId: c1.id, categories: ['cleaning'] }),
    it: await team({ name: '信息化部', kind: 'operator', categories: ['network'] }),
  };
  await seedHistory();
  const trained = await t.services.workorders.dispatch.train(SYSTEM, parkA.park.id, 'test');
  expect(trained.map((m) => m.target).sort()).toEqual(['category', 'team']);
}, 120_000);
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function file(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/work-orders', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; teamId: string | null; category: string; needsTriage: boolean; decision: Record<string, unknown> | null; dispatchState: { mode: string; teamName: string | null; at: string | null; byName: string | null }; actions: string[]; events: { kind: string; actorName: string }[] };
}

async function auditActions(entityId: string) {
  return (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId))).map((r) => r.action);
}

describe('smart dispatch', () => {
  test('the model status shows accuracy on held-back orders and the version', async () => {
    const res = await op.get(`/api/dispatch/model?parkId=${parkA.park.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const category = body.current.find((m: { target: string }) => m.target === 'category');
    expect(category.version).toBe(1);
    expect(category.exampleCount).toBe(144);
    // About 20 %, held back by whole titles (no title is in both halves).
    expect(category.heldOutCount).toBeGreaterThanOrEqual(29);
    expect(category.heldOutCount).toBeLessThan(48);
    expect(category.accuracy).toBeGreaterThan(0.3);
    expect((await opB.get(`/api/dispatch/model?parkId=${parkA.park.id}`)).statusCode).toBe(403);
  });

  test('a clear request in district B is dispatched automatically to B’s contracted company, with reasons', async () => {
    const o = await file(member1, { title: '空调不制冷，办公室太热', description: '空调开了没用', buildingId: buildingB.id });
    expect(o.category).toBe('hvac');
    expect(o.status).toBe('dispatched');
    expect(o.teamId).toBe(teams.eng2);
    // The requester sees the decision's state, never the model's reasons.
    expect(o.decision).toBeNull();
    expect(o.dispatchState).toMatchObject({ mode: 'automatic', byName: null });
    expect(o.dispatchState.at).not.toBeNull();
    expect(o.events.map((e) => e.kind)).toEqual(['created', 'dispatched']);
    const seen = (await op.get(`/api/work-orders/${o.id}`)).json();
    expect(seen.decision.isAutomatic).toBe(true);
    expect(seen.decision.locationRule.propertyCompanyName).toBe('乙物业管理有限公司');
    const words = [...seen.decision.categoryFeatures, ...seen.decision.teamFeatures].map((f: { feature: string }) => f.feature);
    expect(words.length).toBeGreaterThan(0);
    // Operators read whole words of the request: no n-gram, prefix or helper token.
    for (const w of words) expect('空调不制冷，办公室太热 空调开了没用', w).toContain(w);
  });

  test('after an operator re-dispatches by hand, the order says who, when and to whom', async () => {
    const o = await file(member1, { title: '空调不制冷，会议室很热', description: '空调没有冷风', buildingId: buildingB.id });
    expect(o.dispatchState.mode).toBe('automatic');
    const res = await op.post(`/api/work-orders/${o.id}/dispatch`, { teamId: teams.it });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await member1.get(`/api/work-orders/${o.id}`)).json();
    expect(mine.dispatchState).toMatchObject({ mode: 'manual', byName: res.json().events.at(-1).actorName, teamName: res.json().teamName });
    expect(mine.decision).toBeNull();
  });

  test('a vague request lands in triage; the operator’s correction is training data and retraining uses it', async () => {
    const o = await file(member1, { title: '有点问题请来看看', description: '说不清楚' });
    expect((await op.get(`/api/work-orders/${o.id}`)).json().decision).toMatchObject({ isAutomatic: false });
    expect(o.dispatchState.mode).toBe('triage');
    expect(o.status).toBe('new');
    expect(o.needsTriage).toBe(true);
    const triage = await op.get(`/api/work-orders?triage=true&parkId=${parkA.park.id}`);
    expect(triage.json().items.map((i: { id: string }) => i.id)).toContain(o.id);
    // Members cannot dispatch.
    expect((await member1.post(`/api/work-orders/${o.id}/dispatch`, { teamId: teams.it })).statusCode).toBe(403);
    const res = await op.post(`/api/work-orders/${o.id}/dispatch`, { teamId: teams.it, category: 'network' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dispatched', teamId: teams.it, category: 'network', needsTriage: false });
    const kinds = res.json().events.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('triaged');
    const status = (await op.get(`/api/dispatch/model?parkId=${parkA.park.id}`)).json();
    expect(status.correctionsSinceTraining).toBe(1);
    const retrained = await op.post('/api/dispatch/model/retrain', { parkId: parkA.park.id });
    expect(retrained.statusCode, retrained.body).toBe(200);
    const category = retrained.json().current.find((m: { target: string }) => m.target === 'category');
    expect(category.version).toBe(2);
    expect(category.exampleCount).toBe(145);
    expect(retrained.json().correctionsSinceTraining).toBe(0);
  });
});

describe('background jobs', () => {
  test('the worker retrains a park whose model is stale, and leaves a park without history alone', async () => {
    const before = (await op.get(`/api/dispatch/model?parkId=${parkA.park.id}`)).json().current.find((m: { target: string }) => m.target === 'category').version as number;
    expect(await t.services.workorders.dispatch.retrainDue(SYSTEM)).toEqual([]);
    await t.database.db.update(dispatchModels).set({ trainedAt: new Date(Date.now() - 3 * 86_400_000) }).where(eq(dispatchModels.parkId, parkA.park.id));
    expect(await t.services.workorders.dispatch.retrainDue(SYSTEM)).toEqual([parkA.park.id]);
    const after = (await op.get(`/api/dispatch/model?parkId=${parkA.park.id}`)).json().current.find((m: { target: string }) => m.target === 'category');
    expect(after).toMatchObject({ version: before + 1, trigger: 'schedule' });
  });

  test('the job loop ticks escalation and retraining and stops cleanly', async () => {
    const errors: unknown[] = [];
    const jobs = startWorkOrderJobs({ ...t.services.workorders, escalationIntervalMs: 20, retrainCheckIntervalMs: 20, log: { info: () => undefined, error: (obj) => errors.push(obj) } });
    await expect.poll(() => jobs.stats.escalationTicks >= 2 && jobs.stats.retrainTicks >= 1).toBe(true);
    await jobs.stop();
    expect(errors).toEqual([]);
    expect(jobs.stats.errors).toBe(0);
  });
});

describe('lifecycle', () => {
  test('dispatched → accepted → in_progress → resolved → rated → verified → closed → reopened, each step an event and an audit entry', async () => {
    const o = await file(member1, { title: '电梯门关不上', description: '电梯困人', category: 'elevator', buildingId: parkA.building.id, priority: 'high' });
    expect(o.teamId).toBe(teams.eng1);
    // The other company's staff may not touch it (and do not see it).
    expect((await staff2.post(`/api/work-orders/${o.id}/accept`)).statusCode).toBe(404);
    // The requester cannot accept or rate before it is resolved.
    expect((await member1.post(`/api/work-orders/${o.id}/accept`)).statusCode).toBe(403);
    expect((await member1.post(`/api/work-orders/${o.id}/rating`, { rating: 5 })).statusCode).toBe(409);
    const queue = await staff1.get('/api/work-orders?mine=true&status=open');
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(o.id);
    for (const step of ['accept', 'start']) expect((await staff1.post(`/api/work-orders/${o.id}/${step}`)).statusCode).toBe(200);
    expect((await staff1.post(`/api/work-orders/${o.id}/accept`)).statusCode).toBe(409);
    const resolved = await staff1.post(`/api/work-orders/${o.id}/resolve`, { comment: '已更换门机皮带' });
    expect(resolved.json().status).toBe('resolved');
    expect((await member1.get(`/api/work-orders/${o.id}`)).json().actions).toEqual(expect.arrayContaining(['verify', 'rate', 'reopen']));
    expect((await member1.post(`/api/work-orders/${o.id}/rating`, { rating: 6 })).statusCode).toBe(400);
    const rated = await member1.post(`/api/work-orders/${o.id}/rating`, { rating: 4, comment: '处理及时' });
    expect(rated.json()).toMatchObject({ rating: 4, ratingComment: '处理及时' });
    expect((await member1.post(`/api/work-orders/${o.id}/rating`, { rating: 5 })).statusCode).toBe(409);
    expect((await member1.post(`/api/work-orders/${o.id}/verify`)).json().status).toBe('verified');
    expect((await member1.post(`/api/work-orders/${o.id}/close`)).statusCode).toBe(403);
    expect((await op.post(`/api/work-orders/${o.id}/close`)).json().status).toBe('closed');
    const reopened = await admin1.post(`/api/work-orders/${o.id}/reopen`, { comment: '又坏了' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'dispatched', rating: null });
    const events = reopened.json().events as { kind: string; fromStatus: string | null; toStatus: string | null; actorName: string }[];
    expect(events.map((e) => e.kind)).toEqual(['created', 'dispatched', 'accepted', 'started', 'resolved', 'rated', 'verified', 'closed', 'reopened']);
    expect(events.find((e) => e.kind === 'accepted')).toMatchObject({ fromStatus: 'dispatched', toStatus: 'accepted', actorName: 'wo.staff1' });
    expect(await auditActions(o.id)).toEqual(
      expect.arrayContaining(['work_order.created', 'work_order.accepted', 'work_order.started', 'work_order.resolved', 'work_order.rated', 'work_order.verified', 'work_order.closed', 'work_order.reopened']),
    );
  });

  test('bad input names the field and changes nothing', async () => {
    const res = await member1.post('/api/work-orders', { title: '', category: 'rocket' });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.category']));
    const other = await member1.post('/api/work-orders', { title: '灯不亮', buildingId: parkB.building.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().details.fields[0].field).toBe('body.buildingId');
  });

  test('SLA deadlines follow the park’s policy for category and priority', async () => {
    const put = await op.request({ method: 'PUT', url: '/api/work-order-sla', payload: { parkId: parkA.park.id, category: 'plumbing', priority: 'urgent', responseMinutes: 5, resolutionMinutes: 60 } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().find((c: { category: string; priority: string }) => c.category === 'plumbing' && c.priority === 'urgent')).toMatchObject({ responseMinutes: 5, isDefault: false });
    const o = (await file(op, { title: '天花板渗水', category: 'plumbing', priority: 'urgent', buildingId: parkA.building.id })) as unknown as { createdAt: string; responseDueAt: string; resolutionDueAt: string };
    expect(new Date(o.responseDueAt).getTime() - new Date(o.createdAt).getTime()).toBe(5 * 60_000);
    expect(new Date(o.resolutionDueAt).getTime() - new Date(o.createdAt).getTime()).toBe(60 * 60_000);
  });
});

describe('escalation', () => {
  test('an overdue order escalates to the team lead, then to the operator, once each', async () => {
    const o = await file(op, { title: '消防通道被杂物堵塞', category: 'fire', priority: 'urgent', buildingId: parkA.building.id });
    const order = (await t.database.db.select().from(workOrders).where(eq(workOrders.id, o.id)))[0];
    const wo = t.services.workorders.workOrders;
    const level = async () => (await op.get(`/api/work-orders/${o.id}`)).json().escalationLevel as number;
    await wo.escalateOverdue(new Date(order.responseDueAt.getTime() - 1000));
    expect(await level()).toBe(0);
    const late = new Date(order.responseDueAt.getTime() + 60_000);
    expect(await wo.escalateOverdue(late)).toBeGreaterThanOrEqual(1);
    expect(await wo.escalateOverdue(late)).toBe(0);
    let detail = (await op.get(`/api/work-orders/${o.id}`)).json();
    expect(detail.escalationLevel).toBe(1);
    const first = detail.events.find((e: { kind: string }) => e.kind === 'escalated');
    expect(first.details).toMatchObject({ level: 1, notify: 'team_lead', deadline: 'response' });
    expect(first.details.leadUserId).toBeTruthy();
    await wo.escalateOverdue(new Date(order.responseDueAt.getTime() + 31 * 60_000));
    detail = (await op.get(`/api/work-orders/${o.id}`)).json();
    expect(detail.escalationLevel).toBe(2);
    expect(detail.events.filter((e: { kind: string }) => e.kind === 'escalated').map((e: { details: { notify: string } }) => e.details.notify)).toEqual(['team_lead', 'operator']);
    const list = await op.get(`/api/work-orders?escalated=true&parkId=${parkA.park.id}`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(o.id);
    expect(await auditActions(o.id)).toContain('work_order.escalated');
    // In-app: the team lead hears first, then the park's operator; the other park's operator hears nothing.
    const inbox = async (client: TestClient) => ((await client.get('/api/notifications')).json().items as { kind: string; entityId: string; link: string }[]).filter((n) => n.entityId === o.id);
    expect((await inbox(staff1)).map((n) => [n.kind, n.link])).toEqual([['work_order.escalated', `/work-orders/${o.id}`]]);
    expect(await inbox(op)).toHaveLength(1);
    expect(await inbox(opB)).toEqual([]);
  });
});

describe('photos', () => {
  test('uploaded through the files module, attached (at most 9), served only to those who see the order', async () => {
    const o = await file(member1, { title: '洗手池堵塞', category: 'plumbing', buildingId: parkA.building.id });
    const attach = async (client: TestClient, data: Buffer, name = 'p.png') => {
      const up = await uploadFile(client, { data, name });
      expect(up.statusCode, up.body).toBe(201);
      return client.post(`/api/work-orders/${o.id}/attachments`, { fileId: up.json().id });
    };
    const first = await attach(member1, PNG, '堵塞.png');
    expect(first.statusCode, first.body).toBe(200);
    for (let i = 1; i < 9; i++) expect((await attach(staff1, JPEG)).statusCode).toBe(200);
    const tenth = await attach(member1, PNG);
    expect(tenth.statusCode).toBe(409);
    const detail = first.json() as { attachments: { id: string; fileName: string; contentType: string; hasThumbnail: boolean }[]; events: { kind: string; details: { attachmentId: string } }[] };
    const photo = detail.attachments[0];
    expect(photo).toMatchObject({ fileName: '堵塞.png', contentType: 'image/png', hasThumbnail: true });
    expect(detail.events.find((e) => e.kind === 'photo_added')?.details.attachmentId).toBe(photo.id);
    for (const url of [`/api/work-orders/${o.id}/attachments/${photo.id}`, `/api/files/${photo.id}`]) {
      const got = await member1.get(url);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      // The same picture (stored re-encoded without metadata, so compared by its pixels).
      expect((await sharp(got.rawPayload).raw().toBuffer()).equals(await sharp(PNG).raw().toBuffer())).toBe(true);
      expect((await member2.get(url)).statusCode).toBe(404);
      expect((await opB.get(url)).statusCode).toBe(404);
    }
    expect((await admin1.get(`/api/files/${photo.id}/thumbnail`)).statusCode).toBe(200);
    expect((await op.get(`/api/work-orders?pageSize=200`)).json().items.find((i: { id: string }) => i.id === o.id).photoCount).toBe(9);
  });

  test('a photo must be an upload of the caller’s, an image, not attached yet; a closed order takes none', async () => {
    const o = await file(member1, { title: '门禁失灵', category: 'security', buildingId: parkA.building.id });
    const theirs = (await uploadFile(member2, { data: PNG, name: 'x.png' })).json();
    const refused = await member1.post(`/api/work-orders/${o.id}/attachments`, { fileId: theirs.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.fields[0].field).toBe('body.fileId');
    const pdf = (await uploadFile(member1, { data: Buffer.from('%PDF-1.4\n%%EOF\n'), name: 'a.pdf' }, 'document')).json();
    expect((await member1.post(`/api/work-orders/${o.id}/attachments`, { fileId: pdf.id })).statusCode).toBe(400);
    // Someone who cannot see the order gets 404, and their upload stays theirs, unattached.
    expect((await member2.post(`/api/work-orders/${o.id}/attachments`, { fileId: theirs.id })).statusCode).toBe(404);
    expect((await member2.get(`/api/files/${theirs.id}/info`)).json().isAttached).toBe(false);
    const mine = (await uploadFile(member1, { data: PNG, name: 'y.png' })).json();
    expect((await op.post(`/api/work-orders/${o.id}/close`, { comment: '重复报修' })).statusCode).toBe(200);
    expect((await member1.post(`/api/work-orders/${o.id}/attachments`, { fileId: mine.id })).statusCode).toBe(409);
    expect((await member1.get(`/api/files/${mine.id}/info`)).json().isAttached).toBe(false);
  });
});

describe('isolation', () => {
  test('members see only their enterprise’s orders; property staff their company’s; operators their parks', async () => {
    const mine = await file(member1, { title: '走廊灯不亮', category: 'lighting', buildingId: parkA.building.id });
    const other = await file(member2, { title: '垃圾桶满了', category: 'cleaning', buildingId: buildingB.id });
    const ids = async (c: TestClient) => ((await c.get('/api/work-orders?pageSize=200')).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids(member1)).toContain(mine.id);
    expect(await ids(member1)).not.toContain(other.id);
    expect(await ids(admin1)).toContain(mine.id);
    expect(await ids(member2)).toEqual([other.id]);
    expect(await ids(opB)).toEqual([]);
    expect(await ids(staff1)).toContain(mine.id);
    expect(await ids(staff2)).not.toContain(mine.id);
    expect(await ids(staff2)).toContain(other.id);
    for (const [client, id] of [[member2, mine.id], [member1, other.id], [opB, mine.id]] as const) {
      expect((await client.get(`/api/work-orders/${id}`)).statusCode).toBe(404);
      expect((await client.post(`/api/work-orders/${id}/comments`, { text: 'x' })).statusCode).toBe(404);
      expect((await client.post(`/api/work-orders/${id}/rating`, { rating: 1 })).statusCode).toBe(404);
    }
    expect((await member1.get(`/api/work-order-teams?parkId=${parkA.park.id}`)).statusCode).toBe(403);
    expect((await opB.post('/api/work-order-teams', { parkId: parkA.park.id, name: 'x', kind: 'operator' })).statusCode).toBe(403);
  });
});

describe('alarms become work orders', () => {
  test('a fire-panel alarm that matches a dispatch rule becomes a dispatched order for the district’s company; others do not', async () => {
    const rule = await op.post('/api/dispatch-rules', { parkId: parkA.park.id, name: '消防主机 → 工单', minSeverity: 'major', deviceType: 'fire_panel', category: 'fire', priority: 'urgent' });
    expect(rule.statusCode, rule.body).toBe(201);
    const mk = async (code: string, type: string) => {
      const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type: type as 'fire_panel', parkId: parkA.park.id, buildingId: buildingB.id, tags: ['wo-test'] });
      const { secret } = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
      return { ...d, secret };
    };
    const panel = await mk('wo-fire-1', 'fire_panel');
    const sensor = await mk('wo-env-1', 'environment_sensor');
    for (const body of [
      { parkId: parkA.park.id, name: '火警', kind: 'threshold', metric: 'fire_alarm', operator: '>=', value: 1, severity: 'critical', tag: 'wo-test', deviceType: 'fire_panel' },
      { parkId: parkA.park.id, name: '温度', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, severity: 'major', tag: 'wo-test', deviceType: 'environment_sensor' },
    ]) {
      const res = await op.post('/api/alarm-rules', body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const send = async (d: { code: string; secret: string }, metric: string, value: number) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/ingest/telemetry', headers: { authorization: `Device ${d.code}:${d.secret}`, 'content-type': 'application/json' }, payload: JSON.stringify({ metric, value, ts: Date.now() }) });
      expect(res.statusCode, res.body).toBe(202);
    };
    await send(panel, 'fire_alarm', 1);
    await send(sensor, 'temperature', 40);
    const list = async () => (await op.get(`/api/work-orders?source=alarm&parkId=${parkA.park.id}`)).json().items as { deviceId: string; status: string; teamId: string; category: string; alarmId: string }[];
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && (await list()).length === 0) await new Promise((r) => setTimeout(r, 25));
    // Give the temperature alarm (no matching dispatch rule) time to have done its worst.
    await t.services.alarms.engine.idle();
    await new Promise((r) => setTimeout(r, 200));
    const items = await list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ deviceId: panel.id, status: 'dispatched', teamId: teams.eng2, category: 'fire' });
    expect(items[0].alarmId).toBeTruthy();
  });
});

test('teams table: a property team needs a company', async () => {
  const res = await op.post('/api/work-order-teams', { parkId: parkA.park.id, name: 'x', kind: 'property' });
  expect(res.statusCode).toBe(400);
  expect(res.json().details.fields[0].field).toBe('body.propertyCompanyId');
  const rows = await t.database.db.select().from(workOrderTeams).where(eq(workOrderTeams.parkId, parkA.park.id));
  expect(rows).toHaveLength(4);
  expect((await t.database.db.select().from(workOrderEvents)).length).toBeGreaterThan(0);
});

describe('dispatch rules across parks', () => {
  test('a dispatch rule may not name another park’s alarm rule (400 naming body.alarmRuleId, nothing written)', async () => {
    const mk = (parkId: string, name: string) => t.services.alarms.rules.createRule(SYSTEM, { parkId, name, kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 2, severity: 'critical' } as never);
    const ruleB = await mk(parkB.park.id, '乙园过热');
    const ruleA = await mk(parkA.park.id, '甲园过热');
    const count = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from dispatch_rules'))[0].n;
    const before = await count();
    const created = await op.post('/api/dispatch-rules', { parkId: parkA.park.id, name: '越界规则', minSeverity: 'critical', alarmRuleId: ruleB.id, category: 'electrical', priority: 'high' });
    expect(created.statusCode, created.body).toBe(400);
    expect(created.json().details.fields[0].field).toBe('body.alarmRuleId');
    expect(await count()).toBe(before);

    const own = await op.post('/api/dispatch-rules', { parkId: parkA.park.id, name: '本园规则', minSeverity: 'critical', alarmRuleId: ruleA.id, category: 'electrical', priority: 'high' });
    expect(own.statusCode, own.body).toBe(201);
    const patched = await op.patch(`/api/dispatch-rules/${own.json().id}`, { alarmRuleId: ruleB.id });
    expect(patched.statusCode, patched.body).toBe(400);
    const [row] = await t.database.query<{ alarm_rule_id: string }>('select alarm_rule_id from dispatch_rules where id = $1', [own.json().id]);
    expect(row.alarm_rule_id).toBe(ruleA.id);
  });
});

describe('work order teams across parks', () => {
  test('a team takes only people and a company working in its park (400 naming the field, nothing written)', async () => {
    const opBUser = (await opB.get('/api/auth/me')).json();
    const opBId = opBUser.user?.id ?? opBUser.id;
    const companyB = await t.services.parks.createPropertyCompany(SYSTEM, { name: '乙园独家物业', creditCode: buildCreditCode() });
    await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: companyB.id, districtId: parkB.district.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 1 });
    const count = async () => (await t.database.query<{ n: number }>('select (select count(*) from work_order_teams) + (select count(*) from work_order_team_members) as n'))[0].n;
    const before = await count();
    for (const [body, field] of [
      [{ name: '越界班组1', kind: 'operator', leadUserId: opBId }, 'body.leadUserId'],
      [{ name: '越界班组2', kind: 'operator', memberIds: [opBId] }, 'body.memberIds'],
      [{ name: '越界班组3', kind: 'property', propertyCompanyId: companyB.id }, 'body.propertyCompanyId'],
    ] as const) {
      const res = await op.post('/api/work-order-teams', { parkId: parkA.park.id, categories: ['network'], ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details.fields[0].field).toBe(field);
    }
    const patched = await op.patch(`/api/work-order-teams/${teams.it}`, { memberIds: [opBId] });
    expect(patched.statusCode, patched.body).toBe(400);
    expect(await count()).toBe(before);

    const me = (await op.get('/api/auth/me')).json();
    const ok = await op.patch(`/api/work-order-teams/${teams.it}`, { leadUserId: me.user?.id ?? me.id });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
