import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildPark, buildUser } from './testing/builders';
import { seedOutcomesForSweep } from './modules/evaluation/evaluation.outcomes.testing';
import { installChangeLog, leaksIn, openApiOperations, sampleBody, type Operation } from './testing/openapi-sweep';
import { buildImage, uploadFile } from './testing/files';
import { createTestApp, type TestApp, type TestClient } from './testing/test-app';
import { registerTestSubject, TEST_SUBJECT } from './modules/approvals/approvals.testing';
import { shanghaiAt } from './modules/bookings/bookings.testing';

/**
 * An operator of park A, the staff of a property company contracted for
 * park A and an inspector (granted every park) assigned to park A's district must never read or change park B's data, through any route. The
 * sweep calls every operation of the OpenAPI document with park B's ids (in
 * the path, the query and the body); park B's records carry distinctive
 * strings that no response may contain, and no write may change any table.
 */
type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let root: TestClient;
let opA: TestClient;
let propA: TestClient;
/** An inspector (every park) assigned to park A's district only. */
let inspA: TestClient;
let evalReportPathsB: string[] = [];
let A: Built;
let B: Built;
/** Park B's ids by the name a path, query or body field gives them. */
const ids: Record<string, string> = {};
/** A photo of park B's work order (a file of the files module). */
let photoB: string;
/** Path `{id}` (and `{childId}`) values by path prefix. */
const pathIds: [prefix: string, id: () => string, childId?: () => string][] = [];
/** Park A's own records (the actor's), for writes that name park B's ids only in the body. */
const ownPathIds: [prefix: string, id: () => string, childId?: () => string][] = [];
const secrets = [
  'SECRETPARK',
  'SECRET-DIST',
  'SECRET-BLDG',
  'SECRET-FLOOR',
  'SECRET-U1',
  'SECRET-ENT',
  '川B7Q7Q7',
  '7654321',
  'secretb.member',
  'secretb.op',
  'SECRET-DEV',
  'SECRET-RULE',
  'SECRET-SHELF',
  'SECRET-WO',
  'SECRET-TEAM',
  'SECRET-DRULE',
  'SECRET-NEWS',
  'SECRET-EVENT',
  'SECRET-VISITOR',
  'SECRET-BILL',
  'SECRET-LOT',
  'SECRET-SP1',
  '5432198',
  'SECRET-LEAD',
  'SECRET-COMMENT',
  'SECRET-ALARM',
  'SECRET-PHOTO',
  'SECRET-FLOW',
  'SECRET-CASE',
  'SECRET-POLICY',
  'SECRET-POLAPP',
  'SECRET-RTW',
  'SECRET-RTWC',
  'SECRET-RELIEF',
  'SECRET-RAPP',
  'SECRET-RMAT',
  'SECRET-SVC',
  'SECRET-SREQ',
  'SECRET-RESOURCE',
  'SECRET-BOOKING',
  'SECRET-TRSTAFF',
  'SECRET-TRSESS',
  'SECRET-SPOTAREA',
  'SECRET-SPOTFIND',
  'SECRET-SPOTFIX',
  'SECRET-INSP',
  'SECRET-PATROL',
  'SECRET-SURVEY',
  'SECRET-SVANSWER',
  'SECRET-EVAL',
  'SECRET-IND',
  'SECRET-EVALNOTE',
  'SECRET-EO',
];

