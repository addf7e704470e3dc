import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../db/client';
import { seedDemoPark } from '../../seed/demo-park';
import { createServices } from '../../services';
import { SYSTEM_ACTOR } from '../identity/actor';
import { addDays, localInstant } from './training.rules';
import { testConfig } from '../../testing/test-app';
import { createTestDatabase } from '../../testing/test-db';

let database: Database;
let services: ReturnType<typeof createServices>;
beforeAll(async () => {
  database = await createTestDatabase();
  services = createServices(database, testConfig());
  await seedDemoPark(database.db, services);
}, 240_000);
afterAll(() => database?.close());

test('the demo park has rosters for both companies and a year of monthly training, the second company clearly worse', async () => {
  const [park] = await database.query<{ id: string }>('select id::text as id from parks limit 1');
  const f = await services.training.getFigures({ actor: SYSTEM_ACTOR }, { parkId: park.id });
  expect(f.companies).toHaveLength(2);
  const [pcs0] = await database.query<{ id: string }>("select g.scope_id::text as id from role_grants g join users u on u.id = g.user_id where u.username = 'property'");
  const good = f.companies.find((c) => c.propertyCompanyId === pcs0.id)!;
  const poor = f.companies.find((c) => c.propertyCompanyId !== pcs0.id)!;
  for (const c of [good, poor]) {
    expect(c.activeStaff).toBeGreaterThanOrEqual(10);
    expect(c.activeStaff).toBeLessThanOrEqual(15);
    // Twelve months, each with a session (on the 1st, this month's moved to the day before).
    expect(c.months.filter((m) => m.invited > 0).length).toBeGreaterThanOrEqual(11);
    expect(c.months).toHaveLength(12);
  }
  expect(good.attendanceRate! - poor.attendanceRate!).toBeGreaterThan(0.1);
  expect(good.passRate! - poor.passRate!).toBeGreaterThan(0.15);
  // The demo property user is on their company's roster.
  const [linked] = await database.query<{ property_company_id: string }>("select s.property_company_id::text from training_staff s join users u on u.id = s.user_id where u.username = 'property'");
  expect(linked.property_company_id).toBe(pcs0.id);
  // The evaluation reads the same year.
  const rows = await services.training.records(database.db, { parkId: park.id, from: localInstant(f.from), to: localInstant(addDays(f.to, 1)) });
  expect(rows.length).toBe(good.invited + poor.invited);
});
