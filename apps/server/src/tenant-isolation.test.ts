import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildEnterprise, buildPark, buildUser } from './testing/builders';
import { seedOutcomesForSweep } from './modules/evaluation/evaluation.outcomes.testing';
import { leaksIn, openApiOperations } from './testing/openapi-sweep';
import { buildImage, uploadFile } from './testing/files';
import { createTestApp, type TestApp, type TestClient } from './testing/test-app';
import { registerTestSubject, TEST_SUBJECT } from './modules/approvals/approvals.testing';
import { shanghaiAt } from './modules/bookings/bookings.testing';

/**
 * An enterprise admin must never read or change another enterprise's data,
 * through any route. The sweep below calls every operation of the OpenAPI
 * document with the other enterprise's ids and checks that none of its
 * identifying values come back; the write cases check nothing changed.
 */
let t: TestApp;
let admin1: TestClient;
let member1: TestClient;
let e1: { id: string };
let e2: { id: string; legalName: string; creditCode: string };
let e2VehicleId: string;
let e2LeaseId: string;
const E2_PLATE = '川A8Q8Q8';
let secrets: string[];
let e2OrderId: string;
let e2PhotoId: string;
let e2UploadId: string;
let e2CaseId: string;
let e2PolicyAppId: string;
let e2MaterialId: string;
let e2ServiceMaterialId: string;
/** Path `{id}` values of feature records of e2, by path prefix (each feature adds its own). */
const featurePathIds: [prefix: string, id: () => string][] = [];
let e2ReliefAppId: string;
let e2ReliefFileId: string;
let e2RequestId: string;
let e2BookingId: string;
let roomId: string;
let evalReportPaths: string[] = [];
let e2InvitationId: string;
let e2JoinRequestId: string;
let e2MemberId: string;

