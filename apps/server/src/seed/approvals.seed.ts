import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { RequestContext } from '../lib/context';
import { users } from '../modules/identity/identity.table';
import type { StepDefinition } from '../modules/approvals';
import type { Services } from '../services';

/**
 * Two example approval flows of the demo park, as an operator would build them on the Approval
 * flows page; features pick them by key. No cases: cases belong to the features that start them.
 */
export async function seedApprovalFlows(db: Db, services: Services, ctx: RequestContext, place: { parkId: string; propertyCompanyId: string }): Promise<void> {
  const [admin] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = 'admin'`);
  const parkOperators = { kind: 'role', role: 'operator', scopeType: 'park', scopeId: null } as const;
  const twoLevel: StepDefinition[] = [
    { nameZh: '物业初审', nameEn: 'Property check', mode: 'any', approvers: [{ kind: 'role', role: 'property', scopeType: 'property_company', scopeId: place.propertyCompanyId }], condition: null, dueHours: 24, escalation: { to: parkOperators, reassign: false } },
    { nameZh: '园区与企业会签', nameEn: 'Park and enterprise countersign', mode: 'all', approvers: [parkOperators, { kind: 'enterprise_admin' }], condition: null, dueHours: 48, escalation: { to: parkOperators, reassign: false } },
    ...(admin ? [{ nameZh: '公司领导审批', nameEn: 'Leadership approval', mode: 'any' as const, approvers: [{ kind: 'user' as const, userId: admin.id }], condition: { field: 'amountFen', op: 'gt' as const, value: 5_000_000 }, dueHours: 72, escalation: null }] : []),
  ];
  await services.approvals.createFlow(ctx, { parkId: place.parkId, key: 'general.two_level', nameZh: '通用两级审批', nameEn: 'Two-level review', steps: twoLevel });
  await services.approvals.createFlow(ctx, {
    parkId: place.parkId,
    key: 'general.operator',
    nameZh: '运营审批',
    nameEn: 'Operator review',
    steps: [{ nameZh: '运营审批', nameEn: 'Operator review', mode: 'any', approvers: [parkOperators], condition: null, dueHours: 24, escalation: { to: parkOperators, reassign: false } }],
  });
}
