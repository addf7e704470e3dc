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

test('the demo park has a year of quarterly surveys (four closed, one open) where the second company’s districts rate lower', async () => {
  const ctx = { actor: SYSTEM_ACTOR };
  const surveys = await services.surveys.findSurveys(ctx, {});
  expect(surveys.map((s) => s.status).sort()).toEqual(['closed', 'closed', 'closed', 'closed', 'open']);
  // pcs[1] of the demo seed: the second company, contracted for every other district.
  const [pc1] = await database.query<{ id: string }>("select id::text from property_companies where name = '安信物业管理有限公司'");
  const weak = new Set((await database.query<{ d: string }>('select district_id::text as d from property_contracts where property_company_id = $1', [pc1.id])).map((r) => r.d));
  expect(weak.size).toBeGreaterThan(0);
  for (const s of surveys) {
    const r = await services.surveys.getResults(ctx, s.id);
    expect(r.districts.length).toBe(7);
    if (s.status === 'closed') {
      expect(r.total.responseRate).toBeGreaterThan(0.45);
      expect(r.total.responseRate).toBeLessThan(0.9);
    }
    const mean = (strong: boolean) => {
      const ds = r.districts.filter((d) => weak.has(d.districtId!) !== strong);
      const all = ds.flatMap((d) => (d.questions.find((q) => q.questionId === 'overall')?.mean === null ? [] : [d.questions.find((q) => q.questionId === 'overall')!.mean!]));
      return all.reduce((a, b) => a + b, 0) / all.length;
    };
    expect(mean(true) - mean(false)).toBeGreaterThan(0.5);
  }
  // The open one waits for the demo admins' enterprises.
  const open = surveys.find((s) => s.status === 'open')!;
  const [mine] = await database.query<{ n: number }>(
    "select count(*)::int as n from survey_invitations i join role_grants g on g.scope_id = i.enterprise_id join users u on u.id = g.user_id where u.username in ('ent.admin', 'ent2.admin') and i.survey_id = $1",
    [open.id],
  );
  const [answered] = await database.query<{ n: number }>(
    "select count(*)::int as n from survey_responses r join role_grants g on g.scope_id = r.enterprise_id join users u on u.id = g.user_id where u.username in ('ent.admin', 'ent2.admin') and r.survey_id = $1",
    [open.id],
  );
  expect(Number(mine.n)).toBeGreaterThan(0);
  expect(Number(answered.n)).toBe(0);
  // A year of rating rows for the evaluation, and comments whose top terms name the complaints.
  const parkId = open.parkId;
  const rows = await services.surveys.ratings(database.db, { parkId, from: new Date(Date.now() - 366 * 86_400_000), to: new Date() });
  expect(new Set(rows.map((x) => x.surveyId)).size).toBe(5);
  expect(new Set(rows.map((x) => x.districtId)).size).toBe(7);
  const terms = new Set<string>();
  for (const s of surveys.filter((x) => x.status === 'closed'))
    for (const d of (await services.surveys.getResults(ctx, s.id)).districts.filter((x) => weak.has(x.districtId!))) for (const x of d.questions.find((q) => q.questionId === 'comment')!.topTerms) terms.add(x.term);
  expect([...terms]).toEqual(expect.arrayContaining(['电梯', '空调', '响应', '保洁']));
}, 120_000);
