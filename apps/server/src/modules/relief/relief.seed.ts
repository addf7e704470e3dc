import crypto from 'node:crypto';
import type { EnterpriseSize, RoleGrant } from '@parkos/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import type { StepDefinition } from '../approvals';
import { addMonths } from '../billing';
import { roleGrants, users } from '../identity/identity.table';
import { enterprises, leases } from '../parks/parks.table';
import type { Services } from '../../services';
import { RELIEF_FLOW_KEY } from './relief.service';

/** A person of the demo park acting through the service layer. */
async function actorOf(db: Db, username: string): Promise<RequestContext | null> {
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = ${username}`);
  if (!u) return null;
  const grants = await db.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, u.id));
  return { actor: { userId: u.id, username: u.username, displayName: u.displayName, grants: grants as RoleGrant[], via: 'session', access: 'write' } };
}

/**
 * Demo rent relief: the park's relief flow (property check → park finance → park leadership
 * 会签), an open programme over this month and the next two with applications in every state
 * (approved with credits on rent bills, in review, returned, rejected, withdrawn), the first
 * demo enterprise eligible but not applied yet (its admin `ent.admin` can apply), an ineligible
 * enterprise (a large one with overdue bills), and a draft programme.
 */
export async function seedRelief(db: Db, services: Services, ctx: RequestContext, place: { parkId: string; propertyCompanyId: string; enterpriseIds: string[]; now?: Date }): Promise<void> {
  const operator = await actorOf(db, 'operator');
  const admin = await actorOf(db, 'admin');
  const property = await actorOf(db, 'property');
  if (!operator || !admin || !property) return;
  const steps: StepDefinition[] = [
    { nameZh: '物业公司核查', nameEn: 'Property company check', mode: 'any', approvers: [{ kind: 'role', role: 'property', scopeType: 'property_company', scopeId: place.propertyCompanyId }], condition: null, dueHours: 48, escalation: null },
    { nameZh: '园区财务审核', nameEn: 'Park finance review', mode: 'any', approvers: [{ kind: 'user', userId: operator.actor.userId }], condition: null, dueHours: 48, escalation: null },
    { nameZh: '园区领导会签', nameEn: 'Park leadership countersign', mode: 'all', approvers: [{ kind: 'user', userId: operator.actor.userId }, { kind: 'user', userId: admin.actor.userId }], condition: null, dueHours: 72, escalation: null },
  ];
  await services.approvals.createFlow(ctx, { parkId: place.parkId, key: RELIEF_FLOW_KEY, nameZh: '疫情减租审批', nameEn: 'Rent relief review', steps });

  const now = place.now ?? new Date();
  const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const ents = await db.select().from(enterprises).where(inArray(enterprises.id, place.enterpriseIds)).orderBy(asc(enterprises.createdAt));
  const byId = new Map(ents.map((e) => [e.id, e]));
  const [first, second] = [byId.get(place.enterpriseIds[0])!, byId.get(place.enterpriseIds[1])!];
  const sizes = [...new Set<EnterpriseSize>(['micro', 'small', 'medium', first.size as EnterpriseSize, second.size as EnterpriseSize])];
  const leaseActiveOn = `${month}-01`;
  const withLease = new Set(
    (await db.select({ id: leases.enterpriseId }).from(leases).where(and(eq(leases.status, 'active'), sql`${leases.startDate} <= ${leaseActiveOn}`, sql`${leases.endDate} >= ${leaseActiveOn}`))).map((r) => r.id),
  );

  const programme = await services.relief.createProgramme(ctx, {
    parkId: place.parkId,
    name: '疫情防控租金减免（第一期）',
    description: '对受疫情影响的中小微企业减免三个月租金的50%，每家企业最高减免10万元。需提交租赁合同、近三个月租金发票及营业收入下降说明。',
    fromPeriod: month,
    toPeriod: addMonths(month, 2),
    leaseActiveOn,
    sizes,
    industries: [],
    arrearsLimitFen: 1_000_000,
    maxAreaM2: null,
    reliefKind: 'percent',
    reliefValue: 50,
    capPerEnterpriseFen: 10_000_000,
    budgetFen: 200_000_000,
    flowKey: RELIEF_FLOW_KEY,
  });
  await services.relief.updateProgramme(ctx, programme.id, { status: 'open' });
  await services.relief.createProgramme(ctx, {
    parkId: place.parkId,
    name: '稳岗纾困租金减免（草案）',
    fromPeriod: addMonths(month, 3),
    toPeriod: addMonths(month, 5),
    leaseActiveOn: `${addMonths(month, 3)}-01`,
    sizes: ['micro', 'small'],
    industries: ['software', 'ai'],
    arrearsLimitFen: 0,
    maxAreaM2: 1000,
    reliefKind: 'per_m2',
    reliefValue: 2000,
    capPerEnterpriseFen: 5_000_000,
    budgetFen: 80_000_000,
    flowKey: RELIEF_FLOW_KEY,
  });

  // An ineligible enterprise: a large one (or any other) with an overdue bill above the arrears limit.
  const others = ents.filter((e) => e.id !== first.id && e.id !== second.id && withLease.has(e.id));
  const ineligible = others.find((e) => e.size === 'large') ?? others[others.length - 1];
  if (ineligible) {
    const past = addMonths(month, -2);
    await services.billing.createBill(ctx, { enterpriseId: ineligible.id, kind: 'property', period: past, title: `${past} 物业费（逾期）`, amountFen: 1_863_200, dueDate: `${past}-15` });
  }

  /** An enterprise admin for a demo enterprise that has none (they only apply here). */
  const adminOf = async (e: typeof first, n: number): Promise<RequestContext> => {
    const username = `ent${n}.admin`;
    const u = await services.identity.createUserAsSystem(ctx, { username, displayName: `企业管理员 ${e.legalName.slice(0, 4)}`, password: crypto.randomBytes(18).toString('base64url'), grants: [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }], phone: null });
    return { actor: { userId: u.id, username, displayName: u.displayName, grants: [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }], via: 'session', access: 'write' } };
  };
  const eligibleOthers = others.filter((e) => e.id !== ineligible?.id && sizes.includes(e.size as EnterpriseSize));
  const applyAs = async (actor: RequestContext, enterpriseId: string, note: string) => {
    const a = await services.relief.apply(actor, programme.id, { enterpriseId, note, fileIds: [] });
    return a;
  };
  const act = (who: RequestContext, caseId: string, body: Parameters<Services['approvals']['act']>[2]) => services.approvals.act(who, caseId, body);

  // Approved, with credits on its rent bills: the second demo enterprise (ent2.admin).
  const ent2 = await actorOf(db, 'ent2.admin');
  if (ent2 && withLease.has(second.id) && sizes.includes(second.size as EnterpriseSize)) {
    const a = await applyAs(ent2, second.id, '受疫情影响，本季度营业收入同比下降约45%，申请减免租金。');
    await act(property, a.caseId!, { type: 'approve', comment: '租赁合同与租金发票已核对。' });
    await act(operator, a.caseId!, { type: 'approve', comment: '无欠费，减免金额核算无误。' });
    await act(operator, a.caseId!, { type: 'approve' });
    await act(admin, a.caseId!, { type: 'approve', comment: '同意。' });
  }
  const states: { note: string; run: (caseId: string, who: RequestContext) => Promise<unknown> }[] = [
    { note: '员工居家办公两个月，营业收入下降明显。', run: (id) => act(property, id, { type: 'approve', comment: '材料齐全。' }) },
    { note: '门店停业一个月，申请租金减免。', run: (id) => act(property, id, { type: 'return', reason: '请补充近三个月的租金发票。', toStep: null }) },
    {
      note: '申请减免租金。',
      run: async (id) => {
        await act(property, id, { type: 'approve' });
        return act(operator, id, { type: 'reject', reason: '经核查，营业收入未下降，不符合减免条件。' });
      },
    },
    { note: '申请减免租金（已改为下一期申请）。', run: (id, who) => act(who, id, { type: 'withdraw', reason: '改为申请下一期减免。' }) },
  ];
  for (const [i, s] of states.entries()) {
    const e = eligibleOthers[i];
    if (!e) break;
    const who = await adminOf(e, i + 3);
    const a = await applyAs(who, e.id, s.note);
    await s.run(a.caseId!, who);
  }
}
