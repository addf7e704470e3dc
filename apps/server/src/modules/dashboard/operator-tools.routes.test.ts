import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildOperatorParks, buildUser, TEST_PASSWORD, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { parkToday } from './dashboard.service';

let t: TestApp;
let op: TestClient;
let opB: TestClient;
let built: BuiltPark;
let e1: { id: string; legalName: string };
let e2: { id: string; legalName: string };
const SECRET = 'SECRET-账单-7f3a';
const { from: todayFrom, month } = parkToday();

async function readSheet(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ built, op, opB } = await buildOperatorParks(t, ['tools.op', 'tools.opB']));
  e1 = await buildEnterprise(t.services, built.park.id, built.site.id, '甲科技有限公司');
  e2 = await buildEnterprise(t.services, built.park.id, built.site.id, `乙软件有限公司${SECRET}`);
  // Two bills alike but for their payer: the list must tell them apart.
  for (const e of [e1, e2]) {
    const res = await op.post('/api/bills', { enterpriseId: e.id, kind: 'utilities', period: month, title: `${month} 水电费`, amountFen: 86_450, dueDate: `${month}-28` });
    expect(res.statusCode, res.body).toBe(201);
  }
  // One of the month's two bills is paid: the collection rate is one half.
  await t.database.query(`update bills set status = 'paid', paid_at = now() where enterprise_id = $1`, [e1.id]);
  const gate = (await t.database.query<{ id: string }>(`insert into devices (code, name, type, park_id, site_id) values ('gate-t1', '东门闸机', 'gate_camera', $1, $2) returning id`, [built.park.id, built.site.id]))[0];
  await t.database.query(
    `insert into passes (kind, park_id, enterprise_id, visitor_name, valid_from, valid_to) values ('visitor', $1, $2, '访客甲', now() - interval '1 hour', now() + interval '3 hours')`,
    [built.park.id, e1.id],
  );
  await t.database.query(
    `insert into pass_scans (gate_id, park_id, nonce, result, reason, via, scanned_at) values ($1, $2, 'n1', 'accepted', 'ok', 'http', $3), ($1, $2, 'n2', 'rejected', 'expired', 'http', $3), ($1, $2, 'n3', 'accepted', 'ok', 'http', $4)`,
    [gate.id, built.park.id, new Date(Math.max(todayFrom.getTime(), Date.now() - 60_000)), new Date(todayFrom.getTime() - 3_600_000)],
  );
  await buildUser(t.services, 'tools.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
});
afterAll(() => t?.close());

describe('bills and payments name who pays', () => {
  test('each bill in the list carries its enterprise; the list filters by enterprise', async () => {
    const list = (await op.get(`/api/bills?period=${month}`)).json() as { items: { title: string; enterpriseName: string }[] };
    expect(list.items.map((b) => b.enterpriseName).sort()).toEqual([e1.legalName, e2.legalName].sort());
    const one = (await op.get(`/api/bills?period=${month}&enterpriseId=${e1.id}`)).json() as { items: { enterpriseName: string }[] };
    expect(one.items.map((b) => b.enterpriseName)).toEqual([e1.legalName]);
  });
});

describe('Excel exports', () => {
  test('the bills export has the list’s filters applied and headers in the language asked', async () => {
    const res = await op.get(`/api/bills/export.xlsx?period=${month}&enterpriseId=${e1.id}&lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="bills-.*\.xlsx"/);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0].slice(0, 4)).toEqual(['Enterprise', 'Payer', 'Item', 'Kind']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining([e1.legalName, `${month} 水电费`, 'Utilities', '864.5', 'Paid']));
    const zh = await readSheet((await op.get(`/api/bills/export.xlsx?period=${month}`)).rawPayload);
    expect(zh[0][0]).toBe('企业');
    expect(zh).toHaveLength(3);
  });

  test('bad filters are a 400 naming the field; another park’s operator exports none of these bills', async () => {
    const bad = await op.get('/api/bills/export.xlsx?status=nope');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('status');
    expect((await op.get('/api/bills/export.xlsx?lang=fr')).statusCode).toBe(400);
    const other = await opB.get('/api/bills/export.xlsx');
    expect(other.statusCode).toBe(200);
    expect((await readSheet(other.rawPayload)).flat().join('|')).not.toContain(SECRET);
  });

  test('the payments export answers with a workbook of its headers', async () => {
    const res = await op.get('/api/payments/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect((await readSheet(res.rawPayload))[0].slice(0, 3)).toEqual(['交易单号', '企业', '付款人']);
  });
});

describe('every exported operator list', () => {
  test.each([
    ['/api/work-orders/export.xlsx', '工单号'],
    ['/api/alarms/export.xlsx?state=open', '级别'],
    ['/api/passes/export.xlsx?kind=visitor', '持证人'],
    ['/api/passes/scans/export.xlsx', '时间'],
    ['/api/enterprises/export.xlsx', '企业名称'],
    ['/api/leases/export.xlsx', '企业'],
  ])('%s is a workbook with its headers', async (url, header) => {
    const res = await op.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect((await readSheet(res.rawPayload))[0][0]).toBe(header);
  });

  test('the pass and scan exports hold the visitor and the gate by name; another park’s operator gets neither', async () => {
    expect((await readSheet((await op.get('/api/passes/export.xlsx?kind=visitor&lang=en')).rawPayload))[1]).toEqual(expect.arrayContaining(['访客甲', 'Visitor', e1.legalName]));
    expect((await readSheet((await op.get('/api/passes/scans/export.xlsx?result=rejected')).rawPayload)).slice(1).map((r) => r[1])).toEqual(['东门闸机']);
    expect((await readSheet((await op.get('/api/enterprises/export.xlsx?lang=en')).rawPayload)).flat().join('|')).toContain(SECRET);
    for (const url of ['/api/passes/export.xlsx', '/api/enterprises/export.xlsx', '/api/leases/export.xlsx']) {
      expect((await readSheet((await opB.get(url)).rawPayload)).flat().join('|')).not.toContain(SECRET);
    }
    expect((await readSheet((await opB.get('/api/passes/scans/export.xlsx')).rawPayload)).length).toBe(1);
  });
});

describe('the operator’s workbench', () => {
  test('counts this month’s collection rate, visitors and gate scans today within my parks', async () => {
    const res = await op.get('/api/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.month).toBe(month);
    expect(d.bills).toEqual({ billedFen: 172_900, collectedFen: 86_450, collectionRate: 0.5, openCount: 1 });
    expect(d.visitors.today).toBe(1);
    // The scan before midnight is yesterday's (unless the test runs in the first minute of the day).
    expect(d.scans.today).toBeGreaterThanOrEqual(2);
    expect(d.scans.rejectedToday).toBe(1);
    expect(d.alarms).toEqual({ open: 0, bySeverity: { critical: 0, major: 0, minor: 0, info: 0 } });
    expect(d.workOrders.open).toBe(0);
  });

  test('another park’s operator counts none of it; a member is 403; a park not mine is 404', async () => {
    const d = (await opB.get('/api/dashboard')).json();
    expect(d.bills.billedFen).toBe(0);
    expect(d.visitors.today).toBe(0);
    expect(d.scans.today).toBe(0);
    expect((await opB.get(`/api/dashboard?parkId=${built.park.id}`)).statusCode).toBe(404);
    expect((await op.get('/api/dashboard?parkId=nope')).statusCode).toBe(400);
    const member = await t.login('tools.member', TEST_PASSWORD);
    expect((await member.get('/api/dashboard')).statusCode).toBe(403);
  });
});
