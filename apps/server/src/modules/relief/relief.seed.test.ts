import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../db/client';
import { seedDemoPark } from '../../seed/demo-park';
import { createServices } from '../../services';
import { SYSTEM_ACTOR } from '../identity/actor';
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

test('the demo park has a relief programme with applications in every state, credits on the approved one’s rent bills, and a draft', async () => {
  const programmes = await database.query<{ status: string; granted_fen: number }>('select status, granted_fen::int from relief_programmes order by created_at');
  expect(programmes.map((p) => p.status)).toEqual(['open', 'draft']);
  const apps = await database.query<{ status: string; relief_fen: number; granted_fen: number | null; id: string }>('select id::text, status, relief_fen::int, granted_fen::int from relief_applications');
  expect(apps.map((a) => a.status).sort()).toEqual(['approved', 'in_review', 'rejected', 'returned', 'withdrawn']);
  const approved = apps.find((a) => a.status === 'approved')!;
  expect(approved.granted_fen).toBe(approved.relief_fen);
  expect(programmes[0].granted_fen).toBe(approved.relief_fen);
  const credits = await database.query<{ total: number; applied: number }>("select sum(amount_fen)::int as total, count(*) filter (where status = 'applied')::int as applied from bill_credits where source = $1", [`relief_application:${approved.id}`]);
  expect(credits[0].total).toBe(approved.relief_fen);
  expect(credits[0].applied).toBeGreaterThan(0);
  // ent.admin's enterprise has not applied: it sees its eligibility only.
  const [mine] = await database.query<{ n: number }>("select count(*)::int as n from relief_applications a join role_grants g on g.scope_id = a.enterprise_id join users u on u.id = g.user_id where u.username = 'ent.admin'");
  expect(mine.n).toBe(0);
  const [first] = await database.query<{ id: string }>("select g.scope_id::text as id from role_grants g join users u on u.id = g.user_id where u.username = 'ent.admin'");
  // And one enterprise is not eligible, with its reasons.
  const [open] = await database.query<{ id: string }>("select id::text from relief_programmes where status = 'open'");
  const [late] = await database.query<{ id: string }>("select enterprise_id::text as id from bills where title like '%逾期%'");
  const e = await services.relief.getEligibility({ actor: SYSTEM_ACTOR }, open.id, { enterpriseId: late.id });
  expect(e.eligible).toBe(false);
  expect(e.reasons.map((r) => r.code)).toContain('arrears_over_limit');
  const mineNow = await services.relief.getEligibility({ actor: SYSTEM_ACTOR }, open.id, { enterpriseId: first.id });
  expect(mineNow).toMatchObject({ eligible: true, reasons: [], application: null });
  expect(mineNow.reliefFen).toBeGreaterThan(0);
});
