import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { roleGrants, users } from '../identity/identity.table';
import { enterprises, propertyContracts, sites } from '../parks/parks.table';
import type { ApproverSpec, RoleSpec } from './approval-flow';
import type { CaseState, TaskState } from './approval-machine';
import { approvalCases, approvalTasks, type approvalActions } from './approvals.table';

/** Queries of the approvals module; no rules here. */

export type CaseRow = typeof approvalCases.$inferSelect;
export type TaskRow = typeof approvalTasks.$inferSelect;
export type ActionRow = typeof approvalActions.$inferSelect;

/** Where a case lives: its park and the applicant's enterprise (role scopes and the applicant's admins resolve against it). */
export interface CasePlace {
  parkId: string;
  enterpriseId: string | null;
}

/** A role spec's scope id: `park` without an id means the case's park. */
function scopeIdOf(spec: RoleSpec, place: CasePlace): string | null {
  if (spec.scopeType === 'park' && !spec.scopeId) return place.parkId;
  return spec.scopeId;
}

/** Active users holding the role in the scope, in a stable order. */
export async function findRoleHolders(q: Queryable, spec: RoleSpec, place: CasePlace): Promise<string[]> {
  const scopeId = scopeIdOf(spec, place);
  const rows = await q
    .selectDistinct({ id: users.id, username: users.username })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, spec.role), eq(roleGrants.scopeType, spec.scopeType), scopeId ? eq(roleGrants.scopeId, scopeId) : sql`${roleGrants.scopeId} is null`, eq(users.isActive, true)))
    .orderBy(asc(users.username));
  return rows.map((r) => r.id);
}

/** The users one step's approver specs name, unique, in the order of the specs. */
export async function resolveApprovers(q: Queryable, specs: readonly ApproverSpec[], place: CasePlace): Promise<string[]> {
  const out: string[] = [];
  for (const spec of specs) {
    if (spec.kind === 'user') {
      const [u] = await q.select({ id: users.id }).from(users).where(and(eq(users.id, spec.userId), eq(users.isActive, true)));
      if (u) out.push(u.id);
    } else if (spec.kind === 'role') {
      out.push(...(await findRoleHolders(q, spec, place)));
    } else if (place.enterpriseId) {
      out.push(...(await findRoleHolders(q, { role: 'enterprise_admin', scopeType: 'enterprise', scopeId: place.enterpriseId }, place)));
    }
  }
  return [...new Set(out)];
}

/**
 * Users who may be named as approvers of a case in this place: the park's operators (whole
 * company, park or one of its sites), staff of property companies contracted in the park, and
 * the applicant's enterprise admins and members. Nobody from another park or enterprise.
 */
export function eligibleUserCondition(place: CasePlace): SQL {
  const enterprise = place.enterpriseId ? sql` or (g.role in ('enterprise_admin', 'member') and g.scope_id = ${place.enterpriseId})` : sql``;
  return sql`exists (select 1 from role_grants g where g.user_id = ${users.id} and (
    (g.role = 'operator' and (g.scope_type = 'all'
      or (g.scope_type = 'park' and g.scope_id = ${place.parkId})
      or (g.scope_type = 'site' and g.scope_id in (select s.id from ${sites} s where s.park_id = ${place.parkId}))))
    or (g.role = 'property' and g.scope_id in (select c.property_company_id from ${propertyContracts} c where c.park_id = ${place.parkId}))${enterprise}))`;
}

/** The eligible users among `ids`. */
export async function findEligibleUsers(q: Queryable, place: CasePlace, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.isActive, true), eligibleUserCondition(place)));
  return new Set(rows.map((r) => r.id));
}

/** Whether a scope id belongs to the park (a site, an enterprise or a contracted property company of it, or the park). */
export async function isScopeInPark(q: Queryable, spec: RoleSpec, parkId: string): Promise<boolean> {
  const { scopeType, scopeId } = spec;
  if (scopeType === 'all' || scopeType === 'none') return scopeId === null;
  if (scopeType === 'park') return scopeId === null || scopeId === parkId;
  if (!scopeId) return false;
  if (scopeType === 'site') return (await q.select({ id: sites.id }).from(sites).where(and(eq(sites.id, scopeId), eq(sites.parkId, parkId)))).length > 0;
  if (scopeType === 'enterprise') return (await q.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, scopeId), eq(enterprises.parkId, parkId)))).length > 0;
  if (scopeType === 'property_company') {
    return (await q.select({ id: propertyContracts.id }).from(propertyContracts).where(and(eq(propertyContracts.propertyCompanyId, scopeId), eq(propertyContracts.parkId, parkId)))).length > 0;
  }
  return false;
}

export function taskStateOf(t: TaskRow): TaskState {
  return { id: t.id, stepIndex: t.stepIndex, round: t.round, slot: t.slot, assigneeId: t.assigneeId, status: t.status, origin: t.origin, dueAt: t.dueAt, escalatedAt: t.escalatedAt, decidedAt: t.decidedAt, comment: t.comment };
}

export async function findTasks(q: Queryable, caseId: string): Promise<TaskRow[]> {
  return q.select().from(approvalTasks).where(eq(approvalTasks.caseId, caseId)).orderBy(asc(approvalTasks.round), asc(approvalTasks.slot), asc(approvalTasks.createdAt));
}

export function caseStateOf(c: CaseRow, tasks: TaskRow[]): CaseState {
  return { status: c.status, stepIndex: c.currentStep, round: c.round, applicantId: c.applicantId, formValues: c.formValues, lastRemindedAt: c.lastRemindedAt, tasks: tasks.map(taskStateOf) };
}

const changed = (a: TaskState, b: TaskState) => a.status !== b.status || a.escalatedAt !== b.escalatedAt || a.decidedAt !== b.decidedAt || a.comment !== b.comment;

/** Writes a decided state: the case's columns, changed tasks and new tasks. */
export async function saveCaseState(q: Queryable, caseId: string, before: CaseState, after: CaseState, now: Date): Promise<void> {
  const isDone = after.status !== 'in_progress' && after.status !== 'returned';
  await q
    .update(approvalCases)
    .set({ status: after.status, currentStep: after.stepIndex, round: after.round, formValues: after.formValues, lastRemindedAt: after.lastRemindedAt, updatedAt: now, completedAt: isDone ? now : null })
    .where(eq(approvalCases.id, caseId));
  const old = new Map(before.tasks.map((t) => [t.id, t]));
  for (const t of after.tasks) {
    if (t.id === null) continue;
    const prior = old.get(t.id);
    if (prior && changed(prior, t)) await q.update(approvalTasks).set({ status: t.status, escalatedAt: t.escalatedAt, decidedAt: t.decidedAt, comment: t.comment }).where(eq(approvalTasks.id, t.id));
  }
  const created = after.tasks.filter((t) => t.id === null);
  if (created.length) {
    await q.insert(approvalTasks).values(created.map((t) => ({ caseId, stepIndex: t.stepIndex, round: t.round, slot: t.slot, assigneeId: t.assigneeId, status: t.status, origin: t.origin, dueAt: t.dueAt, escalatedAt: t.escalatedAt, decidedAt: t.decidedAt, comment: t.comment, createdAt: now })));
  }
}
