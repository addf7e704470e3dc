import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCreditCode, buildPark, buildUser, SYSTEM, TEST_PASSWORD, type BuiltPark } from '../../testing/builders';
import { buildImage, uploadFile } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { parkDate, parkDayStart, shiftDate } from './inspections.service';

/*
 * On-site inspections over HTTP, on both databases: templates and routes validated, a run submitted
 * from a phone idempotently by its client id, a failed item's photo required and carried onto the work
 * order it opens, property staff seeing only their districts, and the evaluation figures.
 * District A (building A1) is company 1's, district B (building B1) company 2's.
 */
let t: TestApp;
let park: BuiltPark;
let other: BuiltPark;
let op: TestClient;
let opOther: TestClient;
let prop1: TestClient;
let prop2: TestClient;
let entAdmin: TestClient;
let opId: string;
let districtB: { id: string };
let buildingB: { id: string };
let pc1: { id: string };
let pc2: { id: string };
let templateId: string;
let routeId: string;

const today = parkDate(new Date());

const items = [
  { key: 'exit', label: '安全出口畅通', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'critical', category: 'fire' },
  { key: 'record', label: '值班记录完整', kind: 'pass_fail', photoRequiredOnFail: false, severity: 'minor' },
  { key: 'score', label: '设施完好程度', kind: 'score', maxScore: 10, passScore: 6, photoRequiredOnFail: false, severity: 'major' },
];

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  other = await buildPark(t.services);
  districtB = await t.services.parks.createDistrict(SYSTEM, { siteId: park.site.id, name: 'B区' });
  buildingB = await t.services.parks.createBuilding(SYSTEM, { districtId: districtB.id, name: 'B1栋', floorsAboveGround: 5 });
  pc1 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '甲物业有限公司', creditCode: buildCreditCode() });
  pc2 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '乙物业有限公司', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc1.id, districtId: park.district.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100_000_00 });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc2.id, districtId: districtB.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100_000_00 });
  opId = (await buildUser(t.services, 'in.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }])).id;
  await buildUser(t.services, 'in.opOther', [{ role: 'operator', scopeType: 'park', scopeId: other.park.id }]);
  await buildUser(t.services, 'in.prop1', [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }]);
  await buildUser(t.services, 'in.prop2', [{ role: 'property', scopeType: 'property_company', scopeId: pc2.id }]);
  const ent = await t.services.parks.createEnterprise(SYSTEM, { parkId: park.park.id, siteId: park.site.id, legalName: '检查测试科技有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' });
  await buildUser(t.services, 'in.ent', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ent.id }]);
  [op, opOther, prop1, prop2, entAdmin] = await Promise.all(['in.op', 'in.opOther', 'in.prop1', 'in.prop2', 'in.ent'].map((u) => t.login(u, TEST_PASSWORD)));
}, 120_000);
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

