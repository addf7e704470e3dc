import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { EnterpriseMemberView, EnterpriseRole, InvitationStatus, JoinRequestStatus, RoleGrant } from '@parkos/contracts';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { hashPassword, randomToken, sha256Hex } from '../../lib/secrets';
import { assertCanWrite, enterpriseIdsOf, operatorCovers, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { checkPasswordStrength } from '../identity/identity.service';
import { apiTokens, roleGrants, sessions, users } from '../identity/identity.table';
import type { NotifyUsers } from '../notifications';
import { passes } from '../community/passes/passes.table';
import { memberPlates, parkingRights } from '../parking/parking.table';
import { enterprises } from '../parks/parks.table';
import { enterpriseInvitations, enterpriseJoinRequests } from './membership.table';

/** Days an invitation link stays usable unless the admin says otherwise. */
const DEFAULT_INVITATION_DAYS = 7;

export type { InvitationStatus };
export type MemberView = EnterpriseMemberView<Date>;

export interface RegisterInput {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  invitationToken?: string | null;
  joinEnterpriseName?: string | null;
}

type EnterpriseRow = typeof enterprises.$inferSelect;
type InvitationRow = typeof enterpriseInvitations.$inferSelect;

/** The acting user's id for a foreign key; the system actor (seeder, CLI) is no user row. */
function userIdOf(actor: Actor): string | null {
  return actor.via === 'system' ? null : actor.userId;
}

function statusOf(i: InvitationRow, now = new Date()): InvitationStatus {
  if (i.revokedAt) return 'revoked';
  if (i.usedAt) return 'used';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

/** The grants a role in an enterprise stands for: a finance contact is also a member. */
function grantsFor(role: EnterpriseRole, enterpriseId: string): RoleGrant[] {
  const base: RoleGrant[] = [{ role, scopeType: 'enterprise', scopeId: enterpriseId }];
  if (role === 'finance_contact') base.push({ role: 'member', scopeType: 'enterprise', scopeId: enterpriseId });
  return base;
}

/**
 * An enterprise's people (企业成员管理): invitations by link or phone, join requests, the
 * enterprise's own roles, and disabling leavers. Every call stays inside one enterprise.
 */
export function createMembershipService(deps: { db: Db; audit: AuditService; notify?: NotifyUsers }) {
  const { db, audit } = deps;

  async function getEnterpriseRow(id: string): Promise<EnterpriseRow> {
    const [e] = await db.select().from(enterprises).where(eq(enterprises.id, id));
    if (!e) throw notFound('enterprise', id);
    return e;
  }

  /** The enterprise's admins and operators covering it manage its people; members get 403; anyone else 404. */
  async function assertManages(actor: Actor, enterpriseId: string): Promise<EnterpriseRow> {
    const e = await getEnterpriseRow(enterpriseId);
    if (operatorCovers(actor, e)) return e;
    if (enterpriseIdsOf(actor, ['enterprise_admin']).includes(e.id)) return e;
    if (enterpriseIdsOf(actor).includes(e.id)) throw forbidden('Only your enterprise admin may manage its people');
    throw notFound('enterprise', enterpriseId);
  }

  async function adminIdsOf(q: Db | Tx, enterpriseId: string): Promise<string[]> {
    const rows = await q
      .select({ userId: roleGrants.userId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'enterprise_admin'), eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, enterpriseId), eq(users.isActive, true)));
    return rows.map((r) => r.userId);
  }

  function invitationView(i: InvitationRow) {
    return { id: i.id, enterpriseId: i.enterpriseId, role: i.role, phone: i.phone, expiresAt: i.expiresAt, usedAt: i.usedAt, revokedAt: i.revokedAt, createdAt: i.createdAt, status: statusOf(i) };
  }

  /**
   * Ends what a leaver could still use: their sessions and API tokens, their member passes (revoked,
   * so gates refuse them), their parking rights (ending yesterday) and their plates' link to the enterprise.
   */
  async function cutOff(tx: Tx, actor: Actor, userId: string, enterpriseId: string) {
    const now = new Date();
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    const revoked = await tx
      .update(passes)
      .set({ revokedAt: now, revokedById: userIdOf(actor), revokeReason: 'member_disabled', updatedAt: now })
      .where(and(eq(passes.holderUserId, userId), eq(passes.enterpriseId, enterpriseId), isNull(passes.revokedAt)))
      .returning({ id: passes.id });
    const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    const rights = await tx
      .update(parkingRights)
      .set({ validTo: yesterday, updatedAt: now })
      .where(and(eq(parkingRights.userId, userId), sql`${parkingRights.validTo} >= ${now.toISOString().slice(0, 10)}`))
      .returning({ id: parkingRights.id });
    const plates = await tx
      .update(memberPlates)
      .set({ enterpriseId: null, updatedAt: now })
      .where(and(eq(memberPlates.userId, userId), eq(memberPlates.enterpriseId, enterpriseId)))
      .returning({ id: memberPlates.id });
    return { passesRevoked: revoked.length, parkingRightsEnded: rights.length, platesUnlinked: plates.length };
  }

  const service = {
    /** The enterprise's people with their roles, passes and plates (phones shown to their own admin). */
    async findMembers(ctx: RequestContext, enterpriseId: string): Promise<MemberView[]> {
      await assertManages(ctx.actor, enterpriseId);
      const grants = await db
        .select({ userId: roleGrants.userId, role: roleGrants.role })
        .from(roleGrants)
        .where(and(eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, enterpriseId)));
      const ids = [...new Set(grants.map((g) => g.userId))];
      if (!ids.length) return [];
      const people = await db.select().from(users).where(inArray(users.id, ids)).orderBy(asc(users.displayName));
      const passRows = await db
        .select({ id: passes.id, holderUserId: passes.holderUserId, validFrom: passes.validFrom, validTo: passes.validTo, revokedAt: passes.revokedAt })
        .from(passes)
        .where(and(eq(passes.enterpriseId, enterpriseId), eq(passes.kind, 'member'), inArray(passes.holderUserId, ids)))
        .orderBy(desc(passes.createdAt));
      const plateRows = await db.select({ id: memberPlates.id, userId: memberPlates.userId, plate: memberPlates.plate }).from(memberPlates).where(inArray(memberPlates.userId, ids)).orderBy(asc(memberPlates.plate));
      return people.map((u) => ({
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        phone: u.phone,
        isActive: u.isActive,
        roles: grants.filter((g) => g.userId === u.id).map((g) => g.role as EnterpriseRole),
        passes: passRows.filter((p) => p.holderUserId === u.id).map(({ id, validFrom, validTo, revokedAt }) => ({ id, validFrom, validTo, revokedAt })),
        plates: plateRows.filter((p) => p.userId === u.id).map(({ id, plate }) => ({ id, plate })),
      }));
    },

    /**
     * Changes a member's roles in this enterprise and/or disables them. Disabling a leaver ends their
     * sessions and tokens and cuts off their passes, parking rights and plates (see `cutOff`).
     */
    async updateMember(ctx: RequestContext, enterpriseId: string, userId: string, input: { roles?: EnterpriseRole[]; isActive?: boolean }) {
      assertCanWrite(ctx.actor);
      await assertManages(ctx.actor, enterpriseId);
      const held = await db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
      const here = held.filter((g) => g.scopeType === 'enterprise' && g.scopeId === enterpriseId);
      if (!here.length) throw notFound('member', userId);
      if (input.roles) {
        if (!input.roles.includes('enterprise_admin') && !input.roles.includes('member')) throw validationError('body.roles', 'must include enterprise_admin or member');
        if (userId === ctx.actor.userId && !input.roles.includes('enterprise_admin') && here.some((g) => g.role === 'enterprise_admin')) {
          throw validationError('body.roles', 'you cannot remove your own admin role');
        }
      }
      if (input.isActive === false) {
        if (userId === ctx.actor.userId) throw validationError('body.isActive', 'you cannot disable your own account');
        // The account is the person's, not the enterprise's: only someone who belongs nowhere else is disabled from here.
        if (held.some((g) => !(g.scopeType === 'enterprise' && g.scopeId === enterpriseId))) throw validationError('body.isActive', 'this person holds roles outside your enterprise');
      }
      const [u] = await db.select().from(users).where(eq(users.id, userId));
      return db.transaction(async (tx) => {
        const before = { roles: here.map((g) => g.role), isActive: u.isActive };
        let effects: Awaited<ReturnType<typeof cutOff>> | null = null;
        if (input.roles) {
          const roles = [...new Set(input.roles)];
          await tx.delete(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, enterpriseId)));
          await tx.insert(roleGrants).values(roles.map((role) => ({ userId, role, scopeType: 'enterprise', scopeId: enterpriseId })));
        }
        if (input.isActive !== undefined && input.isActive !== u.isActive) {
          await tx.update(users).set({ isActive: input.isActive, updatedAt: new Date() }).where(eq(users.id, userId));
          if (!input.isActive) effects = await cutOff(tx, ctx.actor, userId, enterpriseId);
        }
        const after = { roles: input.roles ?? before.roles, isActive: input.isActive ?? u.isActive, ...(effects ?? {}) };
        const action = input.isActive === false ? 'member.disabled' : input.isActive === true && !u.isActive ? 'member.enabled' : 'member.roles_changed';
        const [ent] = await tx.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, enterpriseId));
        await audit.record(tx, ctx, { action, entityType: 'user', entityId: userId, before, after, enterpriseId, parkId: ent.parkId });
        return { userId, roles: after.roles as EnterpriseRole[], isActive: after.isActive, effects };
      });
    },

    async findInvitations(ctx: RequestContext, enterpriseId: string) {
      await assertManages(ctx.actor, enterpriseId);
      const rows = await db.select().from(enterpriseInvitations).where(eq(enterpriseInvitations.enterpriseId, enterpriseId)).orderBy(desc(enterpriseInvitations.createdAt));
      return rows.map(invitationView);
    },

    /** A single-use invitation; the link token is returned once and stored only as a hash. */
    async createInvitation(ctx: RequestContext, enterpriseId: string, input: { role?: EnterpriseRole; phone?: string | null; expiresInDays?: number }) {
      assertCanWrite(ctx.actor);
      const e = await assertManages(ctx.actor, enterpriseId);
      const phone = input.phone?.replace(/[\s-]/g, '') || null;
      if (phone) {
        const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
        if (taken) throw conflict('a user with this phone already exists', { fields: [{ field: 'body.phone', message: 'already registered' }] });
      }
      const token = randomToken('inv_', 24);
      const expiresAt = new Date(Date.now() + (input.expiresInDays ?? DEFAULT_INVITATION_DAYS) * 86_400_000);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(enterpriseInvitations)
          .values({ enterpriseId, role: input.role ?? 'member', tokenHash: sha256Hex(token), phone, expiresAt, createdById: userIdOf(ctx.actor) })
          .returning();
        await audit.record(tx, ctx, { action: 'invitation.created', entityType: 'enterprise_invitation', entityId: row.id, after: { role: row.role, phone: row.phone, expiresAt }, enterpriseId, parkId: e.parkId });
        return { ...invitationView(row), token };
      });
    },

    async revokeInvitation(ctx: RequestContext, enterpriseId: string, id: string): Promise<void> {
      assertCanWrite(ctx.actor);
      const e = await assertManages(ctx.actor, enterpriseId);
      const [row] = await db.select().from(enterpriseInvitations).where(and(eq(enterpriseInvitations.id, id), eq(enterpriseInvitations.enterpriseId, enterpriseId)));
      if (!row) throw notFound('invitation', id);
      if (row.revokedAt || row.usedAt) return;
      await db.transaction(async (tx) => {
        await tx.update(enterpriseInvitations).set({ revokedAt: new Date() }).where(eq(enterpriseInvitations.id, id));
        await audit.record(tx, ctx, { action: 'invitation.revoked', entityType: 'enterprise_invitation', entityId: id, enterpriseId, parkId: e.parkId });
      });
    },

    /** What the registration page shows for a link: the enterprise's name and the role, while the link is usable. */
    async getInvitationByToken(token: string) {
      const [row] = await db
        .select({ i: enterpriseInvitations, legalName: enterprises.legalName })
        .from(enterpriseInvitations)
        .innerJoin(enterprises, eq(enterprises.id, enterpriseInvitations.enterpriseId))
        .where(eq(enterpriseInvitations.tokenHash, sha256Hex(token)));
      if (!row || statusOf(row.i) !== 'pending') throw notFound('invitation');
      return { enterpriseName: row.legalName, role: row.i.role, expiresAt: row.i.expiresAt };
    },

    async findJoinRequests(ctx: RequestContext, enterpriseId: string, filter: { status?: JoinRequestStatus }) {
      await assertManages(ctx.actor, enterpriseId);
      return db
        .select({ id: enterpriseJoinRequests.id, userId: users.id, username: users.username, displayName: users.displayName, phone: users.phone, status: enterpriseJoinRequests.status, createdAt: enterpriseJoinRequests.createdAt, decidedAt: enterpriseJoinRequests.decidedAt })
        .from(enterpriseJoinRequests)
        .innerJoin(users, eq(users.id, enterpriseJoinRequests.userId))
        .where(and(eq(enterpriseJoinRequests.enterpriseId, enterpriseId), filter.status ? eq(enterpriseJoinRequests.status, filter.status) : undefined))
        .orderBy(desc(enterpriseJoinRequests.createdAt));
    },

    /** Approves (the person becomes a member) or rejects a pending request; a decided request is 409. */
    async decideJoinRequest(ctx: RequestContext, enterpriseId: string, id: string, approve: boolean) {
      assertCanWrite(ctx.actor);
      const e = await assertManages(ctx.actor, enterpriseId);
      const [exists] = await db.select().from(enterpriseJoinRequests).where(and(eq(enterpriseJoinRequests.id, id), eq(enterpriseJoinRequests.enterpriseId, enterpriseId)));
      if (!exists) throw notFound('join request', id);
      return db.transaction(async (tx) => {
        // Conditional update: two admins deciding at once cannot both win.
        const [row] = await tx
          .update(enterpriseJoinRequests)
          .set({ status: approve ? 'approved' : 'rejected', decidedById: userIdOf(ctx.actor), decidedAt: new Date() })
          .where(and(eq(enterpriseJoinRequests.id, id), eq(enterpriseJoinRequests.status, 'pending')))
          .returning();
        if (!row) throw conflict('this request was already decided', { fields: [{ field: 'status', message: exists.status }] });
        if (approve) {
          const [has] = await tx
            .select({ id: roleGrants.id })
            .from(roleGrants)
            .where(and(eq(roleGrants.userId, row.userId), eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, enterpriseId)));
          if (!has) await tx.insert(roleGrants).values({ userId: row.userId, role: 'member', scopeType: 'enterprise', scopeId: enterpriseId });
        }
        await audit.record(tx, ctx, { action: approve ? 'join_request.approved' : 'join_request.rejected', entityType: 'enterprise_join_request', entityId: id, before: { status: 'pending' }, after: { status: row.status }, enterpriseId, parkId: e.parkId });
        await deps.notify?.(tx, [row.userId], { kind: 'enterprise.join_decided', params: { enterprise: e.legalName, approved: approve }, link: '/', entityType: 'enterprise_join_request', entityId: id });
        return { id: row.id, status: row.status, decidedAt: row.decidedAt };
      });
    },

    /**
     * Self-registration (注册). An invitation link, or a pending invitation for the phone given, makes
     * the person a member (or the invited role) at once; otherwise naming an enterprise files a join
     * request for its admins. The invitation is claimed with a conditional update, so a link works once.
     */
    async register(input: RegisterInput, requestId?: string) {
      checkPasswordStrength(input.password, 'body.password');
      const [dup] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`);
      if (dup) throw conflict('username is taken', { fields: [{ field: 'body.username', message: 'is taken' }] });
      const phone = input.phone?.replace(/[\s-]/g, '') || null;
      if (phone) {
        const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
        if (taken) throw conflict('phone already registered', { fields: [{ field: 'body.phone', message: 'already registered' }] });
      }
      let joinTarget: EnterpriseRow | null = null;
      if (!input.invitationToken && input.joinEnterpriseName) {
        const [e] = await db.select().from(enterprises).where(and(sql`lower(${enterprises.legalName}) = lower(${input.joinEnterpriseName.trim()})`, eq(enterprises.status, 'active')));
        if (!e) throw validationError('body.joinEnterpriseName', 'no enterprise of this name in the park');
        joinTarget = e;
      }
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const [u] = await tx.insert(users).values({ username: input.username, displayName: input.displayName, phone, passwordHash }).returning();
        const now = new Date();
        const usable = and(isNull(enterpriseInvitations.usedAt), isNull(enterpriseInvitations.revokedAt), gt(enterpriseInvitations.expiresAt, now));
        let claimed: InvitationRow | undefined;
        if (input.invitationToken) {
          [claimed] = await tx.update(enterpriseInvitations).set({ usedAt: now, usedById: u.id }).where(and(eq(enterpriseInvitations.tokenHash, sha256Hex(input.invitationToken)), usable)).returning();
          if (!claimed) throw validationError('body.invitationToken', 'this invitation is used, expired or revoked');
        } else if (phone) {
          const [pending] = await tx
            .select({ id: enterpriseInvitations.id })
            .from(enterpriseInvitations)
            .where(and(eq(enterpriseInvitations.phone, phone), usable))
            .orderBy(desc(enterpriseInvitations.createdAt))
            .limit(1);
          if (pending) [claimed] = await tx.update(enterpriseInvitations).set({ usedAt: now, usedById: u.id }).where(and(eq(enterpriseInvitations.id, pending.id), usable)).returning();
        }
        const actor: Actor = { userId: u.id, username: u.username, displayName: u.displayName, grants: [], via: 'session', access: 'write' };
        const ctx: RequestContext = { actor, requestId };
        if (claimed) {
          const grants = grantsFor(claimed.role, claimed.enterpriseId);
          await tx.insert(roleGrants).values(grants.map((g) => ({ userId: u.id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })));
          const [e] = await tx.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, claimed.enterpriseId));
          await audit.record(tx, ctx, { action: 'invitation.accepted', entityType: 'enterprise_invitation', entityId: claimed.id, after: { userId: u.id, role: claimed.role }, enterpriseId: claimed.enterpriseId, parkId: e.parkId });
          return { userId: u.id, enterpriseId: claimed.enterpriseId, role: claimed.role as EnterpriseRole | null, joinRequestId: null };
        }
        if (!joinTarget) throw validationError('body.joinEnterpriseName', 'name the enterprise you work for, or register through an invitation');
        const [req] = await tx.insert(enterpriseJoinRequests).values({ enterpriseId: joinTarget.id, userId: u.id }).returning();
        await audit.record(tx, ctx, { action: 'join_request.created', entityType: 'enterprise_join_request', entityId: req.id, after: { userId: u.id, status: 'pending' }, enterpriseId: joinTarget.id, parkId: joinTarget.parkId });
        await deps.notify?.(tx, await adminIdsOf(tx, joinTarget.id), { kind: 'enterprise.join_requested', params: { name: u.displayName }, link: '/my-enterprise#people', entityType: 'enterprise_join_request', entityId: req.id });
        return { userId: u.id, enterpriseId: null, role: null, joinRequestId: req.id };
      });
    },

    /** Active finance contacts of an enterprise: who receives its bill notifications. */
    async findFinanceContactIds(q: Db | Tx, enterpriseId: string): Promise<string[]> {
      const rows = await q
        .select({ userId: roleGrants.userId })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(and(eq(roleGrants.role, 'finance_contact'), eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, enterpriseId), eq(users.isActive, true)));
      return rows.map((r) => r.userId);
    },
  };
  return service;
}

export type MembershipService = ReturnType<typeof createMembershipService>;
