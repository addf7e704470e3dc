import { and, asc, eq, gt, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { ENTERPRISE_ROLES, ROLE_SCOPES, type EnterpriseRole, type Role, type RoleGrant } from '@parkos/contracts';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { maskEmail, maskPhone } from '../../lib/mask';
import { offsetOf, type Page, type PageQuery } from '../../lib/pagination';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../lib/secrets';
import { assertCanWrite, enterpriseIdsOf, hasRole, isGlobalOperator, isOperator, operatorParkIds, type Actor } from './actor';
import type { AuditService } from './audit.service';
import { apiTokens, roleGrants, sessions, users } from './identity.table';

function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return a.role === b.role && a.scopeType === b.scopeType && (a.scopeId ?? null) === (b.scopeId ?? null);
}

export interface IdentitySettings {
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  isActive: boolean;
  locale: string;
  lockedUntil: Date | null;
  grants: RoleGrant[];
  createdAt: Date;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  email?: string | null;
  phone?: string | null;
  locale?: string;
  grants: RoleGrant[];
}

export interface UpdateUserInput {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  isActive?: boolean;
  locale?: string;
  grants?: RoleGrant[];
}

export interface UserFilters extends PageQuery {
  q?: string;
  role?: Role;
  enterpriseId?: string;
}

/** Minimum password rules; the message names what is missing. */
export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < 10) throw validationError(field, 'must be at least 10 characters', 'password_too_short', { minimum: 10 });
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) throw validationError(field, 'must contain letters and digits', 'invalid_format', { format: 'letters_and_digits' });
}

type UserRow = typeof users.$inferSelect;

