import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../db/client';
import { seedDemoPark } from '../../seed/demo-park';
import { createServices } from '../../services';
import { testConfig } from '../../testing/test-app';
import { createTestDatabase } from '../../testing/test-db';
import { localMidnight } from './spotchecks.service';

let database: Database;
let services: ReturnType<typeof createServices>;
beforeAll(async () => {
  database = await createTestDatabase();
  services = createServices(database, testConfig());
  await seedDemoPark(database.db, services);
}, 240_000);
afterAll(() => database?.close());

test('the demo inspector checks some districts over a year; the second company’s findings cost clearly more, with open, overdue and mostly verified ones', async () => {
  const [assigned] = await database.query<{ assigned: number; all: number }>(
    "select count(distinct a.district_id)::int as assigned, (select count(*)::int from districts) as all from spot_check_assignments a join users u on u.id = a.inspector_user_id where u.username = 'inspector'",
  );
  expect(assigned.assigned).toBeGreaterThan(0);
  expect(assigned.assigned).toBeLessThan(assigned.all);
  const [span] = await database.query<{ months: number }>("select count(distinct to_char(checked_at at time zone 'Asia/Shanghai', 'YYYY-MM'))::int as months from spot_checks");
  expect(span.months).toBeGreaterThanOrEqual(10);
  const statuses = await database.query<{ status: string; n: number }>('select status, count(*)::int as n from spot_check_findings group by status');
  const n = (s: string) => statuses.find((x) => x.status === s)?.n ?? 0;
  expect(n('open')).toBeGreaterThan(0);
  expect(n('overturned')).toBe(1);
  expect(n('closed')).toBeGreaterThan(n('open') + n('responded'));
  const [overdue] = await database.query<{ n: number }>("select count(*)::int as n from spot_check_findings where status in ('open', 'responded') and deadline < (now() at time zone 'Asia/Shanghai')::date");
  expect(overdue.n).toBeGreaterThan(0);

  const [park] = await database.query<{ id: string }>('select id::text from parks limit 1');
  const now = new Date();
  const rows = await services.spotChecks.deductions(database.db, { parkId: park.id, from: localMidnight(new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10)), to: now });
  const companies = await database.query<{ id: string; name: string }>('select id::text, name from property_companies order by name');
  const points = (name: string) => rows.filter((r) => r.propertyCompanyId === companies.find((c) => c.name === name)!.id).reduce((s, r) => s + r.points, 0);
  expect(points('安信物业管理有限公司')).toBeGreaterThan(2 * points('锦华物业服务有限公司'));
});
