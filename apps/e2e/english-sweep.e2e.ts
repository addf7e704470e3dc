import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../web/src/i18n/en';
import { MISSING_KEYS_GLOBAL } from '../web/src/i18n';
import { PHONE, SCREENSHOT_DIR, launchBrowser, login, newContext, switchToEnglish as switchHeaderToEnglish } from './browser';

/**
 * The English sweep: for each kind of user, switch to English and open every
 * page the side menu offers (read from the DOM, so new pages are swept too), at
 * desktop and phone width. A page fails if i18next recorded a missing key, if
 * key-looking text (`alarms.title`) is visible, if the UI's own labels (menu,
 * table headers, form labels, buttons, titles) still show Chinese, or if the
 * phone layout scrolls sideways. From each page it also opens the first record it links to.
 * Demo data (park names, …) is Chinese and allowed.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const WIDE = { width: 1280, height: 800 };
/**
 * A full-page picture of every page costs CI minutes; by default only a page with problems is pictured
 * (to show what failed). `SWEEP_SCREENSHOTS=1` pictures them all, for looking at every page.
 */
const SHOTS = process.env.SWEEP_SCREENSHOTS === '1';
/** Menu entries that open a page outside the layout (no menu to show them selected). */
const FULL_SCREEN = new Set(['evaluation-league']);
const USERS = ['operator', 'ent.member', 'property'] as const;
const VIEWPORTS = [
  { name: 'desktop', size: WIDE },
  { name: 'phone', size: PHONE },
] as const;

/** `ioc.title`-like text: a top-level message section, a dot, and more of a key. */
const RAW_KEY = new RegExp(`(?<![\\w/.@-])(?:${Object.keys(en).join('|')})\\.[A-Za-z][\\w-]*(?:\\.[\\w-]+)*(?![\\w/@-])`, 'g');
const CJK = /[\u4e00-\u9fff]/;
/** A Chinese number plate (川A12345) is an example, not untranslated text. */
const PLATE = /[\u4e00-\u9fff][A-Z]{1,2}[0-9]{4,5}/g;
/** Elements whose text is the UI's own, never demo data (page titles can be a name, e.g. the enterprise's). */
const CHROME = [
  '.ant-menu-title-content',
  '.ant-menu-item-group-title',
  '.ant-table-thead th',
  '.ant-form-item-label label',
  '.ant-tabs-tab-btn',
  '.ant-statistic-title',
  '.ant-descriptions-item-label',
  '.ant-empty-description',
  '.ant-btn',
  '.ant-select-selection-placeholder',
  'input[placeholder]',
].join(',');

/** Waits until nothing on the page is loading; queries start after the first paint, so it looks twice. */
async function settle(page: Page): Promise<void> {
  const idle = () =>
    page
      .waitForFunction(() => !document.querySelector('.ant-spin-spinning, [data-testid="page-loading"], .ant-skeleton-active, .ant-table-placeholder .ant-spin'), undefined, { timeout: 15_000 })
      .catch(() => undefined);
  await page.waitForTimeout(300);
  await idle();
  // Charts animate and live data arrives shortly after the first paint.
  await page.waitForTimeout(700);
  await idle();
}

/** Through the header's language menu, as a user would, once the page has settled. */
async function switchToEnglish(page: Page): Promise<void> {
  await settle(page);
  expect(await switchHeaderToEnglish(page)).toBe('en');
}

async function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate((name) => [...(((window as unknown as Record<string, string[] | undefined>)[name]) ?? [])], MISSING_KEYS_GLOBAL);
}

async function openMenu(page: Page, isPhone: boolean): Promise<void> {
  if (!isPhone) return;
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId('nav-drawer').locator('.ant-menu').waitFor();
}

/** The menu entries' keys, as the rendered menu lists them. */
async function menuKeys(page: Page, isPhone: boolean): Promise<string[]> {
  await openMenu(page, isPhone);
  const scope = isPhone ? page.getByTestId('nav-drawer') : page.getByTestId('sider');
  const keys = await scope.locator('.ant-menu [data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)));
  if (isPhone) {
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-drawer').locator('.ant-menu').waitFor({ state: 'hidden' });
  }
  return keys;
}

/** Problems of the page now shown; empty when it reads right in English. */
async function problemsOf(page: Page, isPhone: boolean, seenMissing: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  for (const k of await missingKeys(page)) {
    if (!seenMissing.has(k)) problems.push(`missing i18n key ${k}`);
    seenMissing.add(k);
  }
  const body = await page.locator('body').innerText();
  for (const m of new Set(body.match(RAW_KEY) ?? [])) problems.push(`raw key text "${m}"`);
  if (body.includes('returned an object instead of string')) problems.push('a key naming a section was rendered');
  const chrome = await page.locator(CHROME).evaluateAll((els) =>
    els
      // An avatar's initial and a name the users wrote (`data-user-content`, e.g. an indicator in a table header) are data.
      .filter((e) => !e.querySelector('.ant-avatar, [data-user-content]') && ((e as HTMLElement).offsetParent !== null || e.closest('.ant-drawer-open, .ant-modal-wrap')))
      .map((e) => ((e as HTMLInputElement).placeholder || (e as HTMLElement).innerText || '').trim())
      .filter(Boolean),
  );
  for (const text of new Set(chrome.filter((s) => CJK.test(s.replace(PLATE, ''))))) problems.push(`Chinese UI text "${text.slice(0, 60)}"`);
  if (isPhone) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) problems.push(`page scrolls sideways by ${overflow}px at ${PHONE.width}px`);
  }
  return problems;
}

