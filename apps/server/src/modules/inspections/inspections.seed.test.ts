import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../db/client';
import { seedDemoPark } from '../../seed/demo-park';
import { createServices } from '../../services';
import { testConfig } from '../../testing/test-app';
import { createTestDatabase } from '../../testing/test-db';
import { parkDate, parkDayStart, shiftDate } from './inspections.service';

let database: Database;
let services: ReturnType<typeof createServices>;
beforeAll(async () => {
  database = await createTestDatabase();
  services = createServices(database, testConfig());
  await seedDemoPark(database.db, services);
}, 300_000);
afterAll(async () => {
  await services?.passes.verifier.close();
  await services?.iot.pipeline.close();
  await database?.close();
});

test('the demo park has a year of monthly inspections per district, the second company clearly worse, overdue schedules and findings turned into work orders', async () => {
  const templates = await database.query<{ name: string }>("select name from inspection_templates where purpose <> 'drone_mission' order by name");
  expect(templates.map((t) => t.name).sort()).toEqual(['消防安全检查', '环境卫生检查', '设施设备巡检'].sort());
  const [park] = await database.query<{ id: string }>("select id::text from parks where code = 'JCSP'");
  // pcs[0] (user `property`) and pcs[1] of the demo park.
  const byName = new Map((await database.query<{ id: string; name: string }>('select id::text, name from property_companies')).map((c) => [c.name, c]));
  const companies = [byName.get('锦华物业服务有限公司')!, byName.get('安信物业管理有限公司')!];
  const today = parkDate(new Date());
  const range = { parkId: park.id, from: parkDayStart(shiftDate(today, { months: -12 })), to: parkDayStart(shiftDate(today, { days: 1 })) };
  const deductions = await services.inspections.deductions(database.db, range);
  const byCompany = (id: string) => deductions.filter((d) => d.propertyCompanyId === id).reduce((a, d) => a + d.points, 0);
  const [good, bad] = [byCompany(companies[0].id), byCompany(companies[1].id)];
  expect(good).toBeGreaterThan(0);
  expect(bad).toBeGreaterThan(good * 1.5);
  // Runs in at least 11 of the last 12 months.
  const months = await database.query<{ n: number }>("select count(distinct to_char(started_at at time zone 'Asia/Shanghai', 'YYYY-MM'))::int as n from inspection_runs");
  expect(months[0].n).toBeGreaterThanOrEqual(11);
  const punctuality = await services.inspections.punctuality(database.db, range);
  expect(punctuality.length).toBeGreaterThan(3);
  const rate = (company: string) => {
    const rows = punctuality.filter((p) => deductions.some((d) => d.districtId === p.districtId && d.propertyCompanyId === company));
    return rows.reduce((a, r) => a + r.onTime, 0) / Math.max(1, rows.reduce((a, r) => a + r.due, 0));
  };
  expect(rate(companies[1].id)).toBeLessThan(rate(companies[0].id));
  const overdue = await database.query<{ n: number }>("select count(*)::int as n from inspection_schedules where status = 'open' and due_date < $1", [today]);
  expect(overdue[0].n).toBeGreaterThan(0);
  const orders = await database.query<{ n: number }>("select count(*)::int as n from inspection_results r join work_orders w on w.id = r.work_order_id where w.source = 'inspection'");
  expect(orders[0].n).toBeGreaterThan(0);
  const voided = await database.query<{ n: number }>("select count(*)::int as n from inspection_results where status = 'voided' and void_reason is not null");
  expect(voided[0].n).toBeGreaterThan(0);
}, 120_000);
