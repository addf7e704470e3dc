import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../server/src/lib/context';
import type { EvalDeduction } from '../server/src/modules/evaluation';
import type { Services } from '../server/src/services';
import { buildCreditCode, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { PHONE, pick, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Evaluation outcomes in a real browser: the weaker company's property staff appeal a deduction of a closed month on a
 * phone; the operator approves; the correction shows in the open month's explanation. The league table marks the
 * company's bottom warning (last two months in a row), and a member reads last year's honour roll in the news.
 */
let parkos: InProcessParkOS;
let services: Services;
const ids: Record<string, string> = {};
const ctxs: Record<string, RequestContext> = {};

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'evaluation-outcomes',
    seed: async (built) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '考核结果园区', code: `EO${Date.now() % 100000}` });
      ids.park = park.id;
      const site = await p.createSite(SYSTEM, { parkId: park.id, name: '主园区' });
      const dA = await p.createDistrict(SYSTEM, { siteId: site.id, name: 'A区' });
      const dB = await p.createDistrict(SYSTEM, { siteId: site.id, name: 'B区' });
      ids.districtB = dB.id;
      const good = await p.createPropertyCompany(SYSTEM, { name: '锦华物业', creditCode: buildCreditCode() });
      const weak = await p.createPropertyCompany(SYSTEM, { name: '安信物业', creditCode: buildCreditCode() });
      ids.good = good.id;
      ids.weak = weak.id;
      await p.createPropertyContract(SYSTEM, { propertyCompanyId: good.id, districtId: dA.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
      await p.createPropertyContract(SYSTEM, { propertyCompanyId: weak.id, districtId: dB.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
      const ent = await p.createEnterprise(SYSTEM, { parkId: park.id, siteId: site.id, legalName: '云帆科技有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' });
      const add = async (username: string, displayName: string, grant: { role: 'operator' | 'property' | 'member'; scopeType: 'park' | 'property_company' | 'enterprise'; scopeId: string }) => {
        const u = await services.identity.createUserAsSystem(SYSTEM, { username, displayName, password: TEST_PASSWORD, grants: [grant] });
        ctxs[username] = { actor: { userId: u.id, username, displayName, grants: [grant], via: 'session', access: 'write' } };
      };
      await add('eo.op', '运营 王敏', { role: 'operator', scopeType: 'park', scopeId: park.id });
      await add('eo.prop', '物业 李强', { role: 'property', scopeType: 'property_company', scopeId: weak.id });
      await add('eo.member', '职工 刘洋', { role: 'member', scopeType: 'enterprise', scopeId: ent.id });
      for (const key of ['assessment.appeal', 'assessment.award'])
        await services.approvals.createFlow(SYSTEM, { parkId: park.id, key, nameZh: '考核审核', nameEn: 'Evaluation review', steps: [{ nameZh: '园区审核', nameEn: 'Park review', mode: 'any', approvers: [{ kind: 'user', userId: ctxs['eo.op'].actor.userId }], condition: null, dueHours: null, escalation: null }] });
      // Every month: district B (安信物业) a critical finding of 10 points; district A a minor one of 2.
      const finding = (districtId: string, companyId: string, points: number, label: string, month: string): EvalDeduction => ({ source: 'inspection', findingId: `${month}-${label}`, districtId, propertyCompanyId: companyId, severity: points >= 10 ? 'critical' : 'minor', points, occurredAt: new Date(`${month}-10T02:00:00Z`), label });
      services.evaluation.setSources({
        inspections: {
          deductions: async (_q, range) => {
            const month = new Date(range.from.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
            return [finding(dA.id, good.id, 2, '垃圾未清运', month), finding(dB.id, weak.id, 10, '配电房未上锁', month)];
          },
          punctuality: async () => [],
        },
      });
      const op = ctxs['eo.op'];
      const scheme = await services.evaluation.createScheme(op, { parkId: park.id, name: '物业月度考核', periodKind: 'month', indicators: [{ key: 'safety', name: '安全生产', weight: 60, source: { kind: 'deductions' } }, { key: 'env', name: '环境秩序', weight: 40, source: { kind: 'manual' } }] });
      await services.evaluation.activateScheme(op, scheme.id);
      for (const label of ['2026-07', '2026-08']) {
        const period = await services.evaluation.openPeriod(op, { schemeId: scheme.id, label });
        await services.evaluation.close(op, period.id);
        ids[label] = period.id;
      }
      const open = await services.evaluation.openPeriod(op, { schemeId: scheme.id, label: '2026-09' });
      ids.open = open.id;
      await services.evaluation.compute(op, open.id);
      // Last year's awards, approved and published in the news.
      const { awards } = services.evaluationOutcomes;
      const award = await awards.nominate(op, { parkId: park.id, year: 2026, kind: 'company', propertyCompanyId: good.id, citation: '全年考核综合排名第一' });
      await services.approvals.act(op, award.caseId!, { type: 'approve' });
      await awards.publish(op, { parkId: park.id, year: 2026, title: '2026年度优秀物业表彰', intro: '以下单位获评年度优秀', companyHeading: '优秀物业服务企业', staffHeading: '优秀物业服务个人' });
    },
  });
}, 180_000);
afterAll(() => parkos?.close());

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('evaluation outcomes in a real browser', () => {
  let caseId = '';

  test('property staff appeal a deduction of a closed month on a phone', async () => {
    const { page, context } = await parkos.signIn('eo.prop', PHONE);
    await page.goto('/evaluation/appeals');
    await page.getByTestId('eo-appeal-new').click();
    await pick(page, 'eo-appeal-period', '2026-08');
    await pick(page, 'eo-appeal-district', 'B区');
    await pick(page, 'eo-appeal-finding', '配电房未上锁');
    await page.getByTestId('eo-appeal-reason').fill('配电房当日系计划检修临时开启，附检修工单及照片');
    await screenshot(page, 'evaluation-outcomes-appeal-form-phone');
    await page.getByTestId('eo-appeal-submit').click();
    const row = page.locator('[data-testid^="eo-appeal-"]', { hasText: '配电房未上锁' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('审批中');
    await fitsPhone(page);
    await screenshot(page, 'evaluation-outcomes-appeals-phone');
    const [appeal] = await services.evaluationOutcomes.appeals.list(ctxs['eo.prop'], {});
    expect(appeal).toMatchObject({ status: 'in_review', companyPoints: 6 });
    caseId = appeal.caseId!;
    await context.close();
  });

  test('the operator approves in the approval case; the correction shows in the open month and the closed month is unchanged', async () => {
    const op = await parkos.signIn('eo.op');
    await op.page.goto(`/approvals/cases/${caseId}`);
    await op.page.getByTestId('case-act-approve').click();
    await op.page.getByTestId('case-action-text').fill('检修工单属实，同意更正');
    await op.page.getByTestId('case-action-form-submit').click();
    await op.page.getByTestId('case-action-form').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await services.evaluationOutcomes.appeals.list(ctxs['eo.prop'], {}))[0].status, { timeout: 10_000 }).toBe('approved');
    await services.evaluation.compute(ctxs['eo.op'], ids.open);
    await op.context.close();

    const { page, context } = await parkos.signIn('eo.prop');
    await page.goto(`/evaluation/periods/${ids.open}/district/${ids.districtB}`);
    await page.getByTestId('eval-node-appeal_corrections').waitFor();
    expect(await page.getByTestId('eval-node-appeal_corrections').textContent()).toBe('申诉更正');
    await page.getByTestId(`eo-correction-${caseId}`).waitFor();
    expect(await page.getByTestId(`eo-correction-${caseId}`).textContent()).toContain('2026-08 考核申诉');
    // 60 % × (100 − 10) + 40 = 94, plus 6 points back
    expect(await page.getByTestId('eval-node-score-appeal_corrections').textContent()).toBe('6.00');
    const closed = await services.evaluation.ranking(ctxs['eo.op'], ids['2026-08']);
    expect(closed.companies.find((c) => c.subjectId === ids.weak)!.total).toBeCloseTo(94, 9);
    await screenshot(page, 'evaluation-outcomes-correction');
    await context.close();
  });

  test('the league table marks the bottom warning on the big screen', async () => {
    const { page, context } = await parkos.signIn('eo.op', { width: 1920, height: 1080 });
    await page.goto('/evaluation/league');
    const row = page.getByTestId(`eo-league-row-${ids.weak}`).first();
    await row.waitFor();
    expect(await row.getByTestId('eo-league-warned').count()).toBe(1);
    expect(await page.getByTestId(`eo-league-row-${ids.good}`).first().getByTestId('eo-league-warned').count()).toBe(0);
    expect(await page.getByTestId('eo-league').textContent()).toContain('2026-08');
    await screenshot(page, 'evaluation-outcomes-league');
    await page.goto('/evaluation/warnings');
    await page.getByTestId(`eo-task-${ids.weak}`).waitFor();
    await screenshot(page, 'evaluation-outcomes-warnings');
    await page.goto('/evaluation/awards');
    const year = page.locator('input[data-testid="eo-award-year"], [data-testid="eo-award-year"] input').first();
    await year.fill('2026');
    await year.press('Tab');
    await page.getByText('全年考核综合排名第一').first().waitFor();
    await screenshot(page, 'evaluation-outcomes-awards');
    await context.close();
  });

  test('on a phone the company sees its own warning and downloads its own report', async () => {
    const { page, context } = await parkos.signIn('eo.prop', PHONE);
    await page.goto('/evaluation/warnings');
    await page.getByTestId(`eo-warning-${ids.weak}`).waitFor();
    expect(await page.getByTestId(`eo-task-${ids.weak}`).count()).toBe(0);
    await fitsPhone(page);
    await screenshot(page, 'evaluation-outcomes-warnings-phone');
    await page.goto('/evaluation/reports');
    const xlsx = page.getByTestId('eo-report-xlsx');
    await expect.poll(async () => xlsx.getAttribute('href')).toContain(`/${ids.weak}/report.xlsx`);
    const res = await page.request.get((await xlsx.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await fitsPhone(page);
    await screenshot(page, 'evaluation-outcomes-reports-phone');
    await context.close();
  });

  test('a member reads the honour roll in the news', async () => {
    const { page, context } = await parkos.signIn('eo.member', PHONE);
    await page.goto('/news');
    const feed = page.getByTestId('news-feed');
    await feed.waitFor();
    await page.getByText('2026年度优秀物业表彰').first().click();
    await page.getByText('锦华物业').first().waitFor();
    await fitsPhone(page);
    await screenshot(page, 'evaluation-outcomes-honour-roll');
    await context.close();
  });
});
