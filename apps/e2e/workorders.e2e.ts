import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A real (tiny) PNG: a 24×16 orange picture. */
function png(): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const w = 24;
  const h = 16;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.concat(Array.from({ length: h }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0).map((_, i) => [240, 140, 40][i % 3])])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Clicks the dialog's OK and waits until it has closed (once more if the first click hit its opening animation). */
async function confirmDialog(page: Page): Promise<void> {
  const ok = page.getByTestId('wo-dialog-ok');
  for (let attempt = 0; attempt < 2; attempt++) {
    await ok.click();
    const closed = await ok.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false);
    if (closed) return;
  }
  throw new Error('the dialog did not close');
}

async function statusText(page: Page): Promise<string> {
  return (await page.getByTestId('wo-status').first().innerText()).trim();
}

describe('work orders in a real browser', () => {
  test('a member files a request with a photo at 375 px → dispatched (or triaged by an operator) → property staff accept and resolve at 375 px → the member rates', async () => {
    const title = `会议室空调不制冷 E2E${Date.now() % 100000}`;
    // 1. The member, on a phone.
    const memberCtx = await newContext(browser, PHONE);
    const member = await memberCtx.newPage();
    await login(member, 'ent.member');
    await member.goto('/work-orders/new');
    await member.getByTestId('wo-form-title').fill(title);
    await member.getByTestId('wo-form-description').fill('开了空调一直吹热风，办公室太热');
    await member.getByTestId('wo-form-building').click();
    await member.keyboard.type('A1栋');
    await member.keyboard.press('Enter');
    await member.getByTestId('wo-form-location').fill('3楼 301 会议室');
    await member.getByTestId('wo-photo-input').setInputFiles({ name: 'ac.png', mimeType: 'image/png', buffer: png() });
    await member.getByTestId('wo-form-previews').waitFor();
    await screenshot(member, 'wo-request-form-phone');
    await member.getByTestId('wo-form-submit').click();
    await member.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const orderUrl = new URL(member.url()).pathname;
    await member.getByTestId('wo-photos').waitFor();
    await member.getByTestId('wo-decision').waitFor();
    const first = await statusText(member);
    expect(['已派单', '待分派']).toContain(first);
    await screenshot(member, 'wo-request-filed-phone');

    // 2. Low confidence: an operator confirms it in the triage queue.
    if (first === '待分派') {
      const opCtx = await newContext(browser, DESKTOP);
      const op = await opCtx.newPage();
      await login(op, 'operator');
      await op.goto('/dispatch/triage');
      const row = op.locator('tr', { hasText: title });
      await row.waitFor();
      await screenshot(op, 'wo-triage-desktop');
      await expect.poll(() => row.getByTestId('triage-confirm').isEnabled()).toBe(true);
      await row.getByTestId('triage-confirm').click();
      await expect.poll(() => op.locator('tr', { hasText: title }).count()).toBe(0);
      await opCtx.close();
    }

    // 3. Property staff, on a phone: queue → accept → start → photo → resolve.
    const staffCtx = await newContext(browser, PHONE);
    const staff = await staffCtx.newPage();
    await login(staff, 'property');
    await staff.goto('/work-orders');
    await staff.getByTestId('wo-card').filter({ hasText: title }).waitFor();
    await screenshot(staff, 'wo-staff-queue-phone');
    await staff.getByTestId('wo-card').filter({ hasText: title }).click();
    await staff.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    await screenshot(staff, 'wo-staff-detail-phone');
    await staff.getByTestId('wo-action-accept').click();
    await expect.poll(() => statusText(staff)).toBe('已接单');
    await staff.getByTestId('wo-action-start').click();
    await expect.poll(() => statusText(staff)).toBe('处理中');
    await staff.getByTestId('wo-photo-input').setInputFiles({ name: 'fixed.png', mimeType: 'image/png', buffer: png() });
    await expect.poll(() => staff.locator('[data-testid="wo-photos"] img').count()).toBe(2);
    await staff.getByTestId('wo-action-resolve').click();
    await staff.getByTestId('wo-dialog-comment').fill('已清洗滤网并补充冷媒，恢复制冷');
    await confirmDialog(staff);
    await expect.poll(() => statusText(staff), { timeout: 10_000 }).toBe('已解决');
    await screenshot(staff, 'wo-staff-resolved-phone');
    await staffCtx.close();

    // 4. The member follows progress and rates.
    await member.goto(orderUrl);
    await expect.poll(() => statusText(member)).toBe('已解决');
    expect(await member.getByTestId('wo-timeline').innerText()).toContain('已清洗滤网');
    await member.getByTestId('wo-action-rate').click();
    await member.locator('[data-testid="wo-rate-stars"] li').nth(3).click();
    await member.getByTestId('wo-rate-comment').fill('响应很快');
    await confirmDialog(member);
    await expect.poll(() => member.getByTestId('wo-timeline').innerText()).toContain('★★★★');
    await screenshot(member, 'wo-rated-phone');
    await memberCtx.close();
  }, 120_000);

  test('operators see the list with SLA colours and the dispatch model panel', async () => {
    const ctx = await newContext(browser, DESKTOP);
    const page = await ctx.newPage();
    await login(page, 'operator');
    await page.getByTestId('nav-work-orders').click();
    await page.getByTestId('wo-row-title').first().waitFor();
    await screenshot(page, 'wo-list-desktop');
    await page.getByTestId('wo-row-title').first().click();
    await page.getByTestId('wo-timeline').waitFor();
    await screenshot(page, 'wo-detail-desktop');
    // The triage queue: the demo's low-confidence order, confirmed with a team chosen by the operator.
    await page.getByTestId('nav-dispatch-triage').click();
    const rows = page.locator('[data-testid="triage-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const before = await rows.count();
    await screenshot(page, 'wo-triage-desktop');
    const row = rows.first();
    const title = (await row.locator('a').first().innerText()).trim();
    if (!(await row.getByTestId('triage-confirm').isEnabled())) {
      await row.getByTestId('triage-team').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    }
    await row.getByTestId('triage-confirm').click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    expect(await page.locator('[data-testid="triage-table"]').innerText()).not.toContain(title);
    await page.getByTestId('nav-dispatch-model').click();
    await page.getByTestId('model-category').waitFor();
    expect(await page.getByTestId('model-category').innerText()).toMatch(/v1/);
    await page.getByTestId('model-retrain').click();
    await expect.poll(() => page.getByTestId('model-category').innerText(), { timeout: 30_000 }).toMatch(/v2/);
    await screenshot(page, 'wo-model-desktop');
    await ctx.close();
  }, 90_000);
});
