import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, PHONE, launchBrowser, login, newContext, screenshot, switchToEnglish } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const suffix = String(Date.now()).slice(-6);
const invited = `new.hire${suffix}`;
const joiner = `joiner${suffix}`;

/** A same-origin API call from the page (the session cookie and CSRF token are the page's own). */
async function apiFrom(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await fetch('/api/auth/me');
      const csrf = me.ok ? ((await me.json()) as { csrfToken: string | null }).csrfToken : null;
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, url, body },
  );
}

describe('an enterprise admin manages their people', () => {
  test('invite by link, register through it, approve a join request, set finance contact, see passes and vehicles, disable a leaver', async () => {
    const adminCtx = await newContext(browser);
    const admin = await adminCtx.newPage();
    await login(admin, 'ent.admin');
    await admin.goto('/my-enterprise');
    await admin.getByTestId('members-card').waitFor();
    const entName = await admin.getByTestId('enterprise-name').innerText();

    // 1. Invite by link; the link is shown once.
    await admin.getByTestId('invite-new').click();
    await admin.getByTestId('invite-submit').click();
    const link = await admin.getByTestId('invite-link').inputValue();
    expect(link).toMatch(/\/register\?invite=inv_/);
    await screenshot(admin, 'enterprise-people-invite-desktop');
    await admin.keyboard.press('Escape');

    // 2. A new person opens the link on a phone, registers and lands in the enterprise.
    const hireCtx = await newContext(browser, PHONE);
    const hire = await hireCtx.newPage();
    await hire.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await hire.getByTestId('register-invited').waitFor();
    expect(await hire.getByTestId('register-invited').innerText()).toContain(entName);
    await hire.getByTestId('register-username').fill(invited);
    await hire.getByTestId('register-name').fill('新同事 周敏');
    await hire.getByTestId('register-password').fill(DEMO_PASSWORD);
    await screenshot(hire, 'enterprise-people-register-phone');
    await hire.getByTestId('register-submit').click();
    await hire.waitForURL((u) => u.pathname === '/');
    const me = (await apiFrom(hire, 'GET', '/api/auth/me')).json as { user: { grants: { role: string }[] } };
    expect(me.user.grants.map((g) => g.role)).toEqual(['member']);
    // The new member takes their pass and registers a plate: the admin will see both.
    expect((await apiFrom(hire, 'GET', '/api/passes/me')).status).toBe(200);
    const plate = `川A${suffix.slice(-5)}`;
    expect((await apiFrom(hire, 'POST', '/api/parking/me/plates', { plate })).status).toBe(201);

    // 3. Someone asks to join at registration; the admin approves.
    const anonCtx = await newContext(browser);
    const anon = await anonCtx.newPage();
    await anon.goto('/register');
    await anon.getByTestId('register-username').fill(joiner);
    await anon.getByTestId('register-name').fill('申请人 孙磊');
    await anon.getByTestId('register-password').fill(DEMO_PASSWORD);
    await anon.getByTestId('register-enterprise').fill(entName);
    await anon.getByTestId('register-submit').click();
    await anon.getByTestId('register-pending').waitFor();
    await admin.reload();
    await admin.getByTestId(`join-approve-${joiner}`).click();
    await admin.getByTestId(`member-${joiner}`).waitFor();

    // 4. The new hire becomes the finance contact.
    await admin.getByTestId(`member-roles-${invited}`).click();
    await admin.locator('.ant-modal:visible .ant-checkbox-wrapper', { hasText: '财务联系人' }).click();
    await admin.getByTestId('member-roles-submit').click();
    await expect.poll(() => admin.getByTestId(`member-${invited}`).innerText()).toContain('财务联系人');

    // 5. Their pass and vehicle show on the people list.
    const assets = admin.getByTestId(`member-assets-${invited}`);
    await expect.poll(() => assets.innerText()).toContain(plate);
    expect(await assets.innerText()).toMatch(/有效至/);
    await admin.getByTestId(`member-${invited}`).scrollIntoViewIfNeeded();
    await screenshot(admin, 'enterprise-people-desktop');

    // 6. The hire leaves: disabled, they cannot log in any more.
    await admin.getByTestId(`member-disable-${invited}`).click();
    await admin.locator('.ant-popover:visible .ant-btn-primary').click();
    await expect.poll(() => admin.getByTestId(`member-${invited}`).innerText()).toContain('已停用');
    expect((await apiFrom(hire, 'GET', '/api/auth/me')).status).toBe(401);
    await hire.goto('/login');
    await hire.getByTestId('login-username').fill(invited);
    await hire.getByTestId('login-password').fill(DEMO_PASSWORD);
    await hire.getByTestId('login-submit').click();
    await hire.getByTestId('login-error').waitFor();

    // The people page on a phone: lists, no sideways scroll.
    const phoneCtx = await newContext(browser, PHONE);
    const phone = await phoneCtx.newPage();
    await login(phone, 'ent.admin');
    await phone.goto('/my-enterprise');
    await phone.getByTestId(`member-${invited}`).scrollIntoViewIfNeeded();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(phone, 'enterprise-people-phone');
    // In English no Chinese is left on the people cards but the people's own names and data.
    expect(await switchToEnglish(phone)).toBe('en');
    await phone.getByTestId(`member-${invited}`).scrollIntoViewIfNeeded();
    const chinese = await phone.getByTestId('members-card').evaluate((card) => {
      const clone = card.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[data-user-content]').forEach((n) => n.remove());
      return (clone.textContent ?? '').match(/[\u4e00-\u9fff]+/g) ?? [];
    });
    expect(chinese).toEqual([]);
    await screenshot(phone, 'enterprise-people-phone-en');
    for (const c of [adminCtx, hireCtx, anonCtx, phoneCtx]) await c.close();
  }, 120_000);

  test('a member has no structure menu, the leasing API refuses them, and they are offered no API tokens', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, 'ent.member');
    await page.getByTestId('sider').waitFor();
    expect(await page.getByTestId('nav-structure').count()).toBe(0);
    const parks = (await apiFrom(page, 'GET', '/api/parks')).json as { id: string }[];
    expect((await apiFrom(page, 'GET', `/api/parks/${parks[0].id}/tree`)).status).toBe(403);
    expect((await apiFrom(page, 'GET', '/api/units')).status).toBe(403);
    expect((await apiFrom(page, 'POST', '/api/api-tokens', { name: 'x', access: 'read' })).status).toBe(403);
    await page.goto('/account');
    await page.getByText('修改密码').first().waitFor();
    expect(await page.getByTestId('token-new').count()).toBe(0);
    await screenshot(page, 'enterprise-people-member-account');
    await ctx.close();
  });
});