beforeAll(async () => {
  t = await createTestApp();
  const s = await buildPark(t.services);
  e1 = await buildEnterprise(t.services, s.park.id, s.site.id, '甲方科技有限公司');
  e2 = await buildEnterprise(t.services, s.park.id, s.site.id, '乙方保密科技有限公司');
  const v = await t.services.parks.addVehicle(SYSTEM, e2.id, { plate: E2_PLATE });
  e2VehicleId = v.id;
  const lease = await t.services.parks.createLease(SYSTEM, e2.id, { unitId: s.units[0].id, startDate: '2026-01-01', endDate: '2027-12-31', monthlyRentFen: 1_234_567 });
  e2LeaseId = lease.id;
  await t.services.parks.assignParkingSpace(SYSTEM, e2.id, { lotName: 'P1', spaceCode: 'SECRET-9' });
  await t.services.passes.passes.createInvitation(SYSTEM, { enterpriseId: e2.id, visitorName: '乙方保密访客', validFrom: new Date(), validTo: new Date(Date.now() + 3600_000) });
  await buildUser(t.services, 'e1.admin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'e1.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'e2.secret.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e2.id }]);
  const e2Member = await t.login('e2.secret.member', TEST_PASSWORD);
  const e2Order = await e2Member.post('/api/work-orders', { title: 'SECRET-WO 乙方机房漏水' });
  expect(e2Order.statusCode).toBe(201);
  e2OrderId = e2Order.json().id;
  // A photo of the other enterprise's order, and an upload of theirs not attached yet.
  e2PhotoId = (await uploadFile(e2Member, { data: await buildImage('png'), name: 'SECRET-PHOTO 乙方.png' })).json().id;
  expect((await e2Member.post(`/api/work-orders/${e2OrderId}/attachments`, { fileId: e2PhotoId })).statusCode).toBe(200);
  e2UploadId = (await uploadFile(e2Member, { data: await buildImage('jpeg'), name: 'SECRET-UPLOAD 乙方.jpg' })).json().id;
  // An approval case e2's member applied for (the test subject type; e2's own id as subject).
  registerTestSubject(t.services);
  const approver = await buildUser(t.services, 'park.approver', [{ role: 'operator', scopeType: 'park', scopeId: s.park.id }]);
  await t.services.approvals.createFlow(SYSTEM, { parkId: s.park.id, key: 'tenant.flow', nameZh: '审批', nameEn: 'Review', steps: [{ nameZh: '审批', nameEn: 'Review', mode: 'any', approvers: [{ kind: 'user', userId: approver.id }, { kind: 'enterprise_admin' }], condition: null, dueHours: null, escalation: null }] });
  const e2MemberUser = (await t.database.query<{ id: string }>(`select id::text as id from users where username = 'e2.secret.member'`))[0];
  const e2Ctx = { actor: { userId: e2MemberUser.id, username: 'e2.secret.member', displayName: 'e2.secret.member', grants: [{ role: 'member' as const, scopeType: 'enterprise' as const, scopeId: e2.id }], via: 'session' as const, access: 'write' as const } };
  e2CaseId = (await t.services.approvals.startCase(e2Ctx, { parkId: s.park.id, enterpriseId: e2.id, subjectType: TEST_SUBJECT, subjectId: e2.id, title: 'SECRET-CASE 乙方保密申请', flowKey: 'tenant.flow', formValues: {} })).id;
  // A policy application of e2 (its admin applied with a material; an operator advises in its thread).
  await buildUser(t.services, 'e2.secret.admin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e2.id }]);
  const e2Admin = await t.login('e2.secret.admin', TEST_PASSWORD);
  const policy = await t.services.policies.createPolicy(SYSTEM, { parkId: s.park.id, title: '软件企业研发费用补贴', issuer: '经济运行局', deadline: new Date(Date.now() + 30 * 86_400_000), materials: ['营业执照'], flowKey: 'tenant.flow' });
  await t.services.policies.updatePolicy(SYSTEM, policy.id, { status: 'published' });
  e2MaterialId = (await uploadFile(e2Admin, { data: await buildImage('png'), name: 'SECRET-MATERIAL 乙方.png' })).json().id;
  const applied = await e2Admin.post(`/api/policies/${policy.id}/applications`, { materials: [{ name: '营业执照', fileId: e2MaterialId }], notes: 'SECRET-POLAPP 乙方申报说明' });
  expect(applied.statusCode, applied.body).toBe(201);
  e2PolicyAppId = applied.json().id;
  featurePathIds.push(['/api/policy-applications/', () => e2PolicyAppId]);
  expect((await e2Admin.post(`/api/policy-applications/${e2PolicyAppId}/comments`, { text: 'SECRET-THREAD 乙方咨询' })).statusCode).toBe(200);
  // e2's return-to-work report in the park's campaign, and the flag it raised.
  const localToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const campaign = await t.services.returnWork.createCampaign(SYSTEM, { parkId: s.park.id, name: '复工日报', cadence: 'daily', startDate: localToday, endDate: localToday, deadlineTime: '23:59', target: 'park' });
  const report = await e2Admin.post(`/api/return-to-work/campaigns/${campaign.id}/submissions`, {
    periodStart: localToday,
    values: { peopleReturned: 30, peopleOnSite: 30, peopleFromRiskAreas: 0, healthChecksDone: 30, preventionMeasures: 'SECRET-RTW 乙方防控', contactName: '乙方联系人', contactPhone: '13800138009' },
  });
  expect(report.statusCode, report.body).toBe(200);
  const flag = (report.json() as { flags: { id: string }[] }).flags[0];
  featurePathIds.push(['/api/return-to-work/campaigns/', () => campaign.id], ['/api/return-to-work/submissions/', () => report.json().id], ['/api/return-to-work/flags/', () => flag.id]);
  // A rent-relief programme of the park and e2's application to it, with a material.
  const programme = await t.services.relief.createProgramme(SYSTEM, { parkId: s.park.id, name: '租金减免', fromPeriod: '2026-06', toPeriod: '2026-07', leaseActiveOn: '2026-06-01', sizes: [], industries: [], reliefKind: 'percent', reliefValue: 10, budgetFen: 100_000_000, flowKey: 'tenant.flow' });
  await t.services.relief.updateProgramme(SYSTEM, programme.id, { status: 'open' });
  e2ReliefFileId = (await uploadFile(e2Admin, { data: await buildImage('png'), name: 'SECRET-RMAT 乙方减租材料.png' })).json().id;
  const reliefApp = await e2Admin.post(`/api/relief-programmes/${programme.id}/applications`, { note: 'SECRET-RAPP 乙方减租申请', fileIds: [e2ReliefFileId] });
  expect(reliefApp.statusCode, reliefApp.body).toBe(201);
  e2ReliefAppId = reliefApp.json().id;
  featurePathIds.push(['/api/relief-applications/', () => e2ReliefAppId]);
  // A service request of e2's member, with a material attached (the service lets members apply).
  const service = await t.services.serviceCatalog.createService(SYSTEM, {
    parkId: s.park.id, system: 'legal_ip', kind: 'request', nameZh: '法律咨询', nameEn: 'Legal advice', descriptionZh: '', descriptionEn: '', handlerType: 'department', handlerName: '企业服务部',
    handlerUserIds: [approver.id], applicants: 'members', form: { fields: [{ key: 'question', type: 'text', label: { zh: '问题', en: 'Question' }, required: true }, { key: 'material', type: 'file', label: { zh: '材料', en: 'Material' } }] },
    flowKey: 'tenant.flow', slaHours: 24, feeFen: null, status: 'published',
  });
  const material = (await uploadFile(e2Member, { data: await buildImage('png'), name: 'SECRET-MATERIAL 乙方.png' })).json().id as string;
  e2ServiceMaterialId = material;
  e2RequestId = (await e2Member.post('/api/service-requests', { serviceId: service.id, values: { question: 'SECRET-SREQ 乙方股权纠纷', material } })).json().id;
  expect(e2RequestId).toBeTruthy();
  featurePathIds.push(['/api/service-requests/', () => e2RequestId]);
  // A booking e2's member made of a shared meeting room: others see the slot busy, never who or what.
  roomId = (await t.services.bookings.createResource(SYSTEM, { parkId: s.park.id, category: 'meeting_room', nameZh: '共享会议室', nameEn: 'Shared room', location: '一号楼', capacity: 8, opensAtMinute: 0, closesAtMinute: 1440, openWeekdays: [1, 2, 3, 4, 5, 6, 7], slotMinutes: 30, minMinutes: 30, maxMinutes: 240, feeFenPerHour: 1000 })).id;
  e2BookingId = (await t.services.bookings.createBooking(e2Ctx, { resourceId: roomId, title: 'SECRET-BOOKING 乙方董事会', startsAt: shanghaiAt(2, 10), endsAt: shanghaiAt(2, 11) })).id;
  featurePathIds.push(['/api/bookings/', () => e2BookingId], ['/api/booking-resources/', () => roomId]);
  // Training of a property company of the park: a staff member and a recorded session; enterprises see none of it.
  const pcT = await t.services.parks.createPropertyCompany(SYSTEM, { name: '培训物业有限公司', creditCode: buildCreditCode() });
  // One company holds the district's contract; training, spot checks and the evaluation below all use it.
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pcT.id, districtId: s.district.id, startDate: '2020-01-01', endDate: '2035-12-31', annualFeeFen: 100 });
  const pcCtx = { actor: { userId: approver.id, username: 'park.approver', displayName: 'park.approver', grants: [{ role: 'property' as const, scopeType: 'property_company' as const, scopeId: pcT.id }], via: 'session' as const, access: 'write' as const } };
  const trStaff = await t.services.training.createStaff(pcCtx, { propertyCompanyId: pcT.id, name: 'SECRET-TRSTAFF 保安', post: 'security', phone: '13800138011' });
  const trDay = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const trSession = await t.services.training.createSession(SYSTEM, { parkId: s.park.id, title: 'SECRET-TRSESS 消防培训', topic: 'fire_safety', date: trDay, time: '10:00', hours: 2, trainer: '王教官', hasExam: true, passMark: 60, invite: [{ propertyCompanyId: pcT.id }] });
  await t.services.training.recordResults(SYSTEM, trSession.id, { results: [{ staffId: trStaff.id, attended: true, score: 88 }] });
  featurePathIds.push(['/api/training/staff/', () => trStaff.id], ['/api/training/sessions/', () => trSession.id]);
  // A spot check of the park's district by its assigned inspector, with a finding and the company's response: enterprises see none of it.
  const spotInspector = await buildUser(t.services, 'spot.inspector', [{ role: 'inspector', scopeType: 'all', scopeId: null }]);
  const spotPc = pcT;
  const spotAssignment = await t.services.spotChecks.createAssignment(SYSTEM, { parkId: s.park.id, districtId: s.district.id, inspectorUserId: spotInspector.id, validFrom: '2020-01-01' });
  await buildUser(t.services, 'spot.property', [{ role: 'property', scopeType: 'property_company', scopeId: spotPc.id }]);
  const spotInspectorClient = await t.login('spot.inspector', TEST_PASSWORD);
  const spotPhoto = (await uploadFile(spotInspectorClient, { data: await buildImage('png'), name: 'SECRET-SPOTPHOTO.png' })).json().id as string;
  const spotCheck = await spotInspectorClient.post('/api/spot-checks', { districtId: s.district.id, area: 'SECRET-SPOTAREA 配电房', findings: [{ description: 'SECRET-SPOTFIND 配电柜未上锁', severity: 'critical', deadline: '2099-01-01', fileIds: [spotPhoto] }] });
  expect(spotCheck.statusCode, spotCheck.body).toBe(201);
  const spotFinding = (spotCheck.json() as { findings: { id: string }[] }).findings[0].id;
  const spotProperty = await t.login('spot.property', TEST_PASSWORD);
  expect((await spotProperty.post(`/api/spot-check-findings/${spotFinding}/response`, { response: 'SECRET-SPOTFIX 已上锁' })).statusCode).toBe(200);
  featurePathIds.push(['/api/spot-checks/', () => spotCheck.json().id], ['/api/spot-check-findings/', () => spotFinding], ['/api/spot-check-assignments/', () => spotAssignment.id]);
  // An on-site inspection of the park (a district of e2's building) with a finding, its photo and a work order: enterprises see none of it.
  const parkOp = await t.login('park.approver', TEST_PASSWORD);
  const tpl = (await parkOp.post('/api/inspection-templates', { parkId: s.park.id, name: 'SECRET-INSPTPL 消防检查', items: [{ key: 'exit', label: 'SECRET-INSPITEM 安全出口', kind: 'pass_fail', severity: 'major' }] })).json();
  const inspRoute = (await parkOp.post('/api/inspection-routes', { parkId: s.park.id, name: 'SECRET-INSPROUTE 月检', checkpoints: [{ key: 'a', name: 'SECRET-INSPCP A区', kind: 'district', districtId: s.district.id, templateId: tpl.id }] })).json();
  const inspSchedule = (await parkOp.post('/api/inspection-schedules', { routeId: inspRoute.id, assigneeId: approver.id, dueDate: '2026-12-31' })).json();
  const inspPhoto = (await uploadFile(parkOp, { data: await buildImage('png'), name: 'SECRET-INSPPHOTO.png' })).json().id as string;
  const inspRun = await parkOp.post('/api/inspection-runs', { clientId: crypto.randomUUID(), routeId: inspRoute.id, startedAt: new Date().toISOString(), note: 'SECRET-INSPNOTE', marks: [{ checkpointKey: 'a', itemKey: 'exit', passed: false, note: 'SECRET-INSPFIND 堵塞', photoIds: [inspPhoto], openWorkOrder: true }] });
  expect(inspRun.statusCode, inspRun.body).toBe(201);
  const inspFinding = inspRun.json().results[0].id as string;
  featurePathIds.push(['/api/inspection-templates/', () => tpl.id], ['/api/inspection-routes/', () => inspRoute.id], ['/api/inspection-schedules/', () => inspSchedule.id], ['/api/inspection-runs/', () => inspRun.json().id], ['/api/inspection-findings/', () => inspFinding]);
  // A satisfaction survey of the park's district (both enterprises lease there) and e2's answer with a comment.
  await t.services.parks.createLease(SYSTEM, e1.id, { unitId: s.units[1].id, startDate: '2026-01-01', endDate: '2027-12-31', monthlyRentFen: 100_000 });
  const survey = await t.services.surveys.createSurvey(SYSTEM, {
    parkId: s.park.id,
    title: '满意度调查',
    questions: [{ id: 'overall', kind: 'rating', title: '总体', required: true, scaleMax: 5 }, { id: 'comment', kind: 'text', title: '意见', required: false }],
    districtIds: [s.district.id],
    opensOn: localToday,
    closesOn: localToday,
  });
  await t.services.surveys.openSurvey(SYSTEM, survey.id);
  expect((await e2Admin.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 2, comment: 'SECRET-SVANSWER 乙方意见' } })).statusCode).toBe(201);
  featurePathIds.push(['/api/surveys/', () => survey.id]);
  // An evaluation of the park's property company: enterprise people see none of it.
  const pc = pcT;
  const evalScheme = await t.services.evaluation.createScheme(SYSTEM, { parkId: s.park.id, name: 'SECRET-EVAL 考核', periodKind: 'month', indicators: [{ key: 'm', name: 'SECRET-IND 评定', weight: 100, source: { kind: 'manual' } }] });
  await t.services.evaluation.activateScheme(SYSTEM, evalScheme.id);
  const evalPeriod = await t.services.evaluation.openPeriod(SYSTEM, { schemeId: evalScheme.id, label: '2026-10' });
  await t.services.evaluation.setManual(SYSTEM, evalPeriod.id, { indicatorKey: 'm', subjectKind: 'company', subjectId: pc.id, score: 77, note: 'SECRET-EVALNOTE 评定' });
  await t.services.evaluation.close(SYSTEM, evalPeriod.id);
  await t.services.evaluation.publishRanking(SYSTEM, evalPeriod.id, true);
  featurePathIds.push(['/api/evaluation/schemes/', () => evalScheme.id], ['/api/evaluation/periods/', () => evalPeriod.id]);
  // Evaluation outcomes of that company: a warning with its review task, an appeal and an award nomination.
  const outcomes = await seedOutcomesForSweep(t, { parkId: s.park.id, districtId: s.district.id, propertyCompanyId: pc.id, operatorUsername: 'park.approver', propertyUsername: 'secret.property', secret: 'SECRET-EO' });
  evalReportPaths = outcomes.reportPaths;
  featurePathIds.push(['/api/evaluation/appeals/', () => outcomes.appealId], ['/api/evaluation/review-tasks/', () => outcomes.taskId], ['/api/evaluation/warning-rules/', () => s.park.id]);
  // e2's people: an invitation by phone and a join request; e1's admin must see and change none of it.
  const e2Inv = await e2Admin.post(`/api/enterprises/${e2.id}/invitations`, { phone: '13955554444' });
  expect(e2Inv.statusCode, e2Inv.body).toBe(201);
  e2InvitationId = e2Inv.json().id;
  const joined = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'secret.joiner', displayName: 'SECRET-JOINER 乙方申请人', password: TEST_PASSWORD, joinEnterpriseName: e2.legalName } });
  expect(joined.statusCode, joined.body).toBe(201);
  e2JoinRequestId = joined.json().joinRequestId;
  e2MemberId = e2MemberUser.id;
  admin1 = await t.login('e1.admin', TEST_PASSWORD);
  member1 = await t.login('e1.member', TEST_PASSWORD);
  secrets = ['13955554444', 'SECRET-JOINER', 'secret.joiner', e2.legalName, e2.creditCode, E2_PLATE, 'e2.secret.member', 'SECRET-9', '1234567', 'SECRET-WO', '乙方保密访客', 'SECRET-PHOTO', 'SECRET-UPLOAD', 'SECRET-CASE', 'SECRET-SREQ', 'SECRET-MATERIAL', 'SECRET-POLAPP', 'SECRET-THREAD', 'SECRET-RTW', 'SECRET-RAPP', 'SECRET-RMAT', 'e2.secret.admin', 'SECRET-BOOKING', 'SECRET-TRSTAFF', 'SECRET-TRSESS', 'SECRET-SPOTAREA', 'SECRET-SPOTFIND', 'SECRET-SPOTFIX', 'SECRET-SPOTPHOTO', 'SECRET-INSP', 'SECRET-SVANSWER', 'SECRET-EVAL', 'SECRET-IND', 'SECRET-EVALNOTE', 'SECRET-PC', 'SECRET-EO'];
});
afterAll(() => t.close());

