import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Services } from '../server/src/services';
import { buildEnterprise, buildPark, SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { PHONE, pick, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * The service catalog in a real browser (issue 12's first "Done when"): an operator builds the
 * two-step flow and a service with its form in the UI; an enterprise admin applies from a 375 px
 * phone; the request is returned, resubmitted and approved by all (会签); the applicant sees every
 * step and checks the decision on the ledger. Its own ParkOS in-process on a fresh database.
 */
let parkos: InProcessParkOS;
let services: Services;

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'services',
    seed: async (built) => {
      services = built;
      const place = await buildPark(services, '服务测试园区');
      const parkId = place.park.id;
      const enterpriseId = (await buildEnterprise(services, parkId, place.site.id, '蓉城软件科技有限公司')).id;
      const add = (username: string, displayName: string, grant: { role: 'operator' | 'enterprise_admin'; scopeType: 'park' | 'enterprise'; scopeId: string }) =>
        services.identity.createUserAsSystem(SYSTEM, { username, displayName, password: TEST_PASSWORD, grants: [grant] });
      await add('svc.op', '运营 王敏', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('svc.first', '受理 张伟', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('svc.second', '财务 李娜', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('svc.third', '主任 赵刚', { role: 'operator', scopeType: 'park', scopeId: parkId });
      await add('svc.boss', '企业管理员 陈静', { role: 'enterprise_admin', scopeType: 'enterprise', scopeId: enterpriseId });
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** An approver acts on the case from its page. */
async function decide(username: string, caseId: string, action: 'approve' | 'return', text?: string) {
  const { context, page } = await parkos.signIn(username);
  await page.goto(`/approvals/cases/${caseId}`);
  await page.getByTestId(`case-act-${action}`).click();
  if (text) await page.getByTestId('case-action-text').fill(text);
  await page.getByTestId('case-action-form-submit').click();
  await page.getByTestId('case-action-form').waitFor({ state: 'hidden' });
  await context.close();
}

describe('the service catalog in a real browser', () => {
  test('an operator builds the flow (会签 in step two) and a service with a designed form; an admin applies from a phone; returned, resubmitted, approved by all; every step visible and verified on the ledger', async () => {
    // 1. The operator builds the two-step flow on the approval flows page.
    const op = await parkos.signIn('svc.op');
    await op.page.goto('/approval-flows');
    await op.page.getByTestId('flow-create').click();
    await op.page.getByTestId('flow-key').fill('services.consulting');
    await op.page.getByTestId('flow-name-zh').fill('技术咨询审批');
    await op.page.getByTestId('flow-name-en').fill('Consulting review');
    await op.page.getByTestId('step-0-name-zh').fill('服务受理');
    await op.page.getByTestId('step-0-name-en').fill('Intake');
    await pick(op.page, 'step-0-approver-0-kind', '指定成员');
    await pick(op.page, 'step-0-approver-0-user', '受理 张伟');
    await op.page.getByTestId('flow-add-step').click();
    await op.page.getByTestId('step-1-name-zh').fill('会签');
    await op.page.getByTestId('step-1-name-en').fill('Countersign');
    await op.page.getByTestId('step-1-mode-all').click();
    await pick(op.page, 'step-1-approver-0-kind', '指定成员');
    await pick(op.page, 'step-1-approver-0-user', '财务 李娜');
    await op.page.getByTestId('step-1-add-approver').click();
    await pick(op.page, 'step-1-approver-1-kind', '指定成员');
    await pick(op.page, 'step-1-approver-1-user', '主任 赵刚');
    await op.page.getByTestId('flow-editor-submit').click();
    await op.page.getByTestId('flow-row-services.consulting').waitFor();

    // 2. The operator publishes a service, its form built in the designer and the flow picked from a list.
    await op.page.goto('/services/admin');
    await op.page.getByTestId('service-create').click();
    await pick(op.page, 'service-system', '全方位技术支撑');
    await op.page.getByTestId('service-name-zh').fill('技术专家咨询');
    await op.page.getByTestId('service-name-en').fill('Expert consulting');
    await op.page.getByTestId('service-handler-name').fill('企业服务部');
    await pick(op.page, 'service-handlers', '运营 王敏');
    await op.page.keyboard.press('Escape');
    await pick(op.page, 'service-flow', 'services.consulting');
    await op.page.getByTestId('service-sla').fill('48');
    await op.page.getByTestId('designer-add-field').click();
    await op.page.getByTestId('designer-label-zh-0').fill('咨询主题');
    await op.page.getByTestId('designer-label-en-0').fill('Topic');
    await op.page.getByTestId('designer-key-0').fill('topic');
    await op.page.getByTestId('designer-required-0').click();
    await op.page.getByTestId('designer-add-field').click();
    await pick(op.page, 'designer-type-1', '整数');
    await op.page.getByTestId('designer-label-zh-1').fill('参加人数');
    await op.page.getByTestId('designer-label-en-1').fill('People');
    await op.page.getByTestId('designer-key-1').fill('people');
    await op.page.getByTestId('designer-required-1').click();
    await screenshot(op.page, 'services-editor');
    await op.page.getByTestId('service-editor-submit').click();
    await op.page.getByTestId('service-row-技术专家咨询').waitFor();
    await screenshot(op.page, 'services-admin');
    await op.context.close();
    const [service] = (await services.serviceCatalog.findServices(SYSTEM, { page: 1, pageSize: 10, view: 'manage' })).items;
    expect(service).toMatchObject({ system: 'tech_support', status: 'published', flowKey: 'services.consulting', slaHours: 48, handlerName: '企业服务部' });
    expect(service.form.fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['topic', 'text', true],
      ['people', 'integer', true],
    ]);

    // 3. The enterprise admin, on a phone, goes from the micro-park home's 服务 entry to the catalog and applies.
    const boss = await parkos.signIn('svc.boss', PHONE);
    await boss.page.goto('/');
    await boss.page.getByTestId('home-services-catalog').click();
    await boss.page.waitForURL('**/services');
    await boss.page.getByTestId('catalog-system-tech_support').getByTestId('catalog-apply').waitFor();
    await screenshot(boss.page, 'services-catalog-phone');
    await boss.page.getByTestId('catalog-system-tech_support').getByTestId('catalog-apply').click();
    await boss.page.waitForURL(`**/services/${service.id}/apply`);
    const form = boss.page.getByTestId('apply-form');
    await form.locator('#root_topic').fill('微服务架构评审');
    await form.locator('#root_people').fill('3');
    await screenshot(boss.page, 'services-apply-phone');
    await form.locator('button[type="submit"]').click();
    await boss.page.waitForURL(/\/services\/requests\/[0-9a-f-]{36}$/);
    const requestId = boss.page.url().split('/').pop()!;
    await expect.poll(() => boss.page.getByTestId('request-status').first().innerText()).toBe('审批中');
    expect(await boss.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const caseId = (await services.serviceCatalog.getRequest(SYSTEM, requestId)).caseId!;

    // 4. Returned for changes; the applicant corrects the request on the phone and resubmits.
    await decide('svc.first', caseId, 'return', '请说明评审范围');
    await boss.page.reload();
    await expect.poll(() => boss.page.getByTestId('request-status').first().innerText()).toBe('退回修改');
    const resubmit = boss.page.getByTestId('request-resubmit');
    await resubmit.locator('#root_topic').fill('微服务架构评审（订单与支付两个子系统）');
    await resubmit.locator('button[type="submit"]').click();
    await expect.poll(() => boss.page.getByTestId('request-status').first().innerText()).toBe('审批中');

    // 5. Approved by the first step, then by both countersigners (会签).
    await decide('svc.first', caseId, 'approve');
    await decide('svc.second', caseId, 'approve');
    expect((await services.serviceCatalog.getRequest(SYSTEM, requestId)).status).toBe('in_review');
    await decide('svc.third', caseId, 'approve');
    expect((await services.serviceCatalog.getRequest(SYSTEM, requestId)).status).toBe('approved');

    // 6. The applicant sees every step and the resubmitted values, and verifies the decision on the ledger.
    await boss.page.reload();
    await expect.poll(() => boss.page.getByTestId('request-status').first().innerText()).toBe('待办理');
    for (const type of ['submit', 'return', 'resubmit', 'approve']) await boss.page.getByTestId(`case-action-${type}`).first().waitFor();
    expect(await boss.page.getByTestId('case-action-approve').count()).toBe(3);
    for (const name of ['受理 张伟', '财务 李娜', '主任 赵刚']) await boss.page.getByTestId(`case-task-${name}`).first().waitFor();
    expect(await boss.page.getByTestId('request-values').innerText()).toContain('订单与支付两个子系统');
    await screenshot(boss.page, 'services-request-phone');
    await boss.page.getByTestId('case-action-approve').last().getByRole('button').click();
    await boss.page.getByTestId('ledger-verified').waitFor({ timeout: 30_000 });
    await screenshot(boss.page, 'services-ledger-verified-phone');
    await boss.context.close();

    // 7. The handler works the queue: the approved request, accepted in bulk with a result per request.
    const handler = await parkos.signIn('svc.op');
    await handler.page.goto('/services/queue');
    await handler.page.locator(`tr[data-row-key="${requestId}"] .ant-checkbox-input`).check();
    await handler.page.getByTestId('queue-bulk-accept').click();
    await expect.poll(() => handler.page.getByTestId('queue-bulk-result').innerText()).toContain('成功 1 条');
    await screenshot(handler.page, 'services-queue');
    await handler.context.close();
    expect((await services.serviceCatalog.getRequest(SYSTEM, requestId)).status).toBe('in_progress');
  });
});
