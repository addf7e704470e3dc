import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { buildActor } from '../approvals/approvals.testing';
import { buildEnterprise, buildPark, SYSTEM } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';

/**
 * Handlers and applicants acting at the same moment (TEST_DB=postgres runs them on separate
 * connections): the request row lock lets exactly one handler accept, and a request be rated once.
 */
let t: TestApp;
let admin: { id: string; ctx: RequestContext };
const handlers: { id: string; ctx: RequestContext }[] = [];
let approver: { id: string; ctx: RequestContext };
let serviceId = '';
const N = 8;

beforeAll(async () => {
  t = await createTestApp();
  const place = await buildPark(t.services);
  const e = await buildEnterprise(t.services, place.park.id, place.site.id);
  admin = await buildActor(t.services, 'srace.admin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }]);
  approver = await buildActor(t.services, 'srace.approver', [{ role: 'operator', scopeType: 'park', scopeId: place.park.id }]);
  for (let i = 0; i < N; i++) handlers.push(await buildActor(t.services, `srace.h${i}`, [{ role: 'operator', scopeType: 'park', scopeId: place.park.id }]));
  await t.services.approvals.createFlow(SYSTEM, { parkId: place.park.id, key: 'srace', nameZh: '审批', nameEn: 'Review', steps: [{ nameZh: '审批', nameEn: 'Review', mode: 'any', approvers: [{ kind: 'user', userId: approver.id }], condition: null, dueHours: null, escalation: null }] });
  serviceId = (
    await t.services.serviceCatalog.createService(SYSTEM, {
      parkId: place.park.id, system: 'hr', kind: 'request', nameZh: '招聘发布', nameEn: 'Job posting', descriptionZh: '', descriptionEn: '', handlerType: 'department', handlerName: '人才服务中心',
      handlerUserIds: handlers.map((h) => h.id), applicants: 'admins', form: { fields: [{ key: 'position', type: 'text', label: { zh: '岗位', en: 'Position' }, required: true }] },
      flowKey: 'srace', slaHours: 24, feeFen: 10_000, status: 'published',
    })
  ).id;
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : String(r.reason));

test('handlers accepting one request at once: one accepts, the others get 409; one bill; rated once when rated at once', async () => {
  const svc = t.services.serviceCatalog;
  const r = await svc.apply(admin.ctx, { serviceId, values: { position: '测试工程师' } });
  await t.services.approvals.act(approver.ctx, r.caseId!, { type: 'approve' });
  const accepts = await Promise.allSettled(handlers.map((h) => svc.accept(h.ctx, r.id)));
  expect(accepts.map(codeOf).sort()).toEqual(['ok', ...Array<string>(N - 1).fill('CONFLICT')].sort());
  const [bills] = await t.database.query<{ n: number }>(`select count(*)::int as n from bills where source_ref = $1`, [`service-request:${r.id}`]);
  expect(bills.n).toBe(1);
  await svc.complete(handlers[0].ctx, r.id, '已发布到园区人才资讯平台');
  const ratings = await Promise.allSettled([1, 2, 3, 4, 5].map((rating) => svc.rate(admin.ctx, r.id, { rating })));
  expect(ratings.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
  const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where entity_type = 'service_request' and entity_id = $1 and action in ('service_request.accepted', 'service_request.rated')`, [r.id]);
  expect(row.n).toBe(2);
});