function leaks(body: string): string[] {
  return leaksIn(secrets, body);
}

describe('tenant isolation', () => {
  test('the enterprise list shows only the own enterprise', async () => {
    for (const client of [admin1, member1]) {
      const res = await client.get('/api/enterprises?pageSize=200');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: string }[]; total: number };
      expect(body.items.map((e) => e.id)).toEqual([e1.id]);
      expect(body.total).toBe(1);
    }
  });

  test('no route returns the other enterprise’s data when given its ids', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const { path: p, method } of await openApiOperations(t)) {
      if (p === '/api/auth/logout' || p === '/api/auth/password') continue;
      const own = featurePathIds.find(([prefix]) => p.startsWith(prefix));
      const url = own ? p.replace('{id}', own[1]()) : p.startsWith('/api/files/') ? p.replace('{id}', e2PhotoId) : p.replace('{id}', e2.id).replace('{childId}', p.includes('vehicles') ? e2VehicleId : e2LeaseId);
      const withQuery = method === 'GET' ? `${url}${url.includes('?') ? '&' : '?'}enterpriseId=${e2.id}` : url;
      for (const client of [admin1, member1]) {
        const res = await client.request({ method, url: method === 'GET' && !p.includes('{') ? withQuery : url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
        calls++;
        const leaked = leaks(res.body);
        if (leaked.length) failures.push(`${client.username} ${method} ${p} → ${res.statusCode} leaks ${leaked.join(', ')}`);
        if (p.includes('/enterprises/{id}') && res.statusCode < 400) failures.push(`${client.username} ${method} ${p} → ${res.statusCode}`);
      }
    }
    expect(calls).toBeGreaterThan(80);
    expect(failures).toEqual([]);
  });

  test.each([
    ['PATCH', (): string => `/api/enterprises/${e2.id}`, { contactName: '攻击者' }],
    ['POST', (): string => `/api/enterprises/${e2.id}/vehicles`, { plate: '川A99999' }],
    ['DELETE', (): string => `/api/enterprises/${e2.id}/vehicles/${e2VehicleId}`, undefined],
    ['POST', (): string => `/api/enterprises/${e2.id}/leases/${e2LeaseId}/end`, undefined],
    ['POST', (): string => `/api/enterprises/${e2.id}/parking-spaces`, { lotName: 'P1', spaceCode: 'X-1' }],
    ['POST', (): string => '/api/users', (): Record<string, unknown> => ({ username: 'intruder', displayName: 'x', password: 'Password-12345', grants: [{ role: 'member', scopeType: 'enterprise', scopeId: e2.id }] })],
  ] as const)('%s to another enterprise’s data (case %#) is refused and changes nothing', async (method, url, body) => {
    const before = await t.services.parks.getEnterprise(SYSTEM, e2.id);
    const payload = typeof body === 'function' ? body() : body;
    const res = await admin1.request({ method, url: url(), payload: payload as never });
    expect([403, 404]).toContain(res.statusCode);
    expect(leaks(res.body)).toEqual([]);
    const after = await t.services.parks.getEnterprise(SYSTEM, e2.id);
    expect(after).toEqual(before);
    const users = await t.database.query<{ n: number }>(`select count(*)::int as n from users where username = 'intruder'`);
    expect(users[0].n).toBe(0);
  });

  test('a file of another enterprise is 404 whether attached or not, as a guessed id is, and cannot be attached to own records', async () => {
    for (const id of [e2PhotoId, e2UploadId]) {
      for (const client of [admin1, member1]) {
        for (const url of [`/api/files/${id}`, `/api/files/${id}/thumbnail`, `/api/files/${id}/info`, `/api/work-orders/${e2OrderId}/attachments/${id}`]) {
          const res = await client.get(url);
          expect(res.statusCode, `${client.username} ${url}`).toBe(404);
          expect(leaks(res.body)).toEqual([]);
        }
      }
    }
    const own = await member1.post('/api/work-orders', { title: '甲方空调不制冷' });
    const res = await member1.post(`/api/work-orders/${own.json().id}/attachments`, { fileId: e2UploadId });
    expect(res.statusCode).toBe(400);
    const [row] = await t.database.query<{ owner_type: string | null }>('select owner_type from files where id = $1', [e2UploadId]);
    expect(row.owner_type).toBeNull();
  });

  test('another enterprise’s approval case is a 404 for reading, its candidates and every action, and is in no list', async () => {
    for (const client of [admin1, member1]) {
      expect((await client.get(`/api/approval-cases/${e2CaseId}`)).statusCode).toBe(404);
      expect((await client.get(`/api/approval-cases/${e2CaseId}/candidates`)).statusCode).toBe(404);
      for (const body of [{ type: 'approve' }, { type: 'withdraw' }, { type: 'comment', comment: '看看' }, { type: 'remind' }]) {
        const res = await client.post(`/api/approval-cases/${e2CaseId}/actions`, body);
        expect(res.statusCode).toBe(404);
        expect(leaks(res.body)).toEqual([]);
      }
      for (const url of ['/api/approval-cases?pageSize=200', '/api/approval-cases?scope=park&pageSize=200', '/api/approval-tasks/me']) expect(leaks((await client.get(url)).body)).toEqual([]);
    }
    const actions = await t.database.query<{ n: number }>(`select count(*)::int as n from approval_actions where case_id = $1`, [e2CaseId]);
    expect(actions[0].n).toBe(1);
  });

  test('another enterprise’s return-to-work report and its flag are 404 and in no list', async () => {
    const [campaign, report, flag] = featurePathIds.filter(([prefix]) => prefix.startsWith('/api/return-to-work/')).map(([, id]) => id());
    for (const client of [admin1, member1]) {
      expect((await client.get(`/api/return-to-work/submissions/${report}`)).statusCode).toBe(404);
      expect([403, 404]).toContain((await client.post(`/api/return-to-work/flags/${flag}/follow-up`, { note: '看看' })).statusCode);
    }
    const list = await admin1.get(`/api/return-to-work/campaigns/${campaign}/submissions?enterpriseId=${e2.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([]);
    expect((await admin1.get(`/api/return-to-work/campaigns/${campaign}/overview`)).statusCode).toBe(403);
    expect((await admin1.get(`/api/return-to-work/campaigns/${campaign}/export`)).statusCode).toBe(403);
    // Reporting in e2's name is refused and changes nothing.
    const res = await admin1.post(`/api/return-to-work/campaigns/${campaign}/submissions`, { enterpriseId: e2.id, periodStart: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), values: {} });
    expect(res.statusCode).toBe(404);
    const [row] = await t.database.query<{ revision: number }>('select revision from rtw_submissions where id = $1', [report]);
    expect(row.revision).toBe(1);
  });

  test('in a survey both enterprises are invited to, an admin sees only their own answer, no results, and cannot answer in the other’s name', async () => {
    const [, id] = featurePathIds.find(([prefix]) => prefix === '/api/surveys/')!;
    const survey = (await admin1.get(`/api/surveys/${id()}`)).json() as { mine: { enterpriseId: string }[] };
    expect(survey.mine.map((m) => m.enterpriseId)).toEqual([e1.id]);
    expect((await admin1.get(`/api/surveys/${id()}/my-responses`)).json()).toEqual([]);
    for (const url of ['results', 'responses', 'export']) expect([403, 404]).toContain((await admin1.get(`/api/surveys/${id()}/${url}`)).statusCode);
    expect((await admin1.post(`/api/surveys/${id()}/responses`, { enterpriseId: e2.id, answers: { overall: 5 } })).statusCode).toBe(404);
    for (const url of ['', '/my-responses', '/results']) expect((await member1.get(`/api/surveys/${id()}${url}`)).statusCode).toBe(404);
    expect((await member1.post(`/api/surveys/${id()}/responses`, { answers: { overall: 5 } })).statusCode).toBe(404);
    const [row] = await t.database.query<{ n: number }>('select count(*)::int as n from survey_responses where survey_id = $1', [id()]);
    expect(Number(row.n)).toBe(1);
  });

  test('another enterprise’s service request and its material are 404 and in no list; nothing about it can be changed', async () => {
    for (const client of [admin1, member1]) {
      for (const url of [`/api/service-requests/${e2RequestId}`, `/api/files/${e2ServiceMaterialId}`, `/api/files/${e2ServiceMaterialId}/info`]) {
        const res = await client.get(url);
        expect(res.statusCode, `${client.username} ${url}`).toBe(404);
        expect(leaks(res.body)).toEqual([]);
      }
      for (const action of ['resubmit', 'withdraw', 'accept', 'complete', 'rating']) {
        const res = await client.post(`/api/service-requests/${e2RequestId}/${action}`, { values: { question: 'x' }, resultNote: 'x', rating: 1 });
        expect(res.statusCode, `${client.username} ${action}`).toBe(404);
      }
      for (const url of ['/api/service-requests?pageSize=200', `/api/service-requests?scope=queue&pageSize=200&enterpriseId=${e2.id}`]) expect(leaks((await client.get(url)).body)).toEqual([]);
    }
    const [row] = await t.database.query<{ status: string; owner_id: string }>('select r.status, f.owner_id::text as owner_id from service_requests r join files f on f.owner_id = r.id where r.id = $1', [e2RequestId]);
    expect(row).toEqual({ status: 'in_review', owner_id: e2RequestId });
  });

  test('another enterprise’s booking is busy in the calendar without who or what, and 404 to read or cancel', async () => {
    const q = `from=${shanghaiAt(2, 0).toISOString()}&to=${shanghaiAt(3, 0).toISOString()}`;
    for (const client of [admin1, member1]) {
      const slots = await client.get(`/api/booking-resources/${roomId}/slots?${q}`);
      expect(slots.statusCode).toBe(200);
      expect(slots.json()).toEqual([expect.objectContaining({ mine: false, bookingId: null, title: null, enterpriseName: null })]);
      expect(leaks(slots.body)).toEqual([]);
      expect((await client.get(`/api/bookings/${e2BookingId}`)).statusCode).toBe(404);
      expect((await client.post(`/api/bookings/${e2BookingId}/cancel`, {})).statusCode).toBe(404);
      expect(leaks((await client.get('/api/bookings?pageSize=200')).body)).toEqual([]);
      const clash = await client.post('/api/bookings', { resourceId: roomId, title: '甲方会议', startsAt: shanghaiAt(2, 10).toISOString(), endsAt: shanghaiAt(2, 11).toISOString() });
      expect(clash.statusCode).toBe(409);
      expect(leaks(clash.body)).toEqual([]);
    }
    const [row] = await t.database.query<{ status: string }>('select status from bookings where id = $1', [e2BookingId]);
    expect(row.status).toBe('confirmed');
  });

  test('a property company’s training (roster, sessions, figures) is 403 or 404 for enterprise people and in no list', async () => {
    const [staffId, sessionId] = featurePathIds.filter(([prefix]) => prefix.startsWith('/api/training/')).map(([, id]) => id());
    for (const client of [admin1, member1]) {
      for (const url of [`/api/training/staff/${staffId}`, `/api/training/sessions/${sessionId}`, `/api/training/sessions/${sessionId}/results/template`]) expect((await client.get(url)).statusCode, url).toBe(404);
      for (const url of ['/api/training/staff', '/api/training/sessions', '/api/training/figures', '/api/training/companies']) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(leaks(res.body)).toEqual([]);
      }
      expect((await client.request({ method: 'PUT', url: `/api/training/sessions/${sessionId}/results`, payload: { results: [{ staffId, attended: false }] } })).statusCode).toBe(404);
      expect((await client.patch(`/api/training/staff/${staffId}`, { isActive: false })).statusCode).toBe(404);
    }
    const [row] = await t.database.query<{ attended: boolean; is_active: boolean }>('select i.attended, s.is_active from training_invitations i join training_staff s on s.id = i.staff_id where s.id = $1', [staffId]);
    expect(row).toEqual({ attended: true, is_active: true });
  });

  test('spot checks of the park are 404 to enterprises, in no list, and nothing about them can be changed', async () => {
    const [check, finding] = ['/api/spot-checks/', '/api/spot-check-findings/'].map((prefix) => featurePathIds.find(([p]) => p === prefix)![1]());
    for (const client of [admin1, member1]) {
      expect((await client.get(`/api/spot-checks/${check}`)).statusCode).toBe(404);
      expect((await client.get(`/api/spot-check-findings/${finding}`)).statusCode).toBe(404);
      for (const url of ['/api/spot-checks', '/api/spot-check-findings', '/api/spot-check-assignments', '/api/spot-check-districts']) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.json(), url).toEqual([]);
      }
      for (const [action, body] of [['response', { response: 'x' }], ['verify', { accepted: true }], ['overturn', { reason: 'x' }]] as const) {
        expect((await client.post(`/api/spot-check-findings/${finding}/${action}`, body)).statusCode, action).toBe(404);
      }
    }
    const [row] = await t.database.query<{ status: string }>('select status from spot_check_findings where id = $1', [finding]);
    expect(row.status).toBe('responded');
  });

  test('the audit log shows an enterprise admin only their own enterprise’s entries', async () => {
    const res = await admin1.get('/api/audit-log?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { enterpriseId: string | null }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.enterpriseId === e1.id)).toBe(true);
    expect(leaks(res.body)).toEqual([]);
  });

  test('another enterprise’s relief application, its materials and its eligibility are 404, and in no list', async () => {
    for (const client of [admin1, member1]) {
      for (const url of [`/api/relief-applications/${e2ReliefAppId}`, `/api/files/${e2ReliefFileId}`, `/api/files/${e2ReliefFileId}/info`]) {
        const res = await client.get(url);
        expect(res.statusCode, `${client.username} ${url}`).toBe(404);
        expect(leaks(res.body)).toEqual([]);
      }
      const list = await client.get('/api/relief-applications?pageSize=200');
      expect(list.json().items).toEqual([]);
      const resubmit = await client.post(`/api/relief-applications/${e2ReliefAppId}/resubmit`, { fileIds: [] });
      expect(resubmit.statusCode).toBe(404);
    }
    const [programme] = (await admin1.get('/api/relief-programmes')).json().items as { id: string }[];
    expect((await admin1.get(`/api/relief-programmes/${programme.id}/eligibility?enterpriseId=${e2.id}`)).statusCode).toBe(404);
    expect((await admin1.get(`/api/relief-programmes/${programme.id}/dashboard`)).statusCode).toBe(403);
  });

  test('the property company’s evaluation reports are 404 to enterprise people', async () => {
    expect(evalReportPaths).toHaveLength(2);
    for (const url of evalReportPaths)
      for (const client of [admin1, member1]) {
        const res = await client.get(url);
        expect(res.statusCode, `${client.username} ${url}`).toBe(404);
        expect(leaks(res.body)).toEqual([]);
      }
  });

  test('members cannot read the audit log or list users', async () => {
    expect((await member1.get('/api/audit-log')).statusCode).toBe(403);
    expect((await member1.get('/api/users')).statusCode).toBe(403);
  });

  test('a building page (its vacancy grid) is refused to enterprise people and names no other enterprise', async () => {
    const buildings = (await admin1.get('/api/buildings')).json() as { id: string }[];
    expect(buildings.length).toBeGreaterThan(0);
    for (const b of buildings)
      for (const client of [admin1, member1]) {
        const res = await client.get(`/api/buildings/${b.id}`);
        expect(res.statusCode).toBe(403);
        expect(leaks(res.body)).toEqual([]);
      }
  });

  test('another enterprise’s people, invitations and join requests are 404 to read and to change, and nothing changes', async () => {
    for (const url of [`/api/enterprises/${e2.id}/members`, `/api/enterprises/${e2.id}/invitations`, `/api/enterprises/${e2.id}/join-requests`]) {
      const res = await admin1.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(leaks(res.body)).toEqual([]);
    }
    const writes: [string, string, unknown][] = [
      ['POST', `/api/enterprises/${e2.id}/invitations`, {}],
      ['DELETE', `/api/enterprises/${e2.id}/invitations/${e2InvitationId}`, undefined],
      ['POST', `/api/enterprises/${e2.id}/join-requests/${e2JoinRequestId}/approve`, undefined],
      ['POST', `/api/enterprises/${e2.id}/join-requests/${e2JoinRequestId}/reject`, undefined],
      ['PATCH', `/api/enterprises/${e2.id}/members/${e2MemberId}`, { isActive: false }],
      ['PATCH', `/api/enterprises/${e2.id}/members/${e2MemberId}`, { roles: ['enterprise_admin'] }],
      // Own enterprise's path with the other's person: not a member here, so not found.
      ['PATCH', `/api/enterprises/${e1.id}/members/${e2MemberId}`, { isActive: false }],
      ['POST', `/api/enterprises/${e1.id}/join-requests/${e2JoinRequestId}/approve`, undefined],
      ['DELETE', `/api/enterprises/${e1.id}/invitations/${e2InvitationId}`, undefined],
    ];
    for (const [method, url, payload] of writes) {
      const res = await admin1.request({ method: method as 'POST', url, payload: payload as never });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(leaks(res.body)).toEqual([]);
    }
    const [state] = await t.database.query<{ active: boolean; grants: number; inv: boolean; req: string }>(
      `select (select is_active from users where id = $1) as active, (select count(*)::int from role_grants where user_id = $1) as grants,
              (select revoked_at is null from enterprise_invitations where id = $2) as inv, (select status from enterprise_join_requests where id = $3) as req`,
      [e2MemberId, e2InvitationId, e2JoinRequestId],
    );
    expect(state).toEqual({ active: true, grants: 1, inv: true, req: 'pending' });
  });
});

describe('policy applications', () => {
  test('another enterprise’s application, its material and its thread are 404 and in no list', async () => {
    for (const client of [admin1, member1]) {
      for (const url of [`/api/policy-applications/${e2PolicyAppId}`, `/api/files/${e2MaterialId}`, `/api/files/${e2MaterialId}/info`]) expect((await client.get(url)).statusCode, url).toBe(404);
      for (const url of [`/api/policy-applications/${e2PolicyAppId}/comments`, `/api/policy-applications/${e2PolicyAppId}/withdraw`]) {
        const res = await client.post(url, { text: '看看' });
        expect(res.statusCode, url).toBe(404);
      }
      expect(leaks((await client.get('/api/policy-applications?pageSize=200')).body)).toEqual([]);
      expect(leaks((await client.get('/api/policies?pageSize=200')).body)).toEqual([]);
    }
    const [row] = await t.database.query<{ status: string; n: number }>(`select status, (select count(*)::int from policy_application_comments where application_id = $1) as n from policy_applications where id = $1`, [e2PolicyAppId]);
    expect(row).toEqual({ status: 'submitted', n: 1 });
  });
});

describe('audit log by enterprise', () => {
  test('an operator can list every entry about one enterprise; its admin only their own', async () => {
    const op = await t.login('e1.admin', TEST_PASSWORD);
    const own = (await op.get(`/api/audit-log?enterpriseId=${e1.id}&pageSize=200`)).json() as { items: { enterpriseId: string }[] };
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.enterpriseId === e1.id)).toBe(true);
    const other = (await op.get(`/api/audit-log?enterpriseId=${e2.id}&pageSize=200`)).json() as { items: unknown[]; total: number };
    expect(other.total).toBe(0);
    const all = await t.services.audit.findEntries(SYSTEM, { page: 1, pageSize: 200, enterpriseId: e2.id });
    expect(all.items.map((i) => i.action)).toEqual(expect.arrayContaining(['enterprise.created', 'enterprise_vehicle.created', 'lease.created', 'parking_space.assigned']));
  });
});
