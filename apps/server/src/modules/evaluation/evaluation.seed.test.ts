import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../db/client';
import { seedDemoPark } from '../../seed/demo-park';
import { createServices } from '../../services';
import { testConfig } from '../../testing/test-app';
import { createTestDatabase } from '../../testing/test-db';
import { SYSTEM_ACTOR } from '../identity/actor';
import { periodLabelAt } from './evaluation.periods';

let database: Database;
let services: ReturnType<typeof createServices>;
beforeAll(async () => {
  database = await createTestDatabase();
  services = createServices(database, testConfig());
  await seedDemoPark(database.db, services);
}, 300_000);
afterAll(() => database?.close());

test('the demo park has a year of closed monthly periods and the current open one, with pcs[1] clearly behind', async () => {
  const ctx = { actor: SYSTEM_ACTOR };
  const periods = await services.evaluation.findPeriods(ctx, {});
  expect(periods).toHaveLength(13);
  const current = periodLabelAt('month', new Date());
  expect(periods.filter((p) => p.status === 'open').map((p) => p.label)).toEqual([current]);
  expect(periods.filter((p) => p.status === 'closed' && p.rankingPublished)).toHaveLength(12);
  const [weaker] = await database.query<{ id: string; name: string }>("select id::text, name from property_companies where name like '安信%'");
  // In every closed month the better company ranks first, by a clear margin.
  for (const p of periods.filter((x) => x.status === 'closed')) {
    const r = await services.evaluation.ranking(ctx, p.id);
    expect(r.companies.map((c) => c.subjectId)[1], p.label).toBe(weaker.id);
    expect(r.companies[0].total - r.companies[1].total, p.label).toBeGreaterThan(4);
    // Every district was scored from its own work orders.
    const tree = await services.evaluation.scoreTree(ctx, p.id, { kind: 'district', id: r.districts[0].subjectId });
    const response = tree.tree[1].children![0].explanation!;
    expect(response.noData, p.label).toBe(false);
    expect(response.figures.total, p.label).toBeGreaterThan(2);
  }
  const trend = await services.evaluation.trend(ctx, { subjectKind: 'company', subjectId: weaker.id });
  expect(trend.points).toHaveLength(13);
  // property staff of the better company see the trend of their own company
  const [property] = await database.query<{ id: string }>("select g.scope_id::text as id from role_grants g join users u on u.id = g.user_id where u.username = 'property'");
  expect(property.id).not.toBe(weaker.id);
}, 120_000);
