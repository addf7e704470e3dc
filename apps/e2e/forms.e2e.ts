import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Picks an option of an Ant Design select by its visible label. The previous select's dropdown can still be
 * visible while it animates closed, and a click on its option changes nothing: so the option is taken from the
 * newest dropdown, and the pick is checked on the select and tried again if it did not take.
 */
async function pick(page: Page, select: ReturnType<Page['locator']>, label: string) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).last().click();
    if ((await select.innerText()).includes(label)) return;
    if (attempt === 3) throw new Error(`the select did not take "${label}"`);
    await page.keyboard.press('Escape');
  }
}

/** The error text under a preview field (rjsf ids are `root_<key>`). */
function fieldError(page: Page, key: string) {
  // The innermost form item around the field's label (the form itself is one big item too).
  return page.getByTestId('form-preview').locator(`xpath=//label[@for="root_${key}"]/ancestor::div[contains(@class,"ant-form-item-row")][1]//div[contains(@class,"ant-form-item-explain-error")]`);
}

/** Designs the three-field form: a required text, a select with two options, a number with min 0. */
async function designForm(page: Page) {
  await page.getByTestId('designer-add-field').click();
  await page.getByTestId('designer-label-zh-0').fill('公司名称');
  await page.getByTestId('designer-label-en-0').fill('Company');
  await page.getByTestId('designer-key-0').fill('company');
  await page.getByTestId('designer-required-0').click();

  await page.getByTestId('designer-add-field').click();
  await pick(page, page.getByTestId('designer-type-1'), '单选');
  await page.getByTestId('designer-label-zh-1').fill('规模');
  await page.getByTestId('designer-label-en-1').fill('Size');
  await page.getByTestId('designer-key-1').fill('size');
  await page.getByTestId('designer-option-value-1-0').fill('small');
  await page.getByTestId('designer-option-zh-1-0').fill('小型');
  await page.getByTestId('designer-option-en-1-0').fill('Small');
  await page.getByTestId('designer-add-option-1').click();
  await page.getByTestId('designer-option-value-1-1').fill('large');
  await page.getByTestId('designer-option-zh-1-1').fill('大型');
  await page.getByTestId('designer-option-en-1-1').fill('Large');

  await page.getByTestId('designer-add-field').click();
  await pick(page, page.getByTestId('designer-type-2'), '数字');
  await page.getByTestId('designer-label-zh-2').fill('员工数');
  await page.getByTestId('designer-label-en-2').fill('Staff');
  await page.getByTestId('designer-key-2').fill('staff');
  await page.getByTestId('designer-min-2').fill('0');
}

describe('forms in a real browser', () => {
  test('an operator designs a form, previews it, and both the browser and the server name the bad fields', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, 'operator');
    await page.goto('/settings/forms');
    await page.getByTestId('form-designer').waitFor();
    await designForm(page);

    // The preview draws the form in Chinese, with the generated schema beside it.
    const preview = page.getByTestId('form-preview');
    await preview.locator('#root_staff').waitFor();
    const previewText = await preview.innerText();
    for (const label of ['公司名称', '规模', '员工数']) expect(previewText).toContain(label);
    await page.getByText('生成的 JSON Schema').click();
    const schema = JSON.parse((await page.getByTestId('preview-schema').textContent()) ?? '{}') as Record<string, unknown>;
    expect(schema).toMatchObject({ required: ['company'], properties: { company: { title: '公司名称' }, size: { oneOf: [{ const: 'small' }, { const: 'large' }] }, staff: { type: 'number', minimum: 0 } } });

    // Invalid values: the browser names each field in Chinese before anything is sent.
    await preview.locator('#root_staff').fill('-5');
    await preview.locator('button[type="submit"]').click();
    await expect.poll(() => fieldError(page, 'company').innerText()).toBe('必填');
    await expect.poll(() => fieldError(page, 'staff').innerText()).toBe('不能小于 0');
    await screenshot(page, 'forms-browser-errors');

    // Without the browser's check, the server refuses the same values and names the same fields.
    await page.getByTestId('preview-browser-validation').click();
    await preview.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('preview-outcome').innerText()).toContain('服务器拒绝了提交：2 处错误');
    expect(await fieldError(page, 'company').innerText()).toBe('必填');
    expect(await fieldError(page, 'staff').innerText()).toBe('不能小于 0');

    // Valid values pass the server.
    await preview.locator('#root_company').fill('蓉城软件');
    await pick(page, preview.locator('.ant-select', { has: page.locator('#root_size') }), '大型');
    await preview.locator('#root_staff').fill('12');
    await preview.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('preview-outcome').innerText()).toContain('服务器校验通过');
    await screenshot(page, 'forms-desktop');

    // In English the same form draws its English labels and English messages; the designer keeps its fields.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect.poll(() => preview.locator('label[for="root_company"]').innerText()).toBe('Company');
    expect(await preview.locator('label[for="root_staff"]').innerText()).toBe('Staff');
    await page.getByTestId('preview-browser-validation').click();
    await preview.locator('#root_company').fill('');
    await preview.locator('#root_staff').fill('-1');
    await preview.locator('button[type="submit"]').click();
    await expect.poll(() => fieldError(page, 'company').innerText()).toBe('Required');
    expect(await fieldError(page, 'staff').innerText()).toBe('Must be at least 0');
    await screenshot(page, 'forms-desktop-en');

    await ctx.close();
  });

  test('the server endpoint refuses an invalid submission with a 400 naming each field', async () => {
    const ctx = await newContext(browser);
    const request = ctx.request;
    expect((await request.post('/api/auth/login', { data: { username: 'operator', password: DEMO_PASSWORD } })).status()).toBe(200);
    const { csrfToken } = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string };
    const definition = {
      fields: [
        { key: 'company', type: 'text', label: { zh: '公司名称', en: 'Company' }, required: true },
        { key: 'size', type: 'select', label: { zh: '规模', en: 'Size' }, options: [{ value: 'small', label: { zh: '小型', en: 'Small' } }] },
        { key: 'staff', type: 'number', label: { zh: '员工数', en: 'Staff' }, min: 0 },
      ],
    };
    const res = await request.post('/api/forms/check', { headers: { 'x-csrf-token': csrfToken }, data: { definition, values: { size: 'huge', staff: -1 } } });
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { code: string; details: { fields: { field: string; message: string }[] } };
    expect(body.code).toBe('VALIDATION');
    expect(body.details.fields.map((f) => [f.field, f.message])).toEqual([
      ['body.values.company', 'required'],
      ['body.values.size', 'enum'],
      ['body.values.staff', 'minimum'],
    ]);
    await ctx.close();
  });

  test('the designer and the preview fit a 375 px phone', async () => {
    const ctx = await newContext(browser, PHONE);
    const page = await ctx.newPage();
    await login(page, 'operator');
    await page.goto('/settings/forms');
    await page.getByTestId('form-designer').waitFor();
    await designForm(page);
    await page.getByTestId('form-preview').locator('#root_staff').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'forms-phone');
    await page.getByTestId('form-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'forms-phone-preview');
    await ctx.close();
  });
});
