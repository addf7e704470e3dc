import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Services } from '../server/src/services';
import { buildCreditCode, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { PHONE, pick, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Satisfaction surveys in a real browser, on their own ParkOS: an operator builds a survey (a rating, a choice
 * question added in the form, a comment box) for two districts and opens it; two enterprise admins answer, one
 * from the micro-park home, one on a phone; a second answer of the same enterprise (from a tab opened before the
 * first was sent) is refused; the operator's results show the response rate (2 of 3 invited) and the top terms of
 * the comments; property staff see their own district only, without enterprise names.
 */
let parkos: InProcessParkOS;
let services: Services;
const names: Record<string, string> = {};

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'surveys',
    seed: async (built) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '满意度测试园区', code: `SV${Date.now() % 100000}` });
      const site = await p.createSite(SYSTEM, { parkId: park.id, name: '主园区' });
      const pcs = [await p.createPropertyCompany(SYSTEM, { name: '锦华物业', creditCode: buildCreditCode() }), await p.createPropertyCompany(SYSTEM, { name: '安信物业', creditCode: buildCreditCode() })];
      const ents: string[] = [];
      for (const [i, dname] of ['A区', 'B区'].entries()) {
        const district = await p.createDistrict(SYSTEM, { siteId: site.id, name: dname });
        await p.createPropertyContract(SYSTEM, { propertyCompanyId: pcs[i].id, districtId: district.id, startDate: '2025-01-01', endDate: '2028-12-31', annualFeeFen: 100 });
        const building = await p.createBuilding(SYSTEM, { districtId: district.id, name: `${dname.slice(0, 1)}1栋`, floorsAboveGround: 3 });
        const floor = await p.createFloor(SYSTEM, { buildingId: building.id, level: 1 });
        for (const code of i === 0 ? ['101', '102'] : ['101']) {
          const unit = await p.createUnit(SYSTEM, { floorId: floor.id, code, area: 100 });
          const legalName = ['甲云科技有限公司', '乙数据有限公司', '丙智能有限公司'][ents.length];
          const e = await p.createEnterprise(SYSTEM, { parkId: park.id, siteId: site.id, legalName, creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' });
          names[['a', 'b', 'c'][ents.length]] = legalName;
          ents.push(e.id);
          await p.createLease(SYSTEM, e.id, { unitId: unit.id, startDate: '2025-01-01', endDate: '2028-12-31', monthlyRentFen: 100_000 });
        }
      }
      const add = (username: string, grant: { role: 'operator' | 'enterprise_admin' | 'property'; scopeType: 'park' | 'enterprise' | 'property_company'; scopeId: string }) =>
        services.identity.createUserAsSystem(SYSTEM, { username, displayName: username, password: TEST_PASSWORD, grants: [grant] });
      await add('sv.op', { role: 'operator', scopeType: 'park', scopeId: park.id });
      await add('a.admin', { role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ents[0] });
      await add('c.admin', { role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ents[2] });
      await add('b.property', { role: 'property', scopeType: 'property_company', scopeId: pcs[1].id });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** The page is no wider than the phone: nothing scrolls sideways. */
async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** Answers the survey form: a score, an option, a comment. */
async function answer(page: Page, score: number, option: string, comment: string) {
  await page.getByTestId('survey-answer-form').waitFor();
  await page.getByTestId('survey-answer-q1').getByText(String(score), { exact: true }).click();
  await page.getByTestId('survey-answer-q3').getByText(option, { exact: true }).click();
  await page.getByTestId('survey-answer-q2').locator('textarea').fill(comment);
  await page.getByTestId('survey-answer-submit').click();
}

describe('satisfaction surveys in a real browser', () => {
  let surveyId = '';
  let op: { context: BrowserContext; page: Page };

  test('the operator builds a survey with a choice question and opens it', async () => {
    op = await parkos.signIn('sv.op');
    const { page } = op;
    await page.goto('/surveys');
    await page.getByTestId('survey-new').click();
    await pick(page, 'survey-form-park', '满意度测试园区');
    await page.getByTestId('survey-form-title').fill('2026年第四季度企业满意度调查');
    await page.getByTestId('survey-form-districts').click();
    for (const d of ['A区', 'B区']) await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: d }).first().click();
    await page.getByTestId('survey-form-title').click();
    // The form starts with an overall rating and a comment box; the operator adds a choice question with one option first.
    await page.getByTestId('survey-form-add-question').click();
    await page.getByTestId('survey-q2-title').fill('最需要改进的方面');
    await page.getByTestId('survey-q2-options').fill('保洁');
    await page.getByTestId('survey-q2-required').check();
    await page.getByTestId('survey-form-submit').click();
    // One option is not a choice: the form names the field and sends nothing.
    await page.getByTestId('survey-q2').getByText('至少需要两个选项').waitFor();
    expect(await services.surveys.findSurveys(SYSTEM, {})).toHaveLength(0);
    await page.getByTestId('survey-q2-options').fill('保洁\n电梯\n报修');
    await screenshot(page, 'surveys-builder');
    await page.getByTestId('survey-form-submit').click();
    await page.getByTestId('survey-form').waitFor({ state: 'hidden' });
    const [s] = await services.surveys.findSurveys(SYSTEM, {});
    surveyId = s.id;
    expect(s).toMatchObject({ status: 'draft', title: '2026年第四季度企业满意度调查' });
    expect(s.questions.map((q) => q.kind)).toEqual(['rating', 'text', 'single']);
    expect(s.questions[2].options?.map((o) => o.label)).toEqual(['保洁', '电梯', '报修']);
    await page.getByTestId(`survey-open-${surveyId}`).click();
    await page.getByTestId('survey-open-confirm').click();
    await page.getByTestId('survey-status').getByText('进行中').waitFor();
    expect((await services.surveys.getSurvey(SYSTEM, surveyId)).invited).toBe(3);
    await screenshot(page, 'surveys-list');
  });

  test('an enterprise admin answers from the home card; the same enterprise’s second answer is refused', async () => {
    const a = await parkos.signIn('a.admin');
    // A second tab with the form, opened before the first answer is sent.
    const stale = await a.context.newPage();
    await stale.goto(`/surveys/${surveyId}`);
    await stale.getByTestId('survey-answer-form').waitFor();
    await a.page.goto('/');
    await a.page.getByTestId('home-surveys').getByText('1 份调查待填写').waitFor();
    await a.page.getByTestId('home-surveys-go').click();
    await a.page.waitForURL(new RegExp(`/surveys/${surveyId}$`));
    await answer(a.page, 4, '电梯', '电梯经常故障，等待时间太长。保洁很好');
    await a.page.getByTestId('survey-answered').waitFor();
    await answer(stale, 1, '保洁', '再提交一次');
    await stale.getByTestId('survey-answer-refused').getByText('只能提交一次').waitFor();
    const rows = await services.surveys.findResponses(SYSTEM, surveyId);
    expect(rows.map((r) => [r.enterpriseName, r.answers.q1])).toEqual([[names.a, 4]]);
    await a.context.close();
  });

  test('a second enterprise admin answers on a phone', async () => {
    const { context, page } = await parkos.signIn('c.admin', PHONE);
    await page.goto('/surveys');
    await page.getByTestId(`survey-go-${surveyId}`).click();
    await page.getByTestId('survey-answer-form').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'surveys-answer-phone');
    await answer(page, 2, '报修', '报修响应慢，电梯等待时间长，空调噪音大');
    await page.getByTestId('survey-answered').waitFor();
    expect(await page.getByTestId('survey-my-answer').innerText()).toContain('报修');
    await fitsPhone(page);
    await context.close();
  });

  test('the operator sees the response rate and the top terms; property staff only their own district', async () => {
    const { page } = op;
    await page.goto(`/surveys/${surveyId}`);
    await page.getByTestId('survey-results').waitFor();
    await expect.poll(() => page.getByTestId('survey-response-rate').innerText()).toContain('66.7%');
    const terms = page.getByTestId('survey-terms-list-q2');
    await expect.poll(() => terms.innerText()).toContain('电梯 × 2');
    expect(await terms.innerText()).toContain('等待时间 × 2');
    expect(await terms.innerText()).not.toMatch(/(^|\s)很 ×/);
    expect(await page.getByTestId('survey-mean-q1').innerText()).toContain('3.00 / 5');
    expect(await page.getByTestId('survey-responses').innerText()).toContain(names.c);
    await screenshot(page, 'surveys-results');
    await terms.scrollIntoViewIfNeeded();
    await screenshot(page, 'surveys-results-terms');
    await op.context.close();

    const { context, page: pp } = await parkos.signIn('b.property', PHONE);
    await pp.goto(`/surveys/${surveyId}`);
    await pp.getByTestId('survey-results').waitFor();
    const table = await pp.getByTestId('survey-district-table').innerText();
    expect(table).toContain('B区');
    expect(table).not.toContain('A区');
    expect(await pp.getByTestId('survey-response-rate').innerText()).toContain('100.0%');
    const body = await pp.locator('body').innerText();
    for (const n of Object.values(names)) expect(body).not.toContain(n);
    expect(await pp.getByTestId('survey-responses').count()).toBe(0);
    await fitsPhone(pp);
    await screenshot(pp, 'surveys-results-property-phone');
    await context.close();
  });
});
