import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Services } from '../server/src/services';
import { buildCreditCode, buildPark, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { DESKTOP, PHONE, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Policy applications in a real browser: an enterprise admin on a phone sees why one policy is
 * not for them and that another is, applies with a material, an operator approves, and the
 * applicant sees the result and every step. Its own ParkOS in-process (fresh embedded database),
 * so the data is set up through the services and each user logs in once.
 */
let parkos: InProcessParkOS;
let services: Services;
const ids: Record<string, string> = {};
let admin: { context: BrowserContext; page: Page };
let operator: { context: BrowserContext; page: Page };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'policies',
    seed: async (built) => {
      services = built;
      const place = await buildPark(services, '政策测试园区');
      const ent = await services.parks.createEnterprise(SYSTEM, { parkId: place.park.id, siteId: place.site.id, legalName: '天府星云软件有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000', movedInAt: '2021-03-01' });
      const op = await services.identity.createUserAsSystem(SYSTEM, { username: 'policy.op', displayName: '企业服务 王敏', password: TEST_PASSWORD, grants: [{ role: 'operator', scopeType: 'park', scopeId: place.park.id }] });
      await services.identity.createUserAsSystem(SYSTEM, { username: 'policy.admin', displayName: '企业管理员 陈静', password: TEST_PASSWORD, grants: [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ent.id }] });
      await services.approvals.createFlow(SYSTEM, { parkId: place.park.id, key: 'policy.review', nameZh: '政策申报审核', nameEn: 'Policy review', steps: [{ nameZh: '企业服务中心初审', nameEn: 'Service centre check', mode: 'any', approvers: [{ kind: 'user', userId: op.id }], condition: null, dueHours: null, escalation: null }] });
      const deadline = new Date(Date.now() + 20 * 86_400_000);
      const open = await services.policies.createPolicy(SYSTEM, { parkId: place.park.id, title: '高新技术企业认定奖励', issuer: '成都高新区科技创新局', documentNo: '成高科发〔2026〕15号', summary: '首次通过认定的企业一次性奖励 20 万元', deadline, industries: ['software', 'ai'], minAgeYears: 1, amountKind: 'fixed', amountFen: 20_000_000, materials: ['高新技术企业证书'], flowKey: 'policy.review' });
      const other = await services.policies.createPolicy(SYSTEM, { parkId: place.park.id, title: '生物医药企业临床试验补贴', issuer: '成都市经信局', deadline, industries: ['biotech'], amountKind: 'up_to', amountFen: 100_000_000, materials: ['临床试验批件'], flowKey: 'policy.review' });
      for (const p of [open, other]) await services.policies.updatePolicy(SYSTEM, p.id, { status: 'published' });
      Object.assign(ids, { open: open.id, other: other.id });
    },
  });
  admin = await parkos.signIn('policy.admin', PHONE);
  operator = await parkos.signIn('policy.op', DESKTOP);
}, 120_000);
afterAll(() => parkos?.close());

describe('policy applications in a real browser', () => {
  test('on a phone, the enterprise admin sees which policies they may apply for and why not', async () => {
    const { page } = admin;
    await page.goto('/policies');
    await page.getByTestId(`policy-card-${ids.open}`).waitFor();
    await expect.poll(() => page.getByTestId(`policy-card-${ids.open}`).innerText()).toContain('符合条件');
    await expect.poll(() => page.getByTestId(`policy-card-${ids.other}`).innerText()).toContain('不符合条件');
    // Nothing overflows the 375 px screen sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'policies-list-phone');
    await page.getByTestId(`policy-card-${ids.other}`).click();
    await page.getByTestId('reason-industry').waitFor();
    expect(await page.getByTestId('reason-industry').innerText()).toBe('所属行业（软件）不在适用范围：生物科技');
    expect(await page.getByTestId('apply-card').count()).toBe(0);
  });

  test('the admin applies with a material, the operator approves, the applicant sees the result and the steps', async () => {
    const { page } = admin;
    await page.goto(`/policies/${ids.open}`);
    await page.getByTestId('policy-eligibility').waitFor();
    expect(await page.getByTestId('policy-eligibility').innerText()).toContain('贵企业符合本政策的申报条件');
    expect(await page.getByTestId('apply-submit').isDisabled()).toBe(true);
    await page.getByTestId('material-0').locator('input[type=file]').setInputFiles({ name: '高新证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.getByTestId('material-0').innerText()).toContain('已上传：高新证书.pdf');
    await screenshot(page, 'policies-apply-phone');
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => page.getByTestId('application-status').innerText()).toBe('审批中');
    const [application] = (await services.policies.findApplications(SYSTEM, { page: 1, pageSize: 10, policyId: ids.open })).items;
    expect(application).toMatchObject({ status: 'submitted', requestedAmountFen: 20_000_000 });

    const op = operator.page;
    await op.goto('/policies');
    await op.getByRole('tab', { name: '申报记录' }).click();
    await op.getByRole('link', { name: '高新技术企业认定奖励' }).last().click();
    await op.waitForURL(`**/policies/applications/${application.id}`);
    await op.getByRole('link', { name: '高新证书.pdf' }).waitFor();
    await op.getByTestId('case-act-approve').click();
    await op.getByTestId('case-action-text').fill('材料齐全，同意');
    await op.getByTestId('case-action-form-submit').click();
    await expect.poll(() => op.getByTestId('application-status').innerText()).toBe('已通过');
    await screenshot(op, 'policies-application-operator');

    await page.reload();
    await expect.poll(() => page.getByTestId('application-status').innerText()).toBe('已通过');
    expect(await page.getByTestId('granted-amount').innerText()).toBe('¥200,000.00');
    await page.getByTestId('case-action-approve').waitFor();
    expect(await page.getByTestId('case-action-submit').count()).toBe(1);
    expect(await page.getByTestId('case-step-0').innerText()).toContain('企业服务中心初审');
    await screenshot(page, 'policies-result-phone');
    const after = await services.policies.getApplication(SYSTEM, application.id);
    expect(after).toMatchObject({ status: 'approved', grantedAmountFen: 20_000_000 });
  });
});