async function ok<T = Record<string, string>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`seed call failed: ${r.statusCode} ${r.body}`);
  return (r.body ? r.json() : {}) as T;
}

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services, 'SECRETPARK乙园');
  const s = t.services.parks;
  const distB = await s.createDistrict(SYSTEM, { siteId: B.site.id, name: 'SECRET-DIST' });
  const bldgB = await s.createBuilding(SYSTEM, { districtId: distB.id, name: 'SECRET-BLDG', floorsAboveGround: 2 });
  const floorB = await s.createFloor(SYSTEM, { buildingId: bldgB.id, level: 1, name: 'SECRET-FLOOR' });
  const unitB = await s.createUnit(SYSTEM, { floorId: floorB.id, code: 'SECRET-U1', area: 50 });
  await buildUser(t.services, 'root', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  root = await t.login('root', TEST_PASSWORD);

  // Property companies: one contracted for park A's district (the actor's), one for park B's.
  const pcA = await ok(root.post('/api/property-companies', { name: '甲园物业', creditCode: buildCreditCode(), contactName: '张', contactPhone: '13800138001' }));
  await ok(root.post('/api/property-contracts', { propertyCompanyId: pcA.id, districtId: A.district.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 }));
  const pcB = await ok(root.post('/api/property-companies', { name: '乙园物业', creditCode: buildCreditCode(), contactName: '李', contactPhone: '13800138002' }));
  const contractB = await ok(root.post('/api/property-contracts', { propertyCompanyId: pcB.id, districtId: distB.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 5432198 }));

  // Park B's enterprise, its people and its records.
  const eB = await ok(root.post('/api/enterprises', { parkId: B.park.id, siteId: B.site.id, legalName: 'SECRET-ENT 乙园保密有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138003' }));
  const vehicle = await ok(root.post(`/api/enterprises/${eB.id}/vehicles`, { plate: '川B7Q7Q7' }));
  const lease = await ok(root.post(`/api/enterprises/${eB.id}/leases`, { unitId: unitB.id, startDate: '2026-01-01', endDate: '2027-12-31', monthlyRentFen: 7654321 }));
  const space = await ok(root.post(`/api/enterprises/${eB.id}/parking-spaces`, { lotName: 'SECRET-LOT', spaceCode: 'SECRET-SP0' }));
  const memberB = await buildUser(t.services, 'secretb.member', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eB.id }]);
  const opB = await buildUser(t.services, 'secretb.op', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  const mB = await t.login('secretb.member', TEST_PASSWORD);
  const lead = await ok(root.post('/api/leads', { parkId: B.park.id, companyName: 'SECRET-LEAD 公司', industry: 'software', contactName: '王', contactPhone: '13800138004' }));

  // IoT of park B.
  const device = await ok(root.post('/api/devices', { code: 'SECRET-DEV-1', name: 'SECRET-DEV 冷机', type: 'environment_sensor', parkId: B.park.id, buildingId: bldgB.id }));
  await ok(root.post(`/api/devices/${device.id}/credentials`));
  const rule = await ok(root.post('/api/alarm-rules', { parkId: B.park.id, name: 'SECRET-RULE 过热', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 2, severity: 'critical' }));
  const alarm = await t.database.query<{ id: string }>(
    `insert into alarms (rule_id, device_id, park_id, site_id, building_id, severity, message, last_value, first_at, last_at) values ($1, $2, $3, $4, $5, 'critical', 'SECRET-ALARM 乙园过热', 99, now(), now()) returning id::text as id`,
    [rule.id, device.id, B.park.id, B.site.id, bldgB.id],
  );
  const shelf = await ok(root.post('/api/alarm-shelves', { scope: 'device', deviceId: device.id, reason: 'SECRET-SHELF 检修', until: new Date(Date.now() + 86_400_000).toISOString() }));

  // Work orders of park B.
  const team = await ok(root.post('/api/work-order-teams', { parkId: B.park.id, name: 'SECRET-TEAM 乙园维修', kind: 'operator' }));
  const wo = await ok(mB.post('/api/work-orders', { title: 'SECRET-WO 乙园机房漏水' }));
  await ok(mB.post(`/api/work-orders/${wo.id}/comments`, { text: 'SECRET-COMMENT' }));
  const photo = await ok(uploadFile(mB, { data: await buildImage('png'), name: 'SECRET-PHOTO 乙园.png' }));
  photoB = photo.id;
  await ok(mB.post(`/api/work-orders/${wo.id}/attachments`, { fileId: photo.id }));
  // An upload of park B's member not attached yet: park A's operator must not attach it to park A's records.
  const pendingUpload = await ok(uploadFile(mB, { data: await buildImage('jpeg'), name: 'pending.jpg' }));
  await ok(root.request({ method: 'PUT', url: '/api/work-order-sla', payload: { parkId: B.park.id, category: 'plumbing', priority: 'high', responseMinutes: 4321, resolutionMinutes: 9876 } }));
  const dispatchRule = await ok(root.post('/api/dispatch-rules', { parkId: B.park.id, name: 'SECRET-DRULE', minSeverity: 'critical', category: 'electrical', priority: 'high' }));

  // Community of park B.
  const article = await ok(root.post('/api/news/articles', { title: 'SECRET-NEWS 乙园通知', bodyHtml: '<p>x</p>', category: 'notice', target: { type: 'park', parkId: B.park.id }, publish: true }));
  const event = await ok(
    root.post('/api/events', {
      parkId: B.park.id,
      title: 'SECRET-EVENT 乙园沙龙',
      location: '乙园',
      startsAt: '2030-01-02T10:00:00Z',
      endsAt: '2030-01-02T12:00:00Z',
      capacity: 10,
      registrationOpensAt: '2026-01-01T00:00:00Z',
      registrationClosesAt: '2030-01-02T08:00:00Z',
      requiresApproval: true,
    }),
  );
  const registration = await ok(mB.post(`/api/events/${event.id}/registration`));
  const { pass } = await ok<{ pass: { id: string } }>(mB.post('/api/passes/invitations', { visitorName: 'SECRET-VISITOR 访客', validFrom: new Date().toISOString(), validTo: new Date(Date.now() + 3600_000).toISOString() }));

  // Billing of park B.
  const bill = await ok(root.post('/api/bills', { enterpriseId: eB.id, kind: 'other', period: '2026-11', title: 'SECRET-BILL 乙园账单', amountFen: 7654321, dueDate: '2026-11-30' }));
  const payment = await ok<{ paymentId?: string; id?: string }>(mB.post('/api/payments/checkout', { billIds: [bill.id], idempotencyKey: 'secret-checkout-1' }));

  // Parking of park B.
  const lot = await ok(root.post('/api/parking/lots', { parkId: B.park.id, siteId: B.site.id, name: 'SECRET-LOT 乙园车场', capacity: 5, freeMinutes: 0, hourlyFen: 500, dailyCapFen: 4000, nightStartMinute: 1320, nightEndMinute: 420, nightHourlyFen: 100 }));
  await ok(root.post(`/api/parking/lots/${lot.id}/spaces`, { codes: ['SECRET-SP1'], isReservable: true }));
  const spaces = await t.database.query<{ id: string }>(`select id::text as id from parking_spaces where code = 'SECRET-SP1'`);
  await ok(root.post(`/api/parking/lots/${lot.id}/reads`, { plate: '川B7Q7Q7', direction: 'entry', eventId: 'secret-read-1' }));
  const plate = await ok(mB.post('/api/parking/me/plates', { plate: '川B7Q7Q7' }));
  const reservation = await ok(mB.post('/api/parking/reservations', { spaceId: spaces[0].id, plate: '川B7Q7Q7', startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() }));

  // Approvals of park B: a flow, and a case its enterprise admin applied for.
  registerTestSubject(t.services);
  const flowB = await ok(root.post('/api/approval-flows', { parkId: B.park.id, key: 'secret.flow', nameZh: 'SECRET-FLOW 乙园审批', nameEn: 'SECRET-FLOW', steps: [{ nameZh: '审批', nameEn: 'Review', mode: 'any', approvers: [{ kind: 'user', userId: opB.id }] }] }));
  const memberBCtx = { actor: { userId: memberB.id, username: 'secretb.member', displayName: 'secretb.member', grants: memberB.grants, via: 'session' as const, access: 'write' as const } };
  const caseB = await t.services.approvals.startCase(memberBCtx, { parkId: B.park.id, enterpriseId: eB.id, subjectType: TEST_SUBJECT, subjectId: eB.id, title: 'SECRET-CASE 乙园申请', flowKey: 'secret.flow', formValues: { amountFen: 7654321 } });

  // Policies of park B: a published policy and an application of its enterprise with a material and a thread.
  const policyB = await ok(root.post('/api/policies', { parkId: B.park.id, title: 'SECRET-POLICY 乙园补贴', issuer: '乙园管委会', deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(), materials: ['营业执照'], flowKey: 'secret.flow' }));
  await ok(root.patch(`/api/policies/${policyB.id}`, { status: 'published' }));
  const materialB = await ok(uploadFile(mB, { data: await buildImage('png'), name: 'material.png' }));
  const policyAppB = await ok(mB.post(`/api/policies/${policyB.id}/applications`, { materials: [{ name: '营业执照', fileId: materialB.id }], notes: 'SECRET-POLAPP 乙园申报' }));
  await ok(mB.post(`/api/policy-applications/${policyAppB.id}/comments`, { text: '乙园咨询' }));
  // Return-to-work of park B: a campaign, its enterprise admin's report and the report's flag.
  const localToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const campaignB = await ok(root.post('/api/return-to-work/campaigns', { parkId: B.park.id, name: 'SECRET-RTW 乙园复工日报', cadence: 'daily', startDate: localToday, endDate: localToday, deadlineTime: '23:59' }));
  const reportB = await ok(
    mB.post(`/api/return-to-work/campaigns/${campaignB.id}/submissions`, {
      periodStart: localToday,
      values: { peopleReturned: 9, peopleOnSite: 9, peopleFromRiskAreas: 0, healthChecksDone: 9, preventionMeasures: '测温', contactName: 'SECRET-RTWC 联系人', contactPhone: '13800138009' },
    }),
  );
  const [flagB] = await t.database.query<{ id: string }>('select id::text as id from rtw_flags where submission_id = $1 limit 1', [reportB.id]);
  // Rent relief of park B: an open programme and its enterprise's application with a material.
  const programmeB = await ok(root.post('/api/relief-programmes', { parkId: B.park.id, name: 'SECRET-RELIEF 乙园减租', fromPeriod: '2026-06', toPeriod: '2026-07', leaseActiveOn: '2026-06-01', reliefKind: 'percent', reliefValue: 10, budgetFen: 100_000_000, flowKey: 'secret.flow' }));
  await ok(root.patch(`/api/relief-programmes/${programmeB.id}`, { status: 'open' }));
  const reliefFile = await ok(uploadFile(mB, { data: await buildImage('png'), name: 'SECRET-RMAT 乙园材料.png' }));
  const reliefAppB = await ok(mB.post(`/api/relief-programmes/${programmeB.id}/applications`, { note: 'SECRET-RAPP 乙园减租', fileIds: [reliefFile.id] }));
  // Services of park B: a published service and its enterprise admin's request.
  const serviceB = await ok(
    root.post('/api/services', {
      parkId: B.park.id,
      system: 'finance',
      nameZh: 'SECRET-SVC 乙园融资对接',
      nameEn: 'SECRET-SVC',
      descriptionZh: 'SECRET-SVC',
      handlerType: 'department',
      handlerName: 'SECRET-SVC 乙园金融部',
      handlerUserIds: [opB.id],
      form: { fields: [{ key: 'topic', type: 'text', label: { zh: 'SECRET-SVC 主题', en: 'Topic' }, required: true }] },
      flowKey: 'secret.flow',
      status: 'published',
      feeFen: 7654321,
    }),
  );
  const requestB = await ok(mB.post('/api/service-requests', { serviceId: serviceB.id, values: { topic: 'SECRET-SREQ 乙园融资需求' } }));
  // Bookings of park B: a shared room and its enterprise's booking.
  const room = (parkId: string, nameZh: string) => ({ parkId, category: 'meeting_room', nameZh, nameEn: nameZh, location: nameZh, capacity: 8, opensAtMinute: 0, closesAtMinute: 1440, openWeekdays: [1, 2, 3, 4, 5, 6, 7], slotMinutes: 30, minMinutes: 30, maxMinutes: 240, feeFenPerHour: 1000 });
  const resourceB = await ok(root.post('/api/booking-resources', room(B.park.id, 'SECRET-RESOURCE 乙园会议室')));
  const bookingB = await ok(mB.post('/api/bookings', { resourceId: resourceB.id, title: 'SECRET-BOOKING 乙园路演', startsAt: shanghaiAt(2, 10).toISOString(), endsAt: shanghaiAt(2, 11).toISOString() }));

  // Training of park B's property company: a staff member on its roster and a recorded session of park B.
  const pcBCtx = { actor: { userId: opB.id, username: 'secretb.op', displayName: 'secretb.op', grants: [{ role: 'property' as const, scopeType: 'property_company' as const, scopeId: pcB.id }], via: 'session' as const, access: 'write' as const } };
  const staffB = await t.services.training.createStaff(pcBCtx, { propertyCompanyId: pcB.id, name: 'SECRET-TRSTAFF 乙园保安', post: 'security', phone: '13800138010' });
  const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const sessionB = await t.services.training.createSession(SYSTEM, { parkId: B.park.id, title: 'SECRET-TRSESS 乙园消防培训', topic: 'fire_safety', date: yesterday, time: '10:00', hours: 2, trainer: 'SECRET-TRSESS 教官', hasExam: true, passMark: 60, invite: [{ propertyCompanyId: pcB.id }] });
  await t.services.training.recordResults(SYSTEM, sessionB.id, { results: [{ staffId: staffB.id, attended: true, score: 77 }] });
  // Spot checks of park B: its own inspector assigned to park B's district records a check; park B's company responds.
  const inspB = await buildUser(t.services, 'secretb.insp', [{ role: 'inspector', scopeType: 'park', scopeId: B.park.id }]);
  const assignmentB = await ok(root.post('/api/spot-check-assignments', { parkId: B.park.id, districtId: distB.id, inspectorUserId: inspB.id, validFrom: '2020-01-01' }));
  const inspBClient = await t.login('secretb.insp', TEST_PASSWORD);
  const spotPhotoB = await ok(uploadFile(inspBClient, { data: await buildImage('png'), name: 'spot.png' }));
  const spotCheckB = await ok<{ id: string; findings: { id: string }[] }>(inspBClient.post('/api/spot-checks', { districtId: distB.id, area: 'SECRET-SPOTAREA 乙园配电房', findings: [{ description: 'SECRET-SPOTFIND 乙园配电柜未上锁', severity: 'critical', deadline: '2099-01-01', fileIds: [spotPhotoB.id] }] }));
  await buildUser(t.services, 'secretb.prop', [{ role: 'property', scopeType: 'property_company', scopeId: pcB.id }]);
  await ok((await t.login('secretb.prop', TEST_PASSWORD)).post(`/api/spot-check-findings/${spotCheckB.findings[0].id}/response`, { response: 'SECRET-SPOTFIX 已上锁' }));
  // On-site inspections of park B: a template, a route through its district, a schedule and a run with a finding (photo, work order).
  const inspTplB = await ok(root.post('/api/inspection-templates', { parkId: B.park.id, name: 'SECRET-INSP 乙园消防', items: [{ key: 'exit', label: 'SECRET-INSP 安全出口', kind: 'pass_fail', severity: 'critical' }] }));
  const inspRouteB = await ok(root.post('/api/inspection-routes', { parkId: B.park.id, name: 'SECRET-INSP 乙园路线', checkpoints: [{ key: 'b', name: 'SECRET-INSP 乙园检查点', kind: 'district', districtId: distB.id, templateId: inspTplB.id }] }));
  const inspScheduleB = await ok(root.post('/api/inspection-schedules', { routeId: inspRouteB.id, assigneeId: opB.id, dueDate: '2026-12-31' }));
  const inspPhotoB = await ok(uploadFile(root, { data: await buildImage('png'), name: 'SECRET-INSP 乙园照片.png' }));
  const inspRunB = await ok<{ id: string; results: { id: string }[] }>(
    root.post('/api/inspection-runs', { clientId: crypto.randomUUID(), routeId: inspRouteB.id, startedAt: new Date().toISOString(), note: 'SECRET-INSP 乙园备注', marks: [{ checkpointKey: 'b', itemKey: 'exit', passed: false, note: 'SECRET-INSP 堵塞', photoIds: [inspPhotoB.id] }] }),
  );
  // Drone patrols of park B: a mission of a drone on its route that flew and found something (a work order), and a thermal camera.
  const droneB = await ok<{ id: string }>(root.post('/api/devices', { code: 'SECRET-DRONE-1', name: 'SECRET-PATROL 乙园无人机', type: 'drone', parkId: B.park.id }));
  const missionB = await ok<{ id: string }>(root.post('/api/patrol-missions', { routeId: inspRouteB.id, droneId: droneB.id, name: 'SECRET-PATROL 乙园巡航', plannedAt: new Date().toISOString() }));
  await ok(root.post(`/api/patrol-missions/${missionB.id}/start`, {}));
  await t.services.deviceEvents.handle({ id: droneB.id, type: 'drone' } as never, { type: 'finding', attributes: { kind: 'debris', checkpoint: 'b', lat: 31.2, lng: 121.4 } });
  await ok(root.post('/api/devices', { code: 'SECRET-THERM-1', name: 'SECRET-PATROL 乙园入口测温', type: 'thermal_camera', parkId: B.park.id }));
  // Surveys of park B: an open survey of its district and its enterprise's answer with a comment.
  const surveyB = await ok(
    root.post('/api/surveys', {
      parkId: B.park.id,
      title: 'SECRET-SURVEY 乙园满意度',
      questions: [{ id: 'overall', kind: 'rating', title: '总体', required: true, scaleMax: 5 }, { id: 'comment', kind: 'text', title: '意见', required: false }],
      districtIds: [distB.id],
      opensOn: localToday,
      closesOn: localToday,
    }),
  );
  await ok(root.post(`/api/surveys/${surveyB.id}/open`));
  await ok(mB.post(`/api/surveys/${surveyB.id}/responses`, { answers: { overall: 2, comment: 'SECRET-SVANSWER 乙园电梯故障' } }));
  // Evaluation of park B: a scheme, a computed period with a manual score and its note.
  const evalSchemeB = await ok(
    root.post('/api/evaluation/schemes', {
      parkId: B.park.id,
      name: 'SECRET-EVAL 乙园考核',
      periodKind: 'month',
      indicators: [
        { key: 'svc', name: 'SECRET-IND 服务', weight: 60, source: { kind: 'sla_response' } },
        { key: 'manual', name: '评定', weight: 40, source: { kind: 'manual' } },
      ],
    }),
  );
  await ok(root.post(`/api/evaluation/schemes/${evalSchemeB.id}/activate`));
  const evalPeriodB = await ok(root.post('/api/evaluation/periods', { schemeId: evalSchemeB.id, label: '2026-10' }));
  await ok(root.post(`/api/evaluation/periods/${evalPeriodB.id}/manual`, { indicatorKey: 'manual', subjectKind: 'district', subjectId: distB.id, score: 80, note: 'SECRET-EVALNOTE 乙园评定' }));
  await ok(root.post(`/api/evaluation/periods/${evalPeriodB.id}/compute`));
  // Evaluation outcomes of park B: its company's bottom warning and review task, an appeal and an award nomination.
  const outcomesB = await seedOutcomesForSweep(t, { parkId: B.park.id, districtId: distB.id, propertyCompanyId: pcB.id, operatorUsername: 'secretb.op', propertyUsername: 'secretb.eoprop', secret: 'SECRET-EO' });
  evalReportPathsB = outcomesB.reportPaths;

  const auditB = await t.database.query<{ id: string }>(`select id::text as id from audit_log where park_id = $1 order by id desc limit 1`, [B.park.id]).catch(() => []);

  Object.assign(ids, {
    parkId: B.park.id,
    siteId: B.site.id,
    districtId: distB.id,
    buildingId: bldgB.id,
    floorId: floorB.id,
    unitId: unitB.id,
    enterpriseId: eB.id,
    userId: memberB.id,
    leadUserId: opB.id,
    memberId: memberB.id,
    deviceId: device.id,
    alarmRuleId: rule.id,
    ruleId: rule.id,
    teamId: team.id,
    lotId: lot.id,
    spaceId: spaces[0].id,
    billId: bill.id,
    passId: pass.id,
    propertyCompanyId: pcB.id,
    fileId: pendingUpload.id,
    serviceId: serviceB.id,
    resourceId: resourceB.id,
    inspectorUserId: inspB.id,
    schemeId: evalSchemeB.id,
    subjectId: distB.id,
  });
  const paymentId = payment.paymentId ?? payment.id ?? '';
  pathIds.push(
    ['/api/users/', () => memberB.id],
    ['/api/parks/', () => B.park.id],
    ['/api/sites/', () => B.site.id],
    ['/api/districts/', () => distB.id],
    ['/api/buildings/', () => bldgB.id],
    ['/api/floors/', () => floorB.id],
    ['/api/units/', () => unitB.id],
    ['/api/enterprises/{id}/vehicles', () => eB.id, () => vehicle.id],
    ['/api/enterprises/{id}/leases', () => eB.id, () => lease.id],
    ['/api/enterprises/{id}/parking-spaces', () => eB.id, () => space.id],
    ['/api/enterprises/', () => eB.id],
    ['/api/property-companies/', () => pcB.id],
    ['/api/property-contracts/', () => contractB.id],
    ['/api/leads/', () => lead.id],
    ['/api/devices/', () => device.id],
    ['/api/alarm-rules/', () => rule.id],
    ['/api/alarm-shelves/', () => shelf.id],
    ['/api/alarms/', () => alarm[0].id],
    ['/api/news/articles/', () => article.id],
    ['/api/news/feed/', () => article.id],
    ['/api/bills/', () => bill.id],
    ['/api/payments/', () => paymentId],
    ['/api/parking/lots/', () => lot.id],
    ['/api/parking/me/plates/', () => plate.id],
    ['/api/parking/reservations/', () => reservation.id],
    ['/api/work-orders/', () => wo.id, () => photo.id],
    ['/api/files/', () => photo.id],
    ['/api/work-order-teams/', () => team.id],
    ['/api/dispatch-rules/', () => dispatchRule.id],
    ['/api/passes/', () => pass.id],
    ['/api/events/', () => event.id],
    ['/api/ledger/entries/', () => auditB[0]?.id ?? '1'],
    ['/api/approval-flows/', () => flowB.id],
    ['/api/approval-cases/', () => caseB.id],
    ['/api/policies/', () => policyB.id],
    ['/api/policy-applications/', () => policyAppB.id],
    ['/api/return-to-work/campaigns/', () => campaignB.id],
    ['/api/return-to-work/submissions/', () => reportB.id],
    ['/api/return-to-work/flags/', () => flagB.id],
    ['/api/relief-programmes/', () => programmeB.id],
    ['/api/relief-applications/', () => reliefAppB.id],
    ['/api/services/', () => serviceB.id],
    ['/api/service-requests/', () => requestB.id],
    ['/api/booking-resources/', () => resourceB.id],
    ['/api/bookings/', () => bookingB.id],
    ['/api/training/staff/', () => staffB.id],
    ['/api/training/sessions/', () => sessionB.id],
    ['/api/spot-check-assignments/', () => assignmentB.id],
    ['/api/spot-checks/', () => spotCheckB.id],
    ['/api/spot-check-findings/', () => spotCheckB.findings[0].id],
    ['/api/inspection-templates/', () => inspTplB.id],
    ['/api/inspection-routes/', () => inspRouteB.id],
    ['/api/inspection-schedules/', () => inspScheduleB.id],
    ['/api/inspection-runs/', () => inspRunB.id],
    ['/api/inspection-findings/', () => inspRunB.results[0].id],
    ['/api/patrol-missions/', () => missionB.id],
    ['/api/surveys/', () => surveyB.id],
    ['/api/evaluation/schemes/', () => evalSchemeB.id],
    ['/api/evaluation/periods/', () => evalPeriodB.id],
    ['/api/evaluation/appeals/', () => outcomesB.appealId],
    ['/api/evaluation/review-tasks/', () => outcomesB.taskId],
    ['/api/evaluation/warning-rules/', () => B.park.id],
  );
  ids.policyId = policyB.id;
  ids.programmeId = programmeB.id;
  ids.registrationId = registration.id;

  // Park A's records, for the mixed sweep (A in the path, B in the body).
  const eA = await ok(root.post('/api/enterprises', { parkId: A.park.id, siteId: A.site.id, legalName: '甲园企业有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138005' }));
  const deviceA = await ok(root.post('/api/devices', { code: 'A-DEV-1', name: '甲园冷机', type: 'environment_sensor', parkId: A.park.id, buildingId: A.building.id }));
  const ruleA = await ok(root.post('/api/alarm-rules', { parkId: A.park.id, name: '甲园过热', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 2, severity: 'critical' }));
  const alarmA = await t.database.query<{ id: string }>(
    `insert into alarms (rule_id, device_id, park_id, site_id, building_id, severity, message, last_value, first_at, last_at) values ($1, $2, $3, $4, $5, 'critical', '甲园过热', 99, now(), now()) returning id::text as id`,
    [ruleA.id, deviceA.id, A.park.id, A.site.id, A.building.id],
  );
  const teamA = await ok(root.post('/api/work-order-teams', { parkId: A.park.id, name: '甲园维修', kind: 'operator' }));
  const woA = await ok(root.post('/api/work-orders', { parkId: A.park.id, source: 'operator', title: '甲园灯不亮', buildingId: A.building.id }));
  const lotA = await ok(root.post('/api/parking/lots', { parkId: A.park.id, siteId: A.site.id, name: '甲园车场', capacity: 5, freeMinutes: 0, hourlyFen: 500, dailyCapFen: 4000, nightStartMinute: 1320, nightEndMinute: 420, nightHourlyFen: 100 }));
  const drA = await ok(root.post('/api/dispatch-rules', { parkId: A.park.id, name: '甲园规则', minSeverity: 'critical', category: 'electrical', priority: 'high' }));
  const eventA = await ok(root.post('/api/events', { parkId: A.park.id, title: '甲园沙龙', location: '甲园', startsAt: '2030-01-02T10:00:00Z', endsAt: '2030-01-02T12:00:00Z', capacity: 10, registrationOpensAt: '2026-01-01T00:00:00Z', registrationClosesAt: '2030-01-02T08:00:00Z' }));
  const articleA = await ok(root.post('/api/news/articles', { title: '甲园通知', bodyHtml: '<p>x</p>', category: 'notice', target: { type: 'park', parkId: A.park.id }, publish: false }));
  const resourceA = await ok(root.post('/api/booking-resources', room(A.park.id, '甲园会议室')));
  ownPathIds.push(
    ['/api/booking-resources/', () => resourceA.id],
    ['/api/sites/', () => A.site.id],
    ['/api/districts/', () => A.district.id],
    ['/api/buildings/', () => A.building.id],
    ['/api/floors/', () => A.floor.id],
    ['/api/units/', () => A.units[1].id],
    ['/api/enterprises/', () => eA.id],
    ['/api/devices/', () => deviceA.id],
    ['/api/alarm-rules/', () => ruleA.id],
    ['/api/alarms/', () => alarmA[0].id],
    ['/api/work-orders/', () => woA.id],
    ['/api/work-order-teams/', () => teamA.id],
    ['/api/dispatch-rules/', () => drA.id],
    ['/api/parking/lots/', () => lotA.id],
    ['/api/events/', () => eventA.id],
    ['/api/news/articles/', () => articleA.id],
  );

  await buildUser(t.services, 'op.a', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'prop.a', [{ role: 'property', scopeType: 'property_company', scopeId: pcA.id }]);
  const inspAUser = await buildUser(t.services, 'insp.a', [{ role: 'inspector', scopeType: 'all', scopeId: null }]);
  await ok(root.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: A.district.id, inspectorUserId: inspAUser.id, validFrom: '2020-01-01' }));
  inspA = await t.login('insp.a', TEST_PASSWORD);
  opA = await t.login('op.a', TEST_PASSWORD);
  propA = await t.login('prop.a', TEST_PASSWORD);
}, 60_000);
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

