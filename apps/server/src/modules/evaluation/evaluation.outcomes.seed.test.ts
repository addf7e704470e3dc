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

test('the demo: pcs[1] warned with an open review, an approved appeal corrected in the current month and a pending one, last year’s awards published', async () => {
  const ctx = { actor: SYSTEM_ACTOR };
  const [weaker] = await database.query<{ id: string }>("select id::text from property_companies where name like '安信%'");
  const periods = await services.evaluation.findPeriods(ctx, {});
  const lastClosed = periods.filter((p) => p.status === 'closed').sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const { warnings, appeals } = services.evaluationOutcomes;
  const list = await warnings.listWarnings(ctx, {});
  const current = list.filter((w) => w.periodId === lastClosed.id);
  expect(current.map((w) => w.propertyCompanyId)).toEqual([weaker.id]);
  expect(current[0].task).toMatchObject({ status: 'open' });
  expect((await warnings.listTasks(ctx, { status: 'open' })).map((t) => t.propertyCompanyId)).toEqual([weaker.id]);
  const all = await appeals.list(ctx, {});
  expect(all.map((a) => a.status).sort()).toEqual(['approved', 'in_review']);
  const approved = all.find((a) => a.status === 'approved')!;
  expect(approved.appliedPeriodLabel).toBe(periodLabelAt('month', new Date()));
  const open = periods.find((p) => p.status === 'open')!;
  const tree = await services.evaluation.scoreTree(ctx, open.id, { kind: 'company', id: approved.propertyCompanyId });
  expect(tree.tree.find((n) => n.key === 'appeal_corrections')!.explanation!.items[0]).toMatchObject({ type: 'appeal', id: approved.caseId, label: lastClosed.label });
  const articles = await database.query<{ title: string; status: string }>("select title, status from news_articles where title like '%优秀物业%'");
  expect(articles).toEqual([{ title: `${Number(lastClosed.label.slice(0, 4)) - 1}年度优秀物业服务企业及个人表彰`, status: 'published' }]);
}, 120_000);
