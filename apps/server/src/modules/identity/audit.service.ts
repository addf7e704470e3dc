import type { AuditAction } from '@parkos/contracts';
import { and, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { maskPersonalData } from '../../lib/mask';
import { offsetOf, type Page, type PageQuery } from '../../lib/pagination';
import { enterpriseIdsOf, isGlobalOperator, isOperator, operatorParkIds, operatorSiteIds } from './actor';
import { auditLog } from './identity.table';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditEntryInput {
  /** Typed, so every action written has wording in the web app (packages/contracts/src/audit-actions.ts). */
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  parkId?: string | null;
  enterpriseId?: string | null;
}

/**
 * Called inside the same transaction with the entries just recorded, in id order: one for
 * {@link AuditService.record}, a whole batch for {@link AuditService.recordMany} (the ledger
 * appends them to its Merkle log).
 */
export type AuditAppendHook = (tx: Tx, entries: readonly AuditRow[]) => Promise<void>;

export interface AuditFilters extends PageQuery {
  entityType?: string;
  entityId?: string;
  /** Every entry about an enterprise and its vehicles, leases, spaces and members. */
  enterpriseId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

// Ten bind parameters per entry: 1,000 entries stay far below PostgreSQL's 65,535.
const RECORD_BATCH = 1000;

/** The audit log: written inside each change's transaction, read by operators (and enterprises, for their own records). */
/** Names of the records entries refer to, keyed `entityType:entityId` (see apps/server/src/audit-names.ts). */
export type AuditNameResolver = (refs: readonly { entityType: string; entityId: string }[]) => Promise<Map<string, string>>;

/** An audit entry as listed: the record's name resolved where the server knows the kind. */
export type AuditEntryView = AuditRow & { entityName: string | null };

export function createAuditService(deps: { db: Db; hooks?: AuditAppendHook[]; parkIdsOfSites: (siteIds: string[]) => Promise<string[]>; resolveNames?: AuditNameResolver }) {
  const hooks = deps.hooks ?? [];
  const { resolveNames } = deps;
  const valuesOf = (ctx: RequestContext, input: AuditEntryInput): typeof auditLog.$inferInsert => ({
    actorId: ctx.actor.via === 'system' ? null : ctx.actor.userId,
    actorName: ctx.actor.username,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before === undefined ? null : maskPersonalData(input.before),
    after: input.after === undefined ? null : maskPersonalData(input.after),
    parkId: input.parkId ?? null,
    enterpriseId: input.enterpriseId ?? null,
    requestId: ctx.requestId ?? null,
  });
  return {
    /** Records one change; call within the transaction that makes it, so both commit or neither does. */
    async record(tx: Tx, ctx: RequestContext, input: AuditEntryInput): Promise<AuditRow> {
      const [row] = await tx.insert(auditLog).values(valuesOf(ctx, input)).returning();
      for (const hook of hooks) await hook(tx, [row]);
      return row;
    },

    /**
     * Records many changes of one transaction at once (bulk imports): still one entry per
     * change, but inserted and handed to the hooks in batches, so the ledger appends a batch of
     * leaves under one row lock instead of one append per entry. Returns the entries in id order.
     */
    async recordMany(tx: Tx, ctx: RequestContext, inputs: readonly AuditEntryInput[]): Promise<AuditRow[]> {
      const recorded: AuditRow[] = [];
      for (let i = 0; i < inputs.length; i += RECORD_BATCH) {
        const rows = await tx
          .insert(auditLog)
          .values(inputs.slice(i, i + RECORD_BATCH).map((input) => valuesOf(ctx, input)))
          .returning();
        rows.sort((a, b) => a.id - b.id);
        for (const hook of hooks) await hook(tx, rows);
        recorded.push(...rows);
      }
      return recorded;
    },

    addHook(hook: AuditAppendHook): void {
      hooks.push(hook);
    },

    /** Operators see entries of their parks; enterprise admins only their enterprise's entries. */
    async findEntries(ctx: RequestContext, filters: AuditFilters): Promise<Page<AuditEntryView>> {
      const conditions: SQL[] = [];
      const { actor } = ctx;
      if (!isGlobalOperator(actor)) {
        // Site operators read their park's entries: the audit log is kept per park, not per site.
        const parkIds = isOperator(actor) ? [...operatorParkIds(actor), ...(await deps.parkIdsOfSites(operatorSiteIds(actor)))] : [];
        const enterpriseIds = enterpriseIdsOf(actor, ['enterprise_admin']);
        if (parkIds.length === 0 && enterpriseIds.length === 0) throw forbidden('Only operators and enterprise admins may read the audit log');
        const scope: SQL[] = [];
        if (parkIds.length) scope.push(inArray(auditLog.parkId, parkIds));
        if (enterpriseIds.length) scope.push(inArray(auditLog.enterpriseId, enterpriseIds));
        conditions.push(or(...scope)!);
      }
      if (filters.entityType) conditions.push(eq(auditLog.entityType, filters.entityType));
      if (filters.entityId) conditions.push(eq(auditLog.entityId, filters.entityId));
      if (filters.enterpriseId) conditions.push(eq(auditLog.enterpriseId, filters.enterpriseId));
      if (filters.action) conditions.push(eq(auditLog.action, filters.action));
      if (filters.actor) conditions.push(ilike(auditLog.actorName, `%${filters.actor}%`));
      if (filters.from) conditions.push(gte(auditLog.at, filters.from));
      if (filters.to) conditions.push(lte(auditLog.at, filters.to));
      const where = conditions.length ? and(...conditions) : undefined;
      const [items, [{ count }]] = await Promise.all([
        deps.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(filters.pageSize).offset(offsetOf(filters)),
        deps.db.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(where),
      ]);
      // Names only for entries already in the viewer's scope: the records they name belong to the same park or enterprise.
      const names = resolveNames ? await resolveNames(items) : new Map<string, string>();
      return { items: items.map((e) => ({ ...e, entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null })), total: count, page: filters.page, pageSize: filters.pageSize };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
