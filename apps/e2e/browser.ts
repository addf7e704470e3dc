import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ROOT } from './server-process';

export const DEMO_PASSWORD = 'Demo2026park';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

/** Debian's chromium (never a downloaded build), headless, with background networking off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through vitest.e2e.config.ts');
  return url;
}

/** The embedded MQTT broker's port of the test server. */
export function mqttPort(): number {
  const port = Number(process.env.E2E_MQTT_PORT);
  if (!port) throw new Error('E2E_MQTT_PORT is not set: the server did not log "embedded MQTT broker listening"');
  return port;
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1440, height: 900 };

export async function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ viewport, baseURL: baseUrl(), locale: 'zh-CN' });
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Picks the first option of the Ant Design select `testId` whose text contains `optionText`. */
export async function pick(page: Page, testId: string, optionText: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click();
}

/**
 * Picks an option of an Ant Design select whose dropdown renders in the page body (its text is then
 * the select's own). Use it where several selects are picked in a row. The option is taken from the newest dropdown (the one
 * just opened is appended last; an earlier one may still be closing and never settle), and the pick
 * is checked on the select and tried again if it did not take (a click on a dropdown still closing does nothing).
 */
export async function pickIn(page: Page, select: Locator, optionText: string | RegExp): Promise<void> {
  const took = async () => {
    const text = await select.innerText();
    return typeof optionText === 'string' ? text.includes(optionText) : optionText.test(text);
  };
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
      .last()
      .click({ timeout: 10_000 })
      .catch(() => undefined);
    for (let i = 0; i < 10 && !(await took()); i++) await page.waitForTimeout(100);
    if (await took()) return;
    if (attempt === 3) throw new Error(`the select did not take ${String(optionText)}`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let chart animations (ECharts, ~1 s) finish so the picture shows real values.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/**
 * Switches to English through the header's language menu, as a user would. A click while the page
 * is still rendering (or the menu still animating) can miss on a busy machine, so it retries;
 * returns the `<html lang>` it ended with.
 */
export async function switchToEnglish(page: Page): Promise<string> {
  const lang = () => page.evaluate(() => document.documentElement.lang);
  for (let attempt = 0; attempt < 4 && (await lang()) !== 'en'; attempt += 1) {
    await page.getByTestId('lang-switch').click();
    const option = page.getByTestId('lang-option-en');
    if (!(await option.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) continue;
    await page.waitForTimeout(300);
    await option.click().catch(() => undefined);
    await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 3_000 }).catch(() => undefined);
  }
  return lang();
}
