import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const STEPS = ['leafHash', 'inclusion', 'keyId', 'signature'] as const;

/** Waits for the open verification to finish, then asserts the verdict and each of its checks passed. */
export async function expectAllChecksPassed(page: Page): Promise<void> {
  const dialog = page.getByTestId('ledger-verification').last();
  await dialog.waitFor({ timeout: 30_000 });
  await expect.poll(() => dialog.getByTestId('ledger-verified').count()).toBe(1);
  expect(await dialog.getByTestId('ledger-failed').count()).toBe(0);
  for (const step of STEPS) expect(await dialog.getByTestId(`ledger-step-${step}`).getAttribute('data-ok')).toBe('true');
}
