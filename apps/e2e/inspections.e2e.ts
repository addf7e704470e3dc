import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Services } from '../server/src/services';
import { buildCreditCode, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { buildImage } from '../server/src/testing/files';
import { DESKTOP, PHONE, pick, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * On-site inspections in a real browser, on its own ParkOS: at 375 px an operator starts an
 * inspection, the phone loses its connection mid-run, a failed item gets a photo and the run is
 * submitted (kept on the phone: "offline — saved, will send"); back online it is sent once, and the
 * finding's work order exists with the photo.
 */
let parkos: InProcessParkOS;
let services: Services;
let parkId = '';
let districtId = '';

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'inspections',
    seed: async (built) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '检查测试园区', code: `IN${Date.now() % 100000}` });
      parkId = park.id;
      const site = await p.createSite(SYSTEM, { parkId, name: '主园区' });
      const district = await p.createDistrict(SYSTEM, { siteId: site.id, name: 'A区' });
      districtId = district.id;
      const company = await p.createPropertyCompany(SYSTEM, { name: '锦华物业服务有限公司', creditCode: buildCreditCode() });
      await p.createPropertyContract(SYSTEM, { propertyCompanyId: company.id, districtId, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100_000_00 });
      await services.identity.createUserAsSystem(SYSTEM, { username: 'insp.op', displayName: '园区运营 王敏', password: TEST_PASSWORD, grants: [{ role: 'operator', scopeType: 'park', scopeId: parkId }] });
      const template = await services.inspections.createTemplate(SYSTEM, {
        parkId,
        purpose: 'inspection',
        name: '消防安全检查',
        items: [
          { key: 'exit', label: '安全出口、疏散通道畅通', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'critical', category: 'fire' },
          { key: 'record', label: '消防控制室值班记录完整', kind: 'pass_fail', photoRequiredOnFail: false, severity: 'minor' },
        ],
      });
      await services.inspections.createRoute(SYSTEM, { parkId, purpose: 'inspection', name: 'A区月度消防检查', checkpoints: [{ key: 'a', name: 'A区消防设施', kind: 'district', districtId, templateId: template.id }] });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}
const count = async (sql: string, params: unknown[] = []) => (await parkos.database.query<{ n: number }>(sql, params))[0].n;

describe('on-site inspections in a real browser', () => {
  test('at 375 px an operator inspects offline, the run is sent once when back online, and the failed item’s work order has its photo', async () => {
    const { context, page } = await parkos.signIn('insp.op', PHONE);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto('/inspections');
    await pick(page, 'inspection-route', 'A区月度消防检查');
    await page.getByTestId('inspection-start').click();
    await page.getByTestId('checkpoint-a').waitFor();
    await page.getByTestId('mark-a-record-pass').click();
    await fitsPhone(page);

    // The connection drops mid-run.
    await context.setOffline(true);
    await page.getByTestId('walk-offline-banner').waitFor();
    await page.getByTestId('mark-a-exit-fail').click();
    await page.getByTestId('note-a-exit').fill('消防通道堆放纸箱，无法通行');
    // Without the photo the phone refuses to submit.
    await page.getByTestId('walk-submit').click();
    expect(await count('select count(*)::int as n from inspection_runs')).toBe(0);
    await page.getByTestId('photo-a-exit').setInputFiles({ name: '安全出口.png', mimeType: 'image/png', buffer: await buildImage('png') });
    await page.getByTestId('item-a-exit').locator('img').waitFor();
    expect(await page.getByTestId('order-a-exit').isChecked()).toBe(true);
    await page.getByTestId('walk-submit').click();
    await page.waitForTimeout(2000);
    await screenshot(page, 'inspection-offline-submit-phone');
    console.log('page problems:', problems.join(' | '));
    await expect.poll(() => page.getByTestId('walk-queued').innerText()).toContain('离线——已保存，联网后自动发送');
    await screenshot(page, 'inspection-offline-saved-phone');
    await page.waitForTimeout(1000);
    expect(await count('select count(*)::int as n from inspection_runs')).toBe(0);
    expect(await count("select count(*)::int as n from files where owner_type is null")).toBe(0);

    // Back online: the photo is uploaded, then the run is sent, once.
    await context.setOffline(false);
    await page.waitForURL(/\/inspections\/runs\//, { timeout: 30_000 });
    await page.getByTestId('workorder-link-a-exit').waitFor();
    expect(await count('select count(*)::int as n from inspection_runs')).toBe(1);
    const [finding] = await parkos.database.query<{ id: string; work_order_id: string; points: number; property_company_id: string }>(
      "select id::text, work_order_id::text, points, property_company_id::text from inspection_results where item_key = 'exit'",
    );
    expect(finding.work_order_id).toBeTruthy();
    expect(finding.points).toBe(10);
    expect(await count("select count(*)::int as n from files where owner_type = 'inspection_result' and owner_id = $1", [finding.id])).toBe(1);
    expect(await count("select count(*)::int as n from work_orders where source = 'inspection' and district_id = $1", [districtId])).toBe(1);
    expect(await count("select count(*)::int as n from files where owner_type = 'work_order' and owner_id = $1", [finding.work_order_id])).toBe(1);
    await fitsPhone(page);
    await screenshot(page, 'inspection-run-phone');

    // The run's link leads to the work order, whose photo shows.
    await page.getByTestId('workorder-link-a-exit').click();
    await page.waitForURL(/\/work-orders\//);
    await page.getByTestId('wo-photos').locator('img').first().waitFor();
    await screenshot(page, 'inspection-work-order-phone');
    // Nothing is left waiting on the phone, and nothing was sent twice.
    await page.goto('/inspections');
    await page.getByRole('tab', { name: '检查记录' }).click();
    await page.getByText('A区月度消防检查').first().waitFor();
    await page.waitForTimeout(1500);
    expect(await count('select count(*)::int as n from inspection_runs')).toBe(1);
    expect(await count("select count(*)::int as n from work_orders where source = 'inspection'")).toBe(1);
    await context.close();
    void parkId;
  });

  test('the setup page lists templates and routes at 1440 px', async () => {
    const { context, page } = await parkos.signIn('insp.op', DESKTOP);
    await page.goto('/inspections/setup');
    await page.getByText('消防安全检查').first().waitFor();
    await screenshot(page, 'inspection-setup');
    await page.goto('/inspections');
    await page.getByRole('tab', { name: '检查记录' }).click();
    await page.getByText('A区月度消防检查').first().waitFor();
    await screenshot(page, 'inspections-desktop');
    await context.close();
  });
});
