import type { RoleGrant } from '@parkos/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import type { ApprovalsService, StepDefinition } from '../approvals';
import { roleGrants, users } from '../identity/identity.table';
import { EVAL_APPEAL_FLOW_KEY } from './evaluation.appeals';
import { EVAL_AWARD_FLOW_KEY } from './evaluation.awards';
import { evalReviewTasks, evalWarnings } from './evaluation.outcomes.table';
import type { EvaluationOutcomes } from './evaluation.outcomes.routes';
import type { EvaluationService } from './evaluation.service';
import { evalPeriods, evalScores } from './evaluation.table';

async function actorOf(db: Db, username: string): Promise<RequestContext | null> {
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = ${username}`);
  if (!u) return null;
  const grants = await db.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, u.id));
  return { actor: { userId: u.id, username: u.username, displayName: u.displayName, grants: grants as RoleGrant[], via: 'session', access: 'write' } };
}

/** The park's appeal and award flows (one review step by the park's operator `operator`). */
export async function seedEvaluationFlows(services: { approvals: ApprovalsService }, ctx: RequestContext, place: { parkId: string; approverUserId: string }) {
  const step = (nameZh: string, nameEn: string): StepDefinition => ({ nameZh, nameEn, mode: 'any', approvers: [{ kind: 'user', userId: place.approverUserId }], condition: null, dueHours: 72, escalation: null });
  await services.approvals.createFlow(ctx, { parkId: place.parkId, key: EVAL_APPEAL_FLOW_KEY, nameZh: '考核申诉审核', nameEn: 'Evaluation appeal review', steps: [step('园区运营复核', 'Park operations review')] });
  await services.approvals.createFlow(ctx, { parkId: place.parkId, key: EVAL_AWARD_FLOW_KEY, nameZh: '年度优秀物业评选', nameEn: 'Annual property award', steps: [step('园区评选小组审定', 'Park award panel')] });
}

/**
 * Demo outcomes, called after the evaluation periods are seeded (closed and computed): the appeal and award flows;
 * the weaker company (pcs[1]) with a bottom warning for being last in the last two closed months and its open
 * contract-review task (an earlier review a year ago closed with an improvement plan); an approved appeal of the
 * stronger company (pcs[0], user `property`) whose correction shows in the current month, and a pending one;
 * last year's awards approved and published as a news article.
 */
export async function seedEvaluationOutcomesDemo(db: Db, services: { approvals: ApprovalsService; evaluation: EvaluationService; evaluationOutcomes: EvaluationOutcomes }, place: { parkId: string; schemeId: string; strongerCompanyId: string; weakerCompanyId: string; now?: Date }): Promise<void> {
  const operator = await actorOf(db, 'operator');
  const property = await actorOf(db, 'property');
  if (!operator || !property) return;
  const now = place.now ?? new Date();
  const { appeals, warnings, awards } = services.evaluationOutcomes;
  const closed = await db.select().from(evalPeriods).where(and(eq(evalPeriods.schemeId, place.schemeId), eq(evalPeriods.status, 'closed'))).orderBy(desc(evalPeriods.startDate));
  const [current] = await db.select().from(evalPeriods).where(and(eq(evalPeriods.schemeId, place.schemeId), eq(evalPeriods.status, 'open'))).orderBy(desc(evalPeriods.startDate)).limit(1);
  if (closed.length < 2) return;

  // Warnings: the closes of the seeded year raised one early (its task kept later ones quiet). That review ended with an
  // improvement plan; the last two months' places raise the current warning and its open review.
  for (const t of await db.select().from(evalReviewTasks).where(and(eq(evalReviewTasks.parkId, place.parkId), eq(evalReviewTasks.status, 'open'))).orderBy(asc(evalReviewTasks.createdAt)))
    await warnings.closeTask(operator, t.id, { decision: 'improve_plan', note: '约谈物业公司项目经理，要求一个月内提交工单响应与设备巡检整改方案，按月跟踪整改落实情况。' });
  await db.transaction(async (tx) => warnings.onClosed(tx, operator, closed[0]));
  const [warning] = await db.select().from(evalWarnings).where(and(eq(evalWarnings.parkId, place.parkId), eq(evalWarnings.periodId, closed[0].id)));
  if (warning) await db.execute(sql`update ${evalWarnings} set created_at = ${new Date(now.getTime() - 2 * 86_400_000)} where id = ${warning.id}`);

  // Appeals of pcs[0] on last month's frozen scores: one approved (its correction lands in the current month), one pending.
  const lastMonth = closed[0];
  const districtsOfStronger = await db
    .select()
    .from(evalScores)
    .where(and(eq(evalScores.periodId, lastMonth.id), eq(evalScores.subjectKind, 'district'), eq(evalScores.propertyCompanyId, place.strongerCompanyId)))
    .orderBy(asc(evalScores.name));
  const leaves = (tree: (typeof districtsOfStronger)[number]['tree']) => tree.flatMap((n) => n.children ?? [n]).filter((n) => !n.children && n.score < 99);
  const candidates = districtsOfStronger.flatMap((d) => leaves(d.tree).map((leaf) => ({ d, leaf })));
  if (candidates.length >= 1) {
    const { d, leaf } = candidates[0];
    const a = await appeals.file(property, { periodId: lastMonth.id, districtId: d.subjectId, itemKind: 'indicator', indicatorKey: leaf.key, claimedScore: Math.min(100, Math.round(leaf.score + 8)), reason: `${leaf.name}：统计期内有两张工单因业主要求改约上门时间被计为超时，附业主签字的改约记录，申请核减。` });
    await services.approvals.act(operator, a.caseId!, { type: 'approve', comment: '改约记录属实，同意按申诉更正。' });
  }
  if (candidates.length >= 2) {
    const { d, leaf } = candidates[candidates.length - 1];
    await appeals.file(property, { periodId: lastMonth.id, districtId: d.subjectId, itemKind: 'indicator', indicatorKey: leaf.key, claimedScore: Math.min(100, Math.round(leaf.score + 5)), reason: `${leaf.name}：当月停电检修期间的告警为计划内作业，已提前报备，申请不计入考核。` });
  }
  if (current) await services.evaluation.compute(operator, current.id);

  // Last year's awards: the stronger company and two of its staff, approved and published.
  const year = Number(closed[0].label.slice(0, 4)) - 1;
  const nominations = [
    { kind: 'company' as const, staffName: null, citation: '全年考核综合排名第一，工单响应及时率保持在95%以上，全年无重大安全事故。' },
    { kind: 'staff' as const, staffName: '王建国', citation: '工程主管，牵头完成配电房及消防泵房改造，设备完好率达99%。' },
    { kind: 'staff' as const, staffName: '李秀英', citation: '客服主管，建立企业回访制度，满意度调查得分全园第一。' },
  ];
  for (const n of nominations) {
    const a = await awards.nominate(operator, { parkId: place.parkId, year, propertyCompanyId: place.strongerCompanyId, ...n });
    await services.approvals.act(operator, a.caseId!, { type: 'approve', comment: '评选小组审定通过。' });
  }
  await awards.publish(operator, { parkId: place.parkId, year, title: `${year}年度优秀物业服务企业及个人表彰`, intro: `经${year}年度物业考核评议及园区评选小组审定，以下单位和个人获评年度优秀，特此表彰。`, companyHeading: '优秀物业服务企业', staffHeading: '优秀物业服务个人' });
}
