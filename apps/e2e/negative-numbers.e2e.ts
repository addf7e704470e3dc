import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const getJson = <T,>(page: Page, url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()) as T, url);

/** The error text Ant Design shows under a form's fields. */
const fieldErrors = (page: Page, formTestId: string) => page.getByTestId(formTestId).locator('.ant-form-item-explain-error').allInnerTexts();

describe('negative counts and money in a real browser', () => {
  test.each([
    ['zh-CN', '员工人数不能为负数', '月租金 (元)不能为负数'],
    ['en', 'Employees cannot be negative', 'Monthly rent (CNY) cannot be negative'],
  ])('%s: −5 employees and a rent of −5000 are refused under the field, not turned into 0, and nothing is sent', async (lang, employeeMessage, rentMessage) => {
    const page = await (await newContext(browser)).newPage();
    await login(page, 'operator');
    const list = await getJson<{ items: { id: string; employeeCount: number | null }[] }>(page, '/api/enterprises?pageSize=1');
    const enterprise = list.items[0];
    await page.goto(`/enterprises/${enterprise.id}`);
    if (lang === 'en') {
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('lang-option-en').click();
    }
    const writes: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && r.url().includes('/api/enterprises') && writes.push(`${r.method()} ${r.url()}`));

    await page.getByTestId('enterprise-edit').click();
    const employees = page.getByTestId('enterprise-form').locator('[data-testid="enterprise-employee-count"] input, input[data-testid="enterprise-employee-count"]').first();
    await employees.fill('-5');
    await employees.blur();
    await page.getByTestId('enterprise-form-submit').click();
    await expect.poll(() => fieldErrors(page, 'enterprise-form')).toContain(employeeMessage);
    // The value typed stays as typed (no silent clamp to 0), and the form stays open.
    expect(await employees.inputValue()).toBe('-5');
    await screenshot(page, `negative-employee-count-${lang}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('enterprise-form').count()).toBe(0);

    await page.getByTestId('lease-new').click();
    const rent = page.getByTestId('lease-form').locator('.ant-input-number input');
    await rent.fill('-5000');
    await rent.blur();
    await page.getByTestId('lease-form-submit').click();
    await expect.poll(() => fieldErrors(page, 'lease-form')).toContain(rentMessage);
    expect(Number(await rent.inputValue())).toBe(-5000);
    await screenshot(page, `negative-lease-rent-${lang}`);

    expect(writes).toEqual([]);
    const after = await getJson<{ employeeCount: number | null }>(page, `/api/enterprises/${enterprise.id}`);
    expect(after.employeeCount).toBe(enterprise.employeeCount);
    await page.context().close();
  });
});