/** Routes that act on the caller themself, or that are public by token; they are not about park B. */
const SELF = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  // Self-registration and an invitation link's preview are public by token; membership.routes.test.ts covers them.
  'POST /api/auth/register',
  'GET /api/invitations/{token}',
  'POST /api/api-tokens',
  'DELETE /api/api-tokens/{id}',
  'POST /api/notifications/read-all',
  'POST /api/notifications/{id}/read',
  'POST /api/event-feeds/me',
  'GET /api/event-feeds/{token}',
  'GET /api/visitor-passes/{token}',
  'POST /api/payment-notifications/{provider}',
  'POST /api/ingest/telemetry',
  'POST /api/ingest/events',
  'POST /api/parking/me/plates',
  // Signs a tree head over the whole audit log (operators of any park may); no park's data in it.
  'POST /api/ledger/heads',
  // Shared directories, not any park's data: a new property company (the list shows every company's name to operators, not its contracts elsewhere) and an uploaded image.
  'POST /api/property-companies',
  'POST /api/news/images',
  // A server-sent event stream that never ends; live.routes.test.ts covers its scoping.
  'GET /api/live',
]);

function urlOf(op: Operation, table = pathIds): string {
  const entry = table.find(([prefix]) => op.path.startsWith(prefix));
  let url = op.path;
  if (entry) url = url.replace('{id}', entry[1]()).replace('{childId}', entry[2]?.() ?? entry[1]());
  return url
    .replace('{registrationId}', ids.registrationId)
    .replace('{auditId}', pathIds.find(([p]) => p === '/api/ledger/entries/')![1]())
    .replace('{deviceType}', 'environment_sensor')
    .replace('{provider}', 'sandbox')
    .replace('{kind}', 'district')
    .replace('{subjectId}', ids.subjectId);
}

