import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildEnterprise, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { addDays, localDay } from './returnwork.rules';
import type { CampaignView, OverviewView, SubmissionView } from './returnwork.schema';

let t: TestApp;
let A: BuiltPark;
let B: BuiltPark;
let eA: { id: string; legalName: string };
let eB: { id: string; legalName: string };
let op: TestClient;
let opB: TestClient;
let adminA: TestClient;
let adminB: TestClient;
let memberA: TestClient;
let campaign: CampaignView;
const today = localDay(new Date());
const yesterday = addDays(today, -1);

/** Valid standard values with people on site set. */
const values = (onSite: number, extra: Record<string, unknown> = {}) => ({
  peopleReturned: onSite,
  peopleOnSite: onSite,
  peopleFromRiskAreas: 0,
  healthChecksDone: onSite,
  preventionMeasures: '每日测温两次，公共区域消毒',
  contactName: '王敏',
  contactPhone: '13800138001',
  ...extra,
});

/** `people` distinct visitors of the enterprise let in at a gate today (accepted scans, some people twice). */
async function seedGateScans(enterpriseId: string, parkId: string, people: number) {
  const gateId = crypto.randomUUID();
  const at = new Date(Math.max(Date.now() - 60_000, Date.parse(`${today}T00:00:00+08:00`) + 1000));
  for (let i = 0; i < people; i++) {
    const [p] = await t.database.query<{ id: string }>(
      `insert into passes (kind, park_id, enterprise_id, visitor_name, valid_from, valid_to) values ('visitor', $1, $2, $3, now() - interval '1 day', now() + interval '1 day') returning id::text as id`,
      [parkId, enterpriseId, `访客${i}`],
    );
    // The first three people came through twice: still three people.
    for (let k = 0; k < (i < 3 ? 2 : 1); k++)
      await t.database.query(`insert into pass_scans (gate_id, park_id, pass_id, holder_kind, nonce, result, reason, via, scanned_at) values ($1, $2, $3, 'visitor', $4, 'accepted', 'ok', 'http', $5)`, [gateId, parkId, p.id, crypto.randomUUID(), at]);
  }
  // A refused scan is no one let in.
  await t.database.query(`insert into pass_scans (gate_id, park_id, pass_id, holder_kind, nonce, result, reason, via, scanned_at) values ($1, $2, null, null, $3, 'rejected', 'expired', 'http', $4)`, [gateId, parkId, crypto.randomUUID(), at]);
}

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services);
  eA = await buildEnterprise(t.services, A.park.id, A.site.id, '复工甲科技有限公司');
  eB = await buildEnterprise(t.services, A.park.id, A.site.id, '复工乙科技有限公司');
  await t.services.parks.createLease(SYSTEM, eA.id, { unitId: A.units[0].id, startDate: '2026-01-01', endDate: '2028-12-31', monthlyRentFen: 100_000 });
  await buildUser(t.services, 'rtw.op', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'rtw.opB', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  await buildUser(t.services, 'rtw.adminA', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eA.id }]);
  await buildUser(t.services, 'rtw.adminB', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: eB.id }]);
  await buildUser(t.services, 'rtw.memberA', [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }]);
  await buildUser(t.services, 'rtw.memberA2', [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }]);
  op = await t.login('rtw.op', TEST_PASSWORD);
  opB = await t.login('rtw.opB', TEST_PASSWORD);
  adminA = await t.login('rtw.adminA', TEST_PASSWORD);
  adminB = await t.login('rtw.adminB', TEST_PASSWORD);
  memberA = await t.login('rtw.memberA', TEST_PASSWORD);
  const res = await op.post('/api/return-to-work/campaigns', {
    parkId: A.park.id,
    name: '复工复产日报',
    cadence: 'daily',
    startDate: addDays(today, -3),
    endDate: addDays(today, 3),
    deadlineTime: '23:59',
    extraForm: { fields: [{ key: 'masksInStock', type: 'integer', label: { zh: '口罩库存', en: 'Masks in stock' }, required: false, min: 0 }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  campaign = res.json();
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

const submit = (client: TestClient, periodStart: string, v: Record<string, unknown>, campaignId = campaign.id) => client.post(`/api/return-to-work/campaigns/${campaignId}/submissions`, { periodStart, values: v });

describe('return-to-work campaigns', () => {
  test('a campaign keeps the standard form plus the operator’s field, daily periods and default thresholds', () => {
    expect(campaign.form.fields.map((f) => f.key)).toEqual(['peopleReturned', 'peopleOnSite', 'peopleFromRiskAreas', 'healthChecksDone', 'preventionMeasures', 'contactName', 'contactPhone', 'masksInStock']);
    expect(campaign.periods).toHaveLength(7);
    expect(campaign.currentPeriod?.start).toBe(today);
    expect(campaign.thresholds.gateScanMinRatio).toBe(0.5);
  });

  test.each([
    [{ endDate: '2020-01-01' }, 'body.endDate'],
    [{ cadence: 'hourly' }, 'body.cadence'],
    [{ deadlineTime: '25:00' }, 'body.deadlineTime'],
    [{ extraForm: { fields: [{ key: 'peopleOnSite', type: 'text', label: { zh: '重复', en: 'Dup' } }] } }, 'body.extraForm.fields.0.key'],
    [{ target: 'building' }, 'body.buildingId'],
  ])('a bad campaign (%j) is a 400 naming %s', async (patch, field) => {
    const res = await op.post('/api/return-to-work/campaigns', { parkId: A.park.id, name: '坏任务', cadence: 'daily', startDate: today, endDate: addDays(today, 1), deadlineTime: '10:00', ...patch });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field)).toContain(field);
  });

  test('only operators of the park open campaigns; another park’s operator and enterprise people do not see them', async () => {
    for (const client of [opB, adminA, memberA]) {
      const res = await client.post('/api/return-to-work/campaigns', { parkId: A.park.id, name: 'x', cadence: 'daily', startDate: today, endDate: today, deadlineTime: '10:00' });
      expect(res.statusCode).toBe(403);
    }
    expect((await opB.get(`/api/return-to-work/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await opB.get('/api/return-to-work/campaigns')).json()).toEqual([]);
    expect((await memberA.get(`/api/return-to-work/campaigns/${campaign.id}`)).statusCode).toBe(404);
    const mine = (await adminA.get('/api/return-to-work/campaigns')).json() as CampaignView[];
    expect(mine.map((c) => c.id)).toContain(campaign.id);
    expect(mine.find((c) => c.id === campaign.id)?.mySubmittedCurrent).toBe(false);
  });
});

describe('submissions and comparison', () => {
  test('bad values are a 400 naming each field, and nothing is stored', async () => {
    const res = await submit(adminA, yesterday, { ...values(5), peopleOnSite: 'many', contactPhone: undefined });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.values.peopleOnSite', 'body.values.contactPhone']));
    expect((await submit(adminA, addDays(today, 1), values(5))).statusCode).toBe(400);
    expect((await submit(adminA, '2020-01-01', values(5))).statusCode).toBe(400);
    const rows = await t.database.query<{ n: number }>('select count(*)::int as n from rtw_submissions where campaign_id = $1', [campaign.id]);
    expect(rows[0].n).toBe(0);
  });

  test('a member (not an admin) may not report', async () => {
    expect((await submit(memberA, yesterday, values(5))).statusCode).toBe(404);
  });

  test('more people on site than registered members is flagged with the figures', async () => {
    const res = await submit(adminA, yesterday, values(5));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as SubmissionView;
    expect(s.flags.map((f) => [f.code, f.params])).toEqual([['exceeds_members', { current: 5, members: 3, margin: 0 }]]);
    expect(s.buildingName).toBe(A.building.name);
  });

  test('the registered headcount of the enterprise’s profile counts as registered members', async () => {
    const big = await t.services.parks.createEnterprise(SYSTEM, { parkId: A.park.id, siteId: A.site.id, legalName: '复工丙科技有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'medium', employeeCount: 50, contactPhone: '13800138002' });
    await buildUser(t.services, 'rtw.adminC', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: big.id }]);
    const adminC = await t.login('rtw.adminC', TEST_PASSWORD);
    const other = (await op.post('/api/return-to-work/campaigns', { parkId: A.park.id, name: '登记人数测试', cadence: 'daily', startDate: yesterday, endDate: today, deadlineTime: '23:59' })).json() as CampaignView;
    const within = (await submit(adminC, yesterday, values(40), other.id)).json() as SubmissionView;
    expect(within.flags.map((f) => f.code)).not.toContain('exceeds_members');
    const above = (await submit(adminC, today, values(55), other.id)).json() as SubmissionView;
    expect(above.flags.find((f) => f.code === 'exceeds_members')?.params).toEqual({ current: 55, members: 50, margin: 0 });
    // Moved out: no longer asked, so the overview below counts two enterprises.
    await t.database.query(`update enterprises set status = 'moved_out' where id = $1`, [big.id]);
  });

  test('after the deadline a period’s report can no longer be corrected (409), and stays one', async () => {
    const res = await submit(adminA, yesterday, values(6));
    expect(res.statusCode).toBe(409);
    const rows = await t.database.query<{ n: number; on_site: number }>('select count(*)::int as n, max(people_on_site)::int as on_site from rtw_submissions where campaign_id = $1 and period_start = $2', [campaign.id, yesterday]);
    expect(rows[0]).toEqual({ n: 1, on_site: 5 });
  });

  test('80 on site while 12 distinct people were scanned at the gates: flagged against gate pass scans and the previous period', async () => {
    await seedGateScans(eA.id, A.park.id, 12);
    const res = await submit(adminA, today, values(80, { masksInStock: 500 }));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as SubmissionView;
    const byCode = Object.fromEntries(s.flags.map((f) => [f.code, f.params]));
    expect(byCode.gate_scans_low).toEqual({ current: 80, scanned: 12, minRatio: 0.5, gapPeople: 10 });
    expect(byCode.previous_period_change).toMatchObject({ previous: 5, current: 80 });
    expect(byCode.exceeds_members).toMatchObject({ current: 80, members: 3 });
  });

  test('a correction before the deadline replaces the report as an audited revision and compares again', async () => {
    const res = await submit(adminA, today, values(14));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as SubmissionView;
    expect(s.revision).toBe(2);
    expect(s.flags.map((f) => f.code)).toEqual(['exceeds_members']);
    const rows = await t.database.query<{ n: number }>('select count(*)::int as n from rtw_submissions where campaign_id = $1 and enterprise_id = $2 and period_start = $3', [campaign.id, eA.id, today]);
    expect(rows[0].n).toBe(1);
    const audit = await t.database.query<{ before: { revision: number }; after: { revision: number } }>(`select before, after from audit_log where action = 'rtw_submission.revised' and entity_id = $1`, [s.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].before.revision).toBe(1);
    expect(audit[0].after.revision).toBe(2);
    // Back to 80 for the overview below.
    expect((await submit(adminA, today, values(80))).json().revision).toBe(3);
  });

  test('another enterprise’s submission is a 404 and absent from its admin’s list', async () => {
    const own = (await adminA.get(`/api/return-to-work/campaigns/${campaign.id}/submissions`)).json() as SubmissionView[];
    expect(own.length).toBe(2);
    expect((await adminB.get(`/api/return-to-work/submissions/${own[0].id}`)).statusCode).toBe(404);
    expect((await opB.get(`/api/return-to-work/submissions/${own[0].id}`)).statusCode).toBe(404);
    const listB = await adminB.get(`/api/return-to-work/campaigns/${campaign.id}/submissions?enterpriseId=${eA.id}`);
    expect(listB.json()).toEqual([]);
    expect(listB.body).not.toContain(eA.legalName);
    expect((await adminB.get(`/api/return-to-work/campaigns/${campaign.id}/overview`)).statusCode).toBe(403);
  });
});

describe('overview, follow-up and export', () => {
  test('the overview shows the submission rate per period, flags and missing reports', async () => {
    const res = await op.get(`/api/return-to-work/campaigns/${campaign.id}/overview`);
    expect(res.statusCode).toBe(200);
    const o = res.json() as OverviewView;
    expect(o.periods.map((p) => p.start)).toEqual([addDays(today, -3), addDays(today, -2), yesterday, today]);
    const todayRow = o.periods.at(-1)!;
    expect(todayRow).toMatchObject({ expected: 2, submitted: 1, rate: 0.5 });
    expect(o.flags.some((f) => f.code === 'gate_scans_low' && f.enterpriseName === eA.legalName)).toBe(true);
    expect(o.buildings.find((b) => b.buildingName === A.building.name)?.series.at(-1)).toMatchObject({ submitted: 1, peopleOnSite: 80 });
    expect(o.missing.filter((m) => m.periodStart === yesterday).map((m) => m.enterpriseId)).toEqual([eB.id]);
  });

  test('an operator marks a flag followed up with a note; another park’s operator gets 404', async () => {
    const o = (await op.get(`/api/return-to-work/campaigns/${campaign.id}/overview`)).json() as OverviewView;
    const flag = o.flags.find((f) => f.code === 'gate_scans_low')!;
    expect((await opB.post(`/api/return-to-work/flags/${flag.id}/follow-up`, { note: '看看' })).statusCode).toBe(404);
    expect((await adminA.post(`/api/return-to-work/flags/${flag.id}/follow-up`, { note: '看看' })).statusCode).toBe(404);
    expect((await op.post(`/api/return-to-work/flags/${flag.id}/follow-up`, { note: '' })).statusCode).toBe(400);
    const res = await op.post(`/api/return-to-work/flags/${flag.id}/follow-up`, { note: '已电话核实：部分员工走货运通道' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'followed_up', note: '已电话核实：部分员工走货运通道' });
  });

  test('the Excel export holds every submission with its values and flags', async () => {
    const res = await op.get(`/api/return-to-work/campaigns/${campaign.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(3);
    const header = (ws.getRow(1).values as unknown[]).map(String);
    expect(header).toContain('在岗人数 People on site');
    const rows = [2, 3].map((i) => (ws.getRow(i).values as unknown[]).map(String).join('|'));
    expect(rows.some((r) => r.includes(eA.legalName) && r.includes('|80|') && r.includes('gate'))).toBe(true);
    expect((await adminA.get(`/api/return-to-work/campaigns/${campaign.id}/export`)).statusCode).toBe(403);
  });
});

describe('comparison with parking entries', () => {
  test('more of the enterprise’s vehicles entered than people reported on site: flagged with the count', async () => {
    const lot = await op.post('/api/parking/lots', { parkId: A.park.id, siteId: A.site.id, name: '复工测试车场', capacity: 50, freeMinutes: 0, hourlyFen: 500, dailyCapFen: 4000, nightStartMinute: 1320, nightEndMinute: 420, nightHourlyFen: 100 });
    expect(lot.statusCode, lot.body).toBe(201);
    const plates = ['川A1F001', '川A1F002', '川A1F003', '川A1F004', '川A1F005', '川A1F006', '川A1F007', '川A1F008'];
    for (const plate of plates) await t.services.parks.addVehicle(SYSTEM, eB.id, { plate });
    // Every vehicle of the enterprise in, one of them twice (in, out, in): eight vehicles; a stranger's car does not count.
    for (const [i, plate] of [...plates, '川A1F001', '川A9Z999'].entries()) {
      if (i === 8) expect((await op.post(`/api/parking/lots/${lot.json().id}/reads`, { plate, direction: 'exit', eventId: `rtw-exit-${i}` })).statusCode).toBeLessThan(300);
      const res = await op.post(`/api/parking/lots/${lot.json().id}/reads`, { plate, direction: 'entry', eventId: `rtw-entry-${i}` });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    const c = (await op.post('/api/return-to-work/campaigns', { parkId: A.park.id, name: '停车比对', cadence: 'daily', startDate: today, endDate: today, deadlineTime: '23:59' })).json() as CampaignView;
    const s = (await submit(adminB, today, values(1), c.id)).json() as SubmissionView;
    expect(s.flags.find((f) => f.code === 'parking_entries_high')?.params).toEqual({ current: 1, vehicles: 8, margin: 5 });
  });
});

describe('one report per enterprise and period', () => {
  test('two reports sent at once leave one row: the later is a revision of the earlier', async () => {
    const c = (await op.post('/api/return-to-work/campaigns', { parkId: A.park.id, name: '并发测试', cadence: 'weekly', startDate: today, endDate: addDays(today, 6), deadlineTime: '23:59' })).json() as CampaignView;
    const results = await Promise.all([submit(adminB, today, values(3), c.id), submit(adminB, today, values(4), c.id)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => (r.json() as SubmissionView).revision).sort()).toEqual([1, 2]);
    const rows = await t.database.query<{ n: number; revision: number }>('select count(*)::int as n, max(revision)::int as revision from rtw_submissions where campaign_id = $1', [c.id]);
    expect(rows[0]).toEqual({ n: 1, revision: 2 });
  });
});

describe('reminders', () => {
  test('enterprises that missed the deadline are reminded once, however often the job runs', async () => {
    const res = await op.post('/api/return-to-work/campaigns', { parkId: A.park.id, name: '提醒测试', cadence: 'daily', startDate: today, endDate: addDays(today, 1), deadlineTime: '00:00' });
    expect(res.statusCode).toBe(201);
    const c = res.json() as CampaignView;
    expect((await submit(adminB, today, values(1), c.id)).statusCode).toBe(200);
    const notes = async () => (await t.database.query<{ n: number }>(`select count(*)::int as n from notifications where kind = 'rtw.reminder' and entity_id = $1`, [c.id]))[0].n;
    expect(await t.services.returnWork.remindOverdue()).toBeGreaterThanOrEqual(1);
    const reminded = await t.database.query<{ enterprise_id: string }>('select enterprise_id::text from rtw_reminders where campaign_id = $1', [c.id]);
    expect(reminded.map((r) => r.enterprise_id)).toEqual([eA.id]);
    expect(await notes()).toBe(1);
    const again = await Promise.all([t.services.returnWork.remindOverdue(), t.services.returnWork.remindOverdue()]);
    expect(again).toEqual([0, 0]);
    expect(await notes()).toBe(1);
    const bell = (await adminA.get('/api/notifications')).json().items as { kind: string; title: string | null; params: Record<string, unknown> }[];
    expect(bell.map((n) => [n.kind, n.title, n.params.campaign])).toEqual([['rtw.reminder', null, expect.stringContaining('提醒测试')]]);
  });
});

describe('editing and closing a campaign', () => {
  const open = async (name: string) => {
    const res = await op.post('/api/return-to-work/campaigns', { parkId: A.park.id, name, cadence: 'daily', startDate: yesterday, endDate: addDays(today, 5), deadlineTime: '00:00' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CampaignView;
  };
  const fieldsOf = (res: { json(): unknown }) => (res.json() as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field);

  test('an operator renames an open campaign and moves its end date: audited, periods follow', async () => {
    const c = await open('待改名任务');
    const res = await op.patch(`/api/return-to-work/campaigns/${c.id}`, { name: '复工复产日报（延长）', endDate: addDays(today, 9) });
    expect(res.statusCode, res.body).toBe(200);
    const u = res.json() as CampaignView;
    expect(u.name).toBe('复工复产日报（延长）');
    expect(u.endDate).toBe(addDays(today, 9));
    expect(u.periods).toHaveLength(11);
    const [a] = await t.database.query<{ before: { name: string }; after: { name: string; endDate: string } }>("select before, after from audit_log where entity_id = $1 and action = 'rtw_campaign.updated'", [c.id]);
    expect(a.before.name).toBe('待改名任务');
    expect(a.after).toEqual({ name: '复工复产日报（延长）', endDate: addDays(today, 9) });
  });

  test('a bad edit is a 400 naming the field: end before start, or before a period already reported for', async () => {
    const c = await open('改期校验');
    expect(fieldsOf(await op.patch(`/api/return-to-work/campaigns/${c.id}`, { endDate: addDays(yesterday, -1) }))).toContain('body.endDate');
    expect(fieldsOf(await op.patch(`/api/return-to-work/campaigns/${c.id}`, { name: '  ' }))).toContain('body.name');
    expect((await submit(adminA, today, values(3), c.id)).statusCode).toBe(200);
    const res = await op.patch(`/api/return-to-work/campaigns/${c.id}`, { endDate: yesterday });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain('body.endDate');
    expect((await op.patch(`/api/return-to-work/campaigns/${c.id}`, { endDate: today })).statusCode).toBe(200);
  });

  test('only the park’s operators edit or close: an admin gets 403, another park’s operator 404', async () => {
    const c = await open('权限校验');
    expect((await adminA.patch(`/api/return-to-work/campaigns/${c.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await adminA.post(`/api/return-to-work/campaigns/${c.id}/close`, {})).statusCode).toBe(403);
    expect((await opB.patch(`/api/return-to-work/campaigns/${c.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await opB.post(`/api/return-to-work/campaigns/${c.id}/close`, {})).statusCode).toBe(404);
    expect(((await op.get(`/api/return-to-work/campaigns/${c.id}`)).json() as CampaignView).status).toBe('open');
  });

  test('a closed campaign takes no reports, sends no reminders and can no longer be edited or closed again (409 closed)', async () => {
    const c = await open('待关闭任务');
    const res = await op.post(`/api/return-to-work/campaigns/${c.id}/close`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as CampaignView).status).toBe('closed');
    const [a] = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where entity_id = $1 and action = 'rtw_campaign.closed'", [c.id]);
    expect(a.n).toBe(1);
    const late = await submit(adminA, today, values(3), c.id);
    expect(late.statusCode).toBe(409);
    expect((late.json() as { details: { reason: string } }).details.reason).toBe('closed');
    await t.services.returnWork.remindOverdue();
    const [r] = await t.database.query<{ n: number }>('select count(*)::int as n from rtw_reminders where campaign_id = $1', [c.id]);
    expect(r.n).toBe(0);
    for (const again of [await op.post(`/api/return-to-work/campaigns/${c.id}/close`, {}), await op.patch(`/api/return-to-work/campaigns/${c.id}`, { name: '关闭后改名' })]) {
      expect(again.statusCode).toBe(409);
      expect((again.json() as { details: { reason: string } }).details.reason).toBe('closed');
    }
    expect(((await op.get(`/api/return-to-work/campaigns/${c.id}`)).json() as CampaignView).name).toBe('待关闭任务');
  });
});
