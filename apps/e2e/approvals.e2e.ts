import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { registerTestSubject, TEST_SUBJECT } from '../server/src/modules/approvals/approvals.testing';
import type { Services } from '../server/src/services';
import { buildEnterprise, buildPark, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { pick, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Approvals in a real browser. The case needs a subject, and production code registers no
 * neutral one, so this file runs its own ParkOS in-process (the built web app on a fresh
 * embedded database) with the tests' subject type registered, instead of the shared demo server.
 */
let parkos: InProcessParkOS;
let services: Services;
const users: Record<string, { id: string; grants: { role: 'operator' | 'enterprise_admin' | 'member'; scopeType: 'park' | 'enterprise'; scopeId: string }[] }> = {};
let parkId = '';
let enterpriseId = '';

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'approvals',
    seed: async (built) => {
      services = built;
      registerTestSubject(services);
      const place = await buildPark(services, '审批测试园区');
      parkId = place.park.id;
      enterpriseId = (await buildEnterprise(services, parkId, place.site.id, '审批测试科技有限公司')).id;
      const add = async (username: string, displayName: string, grant: (typeof users)[string]['grants'][number]) => {
        const u = await services.identity.createUserAsSystem(SYSTEM, { username, displayName, password: TEST_PASSWORD, grants: [grant] });
        users[username] = { id: u.id, grants: [grant] };
      };
      await add('flow.op', '运营 王敏', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('first.approver', '物业 张伟', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('second.approver', '财务 李娜', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('ent.boss', '企业管理员 陈静', { role: 'enterprise_admin', scopeType: 'enterprise', scopeId: enterpriseId });
      await add('applicant', '职工 刘洋', { role: 'member', scopeType: 'enterprise', scopeId: enterpriseId });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

async function act(page: Page, action: string, text?: string) {
  await page.getByTestId(`case-act-${action}`).click();
  if (text) await page.getByTestId('case-action-text').fill(text);
  await page.getByTestId('case-action-form-submit').click();
  await page.getByTestId('case-action-form').waitFor({ state: 'hidden' });
}

describe('approvals in a real browser', () => {
  test('an operator builds a two-step flow (会签 in step two) without writing JSON', async () => {
    const { context, page } = await parkos.signIn('flow.op');
    await page.goto('/approval-flows');
    await page.getByTestId('flow-create').click();
    await page.getByTestId('flow-key').fill('demo.two_step');
    await page.getByTestId('flow-name-zh').fill('两级审批');
    await page.getByTestId('flow-name-en').fill('Two-step review');
    // Step 1: 或签 by a named person.
    await page.getByTestId('step-0-name-zh').fill('初审');
    await page.getByTestId('step-0-name-en').fill('First check');
    await pick(page, 'step-0-approver-0-kind', '指定成员');
    await pick(page, 'step-0-approver-0-user', '物业 张伟');
    await page.getByTestId('step-0-due-hours').fill('24');
    // Step 2: 会签 by another person and the applicant's enterprise admin.
    await page.getByTestId('flow-add-step').click();
    await page.getByTestId('step-1-name-zh').fill('会签');
    await page.getByTestId('step-1-name-en').fill('Countersign');
    await page.getByTestId('step-1-mode-all').click();
    await pick(page, 'step-1-approver-0-kind', '指定成员');
    await pick(page, 'step-1-approver-0-user', '财务 李娜');
    await page.getByTestId('step-1-add-approver').click();
    await pick(page, 'step-1-approver-1-kind', '申请企业的管理员');
    await screenshot(page, 'approvals-flow-editor');
    await page.getByTestId('flow-editor-submit').click();
    await page.getByTestId('flow-row-demo.two_step').waitFor();
    await screenshot(page, 'approvals-flows');
    await context.close();

    const [flow] = (await services.approvals.findFlows(SYSTEM, { page: 1, pageSize: 10, parkId })).items;
    expect(flow.steps.map((s) => [s.nameZh, s.mode, s.approvers.map((a) => a.kind)])).toEqual([
      ['初审', 'any', ['user']],
      ['会签', 'all', ['user', 'enterprise_admin']],
    ]);
    expect(flow.steps[0]).toMatchObject({ dueHours: 24, approvers: [{ userId: users['first.approver'].id }] });
  });

  test('the case is returned, resubmitted, approved by 会签; the applicant sees every step and verifies a decision on the ledger', async () => {
    const applicant = users.applicant;
    const c = await services.approvals.startCase(
      { actor: { userId: applicant.id, username: 'applicant', displayName: '职工 刘洋', grants: applicant.grants, via: 'session', access: 'write' } },
      { parkId, enterpriseId, subjectType: TEST_SUBJECT, subjectId: enterpriseId, title: '场地使用申请', flowKey: 'demo.two_step', formValues: { amountFen: 120000 } },
    );

    const first = await parkos.signIn('first.approver');
    await first.page.goto('/approvals');
    await first.page.getByTestId(`inbox-${c.id}`).click();
    await first.page.waitForURL(`**/approvals/cases/${c.id}`);
    await screenshot(first.page, 'approvals-case-approver');
    await act(first.page, 'return', '请补充场地用途说明');
    await first.page.getByTestId('case-action-return').waitFor();

    const app = await parkos.signIn('applicant');
    await app.page.goto(`/approvals/cases/${c.id}`);
    await act(app.page, 'resubmit', '已补充');
    await app.page.getByTestId('case-action-resubmit').waitFor();

    await first.page.reload();
    await act(first.page, 'approve', '同意');
    await first.context.close();

    for (const username of ['second.approver', 'ent.boss']) {
      const s = await parkos.signIn(username);
      await s.page.goto('/approvals');
      await s.page.getByTestId(`inbox-${c.id}`).click();
      await act(s.page, 'approve');
      await s.context.close();
    }
    expect((await services.approvals.getCase(SYSTEM, c.id)).status).toBe('approved');

    // The applicant follows every step; their enterprise admin checks a decision on the ledger.
    await app.page.reload();
    for (const type of ['submit', 'return', 'resubmit', 'approve']) await app.page.getByTestId(`case-action-${type}`).first().waitFor();
    await screenshot(app.page, 'approvals-case-applicant');
    await app.context.close();

    const boss = await parkos.signIn('ent.boss');
    await boss.page.goto(`/approvals/cases/${c.id}`);
    const decision = boss.page.getByTestId('case-action-approve').last();
    await decision.getByRole('button').click();
    await boss.page.getByTestId('ledger-verified').waitFor({ timeout: 30_000 });
    await screenshot(boss.page, 'approvals-ledger-verified');
    await boss.context.close();
  });
});