function queryOf(op: Operation): string {
  const q = op.queryParams.filter((p) => p in ids).map((p) => `${p}=${ids[p]}`);
  if (op.queryParams.includes('pageSize')) q.push('pageSize=200');
  if (op.queryParams.includes('subjectKind')) q.push('subjectKind=district');
  return q.length ? `?${q.join('&')}` : '';
}

/** Writes last, deletes after them, so a refused write has the whole of park B to refuse. */
const ORDER = { GET: 0, POST: 1, PATCH: 1, PUT: 1, DELETE: 2 };

describe('park scope isolation', () => {
  test('the sweep reaches park B’s data: a global operator’s GETs show every distinctive value', async () => {
    const ops = (await openApiOperations(t)).filter((o) => o.method === 'GET' && !SELF.has(`${o.method} ${o.path}`));
    const seen = new Set<string>();
    for (const op of ops) {
      for (const u of [urlOf(op), `${urlOf(op)}${queryOf(op)}`]) for (const s of leaksIn(secrets, (await root.get(u)).body)) seen.add(s);
    }
    expect(secrets.filter((s) => !seen.has(s))).toEqual([]);
  }, 120_000);

  test('park B’s evaluation reports are 404 to park A’s operator and property staff', async () => {
    expect(evalReportPathsB).toHaveLength(2);
    for (const url of evalReportPathsB)
      for (const client of [opA, propA]) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('SECRET');
      }
  });

  test('no route shows or changes park B’s data for park A’s operator, property staff or inspector', async () => {
    const ops = (await openApiOperations(t)).filter((o) => !SELF.has(`${o.method} ${o.path}`)).sort((a, b) => ORDER[a.method] - ORDER[b.method]);
    const changes = await installChangeLog(t.database, IGNORED_TABLES);
    const failures: string[] = [];
    const refusedByValidation: string[] = [];
    let calls = 0;
    for (const op of ops) {
      for (const client of [opA, propA, inspA]) {
        const url = urlOf(op);
        if (op.method === 'GET') {
          for (const u of [url, `${url}${queryOf(op)}`]) {
            const res = await client.get(u);
            calls++;
            const leaked = leaksIn(secrets, res.body);
            if (leaked.length) failures.push(`${client.username} GET ${u} → ${res.statusCode} leaks ${leaked.join(', ')}`);
          }
          continue;
        }
        const mark = await changes.mark();
        const payload = op.method === 'DELETE' ? undefined : (sampleBody(op.bodySchema, BODY_IDS()) as never);
        const res = await client.request({ method: op.method, url, payload });
        calls++;
        const changed = await changes.changedSince(mark);
        const leaked = leaksIn(secrets, res.body);
        if (res.statusCode < 400 || changed.length || leaked.length) {
          failures.push(`${client.username} ${op.method} ${url} → ${res.statusCode}${changed.length ? ` changed ${changed.join(', ')}` : ''}${leaked.length ? ` leaks ${leaked.join(', ')}` : ''}`);
        } else if (res.statusCode === 400) refusedByValidation.push(`${client.username} ${op.method} ${op.path} ${res.body.slice(0, 160)}`);
      }
    }
    expect(calls).toBeGreaterThan(300);
    if (process.env.SWEEP_VERBOSE) console.log(['400s:', ...refusedByValidation, 'FAILURES:', ...failures].join('\n'));
    expect(failures).toEqual([]);
  }, 180_000);
});

