import { withUsccCheck } from '@parkos/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newContext, screenshot, switchToEnglish } from './browser';

/**
 * One language on screen: the server sends codes and values (field errors, alarms, rule traces, metric
 * keys) and the page words them in the reader's language. Each check reads the same server answer in
 * zh-CN first and then in English, so a sentence the server wrote would show up in one of them.
 */
const CJK = /[\u4e00-\u9fff]/;

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  await login(page, 'operator');
}, 120_000);
afterAll(() => browser?.close());

async function apiGet<T>(url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u}: ${res.status}`);
    return (await res.json()) as unknown;
  }, url) as Promise<T>;
}

/** A valid credit code no demo enterprise has. */
function freshCreditCode(): string {
  return withUsccCheck(`91440300${String(Date.now()).slice(-9)}`);
}

/** Submits the new-enterprise form with a bad contact phone and returns the error under the field. */
async function phoneError(): Promise<string> {
  await page.goto('/enterprises');
  await page.getByTestId('enterprise-new').click();
  await page.getByTestId('enterprise-legalName').fill(`语言测试科技有限公司${Date.now() % 100000}`);
  await page.getByTestId('enterprise-creditCode').fill(freshCreditCode());
  await page.getByTestId('enterprise-contactPhone').fill('12345');
  await page.getByTestId('enterprise-form-submit').click();
  const error = page.getByTestId('enterprise-form').locator('.ant-form-item-has-error .ant-form-item-explain-error');
  await error.first().waitFor();
  const text = await error.first().innerText();
  await page.keyboard.press('Escape');
  return text;
}

describe('one language on screen', () => {
  let alarmId: string;
  let cameraId: string;

  test('the server refuses a phone number with a code; the form words it in zh-CN', async () => {
    expect(await phoneError()).toBe('不是有效的电话号码');
    const alarms = await apiGet<{ items: { id: string; code: string | null }[] }>('/api/alarms?pageSize=50');
    // A threshold alarm on CO₂ reads the same in both languages ("CO₂ 1017 ppm > 1000 ppm"): take one whose wording has words.
    const coded = alarms.items.find((a) => a.code && a.code !== 'threshold') ?? alarms.items.find((a) => a.code);
    expect(coded, 'the demo park has alarms stored with a code').toBeTruthy();
    alarmId = coded!.id;
    await page.goto(`/alarms/${alarmId}`);
    await page.getByTestId('alarm-title').waitFor();
    await expect.poll(() => page.getByTestId('page-subtitle').innerText()).not.toBe('');
    // The subtitle is the coded alarm worded in Chinese (事件, 秒内变化, 已触发, …).
    if (coded!.code !== 'threshold') expect(await page.getByTestId('page-subtitle').innerText()).toMatch(CJK);
    // A camera the simulator feeds: its latest readings include people_count.
    const devices = await apiGet<{ items: { id: string }[] }>('/api/devices?type=camera&pageSize=50');
    for (const d of devices.items) {
      const detail = await apiGet<{ latest: { metric: string }[] }>(`/api/devices/${d.id}`);
      if (detail.latest.some((l) => l.metric === 'people_count')) {
        cameraId = d.id;
        break;
      }
    }
    expect(cameraId, 'a demo camera has counted people').toBeTruthy();
    await page.goto(`/devices/${cameraId}`);
    // The simulator's cameras count people: the metric key people_count reads 人数.
    await expect.poll(() => page.getByTestId('device-latest').innerText(), { timeout: 60_000 }).toContain('人数');
    await screenshot(page, 'one-language-device-zh-desktop');
  }, 150_000);

  test('the same answers read in English', async () => {
    expect(await switchToEnglish(page)).toBe('en');
    expect(await phoneError()).toBe('Not a valid phone number');
    await screenshot(page, 'one-language-form-en-desktop');
    await page.goto(`/alarms/${alarmId}`);
    await page.getByTestId('alarm-title').waitFor();
    // Its values are numbers and codes, so the English wording has no Chinese left.
    await expect.poll(() => page.getByTestId('page-subtitle').innerText()).toMatch(/[A-Za-z]/);
    expect(await page.getByTestId('page-subtitle').innerText()).not.toMatch(CJK);
    await page.goto(`/devices/${cameraId}`);
    await expect.poll(() => page.getByTestId('device-latest').innerText(), { timeout: 60_000 }).toContain('People');
    const trace = page.getByTestId('trace-explanation');
    if (await trace.count()) {
      for (const text of await trace.allInnerTexts()) expect(text.replace(/‹[^›]*›/g, '')).not.toMatch(CJK);
    }
    await screenshot(page, 'one-language-device-en-desktop');
  }, 150_000);
});
