import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
let coverFile: string;

/** A small gradient PNG (a real cover picture for the screenshots), written without any image library. */
function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = 30 + Math.round((x / width) * 60);
      raw[o + 1] = 90 + Math.round((y / height) * 80);
      raw[o + 2] = 200;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  coverFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-e2e-')), 'cover.png');
  fs.writeFileSync(coverFile, gradientPng(320, 180));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(path.dirname(coverFile), { recursive: true, force: true });
});

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

describe('news on a phone (375 px)', () => {
  const title = `园区网络升级通知 ${String(Date.now()).slice(-4)}`;

  test('an operator writes an article with a cover and publishes it to the park', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto('/news-admin');
    await page.getByTestId('news-table').waitFor();
    await screenshot(page, 'news-admin-phone');
    await page.getByTestId('news-new').click();
    await page.getByTestId('news-title').fill(title);
    await page.locator('[data-testid="news-form"] input[type="file"]').setInputFiles(coverFile);
    await page.getByTestId('news-cover-preview').waitFor();
    const editor = page.getByTestId('news-body');
    await editor.click();
    await page.keyboard.type('本周六凌晨园区核心网络升级，');
    await page.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('02:00—04:00 断网');
    await page.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('，请提前保存工作。');
    await screenshot(page, 'news-editor-phone');
    await noHorizontalOverflow(page);
    await page.getByTestId('news-form-submit').click();
    await expect.poll(() => page.getByTestId('news-table').innerText(), { timeout: 20_000 }).toContain(title);
    await expect.poll(() => page.getByTestId('news-table').innerText()).toMatch(/已上线/);
    await screenshot(page, 'news-admin-published-phone');
    await context.close();
  });

  test('a member sees it in their feed, newest under the pinned one, reads it and is counted once', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/news');
    const feed = page.getByTestId('news-feed');
    await feed.waitFor();
    const titles = await page.getByTestId('news-card-title').allInnerTexts();
    expect(titles[0]).toContain('政策汇编');
    expect(titles[1]).toBe(title);
    expect(titles.join('|')).not.toContain('食堂新菜单');
    await noHorizontalOverflow(page);
    await screenshot(page, 'news-feed-phone');
    await page.getByTestId('news-card').nth(1).click();
    const body = page.getByTestId('news-article-body');
    await body.waitFor();
    expect(await body.locator('b, strong').first().innerText()).toContain('02:00—04:00 断网');
    await page.getByTestId('news-article-cover').waitFor();
    expect(await page.getByTestId('news-article-cover').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    await expect.poll(() => page.getByTestId('news-read-count').innerText()).toContain('1 人已读');
    await noHorizontalOverflow(page);
    await screenshot(page, 'news-article-phone');
    await page.reload();
    await body.waitFor();
    await expect.poll(() => page.getByTestId('news-read-count').innerText()).toContain('1 人已读');
    await context.close();
  });
});
