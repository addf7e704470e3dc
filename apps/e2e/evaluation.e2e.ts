import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { monthLabelBefore, periodLabelAt, periodRange } from '../server/src/modules/evaluation/evaluation.periods';
import type { Services } from '../server/src/services';
import { buildCreditCode, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { PHONE, pick, pickIn, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Property evaluation in a real browser, on its own ParkOS: an operator builds a scheme with nested weights (a level
 * that does not sum to 100 is refused, naming it), activates it, opens last month's period, computes, closes and
 * publishes; the ranking shows the better company first, and a district's score opens explained down to its orders.
 * Property staff see the published ranking on a phone.
 */
let parkos: InProcessParkOS;
let services: Services;
const ids: Record<string, string> = {};
const label = monthLabelBefore(periodLabelAt('month', new Date()), 1);

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'evaluation',
    seed: async (built, database) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '考核测试园区', code: `EV${Date.now() % 100000}` });
      const site = await p.createSite(SYSTEM, { parkId: park.id, name: '主园区' });
      const good = await p.createPropertyCompany(SYSTEM, { name: '锦华物业服务有限公司', creditCode: buildCreditCode() });
      const weak = await p.createPropertyCompany(SYSTEM, { name: '安信物业管理有限公司', creditCode: buildCreditCode() });
      Object.assign(ids, { parkId: park.id, good: good.id, weak: weak.id });
      const { startDate } = periodRange('month', label);
      const from = Date.parse(`${startDate}T02:00:00Z`);
      for (const [name, company, late] of [['A区', good.id, 0], ['B区', weak.id, 2]] as const) {
        const d = await p.createDistrict(SYSTEM, { siteId: site.id, name });
        ids[name] = d.id;
        await p.createPropertyContract(SYSTEM, { propertyCompanyId: company, districtId: d.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
        // Four orders per district; in B two are accepted and resolved late.
        for (let i = 0; i < 4; i++) {
          const at = new Date(from + (i + 1) * 3 * 86_400_000);
          const slow = i < late;
          await database.query(
            `insert into work_orders (park_id, district_id, source, title, category, priority, status, requester_name, response_due_at, resolution_due_at, accepted_at, resolved_at, created_at)
             values ($1, $2, 'member_request', '空调不制冷', 'hvac', 'normal', 'resolved', '园区职工', $3, $4, $5, $6, $7)`,
            [park.id, d.id, new Date(at.getTime() + 120 * 60_000), new Date(at.getTime() + 1440 * 60_000), new Date(at.getTime() + (slow ? 300 : 30) * 60_000), new Date(at.getTime() + (slow ? 2000 : 600) * 60_000), at],
          );
        }
      }
      await services.identity.createUserAsSystem(SYSTEM, { username: 'eval.op', displayName: '运营 王敏', password: TEST_PASSWORD, grants: [{ role: 'operator', scopeType: 'park', scopeId: park.id }] });
      await services.identity.createUserAsSystem(SYSTEM, { username: 'eval.prop', displayName: '物业 张伟', password: TEST_PASSWORD, grants: [{ role: 'property', scopeType: 'property_company', scopeId: weak.id }] });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** An Ant Design InputNumber by test id (the id lands on the input or its wrapper, by version). */
const weight = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('property evaluation in a real browser', () => {
  test('an operator builds a scheme, runs a period and reads the ranking and an explanation; property staff see the published ranking on a phone', async () => {
    const { page, context } = await parkos.signIn('eval.op');
    await page.goto('/evaluation/schemes');
    await page.getByTestId('eval-new-scheme').click();
    await page.getByTestId('eval-scheme-name').fill('物业月度考核');
    // 企业服务 70: 响应 50 + 解决 (40, wrong at first); 现场评定 30 (manual).
    await page.getByTestId('eval-ind-add-top').click();
    await page.getByTestId('eval-ind-name-indicators[0]').fill('企业服务');
    await weight(page, 'eval-ind-weight-indicators[0]').fill('70');
    await page.getByTestId('eval-ind-add-child-indicators[0]').click();
    await page.getByTestId('eval-ind-name-indicators[0].children[0]').fill('响应及时率');
    await weight(page, 'eval-ind-weight-indicators[0].children[0]').fill('50');
    await pickIn(page, page.getByTestId('eval-ind-source-indicators[0].children[0]'), '工单响应及时率');
    await page.getByTestId('eval-ind-add-child-indicators[0]').click();
    await page.getByTestId('eval-ind-name-indicators[0].children[1]').fill('解决及时率');
    await weight(page, 'eval-ind-weight-indicators[0].children[1]').fill('40');
    await pickIn(page, page.getByTestId('eval-ind-source-indicators[0].children[1]'), '工单解决及时率');
    await page.getByTestId('eval-ind-add-top').click();
    await page.getByTestId('eval-ind-name-indicators[1]').fill('现场评定');
    await weight(page, 'eval-ind-weight-indicators[1]').fill('30');
    await pickIn(page, page.getByTestId('eval-ind-source-indicators[1]'), '人工评定');
    await page.getByTestId('eval-scheme-name').click();
    // The sums show live: the top level adds up, the sub-level does not.
    await expect.poll(() => page.getByTestId('eval-sum-indicators[0].children').getAttribute('data-sum')).toBe('90');
    expect(await page.getByTestId('eval-sum-indicators').getAttribute('data-sum')).toBe('100');
    await page.getByTestId('eval-scheme-save').click();
    const problems = page.getByTestId('eval-scheme-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('indicators[0].children');
    expect(await problems.innerText()).toContain('本层权重之和须为 100');
    await screenshot(page, 'evaluation-scheme-builder-refused');
    expect(await services.evaluation.findSchemes(SYSTEM, {})).toEqual([]);
    // The server refuses the same tree, naming the same level.
    const refused = await page.evaluate(async (parkId) => {
      const { csrfToken } = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/evaluation/schemes', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ parkId, name: 'x', periodKind: 'month', indicators: [{ key: 'a', name: 'a', weight: 100, children: [{ key: 'b', name: 'b', weight: 90, source: { kind: 'manual' } }] }] }) });
      return { status: res.status, body: (await res.json()) as { details?: { fields?: { field: string }[] } } };
    }, ids.parkId);
    expect(refused.status).toBe(400);
    expect(refused.body.details?.fields?.[0].field).toBe('body.indicators[0].children');
    await weight(page, 'eval-ind-weight-indicators[0].children[1]').fill('50');
    await page.getByTestId('eval-scheme-name').click();
    await expect.poll(() => page.getByTestId('eval-sum-indicators[0].children').getAttribute('data-sum')).toBe('100');
    await page.getByTestId('eval-scheme-save').click();
    await expect.poll(async () => (await services.evaluation.findSchemes(SYSTEM, {})).length).toBe(1);
    const [scheme] = await services.evaluation.findSchemes(SYSTEM, {});
    expect(scheme.indicators.map((i) => [i.name, i.weight, i.children?.map((c) => [c.name, c.weight, c.source?.kind])])).toEqual([
      ['企业服务', 70, [['响应及时率', 50, 'sla_response'], ['解决及时率', 50, 'sla_resolution']]],
      ['现场评定', 30, undefined],
    ]);
    await page.getByTestId(`eval-scheme-activate-${scheme.id}`).click();
    await expect.poll(async () => (await services.evaluation.getScheme(SYSTEM, scheme.id)).status).toBe('active');
    await screenshot(page, 'evaluation-schemes');

    // Open last month's period, compute, close and publish.
    await page.goto('/evaluation/periods');
    await pick(page, 'eval-period-scheme', '物业月度考核');
    await page.getByTestId('eval-period-label').fill(label);
    await page.getByTestId('eval-period-open').click();
    await page.getByTestId(`eval-period-compute-${label}`).click();
    await expect.poll(async () => (await services.evaluation.findPeriods(SYSTEM, {}))[0]?.computedAt ?? null).not.toBeNull();
    await page.getByTestId(`eval-period-close-${label}`).click();
    await page.getByTestId('eval-period-close-confirm').click();
    await expect.poll(() => page.getByTestId(`eval-period-status-${label}`).innerText()).toContain('已关闭');
    await page.getByTestId(`eval-period-publish-${label}`).click();
    await expect.poll(async () => (await services.evaluation.findPeriods(SYSTEM, {}))[0].rankingPublished).toBe(true);
    await screenshot(page, 'evaluation-periods');

    // The ranking: A区's company (all orders in time, 100) before B区's (half late: 0.7 × 50 + 30 = 65).
    await page.getByTestId(`eval-period-link-${label}`).click();
    await page.getByTestId('eval-rank-company-1').waitFor();
    expect(await page.getByTestId('eval-rank-company-1').innerText()).toContain('锦华物业');
    expect(await page.getByTestId('eval-rank-company-1').innerText()).toContain('100.00');
    expect(await page.getByTestId('eval-rank-company-2').innerText()).toContain('安信物业');
    expect(await page.getByTestId('eval-rank-company-2').innerText()).toContain('65.00');
    expect(await page.getByTestId('eval-rank-district-2').innerText()).toContain('B区');
    await screenshot(page, 'evaluation-ranking');

    // B区's explanation: 2 of 4 orders within SLA, each order listed.
    await page.getByTestId(`eval-explain-district-${ids['B区']}`).click();
    await page.getByTestId('eval-score-tree').waitFor();
    expect(await page.getByTestId('eval-score-tree').innerText()).toContain('2 / 4 张工单在时限内响应');
    expect(await page.getByTestId('eval-score-rank').innerText()).toContain('第 2 名');
    expect(await page.locator('[data-testid^="eval-item-order-"]').count()).toBeGreaterThanOrEqual(4);
    await page.getByTestId('eval-trend-chart').waitFor();
    await screenshot(page, 'evaluation-explanation');
    await context.close();

    // Property staff of B区's company, on a phone: the public ranking, their own explanation only.
    const prop = await parkos.signIn('eval.prop', PHONE);
    const [period] = await services.evaluation.findPeriods(SYSTEM, {});
    await prop.page.goto(`/evaluation/periods/${period.id}`);
    await prop.page.getByTestId('eval-rank-company-1').waitFor();
    expect(await prop.page.getByTestId(`eval-explain-company-${ids.good}`).count()).toBe(0);
    expect(await prop.page.getByTestId(`eval-explain-company-${ids.weak}`).count()).toBe(1);
    await fitsPhone(prop.page);
    await screenshot(prop.page, 'evaluation-ranking-phone');
    await prop.page.getByTestId(`eval-explain-district-${ids['B区']}`).click();
    await prop.page.getByTestId('eval-score-tree').waitFor();
    await fitsPhone(prop.page);
    await screenshot(prop.page, 'evaluation-explanation-phone');
    await prop.context.close();
  }, 240_000);
});
