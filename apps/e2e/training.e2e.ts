import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../server/src/lib/context';
import type { Services } from '../server/src/services';
import { buildCreditCode, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { PHONE, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Training (纵向延伸培训) in a real browser, on its own ParkOS: an operator schedules a session for both
 * property companies of the park, records attendance and exam scores on the session page, and the figures
 * page shows each company's attendance and pass rates as counted by hand; a property company's user then
 * sees only their own company, on a phone.
 */
let parkos: InProcessParkOS;
let services: Services;
let parkId = '';
const pc: Record<'A' | 'B', string> = { A: '', B: '' };
/** Staff ids by name. */
const staff: Record<string, string> = {};
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'training',
    seed: async (built) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '培训测试园区', code: `TR${Date.now() % 100000}` });
      parkId = park.id;
      const site = await p.createSite(SYSTEM, { parkId, name: '主园区' });
      const dA = await p.createDistrict(SYSTEM, { siteId: site.id, name: 'A区' });
      const dB = await p.createDistrict(SYSTEM, { siteId: site.id, name: 'B区' });
      const roster = {
        A: ['张伟', '刘建国', '黄丽娟', '徐明'],
        B: ['李强', '赵刚', '罗芳'],
      } as const;
      for (const [key, name, district] of [['A', '锦华物业服务有限公司', dA.id], ['B', '安信物业管理有限公司', dB.id]] as const) {
        const c = await p.createPropertyCompany(SYSTEM, { name, creditCode: buildCreditCode() });
        pc[key] = c.id;
        await p.createPropertyContract(SYSTEM, { propertyCompanyId: c.id, districtId: district, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
        const grant = { role: 'property' as const, scopeType: 'property_company' as const, scopeId: c.id };
        const u = await services.identity.createUserAsSystem(SYSTEM, { username: `tr.prop${key}`, displayName: `物业主管 ${key}`, password: TEST_PASSWORD, grants: [grant] });
        const ctx: RequestContext = { actor: { userId: u.id, username: `tr.prop${key}`, displayName: '', grants: [grant], via: 'session', access: 'write' } };
        for (const [k, staffName] of roster[key].entries()) staff[staffName] = (await services.training.createStaff(ctx, { propertyCompanyId: c.id, name: staffName, post: k === 0 ? 'supervisor' : 'security' })).id;
      }
      await services.identity.createUserAsSystem(SYSTEM, { username: 'tr.op', displayName: '运营 王敏', password: TEST_PASSWORD, grants: [{ role: 'operator', scopeType: 'park', scopeId: parkId }] });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** The page is no wider than the phone: nothing scrolls sideways. */
async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('training in a real browser', () => {
  let op: { context: BrowserContext; page: Page };
  let sessionId = '';

  test('an operator schedules a session for both companies and records attendance and exam scores', async () => {
    op = await parkos.signIn('tr.op');
    const { page } = op;
    await page.goto('/training/sessions');
    await page.getByTestId('training-session-new').click();
    await page.getByTestId('training-session-title').fill('消防安全知识与灭火器实操');
    await page.getByTestId('training-session-trainer').fill('高新消防救援大队 王教官');
    await page.getByTestId('training-session-date').fill(yesterday);
    await page.getByTestId('training-session-time').fill('09:30');
    await page.getByTestId('training-session-hours').fill('2');
    await page.getByTestId('training-session-companies').click();
    for (const name of ['锦华物业', '安信物业']) await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    await page.getByTestId('training-session-title').click();
    await page.getByTestId(`training-session-staff-${pc.B}`).waitFor();
    await screenshot(page, 'training-schedule-form');
    await page.getByTestId('training-session-form-submit').click();
    await page.waitForURL(/\/training\/sessions\/[0-9a-f-]{36}$/);
    sessionId = page.url().split('/').pop()!;
    const s = await services.training.getSession(SYSTEM, sessionId);
    expect(s).toMatchObject({ title: '消防安全知识与灭火器实操', date: yesterday, time: '09:30', hours: 2, hasExam: true, passMark: 60, invited: 7 });

    // Bulk entry on one page: 锦华 3 of 4 present (55, 60, 90), 安信 2 of 3 present (70, 40).
    const entries: [string, boolean, number | null][] = [
      ['张伟', true, 55],
      ['刘建国', true, 60],
      ['黄丽娟', true, 90],
      ['徐明', false, null],
      ['李强', true, 70],
      ['赵刚', true, 40],
      ['罗芳', false, null],
    ];
    await page.getByTestId('training-results').waitFor();
    for (const [name, present, score] of entries) {
      await page.getByTestId(`training-att-${staff[name]}`).getByText(present ? '出勤' : '缺勤').click();
      if (score !== null) await page.getByTestId(`training-score-${staff[name]}`).fill(String(score));
    }
    await page.getByTestId('training-save').click();
    await page.getByTestId('training-summary').waitFor();
    expect(await page.getByTestId('training-summary').innerText()).toContain('应到 7 人 · 实到 5 人 · 参考 5 人 · 通过 3 人');
    const saved = await services.training.getSession(SYSTEM, sessionId);
    expect(Object.fromEntries(saved.invitations.map((i) => [i.staffName, [i.attended, i.score, i.passed]]))).toEqual({
      张伟: [true, 55, false],
      刘建国: [true, 60, true],
      黄丽娟: [true, 90, true],
      徐明: [false, null, null],
      李强: [true, 70, true],
      赵刚: [true, 40, false],
      罗芳: [false, null, null],
    });
    await screenshot(page, 'training-session-results');

    // The results sheet: downloaded with what was entered; a bad score refuses the whole sheet, naming row and column.
    const sheet = await page.request.get(`/api/training/sessions/${sessionId}/results/template`);
    expect(sheet.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sheet.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const row = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getRow(r).getCell(2).value === '黄丽娟')!;
    ws.getRow(row).getCell(5).value = 150;
    const file = path.join(os.tmpdir(), `training-results-${Date.now()}.xlsx`);
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.locator('.ant-upload input[type="file"]').setInputFiles(file);
    await page.getByTestId('training-import-errors').waitFor();
    expect(await page.getByTestId('training-import-errors').innerText()).toContain(`第 ${row} 行 E 列`);
    expect((await services.training.getSession(SYSTEM, sessionId)).invitations.find((i) => i.staffName === '黄丽娟')!.score).toBe(90);
    await screenshot(page, 'training-import-errors');
    // The corrected sheet (黄丽娟 back to 90, 徐明 now present without an exam score) is saved whole.
    ws.getRow(row).getCell(5).value = 90;
    const xu = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getRow(r).getCell(2).value === '徐明')!;
    ws.getRow(xu).getCell(4).value = '是';
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.locator('.ant-upload input[type="file"]').setInputFiles(file);
    await expect.poll(async () => (await services.training.getSession(SYSTEM, sessionId)).invitations.find((i) => i.staffName === '徐明')!.attended).toBe(true);
    await page.getByTestId('training-import-errors').waitFor({ state: 'detached' });
    // Back as entered on the page, for the figures below.
    await services.training.recordResults(SYSTEM, sessionId, { results: [{ staffId: staff['徐明'], attended: false }] });
  });

  test('the figures page shows each company’s attendance and pass rates as counted by hand', async () => {
    const { page } = op;
    await page.goto('/training/figures');
    await page.getByTestId('training-trend').waitFor();
    // 锦华: 3/4 attended = 75.0 %, 2/3 passed = 66.7 %; 安信: 2/3 = 66.7 %, 1/2 = 50.0 %.
    const card = (key: 'A' | 'B') => page.getByTestId(`training-figures-${pc[key]}`);
    await expect.poll(() => card('A').getByTestId('training-stat-attendance').innerText()).toContain('75.0%');
    expect(await card('A').getByTestId('training-stat-pass').innerText()).toContain('66.7%');
    expect(await card('B').getByTestId('training-stat-attendance').innerText()).toContain('66.7%');
    expect(await card('B').getByTestId('training-stat-pass').innerText()).toContain('50.0%');
    await screenshot(page, 'training-figures');
    await page.goto('/training/staff');
    await page.getByTestId('training-staff-table').getByText('黄丽娟').click();
    await page.getByTestId('training-staff-record').waitFor();
    expect(await page.getByTestId('training-staff-record').innerText()).toContain('90');
    await screenshot(page, 'training-staff-record');
    await op.context.close();
  });

  test('a property company’s user sees only their own company, on a phone', async () => {
    const { context, page } = await parkos.signIn('tr.propB', PHONE);
    await page.goto('/training/figures');
    await page.getByTestId(`training-figures-${pc.B}`).waitFor();
    expect(await page.getByTestId(`training-figures-${pc.A}`).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('锦华');
    await fitsPhone(page);
    await screenshot(page, 'training-figures-phone');

    await page.goto(`/training/sessions/${sessionId}`);
    await page.getByTestId('training-results').waitFor();
    const text = await page.getByTestId('training-results').innerText();
    for (const name of ['李强', '赵刚', '罗芳']) expect(text).toContain(name);
    for (const name of ['张伟', '刘建国', '黄丽娟', '徐明']) expect(text).not.toContain(name);
    expect(await page.getByTestId('training-save').count()).toBe(0);
    await fitsPhone(page);
    await screenshot(page, 'training-session-phone');

    // Their roster: they add a staff member; another company's staff member is not found.
    await page.goto('/training/staff');
    await page.getByTestId('training-staff-add').click();
    await page.getByTestId('training-staff-name').fill('宋佳');
    await page.getByTestId('training-staff-form-submit').click();
    await page.getByTestId('training-staff-form').waitFor({ state: 'hidden' });
    await page.getByTestId('training-staff-table').getByText('宋佳').waitFor();
    expect(await page.getByTestId('training-staff-table').innerText()).not.toContain('张伟');
    await fitsPhone(page);
    await screenshot(page, 'training-staff-phone');
    const res = await page.request.get(`/api/training/staff/${staff['张伟']}`);
    expect(res.status()).toBe(404);
    await context.close();
  });
});
