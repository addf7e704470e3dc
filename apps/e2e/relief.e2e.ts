import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../server/src/lib/context';
import type { Services } from '../server/src/services';
import { buildCreditCode, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { buildImage } from '../server/src/testing/files';
import { PHONE, pick, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Rent relief in a real browser, on its own ParkOS (the built web app on a fresh embedded
 * database): an operator creates and opens a programme; an ineligible enterprise admin sees why
 * on a phone; an eligible one applies with a material from the micro-park home; the review's
 * last 会签 approval is given in the browser; the rent bill then shows its credit note and the
 * reduced amount due, and the dashboard the relief granted.
 */
let parkos: InProcessParkOS;
let services: Services;
let parkId = '';
const ctxs: Record<string, RequestContext> = {};
const ent: Record<string, string> = {};

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'relief',
    seed: async (built) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '减租测试园区', code: `RL${Date.now() % 100000}` });
      parkId = park.id;
      const site = await p.createSite(SYSTEM, { parkId, name: '主园区' });
      const district = await p.createDistrict(SYSTEM, { siteId: site.id, name: 'A区' });
      const building = await p.createBuilding(SYSTEM, { districtId: district.id, name: 'A1栋', floorsAboveGround: 3 });
      const floor = await p.createFloor(SYSTEM, { buildingId: building.id, level: 1 });
      const spec = [
        ['A', '甲小微科技有限公司', 'small', '101', 120, 1_000_000],
        ['B', '乙大型集团有限公司', 'large', '102', 800, 8_000_000],
      ] as const;
      for (const [key, name, size, code, area, rent] of spec) {
        const unit = await p.createUnit(SYSTEM, { floorId: floor.id, code, area });
        const e = await p.createEnterprise(SYSTEM, { parkId, siteId: site.id, legalName: name, creditCode: buildCreditCode(), industry: 'software', size, contactPhone: '13800138000' });
        ent[key] = e.id;
        await p.createLease(SYSTEM, e.id, { unitId: unit.id, startDate: '2026-01-01', endDate: '2027-12-31', monthlyRentFen: rent });
      }
      const add = async (username: string, displayName: string, grant: { role: 'operator' | 'enterprise_admin'; scopeType: 'park' | 'enterprise'; scopeId: string }) => {
        const u = await services.identity.createUserAsSystem(SYSTEM, { username, displayName, password: TEST_PASSWORD, grants: [grant] });
        ctxs[username] = { actor: { userId: u.id, username, displayName, grants: [grant], via: 'session', access: 'write' } };
      };
      await add('relief.op', '运营 王敏', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('relief.prop', '物业 张伟', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('relief.fin', '财务 李娜', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('a.admin', '企业管理员 陈静', { role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ent.A });
      await add('b.admin', '企业管理员 赵磊', { role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ent.B });
      const user = (u: string) => ({ kind: 'user' as const, userId: ctxs[u].actor.userId });
      await services.approvals.createFlow(SYSTEM, {
        parkId,
        key: 'rent_relief.review',
        nameZh: '疫情减租审批',
        nameEn: 'Rent relief review',
        steps: [
          { nameZh: '物业公司核查', nameEn: 'Property check', mode: 'any', approvers: [user('relief.prop')], condition: null, dueHours: null, escalation: null },
          { nameZh: '园区财务审核', nameEn: 'Park finance', mode: 'any', approvers: [user('relief.fin')], condition: null, dueHours: null, escalation: null },
          { nameZh: '园区领导会签', nameEn: 'Leadership countersign', mode: 'all', approvers: [user('relief.fin'), user('relief.op')], condition: null, dueHours: null, escalation: null },
        ],
      });
      // January's rent is billed already.
      await services.billing.generatePeriodBills(SYSTEM, { parkId, period: '2027-01' });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** The page is no wider than the phone: nothing scrolls sideways. */
async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('rent relief in a real browser', () => {
  let programmeId = '';
  let op: { context: BrowserContext; page: Page };

  test('an operator creates a programme and opens it', async () => {
    op = await parkos.signIn('relief.op');
    const { page } = op;
    await page.goto('/relief/programmes');
    await page.getByTestId('relief-new-programme').click();
    await pick(page, 'relief-form-park', '减租测试园区');
    await page.getByTestId('relief-form-name').fill('2027年一季度疫情减租');
    await page.getByTestId('relief-form-from').fill('2027-01');
    await page.getByTestId('relief-form-to').fill('2027-03');
    await page.getByTestId('relief-form-lease-date').fill('2026-12-01');
    await page.getByTestId('relief-form-sizes').click();
    for (const size of ['微型', '小型']) await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: size }).first().click();
    await page.getByTestId('relief-form-name').click();
    await page.getByTestId('relief-form-value').fill('50');
    await page.getByTestId('relief-form-cap').fill('20000');
    await page.getByTestId('relief-form-budget').fill('100000');
    await pick(page, 'relief-form-flow', 'rent_relief.review');
    await screenshot(page, 'relief-programme-form');
    await page.getByTestId('relief-programme-form-submit').click();
    await page.getByTestId('relief-programme-form').waitFor({ state: 'hidden' });
    const [row] = (await services.relief.findProgrammes(SYSTEM, { page: 1, pageSize: 10 })).items;
    programmeId = row.id;
    expect(row).toMatchObject({ name: '2027年一季度疫情减租', sizes: ['micro', 'small'], reliefKind: 'percent', reliefValue: 50, capPerEnterpriseFen: 2_000_000, budgetFen: 10_000_000, status: 'draft' });
    // While a draft, its rules are edited in the same form, filled with the programme.
    await page.getByTestId(`relief-edit-${programmeId}`).click();
    expect(await page.getByTestId('relief-form-name').inputValue()).toBe('2027年一季度疫情减租');
    expect(await page.getByTestId('relief-form-cap').inputValue()).toBe('20000.00');
    await page.getByTestId('relief-form-value').fill('40');
    await page.getByTestId('relief-programme-form-submit').click();
    await page.getByTestId('relief-programme-form').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await services.relief.findProgrammes(SYSTEM, { page: 1, pageSize: 10 })).items[0].reliefValue).toBe(40);
    await page.getByTestId(`relief-edit-${programmeId}`).click();
    await page.getByTestId('relief-form-value').fill('50');
    await page.getByTestId('relief-programme-form-submit').click();
    await page.getByTestId('relief-programme-form').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await services.relief.findProgrammes(SYSTEM, { page: 1, pageSize: 10 })).items[0].reliefValue).toBe(50);
    await page.getByTestId(`relief-open-${programmeId}`).click();
    await page.getByText('申请中').first().waitFor();
    await screenshot(page, 'relief-programmes');
  });

  test('an ineligible enterprise admin sees why, on a phone', async () => {
    const { context, page } = await parkos.signIn('b.admin', PHONE);
    await page.goto('/relief');
    await page.getByTestId('relief-not-eligible').waitFor();
    await expect.poll(() => page.getByTestId('relief-reason-size_not_eligible').innerText()).toContain('大型');
    expect(await page.getByTestId('relief-reason-size_not_eligible').innerText()).toContain('微型、小型');
    expect(await page.getByTestId('relief-apply').count()).toBe(0);
    await fitsPhone(page);
    await screenshot(page, 'relief-not-eligible-phone');
    await context.close();
  });

  test('an eligible enterprise admin applies with a material from the micro-park home; approval reduces the rent bill by exactly the relief', async () => {
    const a = await parkos.signIn('a.admin', PHONE);
    await a.page.goto('/');
    await a.page.getByTestId('home-relief-go').click();
    await a.page.waitForURL(/\/relief$/);
    await a.page.getByTestId('relief-eligible').waitFor();
    expect(await a.page.getByTestId('relief-eligible').innerText()).toContain('15,000.00');
    // On a phone the relief lines are cards, one per month and unit.
    expect(await a.page.getByTestId('relief-lines').getByTestId('responsive-row').count()).toBe(3);
    await a.page.getByTestId('relief-apply-note').fill('受疫情影响，一季度营业收入下降约四成。');
    const image = path.join(os.tmpdir(), `relief-lease-${Date.now()}.png`);
    fs.writeFileSync(image, await buildImage('png'));
    await a.page.locator('[data-testid="relief-upload"] input[type="file"], .ant-upload input[type="file"]').first().setInputFiles(image);
    await a.page.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await expect.poll(() => a.page.locator('.ant-upload-list-item-uploading').count()).toBe(0);
    await a.page.getByTestId('relief-apply').click();
    await a.page.getByTestId('relief-application').waitFor();
    expect(await a.page.getByTestId('relief-app-status').first().innerText()).toContain('审批中');
    await a.page.getByTestId('case-step-0').waitFor();
    await fitsPhone(a.page);
    await screenshot(a.page, 'relief-applied-phone');

    const [app] = (await services.relief.findApplications(SYSTEM, { programmeId, page: 1, pageSize: 10 })).items;
    const detail = await services.relief.getApplication(SYSTEM, app.id);
    expect(detail.materials).toHaveLength(1);
    await services.approvals.act(ctxs['relief.prop'], app.caseId!, { type: 'approve', comment: '合同与发票已核对' });
    await services.approvals.act(ctxs['relief.fin'], app.caseId!, { type: 'approve' });
    await services.approvals.act(ctxs['relief.fin'], app.caseId!, { type: 'approve' });

    // The last 会签 approval, in the browser.
    await op.page.goto(`/approvals/cases/${app.caseId}`);
    await op.page.getByTestId('case-act-approve').click();
    await op.page.getByTestId('case-action-form-submit').click();
    await op.page.getByTestId('case-action-form').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await services.relief.getApplication(SYSTEM, app.id)).status).toBe('approved');
    await op.page.goto(`/relief/programmes/${programmeId}`);
    await op.page.getByTestId('relief-chart-site').waitFor();
    expect(await op.page.getByTestId('relief-stat-granted').innerText()).toContain('15,000.00');
    expect(await op.page.getByTestId('relief-export').getAttribute('href')).toContain('/export.xlsx');
    await screenshot(op.page, 'relief-dashboard');

    // The applicant sees the decision and the credits; the rent bill shows its credit note and what is left to pay.
    await a.page.goto('/relief');
    await expect.poll(() => a.page.getByTestId('relief-app-status').first().innerText()).toContain('已批准');
    await a.page.getByTestId('relief-credits').waitFor();
    await a.page.goto('/bills');
    const credit = a.page.getByTestId('bill-credit-note').first();
    await credit.waitFor();
    expect(await credit.innerText()).toContain('5,000.00');
    expect(await a.page.getByTestId('bill-amount-due').first().innerText()).toContain('5,000.00');
    const [bill] = (await services.billing.findBills(SYSTEM, { enterpriseId: ent.A, kind: 'rent', period: '2027-01', page: 1, pageSize: 5 })).items;
    expect(bill).toMatchObject({ amountFen: 1_000_000, creditedFen: 500_000, amountDueFen: 500_000 });
    await fitsPhone(a.page);
    await screenshot(a.page, 'relief-bill-credit-phone');
    await a.context.close();
    await op.context.close();
  });
});
