import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { PHONE, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * The return-to-work ledger (复工台账) in a real browser: an operator opens a campaign with an extra field
 * designed in the form designer, an enterprise admin reports from a 375 px phone, and the report's
 * discrepancy against the park's gate pass scans shows in the operator's overview with its reason.
 * Runs its own ParkOS in-process (a fresh embedded database) so that gate scans can be laid down directly.
 */
let parkos: InProcessParkOS;
let parkId = '';
let enterpriseId = '';
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'rtw',
    seed: async (services) => {
      const place = await buildPark(services, '复工测试园区');
      parkId = place.park.id;
      const ent = await buildEnterprise(services, parkId, place.site.id, '蓉城复工科技有限公司');
      enterpriseId = ent.id;
      await services.parks.createLease(SYSTEM, ent.id, { unitId: place.units[0].id, startDate: '2026-01-01', endDate: '2028-12-31', monthlyRentFen: 100_000 });
      await buildEnterprise(services, parkId, place.site.id, '锦江未报科技有限公司');
      await services.identity.createUserAsSystem(SYSTEM, { username: 'rtw.op', displayName: '运营 王敏', password: TEST_PASSWORD, grants: [{ role: 'operator', scopeType: 'park', scopeId: parkId }] });
      await services.identity.createUserAsSystem(SYSTEM, { username: 'rtw.ent', displayName: '企业管理员 陈静', password: TEST_PASSWORD, grants: [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ent.id }] });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** Twelve distinct people of the enterprise let in at a gate today (accepted pass scans). */
async function seedGateScans(people: number) {
  const gateId = crypto.randomUUID();
  const at = new Date(Math.max(Date.now() - 60_000, Date.parse(`${today}T00:00:00+08:00`) + 1000));
  for (let i = 0; i < people; i++) {
    const [p] = await parkos.database.query<{ id: string }>(
      `insert into passes (kind, park_id, enterprise_id, visitor_name, valid_from, valid_to) values ('visitor', $1, $2, $3, now() - interval '1 day', now() + interval '1 day') returning id::text as id`,
      [parkId, enterpriseId, `员工${i}`],
    );
    await parkos.database.query(`insert into pass_scans (gate_id, park_id, pass_id, holder_kind, nonce, result, reason, via, scanned_at) values ($1, $2, $3, 'visitor', $4, 'accepted', 'ok', 'http', $5)`, [gateId, parkId, p.id, crypto.randomUUID(), at]);
  }
}

describe('return-to-work ledger in a real browser', () => {
  let campaignPath = '';

  test('an operator opens a daily campaign with an extra field from the form designer', async () => {
    const { context, page } = await parkos.signIn('rtw.op');
    await page.goto('/return-to-work');
    await page.getByTestId('rtw-create-open').click();
    await page.getByTestId('rtw-name').fill('复工复产每日台账');
    await page.getByTestId('rtw-deadline').fill('23:59');
    await page.getByTestId('designer-add-field').click();
    await page.getByTestId('designer-type-0').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="整数"]').click();
    await page.getByTestId('designer-label-zh-0').fill('口罩库存');
    await page.getByTestId('designer-label-en-0').fill('Masks in stock');
    await page.getByTestId('designer-key-0').fill('masksInStock');
    await screenshot(page, 'return-to-work-create');
    await page.getByTestId('rtw-create-submit').click();
    await page.waitForURL(/\/return-to-work\/[0-9a-f-]{36}$/);
    campaignPath = new URL(page.url()).pathname;
    await page.getByTestId('rtw-current-rate').waitFor();
    await expect.poll(() => page.getByTestId('rtw-current-rate').innerText()).toContain('0');
    await context.close();
  });

  test('the enterprise admin reports from a phone; a missing field is named, then the report is saved', async () => {
    await seedGateScans(12);
    const { context, page } = await parkos.signIn('rtw.ent', PHONE);
    await page.goto('/return-to-work');
    await page.locator('a[data-testid^="rtw-campaign-"]').first().click();
    const form = page.getByTestId('rtw-report-form');
    await form.locator('#root_peopleOnSite').waitFor();
    for (const label of ['返岗人数', '在岗人数', '来自风险地区人数', '防控措施', '联系电话', '口罩库存']) expect(await form.innerText()).toContain(label);
    await form.locator('#root_peopleReturned').fill('85');
    await form.locator('#root_peopleOnSite').fill('80');
    await form.locator('#root_peopleFromRiskAreas').fill('2');
    await form.locator('#root_healthChecksDone').fill('80');
    await form.locator('#root_contactName').fill('陈静');
    await form.locator('#root_contactPhone').fill('13800138001');
    await form.locator('button[type="submit"]').click();
    // The prevention measures were left out: named under the field, nothing sent.
    await expect.poll(() => form.locator('.ant-form-item-explain-error').first().innerText()).toBe('必填');
    await form.locator('#root_preventionMeasures').fill('每日测温两次，公共区域消毒');
    await form.locator('#root_masksInStock').fill('500');
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('rtw-my-status').waitFor();
    expect(await page.getByTestId('rtw-my-status').innerText()).toContain('第 1 版');
    // Nothing sticks out of a 375 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'return-to-work-phone');
    await context.close();
    const [row] = await parkos.database.query<{ people_on_site: number; values: Record<string, unknown> }>('select people_on_site, values from rtw_submissions where enterprise_id = $1', [enterpriseId]);
    expect(row.people_on_site).toBe(80);
    expect(row.values.masksInStock).toBe(500);
  });

  test('the overview shows the discrepancy against gate pass scans with its reason, and the operator follows it up', async () => {
    const { context, page } = await parkos.signIn('rtw.op');
    await page.goto(campaignPath);
    const flag = page.getByTestId(`rtw-flag-gate_scans_low-${enterpriseId}-${today}`);
    await flag.waitFor();
    expect(await flag.innerText()).toContain('填报在岗 80 人，但当期门禁通行仅 12 人');
    expect(await page.getByTestId('rtw-current-rate').innerText()).toContain('50');
    await page.getByTestId('rtw-building-chart').waitFor();
    await screenshot(page, 'return-to-work-overview');
    await flag.getByTestId('rtw-flag-follow-up').click();
    await page.getByTestId('rtw-follow-up-note').fill('已电话核实：部分员工走货运通道');
    await page.getByTestId('rtw-follow-up-submit').click();
    await expect.poll(() => flag.innerText()).toContain('已电话核实');
    const [f] = await parkos.database.query<{ status: string }>(`select status from rtw_flags where code = 'gate_scans_low' and enterprise_id = $1`, [enterpriseId]);
    expect(f.status).toBe('followed_up');
    // The export for the authorities is one click away.
    expect(await page.getByTestId('rtw-export').getAttribute('href')).toMatch(/\/api\/return-to-work\/campaigns\/.+\/export$/);
    // The overview fits a phone too.
    await page.setViewportSize(PHONE);
    await page.reload();
    await flag.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'return-to-work-overview-phone');
    await context.close();
  });

  test('the operator renames the campaign and closes it; the admin then sees it closed, without a form', async () => {
    const { context, page } = await parkos.signIn('rtw.op');
    await page.goto(campaignPath);
    await page.getByTestId('rtw-edit-open').click();
    await page.getByTestId('rtw-edit-name').fill('复工复产每日台账（第二阶段）');
    await page.getByTestId('rtw-edit-submit').click();
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('复工复产每日台账（第二阶段）');
    await page.getByTestId('rtw-close').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await expect.poll(() => page.getByTestId('rtw-status').innerText()).toBe('已结束');
    expect(await page.getByTestId('rtw-close').count()).toBe(0);
    const [c] = await parkos.database.query<{ status: string; name: string }>(`select status, name from rtw_campaigns where id = $1`, [campaignPath.split('/').pop()]);
    expect(c).toEqual({ status: 'closed', name: '复工复产每日台账（第二阶段）' });
    await context.close();
    const admin = await parkos.signIn('rtw.ent', PHONE);
    await admin.page.goto(campaignPath);
    await admin.page.getByTestId('rtw-closed').waitFor();
    expect(await admin.page.getByTestId('rtw-report-form').count()).toBe(0);
    await screenshot(admin.page, 'return-to-work-closed-phone');
    await admin.context.close();
  });
});