/** Accounts, sessions, role grants and API tokens. */
export function createIdentityService(deps: {
  db: Db;
  audit: AuditService;
  settings: IdentitySettings;
  /** Resolves a park id for scope checks of enterprise / site grants (the parks module provides it). */
  parkOfScope?: (scopeType: string, scopeId: string) => Promise<string | null>;
}) {
  const { db, audit, settings } = deps;

  async function grantsOf(userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const map = new Map<string, RoleGrant[]>();
    if (userIds.length === 0) return map;
    const rows = await db.select().from(roleGrants).where(inArray(roleGrants.userId, userIds)).orderBy(asc(roleGrants.createdAt));
    for (const r of rows) {
      const list = map.get(r.userId) ?? [];
      list.push({ role: r.role as Role, scopeType: r.scopeType as RoleGrant['scopeType'], scopeId: r.scopeId });
      map.set(r.userId, list);
    }
    return map;
  }

  function toView(u: UserRow, grants: RoleGrant[], masked: boolean): UserView {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      email: masked ? maskEmail(u.email) : u.email,
      phone: masked ? maskPhone(u.phone) : u.phone,
      isActive: u.isActive,
      locale: u.locale,
      lockedUntil: u.lockedUntil,
      grants,
      createdAt: u.createdAt,
    };
  }

  function actorFrom(u: UserRow, grants: RoleGrant[], via: Actor['via'], access: Actor['access']): Actor {
    return { userId: u.id, username: u.username, displayName: u.displayName, grants, via, access };
  }

  /** The park a user's grants place them in, so park operators see their audit entries. */
  async function parkOfGrants(grants: RoleGrant[]): Promise<string | null> {
    for (const g of grants) {
      if (!g.scopeId || !deps.parkOfScope) continue;
      const park = await deps.parkOfScope(g.scopeType, g.scopeId);
      if (park) return park;
    }
    return null;
  }

  /** Which grants `actor` may hand out: global operators any; park operators within their park; enterprise admins members of their enterprise. */
  /**
   * Checks each grant's shape, and that `actor` may hand it out. Grants in `alreadyHeld` (the
   * user's current grants, when editing) are only shape-checked: keeping a grant is not granting it.
   */
  async function assertMayGrant(actor: Actor, grants: RoleGrant[], alreadyHeld: RoleGrant[] = []): Promise<void> {
    for (const [i, g] of grants.entries()) {
      const field = `body.grants.${i}`;
      if (!ROLE_SCOPES[g.role]) throw validationError(`${field}.role`, `unknown role ${g.role}`);
      if (!ROLE_SCOPES[g.role].includes(g.scopeType)) {
        throw validationError(`${field}.scopeType`, `role ${g.role} takes scope ${ROLE_SCOPES[g.role].join(' or ')}`);
      }
      const needsId = g.scopeType !== 'all' && g.scopeType !== 'none';
      if (needsId && !g.scopeId) throw validationError(`${field}.scopeId`, `is required for scope ${g.scopeType}`);
      if (!needsId && g.scopeId) throw validationError(`${field}.scopeId`, `must be empty for scope ${g.scopeType}`);
      if (isGlobalOperator(actor) || alreadyHeld.some((h) => sameGrant(h, g))) continue;
      if (isOperator(actor)) {
        const parks = operatorParkIds(actor);
        if (g.scopeType === 'all' || g.scopeType === 'none') throw forbidden(`Only company-wide operators may grant ${g.role} with scope ${g.scopeType}`);
        const park = deps.parkOfScope ? await deps.parkOfScope(g.scopeType, g.scopeId!) : null;
        if (!park || !parks.includes(park)) throw forbidden('You may only grant roles within your own park');
        continue;
      }
      const adminOf = enterpriseIdsOf(actor, ['enterprise_admin']);
      // Enterprise admins hand out their enterprise's own roles (admin, member, finance contact) within it.
      if (ENTERPRISE_ROLES.includes(g.role as EnterpriseRole) && g.scopeType === 'enterprise' && adminOf.includes(g.scopeId!)) continue;
      throw forbidden('You may not grant this role');
    }
  }

  /**
   * A park operator edits only the part of a user's roles inside their parks: every current grant
   * outside them (another park, or company-wide and park-less roles) must stay as it is.
   */
  async function assertKeepsGrantsOutsideScope(actor: Actor, before: RoleGrant[], after: RoleGrant[]): Promise<void> {
    if (isGlobalOperator(actor) || !isOperator(actor)) return;
    const parks = operatorParkIds(actor);
    for (const g of before) {
      if (after.some((a) => sameGrant(a, g))) continue;
      const park = g.scopeType === 'all' || g.scopeType === 'none' || !deps.parkOfScope ? null : await deps.parkOfScope(g.scopeType, g.scopeId!);
      if (!park || !parks.includes(park)) {
        throw new AppError(ErrorCode.FORBIDDEN, {
          message: `The ${g.role} role (scope ${g.scopeType}) is outside your parks: only its park's operators or a company-wide operator may remove it`,
          details: { fields: [{ field: 'body.grants', message: 'keeps every role outside your parks' }] },
        });
      }
    }
  }

  /** Whether `actor` may see and manage user `userId` (operators in scope; enterprise admins their members). */
  async function assertMayManage(actor: Actor, target: RoleGrant[]): Promise<void> {
    if (isGlobalOperator(actor)) return;
    if (target.some((g) => g.role === 'operator' && g.scopeType === 'all')) throw forbidden();
    if (isOperator(actor)) {
      const parks = operatorParkIds(actor);
      for (const g of target) {
        if (g.scopeType === 'all' || g.scopeType === 'none') continue;
        const park = deps.parkOfScope ? await deps.parkOfScope(g.scopeType, g.scopeId!) : null;
        if (park && parks.includes(park)) return;
      }
      throw forbidden();
    }
    const adminOf = enterpriseIdsOf(actor, ['enterprise_admin']);
    if (adminOf.length && target.length > 0 && target.every((g) => g.scopeType === 'enterprise' && adminOf.includes(g.scopeId!))) return;
    throw forbidden();
  }

  return {
    /**
     * Password login. Failures count per account; after `loginMaxFailures` the
     * account is locked for `loginLockMinutes` (423), whatever password is sent.
     */
    async login(input: { username: string; password: string; ip?: string; userAgent?: string }) {
      const [u] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${input.username})`);
      const invalid = new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Wrong username or password' });
      if (!u) {
        // Hash anyway so that unknown usernames take as long as wrong passwords.
        await hashPassword(input.password);
        throw invalid;
      }
      if (u.lockedUntil && u.lockedUntil > new Date()) {
        throw new AppError(ErrorCode.LOCKED, {
          message: `Account locked after repeated failed logins; try again after ${u.lockedUntil.toISOString()}`,
          details: { lockedUntil: u.lockedUntil.toISOString() },
        });
      }
      if (!u.isActive) throw new AppError(ErrorCode.FORBIDDEN, { message: 'This account is disabled' });
      const ok = await verifyPassword(u.passwordHash, input.password);
      if (!ok) {
        // Atomic increment: concurrent failures on several instances all count.
        const [after] = await db
          .update(users)
          .set({ failedLogins: sql`${users.failedLogins} + 1` })
          .where(eq(users.id, u.id))
          .returning({ failedLogins: users.failedLogins });
        if (after.failedLogins >= settings.loginMaxFailures) {
          const lockedUntil = new Date(Date.now() + settings.loginLockMinutes * 60_000);
          await db.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, u.id));
          await db.transaction((tx) =>
            audit.record(tx, { actor: { ...actorFrom(u, [], 'session', 'write') } }, {
              action: 'user.locked',
              entityType: 'user',
              entityId: u.id,
              after: { lockedUntil },
            }),
          );
        }
        throw invalid;
      }
      await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id));
      const token = randomToken();
      const csrfToken = randomToken('', 24);
      const expiresAt = new Date(Date.now() + settings.sessionTtlHours * 3_600_000);
      await db.insert(sessions).values({
        tokenHash: sha256Hex(token),
        csrfToken,
        userId: u.id,
        expiresAt,
        ip: input.ip ?? null,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      });
      const grants = (await grantsOf([u.id])).get(u.id) ?? [];
      return { token, csrfToken, expiresAt, user: toView(u, grants, false) };
    },

    async logout(sessionToken: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(sessionToken)));
    },

    /** Resolves a session cookie to its actor and CSRF token; null when unknown or expired. */
    async resolveSession(sessionToken: string): Promise<{ actor: Actor; csrfToken: string; user: UserView } | null> {
      const [row] = await db
        .select({ s: sessions, u: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, sha256Hex(sessionToken)), gt(sessions.expiresAt, new Date())));
      if (!row || !row.u.isActive) return null;
      const grants = (await grantsOf([row.u.id])).get(row.u.id) ?? [];
      return { actor: actorFrom(row.u, grants, 'session', 'write'), csrfToken: row.s.csrfToken, user: toView(row.u, grants, false) };
    },

    /** Resolves a bearer API token; revoked and expired tokens resolve to null. */
    async resolveApiToken(token: string): Promise<Actor | null> {
      const [row] = await db
        .select({ t: apiTokens, u: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date()))));
      if (!row || !row.u.isActive) return null;
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.t.id));
      const grants = (await grantsOf([row.u.id])).get(row.u.id) ?? [];
      return actorFrom(row.u, grants, 'token', row.t.access === 'write' ? 'write' : 'read');
    },

    /** Changes the caller's password; every other session of theirs ends, the one given as `keepSessionToken` stays. */
    async changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string; keepSessionToken?: string }): Promise<void> {
      assertCanWrite(ctx.actor);
      const [u] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
      if (!u) throw notFound('user');
      if (!(await verifyPassword(u.passwordHash, input.currentPassword))) throw validationError('body.currentPassword', 'is not your current password');
      checkPasswordStrength(input.newPassword, 'body.newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, u.id));
        // Other sessions end: a changed password must lock out whoever knew the old one.
        const keep = input.keepSessionToken ? sha256Hex(input.keepSessionToken) : null;
        await tx.delete(sessions).where(keep ? and(eq(sessions.userId, u.id), ne(sessions.tokenHash, keep)) : eq(sessions.userId, u.id));
        await audit.record(tx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: u.id });
      });
    },

    async findUsers(ctx: RequestContext, filters: UserFilters): Promise<Page<UserView>> {
      const { actor } = ctx;
      const conditions: SQL[] = [];
      if (!isGlobalOperator(actor)) {
        if (isOperator(actor)) {
          // Park operators see users holding grants within their parks.
          const parks = operatorParkIds(actor);
          const scoped = await db.select({ userId: roleGrants.userId, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants);
          const ids: string[] = [];
          for (const g of scoped) {
            if (!g.scopeId || !deps.parkOfScope) continue;
            const park = await deps.parkOfScope(g.scopeType, g.scopeId);
            if (park && parks.includes(park)) ids.push(g.userId);
          }
          conditions.push(ids.length ? inArray(users.id, ids) : sql`false`);
        } else {
          const adminOf = enterpriseIdsOf(actor, ['enterprise_admin']);
          if (!adminOf.length) throw forbidden('Only operators and enterprise admins may list users');
          conditions.push(
            inArray(users.id, db.select({ id: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.scopeType, 'enterprise'), inArray(roleGrants.scopeId, adminOf)))),
          );
        }
      }
      if (filters.q) conditions.push(or(ilike(users.username, `%${filters.q}%`), ilike(users.displayName, `%${filters.q}%`))!);
      if (filters.role) conditions.push(inArray(users.id, db.select({ id: roleGrants.userId }).from(roleGrants).where(eq(roleGrants.role, filters.role))));
      if (filters.enterpriseId) {
        conditions.push(
          inArray(users.id, db.select({ id: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, filters.enterpriseId)))),
        );
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const rows = await db.select().from(users).where(where).orderBy(asc(users.username)).limit(filters.pageSize).offset(offsetOf(filters));
      const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users).where(where);
      const grants = await grantsOf(rows.map((r) => r.id));
      return { items: rows.map((r) => toView(r, grants.get(r.id) ?? [], true)), total: count, page: filters.page, pageSize: filters.pageSize };
    },

    async getUser(ctx: RequestContext, id: string): Promise<UserView> {
      const [u] = await db.select().from(users).where(eq(users.id, id));
      if (!u) throw notFound('user', id);
      const grants = (await grantsOf([id])).get(id) ?? [];
      if (ctx.actor.userId !== id) await assertMayManage(ctx.actor, grants).catch(() => Promise.reject(notFound('user', id)));
      return toView(u, grants, ctx.actor.userId !== id);
    },

    async createUser(ctx: RequestContext, input: CreateUserInput): Promise<UserView> {
      assertCanWrite(ctx.actor);
      if (input.grants.length === 0) throw validationError('body.grants', 'at least one role is required', 'choose_at_least_one');
      await assertMayGrant(ctx.actor, input.grants);
      checkPasswordStrength(input.password, 'body.password');
      const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`);
      if (existing) throw conflict(`username ${input.username} is taken`, { fields: [{ field: 'body.username', message: 'is taken', code: 'already_taken' }] });
      const passwordHash = await hashPassword(input.password);
      // Resolved before the transaction: on PGlite a query outside the open transaction would wait for it forever.
      const parkId = await parkOfGrants(input.grants);
      const created = await db.transaction(async (tx) => {
        const [u] = await tx
          .insert(users)
          .values({ username: input.username, displayName: input.displayName, email: input.email ?? null, phone: input.phone ?? null, passwordHash, locale: input.locale ?? 'zh-CN' })
          .returning();
        await tx.insert(roleGrants).values(input.grants.map((g) => ({ userId: u.id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })));
        const view = toView(u, input.grants, false);
        const enterpriseId = input.grants.find((g) => g.scopeType === 'enterprise')?.scopeId ?? null;
        await audit.record(tx, ctx, { action: 'user.created', entityType: 'user', entityId: u.id, after: view, enterpriseId, parkId });
        return view;
      });
      return created;
    },

    async updateUser(ctx: RequestContext, id: string, input: UpdateUserInput): Promise<UserView> {
      assertCanWrite(ctx.actor);
      const before = await this.getUser(ctx, id);
      await assertMayManage(ctx.actor, before.grants).catch(() => Promise.reject(notFound('user', id)));
      if (input.grants) {
        if (input.grants.length === 0) throw validationError('body.grants', 'at least one role is required', 'choose_at_least_one');
        await assertMayGrant(ctx.actor, input.grants, before.grants);
        await assertKeepsGrantsOutsideScope(ctx.actor, before.grants, input.grants);
      }
      if (id === ctx.actor.userId && input.isActive === false) throw validationError('body.isActive', 'you cannot disable your own account');
      const parkId = await parkOfGrants(input.grants ?? before.grants);
      return db.transaction(async (tx) => {
        const [u] = await tx
          .update(users)
          .set({
            displayName: input.displayName,
            email: input.email,
            phone: input.phone,
            isActive: input.isActive,
            locale: input.locale,
            updatedAt: new Date(),
          })
          .where(eq(users.id, id))
          .returning();
        if (input.grants) {
          await tx.delete(roleGrants).where(eq(roleGrants.userId, id));
          await tx.insert(roleGrants).values(input.grants.map((g) => ({ userId: id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })));
        }
        if (input.isActive === false) await tx.delete(sessions).where(eq(sessions.userId, id));
        const after = toView(u, input.grants ?? before.grants, false);
        const enterpriseId = after.grants.find((g) => g.scopeType === 'enterprise')?.scopeId ?? null;
        await audit.record(tx, ctx, { action: 'user.updated', entityType: 'user', entityId: id, before, after, enterpriseId, parkId });
        return after;
      });
    },

    /** Clears a lockout (operators), e.g. after a user called the help desk. */
    async unlockUser(ctx: RequestContext, id: string): Promise<UserView> {
      assertCanWrite(ctx.actor);
      const before = await this.getUser(ctx, id);
      if (!isOperator(ctx.actor)) throw forbidden();
      await db.transaction(async (tx) => {
        await tx.update(users).set({ lockedUntil: null, failedLogins: 0 }).where(eq(users.id, id));
        await audit.record(tx, ctx, { action: 'user.unlocked', entityType: 'user', entityId: id, before: { lockedUntil: before.lockedUntil }, after: { lockedUntil: null } });
      });
      return this.getUser(ctx, id);
    },

    /** Creates a user from the CLI or seeder without scope checks (the caller is the system). */
    async createUserAsSystem(ctx: RequestContext, input: CreateUserInput): Promise<UserView> {
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const [u] = await tx
          .insert(users)
          .values({ username: input.username, displayName: input.displayName, email: input.email ?? null, phone: input.phone ?? null, passwordHash, locale: input.locale ?? 'zh-CN' })
          .returning();
        if (input.grants.length) await tx.insert(roleGrants).values(input.grants.map((g) => ({ userId: u.id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })));
        const view = toView(u, input.grants, false);
        await audit.record(tx, ctx, { action: 'user.created', entityType: 'user', entityId: u.id, after: view });
        return view;
      });
    },

    async findApiTokens(ctx: RequestContext) {
      return db
        .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, access: apiTokens.access, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
        .from(apiTokens)
        .where(eq(apiTokens.userId, ctx.actor.userId))
        .orderBy(asc(apiTokens.createdAt));
    },

    /** Creates an API token for the caller; the secret is returned once and stored only as a hash. */
    async createApiToken(ctx: RequestContext, input: { name: string; access: 'read' | 'write'; expiresInDays?: number }) {
      if (ctx.actor.via !== 'session') throw forbidden('API tokens are created from a logged-in session');
      // Integrations are an enterprise's or the park's business: members and other personal roles get none.
      if (!isOperator(ctx.actor) && !hasRole(ctx.actor, 'enterprise_admin')) throw forbidden('Only enterprise admins and operators may create API tokens');
      const token = randomToken('pk_');
      const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiTokens)
          .values({ userId: ctx.actor.userId, name: input.name, prefix: token.slice(0, 10), tokenHash: sha256Hex(token), access: input.access, expiresAt })
          .returning();
        await audit.record(tx, ctx, { action: 'api_token.created', entityType: 'api_token', entityId: row.id, after: { name: row.name, access: row.access, expiresAt } });
        return { id: row.id, name: row.name, prefix: row.prefix, access: row.access, createdAt: row.createdAt, expiresAt: row.expiresAt, lastUsedAt: null, revokedAt: null, token };
      });
    },

    async revokeApiToken(ctx: RequestContext, id: string): Promise<void> {
      assertCanWrite(ctx.actor);
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
      if (!row || (row.userId !== ctx.actor.userId && !isGlobalOperator(ctx.actor))) throw notFound('api token', id);
      if (row.revokedAt) return;
      await db.transaction(async (tx) => {
        const revokedAt = new Date();
        await tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id));
        await audit.record(tx, ctx, { action: 'api_token.revoked', entityType: 'api_token', entityId: id, before: { revokedAt: null }, after: { revokedAt } });
      });
    },

    async countUsers(): Promise<number> {
      const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
      return count;
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