describe('every menu page in English', () => {
  const checked: string[] = [];
  afterAll(() => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'english-sweep-pages.txt'), `${checked.join('\n')}\n`);
  });

  for (const user of USERS) {
    for (const viewport of VIEWPORTS) {
      test(`${user} at ${viewport.size.width} px`, { timeout: 480_000 }, async () => {
        const isPhone = viewport.name === 'phone';
        const context = await newContext(browser, viewport.size);
        const page = await context.newPage();
        await login(page, user);
        await switchToEnglish(page);
        // The build records misses: an absent list would make the check below pass for nothing.
        expect(await page.evaluate((name) => Array.isArray((window as unknown as Record<string, unknown>)[name]), MISSING_KEYS_GLOBAL)).toBe(true);
        const keys = await menuKeys(page, isPhone);
        // Every kind of user has more than home and account.
        expect(keys.length).toBeGreaterThan(3);
        const seenMissing = new Set<string>();
        const failures: string[] = [];
        for (const key of keys) {
          // Each entry is opened from the menu of the page before, as a user moves around: reloading the app and
          // its home (charts, live data) before every entry cost CI minutes. Only a page outside the layout
          // (full screen, no menu) sends the sweep back home first.
          if (!(await page.getByTestId(isPhone ? 'nav-toggle' : 'sider').isVisible())) {
            await page.goto('/');
            await settle(page);
          }
          await openMenu(page, isPhone);
          const scope = isPhone ? page.getByTestId('nav-drawer') : page.getByTestId('sider');
          await scope.getByTestId(`nav-${key}`).click();
          if (isPhone) await page.getByTestId('nav-drawer').locator('.ant-menu').waitFor({ state: 'hidden' });
          // The entry is selected once its page is the one shown; a full-screen page (the league table) leaves the layout.
          if (FULL_SCREEN.has(key)) await page.waitForURL((u) => u.pathname !== '/');
          else await scope.locator(`.ant-menu-item-selected [data-testid="nav-${key}"]`).waitFor({ state: 'attached' });
          await settle(page);
          const url = new URL(page.url()).pathname;
          checked.push(`${user} ${viewport.size.width}px ${key} ${url}`);
          const problems = await problemsOf(page, isPhone, seenMissing);
          for (const p of problems) failures.push(`${key} (${url}): ${p}`);
          if (problems.length || SHOTS) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `en-${user.replace('.', '-')}-${key}-${viewport.name}.png`), fullPage: true });
          // One level deeper: the first record the page links to (an alarm, a device, a work order, …).
          const detail = await page
            .locator('.app-content a[href]')
            .evaluateAll(
              (links, base) =>
                links
                  .filter((a) => (a as HTMLElement).offsetParent !== null)
                  .map((a) => new URL((a as HTMLAnchorElement).href).pathname)
                  .find((p) => base !== '/' && p.startsWith(`${base}/`) && /\/([0-9a-f-]{8,}|\d+)$/.test(p)),
              url,
            );
          if (detail) {
            // A page that refreshes its list can replace the link between reading and clicking: then open it by its address.
            const clicked = await page.locator(`.app-content a[href="${detail}"]`).first().click({ timeout: 5_000 }).then(() => true, () => false);
            if (!clicked) await page.goto(detail);
            await page.waitForURL((u) => u.pathname === detail);
            await settle(page);
            checked.push(`${user} ${viewport.size.width}px ${key} ${detail}`);
            const detailProblems = await problemsOf(page, isPhone, seenMissing);
            for (const p of detailProblems) failures.push(`${key} detail (${detail}): ${p}`);
            if (detailProblems.length || SHOTS) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `en-${user.replace('.', '-')}-${key}-detail-${viewport.name}.png`), fullPage: true });
          }
        }
        expect(failures, failures.join('\n')).toEqual([]);
        await context.close();
      });
    }
  }
});
