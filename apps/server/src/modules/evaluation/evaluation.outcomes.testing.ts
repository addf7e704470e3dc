import { SYSTEM, TEST_PASSWORD, buildUser } from '../../testing/builders';
import type { TestApp } from '../../testing/test-app';

/**
 * For the isolation sweeps: a closed period of a park whose company gets a bottom warning (with its review task), an
 * appeal of that company (reason `<secret>-APPEAL`) and an award nomination (citation `<secret>-AWARD`).
 */
export async function seedOutcomesForSweep(t: TestApp, place: { parkId: string; districtId: string; propertyCompanyId: string; operatorUsername: string; propertyUsername: string; secret: string }) {
  const must = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await p;
    if (r.statusCode >= 300) throw new Error(`outcomes seed failed: ${r.statusCode} ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const [opRow] = await t.database.query<{ id: string }>(`select id::text as id from users where username = $1`, [place.operatorUsername]);
  for (const key of ['assessment.appeal', 'assessment.award'])
    await t.services.approvals.createFlow(SYSTEM, { parkId: place.parkId, key, nameZh: '考核审批', nameEn: 'Evaluation review', steps: [{ nameZh: '审核', nameEn: 'Review', mode: 'any', approvers: [{ kind: 'user', userId: opRow.id }], condition: null, dueHours: null, escalation: null }] });
  await buildUser(t.services, place.propertyUsername, [{ role: 'property', scopeType: 'property_company', scopeId: place.propertyCompanyId }]);
  const op = await t.login(place.operatorUsername, TEST_PASSWORD);
  const prop = await t.login(place.propertyUsername, TEST_PASSWORD);
  await must(op.request({ method: 'PUT', url: `/api/evaluation/warning-rules/${place.parkId}`, payload: { mode: 'below_threshold', threshold: 100, consecutive: 1 } }));
  const scheme = await must(op.post('/api/evaluation/schemes', { parkId: place.parkId, name: '考核结果', periodKind: 'month', indicators: [{ key: 'q', name: '质量评定', weight: 100, source: { kind: 'manual' } }] }));
  await must(op.post(`/api/evaluation/schemes/${scheme.id}/activate`));
  const period = await must(op.post('/api/evaluation/periods', { schemeId: scheme.id, label: '2026-09' }));
  await must(op.post(`/api/evaluation/periods/${period.id}/manual`, { indicatorKey: 'q', subjectKind: 'district', subjectId: place.districtId, score: 70, note: '评定' }));
  await must(op.post(`/api/evaluation/periods/${period.id}/close`));
  const appeal = await must(prop.post('/api/evaluation/appeals', { periodId: period.id, districtId: place.districtId, itemKind: 'indicator', indicatorKey: 'q', claimedScore: 90, reason: `${place.secret}-APPEAL 申诉理由` }));
  const award = await must(op.post('/api/evaluation/awards', { parkId: place.parkId, year: 2026, kind: 'staff', propertyCompanyId: place.propertyCompanyId, staffName: '张三', citation: `${place.secret}-AWARD 表彰事迹` }));
  const [task] = (await op.get('/api/evaluation/review-tasks')).json() as { id: string }[];
  if (!task) throw new Error('outcomes seed: no review task');
  return { periodId: period.id, appealId: appeal.id, awardId: award.id, taskId: task.id, reportPaths: ['xlsx', 'pdf'].map((ext) => `/api/evaluation/reports/${period.id}/${place.propertyCompanyId}/report.${ext}`) };
}