const field = (res: { json(): unknown }) => ((res.json() as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map((f) => f.field);

async function photo(client: TestClient, name = '现场照片.png'): Promise<string> {
  const res = await uploadFile(client, { data: await buildImage('png'), name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Marks for the route: every item passed unless overridden by `checkpoint/item`. */
function marks(over: Record<string, Record<string, unknown>> = {}) {
  const out = [];
  for (const cp of ['a', 'b']) for (const it of items) out.push({ checkpointKey: cp, itemKey: it.key, ...(it.kind === 'score' ? { score: 8 } : { passed: true }), ...(over[`${cp}/${it.key}`] ?? {}) });
  return out;
}

describe('templates and routes', () => {
  test('an operator creates a template; a duplicate key, a scored item without a maximum and a pass score above it are 400s naming the item field', async () => {
    const bad = async (its: unknown[], expected: string) => {
      const res = await op.post('/api/inspection-templates', { parkId: park.park.id, name: '坏模板', items: its });
      expect(res.statusCode, res.body).toBe(400);
      expect(field(res)).toContain(expected);
    };
    await bad([items[0], { ...items[1], key: 'exit' }], 'body.items.1.key');
    await bad([{ ...items[2], maxScore: undefined }], 'body.items.0.maxScore');
    await bad([{ ...items[2], passScore: 11 }], 'body.items.0.passScore');
    await bad([{ ...items[0], maxScore: 5 }], 'body.items.0.maxScore');
    expect((await op.get('/api/inspection-templates')).json().total).toBe(0);
    const res = await op.post('/api/inspection-templates', { parkId: park.park.id, name: '消防安全检查', items });
    expect(res.statusCode, res.body).toBe(201);
    templateId = res.json().id;
    expect(res.json().items[1]).toMatchObject({ key: 'record', photoRequiredOnFail: false, category: null, maxScore: null });
    expect(res.json().items[2]).toMatchObject({ maxScore: 10, passScore: 6 });
  });

  test('only operators of the park manage templates: another park’s operator gets 403 creating and 404 reading; property staff and enterprises see none', async () => {
    expect((await opOther.post('/api/inspection-templates', { parkId: park.park.id, name: 'x', items })).statusCode).toBe(403);
    expect((await prop1.post('/api/inspection-templates', { parkId: park.park.id, name: 'x', items })).statusCode).toBe(403);
    for (const c of [opOther, prop1, entAdmin]) {
      expect((await c.get(`/api/inspection-templates/${templateId}`)).statusCode).toBe(404);
      expect((await c.get('/api/inspection-templates')).json().total).toBe(0);
    }
  });

  test('a route’s checkpoints are validated: a building of another district, a template of another park, a free location without text', async () => {
    const otherTemplate = await opOther.post('/api/inspection-templates', { parkId: other.park.id, name: '乙园模板', items });
    expect(otherTemplate.statusCode).toBe(201);
    const bad = async (cps: unknown[], expected: string) => {
      const res = await op.post('/api/inspection-routes', { parkId: park.park.id, name: '坏路线', checkpoints: cps });
      expect(res.statusCode, res.body).toBe(400);
      expect(field(res)).toContain(expected);
    };
    await bad([{ name: 'A', kind: 'building', districtId: park.district.id, buildingId: buildingB.id, templateId }], 'body.checkpoints.0.buildingId');
    await bad([{ name: 'A', kind: 'district', districtId: park.district.id, templateId: otherTemplate.json().id }], 'body.checkpoints.0.templateId');
    await bad([{ name: 'A', kind: 'location', districtId: park.district.id, templateId }], 'body.checkpoints.0.locationText');
    await bad([{ name: 'A', kind: 'district', districtId: other.district.id, templateId }], 'body.checkpoints.0.districtId');
    const res = await op.post('/api/inspection-routes', {
      parkId: park.park.id,
      name: '月度综合检查',
      checkpoints: [
        { key: 'a', name: 'A区消防', kind: 'district', districtId: park.district.id, templateId },
        { key: 'b', name: 'B1栋机房', kind: 'building', districtId: districtB.id, buildingId: buildingB.id, templateId },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    routeId = res.json().id;
    const detail = await op.get(`/api/inspection-routes/${routeId}`);
    expect(detail.json().checkpoints.map((c: { districtName: string; buildingName: string | null }) => [c.districtName, c.buildingName])).toEqual([
      ['A区', null],
      ['B区', 'B1栋'],
    ]);
    expect(detail.json().templates).toHaveLength(1);
    expect((await opOther.get(`/api/inspection-routes/${routeId}`)).statusCode).toBe(404);
  });
});

describe('runs', () => {
  let runId: string;
  let scheduleId: string;
  const clientId = crypto.randomUUID();

  test('a failed item without its required photo is a 400 naming the mark’s photo field, and no run is made', async () => {
    const ms = marks({ 'b/exit': { passed: false } });
    const res = await op.post('/api/inspection-runs', { clientId: crypto.randomUUID(), routeId, startedAt: new Date().toISOString(), marks: ms });
    expect(res.statusCode, res.body).toBe(400);
    expect(field(res)).toEqual([`body.marks.${ms.findIndex((m) => m.checkpointKey === 'b' && m.itemKey === 'exit')}.photoIds`]);
    const missing = await op.post('/api/inspection-runs', { clientId: crypto.randomUUID(), routeId, startedAt: new Date().toISOString(), marks: marks().slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(field(missing)).toEqual(['body.marks']);
    expect((await op.get('/api/inspection-runs')).json().total).toBe(0);
  });

  test('a run with a failed item and its photo opens a work order carrying the photo; the same client id again returns the same run, once', async () => {
    const s = await op.post('/api/inspection-schedules', { routeId, assigneeId: opId, dueDate: today });
    expect(s.statusCode, s.body).toBe(201);
    scheduleId = s.json().id;
    const photoId = await photo(op, '安全出口堵塞.png');
    const body = {
      clientId,
      routeId,
      scheduleId,
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      marks: marks({ 'a/exit': { passed: false, photoIds: [photoId], openWorkOrder: true, note: '消防通道堆放纸箱' }, 'a/score': { score: 4 }, 'b/record': { passed: false } }),
    };
    // Two tries at once (the phone retried while the first was in flight) and one later: one run.
    const [first, second] = await Promise.all([op.post('/api/inspection-runs', body), op.post('/api/inspection-runs', body)]);
    expect([first.statusCode, second.statusCode].sort(), first.body + second.body).toEqual([200, 201]);
    const again = await op.post('/api/inspection-runs', body);
    expect(again.statusCode).toBe(200);
    runId = first.json().id;
    expect(second.json().id).toBe(runId);
    expect(again.json().id).toBe(runId);
    const rows = await t.database.query<{ n: number }>('select count(*)::int as n from inspection_runs where client_id = $1', [clientId]);
    expect(rows[0].n).toBe(1);
    const run = (await op.get(`/api/inspection-runs/${runId}`)).json();
    expect(run).toMatchObject({ itemCount: 6, findingCount: 3, scheduleId });
    const exit = run.results.find((r: { checkpointKey: string; itemKey: string }) => r.checkpointKey === 'a' && r.itemKey === 'exit');
    expect(exit).toMatchObject({ passed: false, status: 'open', severity: 'critical', points: 10, propertyCompanyId: pc1.id, photoIds: [photoId] });
    expect(exit.workOrderId).toBeTruthy();
    const orders = await t.database.query<{ id: string }>("select id::text from work_orders where source = 'inspection'");
    expect(orders.length).toBe(1);
    const order = (await op.get(`/api/work-orders/${exit.workOrderId}`)).json();
    expect(order).toMatchObject({ source: 'inspection', districtId: park.district.id, category: 'fire', priority: 'urgent' });
    expect(order.attachments).toHaveLength(1);
    expect(order.attachments[0].id).not.toBe(photoId);
    expect((await op.get(`/api/files/${order.attachments[0].id}`)).statusCode).toBe(200);
    expect(exit.workOrderNumber).toBe(order.number);
    const score = run.results.find((r: { checkpointKey: string; itemKey: string }) => r.checkpointKey === 'a' && r.itemKey === 'score');
    expect(score).toMatchObject({ passed: false, score: 4, severity: 'major', points: 5 });
    const sched = (await op.get('/api/inspection-schedules')).json().items.find((x: { id: string }) => x.id === scheduleId);
    expect(sched).toMatchObject({ status: 'done', runId, isOverdue: false });
  });

  test('property staff see the run with only their own districts’ items and photos; enterprises and other parks see nothing', async () => {
    const mine = (await prop1.get(`/api/inspection-runs/${runId}`)).json();
    expect(mine.results.map((r: { districtId: string }) => r.districtId)).toEqual(Array(3).fill(park.district.id));
    expect(mine.findingCount).toBe(2);
    const theirs = (await prop2.get(`/api/inspection-runs/${runId}`)).json();
    expect(theirs.results.map((r: { checkpointKey: string }) => r.checkpointKey)).toEqual(['b', 'b', 'b']);
    const photoId = mine.results[0].photoIds[0];
    expect((await prop1.get(`/api/files/${photoId}`)).statusCode).toBe(200);
    expect((await prop2.get(`/api/files/${photoId}`)).statusCode).toBe(404);
    const f1 = (await prop1.get('/api/inspection-findings')).json();
    expect(f1.items.map((f: { propertyCompanyId: string }) => f.propertyCompanyId)).toEqual([pc1.id, pc1.id]);
    const f2 = (await prop2.get('/api/inspection-findings')).json();
    expect(f2.items.map((f: { propertyCompanyId: string }) => f.propertyCompanyId)).toEqual([pc2.id]);
    for (const c of [entAdmin, opOther]) {
      expect((await c.get(`/api/inspection-runs/${runId}`)).statusCode).toBe(404);
      expect((await c.get('/api/inspection-runs')).json().total).toBe(0);
      expect((await c.get('/api/inspection-findings')).json().total).toBe(0);
      expect((await c.get(`/api/files/${photoId}`)).statusCode).toBe(404);
    }
    // Another operator may not reuse the client id to read the run.
    expect((await opOther.post('/api/inspection-runs', { clientId, routeId, startedAt: new Date().toISOString(), marks: marks() })).statusCode).toBe(409);
  });

  test('deductions and punctuality follow the data contract; a voided finding no longer deducts and voiding is audited', async () => {
    const late = await op.post('/api/inspection-schedules', { routeId, assigneeId: opId, dueDate: shiftDate(today, { days: 1 }) });
    expect(late.statusCode).toBe(201);
    const cancelled = await op.post('/api/inspection-schedules', { routeId, assigneeId: opId, dueDate: shiftDate(today, { days: 1 }) });
    expect((await op.patch(`/api/inspection-schedules/${cancelled.json().id}`, { status: 'cancelled' })).statusCode).toBe(200);
    const range = { parkId: park.park.id, from: parkDayStart(shiftDate(today, { days: -3 })), to: parkDayStart(shiftDate(today, { days: 3 })) };
    const svc = t.services.inspections;
    const d = await svc.deductions(t.database.db, range);
    const sum = (company: string) => d.filter((x) => x.propertyCompanyId === company).reduce((a, x) => a + x.points, 0);
    expect(d.every((x) => x.source === 'inspection')).toBe(true);
    expect([sum(pc1.id), sum(pc2.id)]).toEqual([15, 2]);
    expect(await svc.punctuality(t.database.db, range)).toEqual(
      [
        { districtId: park.district.id, due: 2, onTime: 1 },
        { districtId: districtB.id, due: 2, onTime: 1 },
      ].sort((a, b) => a.districtId.localeCompare(b.districtId)),
    );
    expect(await svc.deductions(t.database.db, { ...range, from: range.to, to: parkDayStart(shiftDate(today, { days: 9 })) })).toEqual([]);

    const finding = d.find((x) => x.severity === 'major')!;
    expect((await prop1.post(`/api/inspection-findings/${finding.findingId}/void`, { reason: '不是我们的' })).statusCode).toBe(403);
    expect((await prop2.post(`/api/inspection-findings/${finding.findingId}/void`, { reason: '不是我们的' })).statusCode).toBe(404);
    const empty = await op.post(`/api/inspection-findings/${finding.findingId}/void`, { reason: '' });
    expect(field(empty)).toEqual(['body.reason']);
    const voided = await op.post(`/api/inspection-findings/${finding.findingId}/void`, { reason: '复核：设施当日在检修' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'voided', voidReason: '复核：设施当日在检修' });
    expect((await op.post(`/api/inspection-findings/${finding.findingId}/void`, { reason: '再次' })).statusCode).toBe(409);
    const after = await svc.deductions(t.database.db, range);
    expect(after.map((x) => x.findingId)).not.toContain(finding.findingId);
    expect(after.filter((x) => x.propertyCompanyId === pc1.id).reduce((a, x) => a + x.points, 0)).toBe(10);
    const auditRows = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'inspection_finding.voided' and entity_id = $1", [finding.findingId]);
    expect(auditRows[0].n).toBe(1);
  });

  test('the park’s points per severity apply to findings made afterwards; a later work order from a finding copies its photo', async () => {
    const res = await op.request({ method: 'PUT', url: `/api/inspection-settings/${park.park.id}`, payload: { minorPoints: 3, majorPoints: 6, criticalPoints: 12 } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await opOther.get(`/api/inspection-settings/${park.park.id}`)).statusCode).toBe(404);
    const photoId = await photo(op, '电梯故障.png');
    const run = await op.post('/api/inspection-runs', { clientId: crypto.randomUUID(), routeId, startedAt: new Date().toISOString(), marks: marks({ 'b/exit': { passed: false, photoIds: [photoId] } }) });
    expect(run.statusCode, run.body).toBe(201);
    const f = run.json().results.find((r: { passed: boolean }) => !r.passed);
    expect(f).toMatchObject({ points: 12, propertyCompanyId: pc2.id, workOrderId: null });
    expect((await prop2.post(`/api/inspection-findings/${f.id}/work-order`, {})).statusCode).toBe(403);
    const opened = await op.post(`/api/inspection-findings/${f.id}/work-order`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    const order = (await op.get(`/api/work-orders/${opened.json().workOrderId}`)).json();
    expect(order.attachments).toHaveLength(1);
    expect((await op.post(`/api/inspection-findings/${f.id}/work-order`, {})).statusCode).toBe(409);
    // Company 2's staff see the order (their district) and its photo.
    expect((await prop2.get(`/api/work-orders/${order.id}`)).statusCode).toBe(200);
    expect((await prop2.get(`/api/files/${order.attachments[0].id}`)).statusCode).toBe(200);
  });
});

describe('schedules', () => {
  test('an assignee must be an operator of the park; a monthly schedule due today gets next month’s occurrence once; overdue ones are flagged', async () => {
    const propUser = await t.services.identity.createUserAsSystem(SYSTEM, { username: 'in.propx', displayName: 'x', password: TEST_PASSWORD, grants: [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }] });
    const bad = await op.post('/api/inspection-schedules', { routeId, assigneeId: propUser.id, dueDate: today });
    expect(field(bad)).toEqual(['body.assigneeId']);
    const monthly = await op.post('/api/inspection-schedules', { routeId, assigneeId: opId, dueDate: today, recurrence: 'monthly' });
    expect(monthly.statusCode).toBe(201);
    expect(await t.services.inspections.rollSchedules()).toBe(1);
    expect(await t.services.inspections.rollSchedules()).toBe(0);
    const series = (await op.get('/api/inspection-schedules?pageSize=100')).json().items.filter((s: { seriesId: string }) => s.seriesId === monthly.json().id);
    expect(series.map((s: { dueDate: string }) => s.dueDate)).toEqual([today, shiftDate(today, { months: 1 })]);
    const overdue = await op.post('/api/inspection-schedules', { routeId, assigneeId: opId, dueDate: shiftDate(today, { days: -2 }) });
    const list = (await op.get('/api/inspection-schedules?overdue=true')).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([overdue.json().id]);
    expect(list.items[0].isOverdue).toBe(true);
    expect((await prop1.get('/api/inspection-schedules')).json().total).toBe(0);
  });
});
