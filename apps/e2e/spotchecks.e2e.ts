import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Services } from '../server/src/services';
import { buildCreditCode, SYSTEM } from '../server/src/testing/builders';
import { buildImage } from '../server/src/testing/files';
import { PHONE, pick, screenshot, switchToEnglish } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Third-party spot checks in a real browser, on its own ParkOS: the inspector, assigned to one district only,
 * records a check with a finding and a photo on a phone (375 px); the responsible company's staff see it and
 * respond with what they did; the operator verifies the fix from the findings list.
 */
let parkos: InProcessParkOS;
let services: Services;
let parkId = '';
const districtIds: Record<string, string> = {};

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'spotchecks',
    seed: async (built) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '抽查测试园区', code: `SC${Date.now() % 100000}` });
      parkId = park.id;
      const site = await p.createSite(SYSTEM, { parkId, name: '主园区' });
      const pc1 = await p.createPropertyCompany(SYSTEM, { name: '锦华物业服务有限公司', creditCode: buildCreditCode() });
      const pc2 = await p.createPropertyCompany(SYSTEM, { name: '安信物业管理有限公司', creditCode: buildCreditCode() });
      for (const [name, pc] of [['A区', pc1], ['B区', pc2]] as const) {
        const d = await p.createDistrict(SYSTEM, { siteId: site.id, name });
        districtIds[name] = d.id;
        await p.createPropertyContract(SYSTEM, { propertyCompanyId: pc.id, districtId: d.id, startDate: '2020-01-01', endDate: '2035-12-31', annualFeeFen: 100 });
      }
      await services.identity.createUserAsSystem(SYSTEM, { username: 'sc.op', displayName: '运营 王敏', password: 'Test-password-2026', grants: [{ role: 'operator', scopeType: 'park', scopeId: parkId }] });
      const insp = await services.identity.createUserAsSystem(SYSTEM, { username: 'sc.insp', displayName: '安全机构 吴芳', password: 'Test-password-2026', grants: [{ role: 'inspector', scopeType: 'all', scopeId: null }] });
      await services.identity.createUserAsSystem(SYSTEM, { username: 'sc.prop', displayName: '物业主管 张伟', password: 'Test-password-2026', grants: [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }] });
      // The inspector checks A区 only.
      await services.spotChecks.createAssignment(SYSTEM, { parkId, districtId: districtIds['A区'], inspectorUserId: insp.id, validFrom: '2020-01-01' });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** The page is no wider than the phone: nothing scrolls sideways. */
async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

async function uploadPhoto(page: Page, testId: string, name: string) {
  const image = path.join(os.tmpdir(), `${name}-${Date.now()}.png`);
  fs.writeFileSync(image, await buildImage('png'));
  await page.locator(`[data-testid="${testId}"] input[type="file"]`).first().setInputFiles(image);
  await page.locator(`[data-testid="${testId}"] .ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)`).first().waitFor();
  await expect.poll(() => page.locator('.ant-upload-list-item-uploading').count()).toBe(0);
}

describe('spot checks in a real browser', () => {
  let findingId = '';

  test('the inspector records a spot check with a finding and a photo on a phone, in its assigned district only', async () => {
    const { page } = await parkos.signIn('sc.insp', PHONE);
    await page.goto('/spot-checks');
    await page.getByTestId('spot-record').click();
    await page.waitForURL(/\/spot-checks\/new$/);
    await page.getByTestId('spot-district').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    // Only the assigned district is offered; B区 (not assigned) is not there.
    // Polled: the districts arrive after the dropdown opens (a busy CI machine read it half filled).
    await expect.poll(() => options.allInnerTexts()).toEqual(['A区（锦华物业服务有限公司）']);
    await options.first().click();
    await page.getByTestId('spot-area').fill('消防通道、配电房');
    await page.getByTestId('spot-add-finding').click();
    await page.getByTestId('spot-finding-description-0').fill('消防通道被电动车占用');
    await pick(page, 'spot-finding-severity-0', '较重');
    await uploadPhoto(page, 'spot-finding-photos-0', 'spot-finding');
    await fitsPhone(page);
    await screenshot(page, 'spotchecks-record-phone');
    await page.getByTestId('spot-submit').click();
    await page.waitForURL(/\/spot-checks$/);
    const [check] = await services.spotChecks.findChecks(SYSTEM, { parkId });
    expect(check).toMatchObject({ districtId: districtIds['A区'], area: '消防通道、配电房', findings: [expect.objectContaining({ description: '消防通道被电动车占用', severity: 'major', status: 'open' })] });
    expect(check.findings[0].photos).toHaveLength(1);
    findingId = check.findings[0].id;
    await page.getByTestId(`spot-check-${check.id}`).waitFor();
    await fitsPhone(page);
    await page.context().close();
  });

  test('the property company sees the finding and responds with what it did', async () => {
    const { page } = await parkos.signIn('sc.prop', PHONE);
    await page.goto('/spot-checks/findings');
    const card = page.getByTestId(`spot-finding-${findingId}`);
    await card.waitFor();
    expect(await card.innerText()).toContain('消防通道被电动车占用');
    await card.getByTestId('spot-respond').click();
    await page.getByTestId('spot-dialog-text').fill('已清理车辆并设置隔离桩，安排保安每日巡查');
    await uploadPhoto(page, 'spot-response-upload', 'spot-fix');
    await page.getByTestId('spot-dialog-ok').click();
    await expect.poll(async () => (await services.spotChecks.getFinding(SYSTEM, findingId)).status).toBe('responded');
    await expect.poll(() => card.innerText()).toContain('待复核');
    await fitsPhone(page);
    await screenshot(page, 'spotchecks-responded-phone');
    expect((await services.spotChecks.getFinding(SYSTEM, findingId)).responsePhotos).toHaveLength(1);
    await page.context().close();
  });

  test('the operator sees the district overview and verifies the fix', async () => {
    const { page } = await parkos.signIn('sc.op');
    await page.goto('/spot-checks');
    const overview = page.getByTestId('spot-overview');
    await overview.locator('tr', { hasText: 'A区' }).waitFor();
    expect(await overview.locator('tr', { hasText: 'A区' }).innerText()).toContain('锦华物业服务有限公司');
    await screenshot(page, 'spotchecks-overview');
    await page.goto('/spot-checks/findings');
    const card = page.getByTestId(`spot-finding-${findingId}`);
    await card.getByTestId('spot-accept').click();
    await expect.poll(async () => (await services.spotChecks.getFinding(SYSTEM, findingId)).status).toBe('closed');
    await expect.poll(() => card.innerText()).toContain('已验收');
    // In English, every word of the page is there (no raw keys).
    expect(await switchToEnglish(page)).toBe('en');
    await expect.poll(() => card.innerText()).toContain('Verified');
    expect(await card.innerText()).not.toMatch(/spotChecks\./);
    await screenshot(page, 'spotchecks-findings-en');
    await page.context().close();
    // The overview fits a phone: its table scrolls inside its card.
    const phone = await parkos.signIn('sc.op', PHONE);
    await phone.page.goto('/spot-checks');
    await phone.page.getByTestId('spot-overview').locator('tr', { hasText: 'A区' }).waitFor();
    await fitsPhone(phone.page);
    await screenshot(phone.page, 'spotchecks-overview-phone');
    await phone.context.close();
  });
});