describe('park scope isolation: files', () => {
  test('park B’s photo is 404 for park A’s operator, property staff and inspector, as a guessed id is; a global operator reads it', async () => {
    for (const url of [`/api/files/${photoB}`, `/api/files/${photoB}/thumbnail`, `/api/files/${photoB}/info`]) {
      for (const client of [opA, propA, inspA]) expect((await client.get(url)).statusCode, `${client.username} ${url}`).toBe(404);
      expect((await root.get(url)).statusCode, url).toBe(200);
    }
  });
});

describe('park scope isolation: park A’s records in the path, park B’s in the body', () => {
  test('no write of park A’s operator links park B’s records into park A', async () => {
    const ops = (await openApiOperations(t)).filter((o) => o.method !== 'GET' && o.method !== 'DELETE' && o.bodySchema && !SELF.has(`${o.method} ${o.path}`));
    const body = { ...BODY_IDS(), parkId: A.park.id, target: { type: 'park', parkId: A.park.id } };
    const accepted: string[] = [];
    for (const op of ops) {
      if (op.path.includes('{') && !ownPathIds.some(([prefix]) => op.path.startsWith(prefix))) continue;
      const payload = sampleBody(op.bodySchema, body) as Record<string, unknown>;
      const named = Object.entries(ids).filter(([k]) => k !== 'parkId' && JSON.stringify(payload).includes(ids[k])).map(([k]) => k);
      if (!named.length) continue;
      const res = await opA.request({ method: op.method, url: urlOf(op, ownPathIds), payload: payload as never });
      if (res.statusCode < 400) accepted.push(`${op.method} ${op.path} with park B's ${named.join(', ')} → ${res.statusCode}`);
    }
    if (process.env.SWEEP_VERBOSE) console.log(accepted.join('\n'));
    expect(accepted).toEqual([]);
  }, 120_000);
});

const IGNORED_TABLES = ['sessions'];
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const at = (hours: number): string => new Date(Date.now() + hours * 3600_000).toISOString();
/** Field values that pass validation, so a write reaches its permission check. */
const BODY_IDS = (): Record<string, unknown> => ({
  ...ids,
  target: { type: 'park', parkId: ids.parkId },
  scope: 'device',
  phone: '13800138009',
  contactPhone: '13800138009',
  period: '2026-12',
  plate: '川B12345',
  returnUrl: '/bills',
  contentType: 'image/png',
  dataBase64: PNG.toString('base64'),
  startDate: '2026-12-01',
  endDate: '2027-12-01',
  validFrom: '2026-12-01',
  validTo: '2026-12-02',
  startsAt: at(48),
  endsAt: at(50),
  registrationOpensAt: at(1),
  registrationClosesAt: at(40),
  from: at(0),
  until: at(24),
  source: 'patrol',
  grants: [{ role: 'operator', scopeType: 'park', scopeId: ids.parkId }],
  movedInAt: '2026-01-01',
  dueDate: '2026-12-31',
  creditCode: buildCreditCode(),
  status: undefined,
});
