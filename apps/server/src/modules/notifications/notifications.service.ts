import type { NotificationKind, NotificationParams } from '@parkos/contracts';
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { offsetOf } from '../../lib/pagination';
import type { NotificationQuery, NotificationView } from './notifications.schema';
import { notifications } from './notifications.table';

/** What a feature sends: a kind and its values, never a sentence (the web app words it). */
export interface NotificationInput {
  kind: NotificationKind;
  params?: NotificationParams;
  /** A path of the web app to open, e.g. `/alarms/{id}`. */
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
}

/** How features send notifications, inside their own transaction. */
export type NotifyUsers = (q: Db | Tx, userIds: readonly string[], input: NotificationInput) => Promise<number>;

/** In-app notifications: each user reads and marks only their own. */
export function createNotificationsService(deps: { db: Db }) {
  const { db } = deps;
  const view = (n: typeof notifications.$inferSelect): NotificationView => ({
    id: n.id,
    kind: n.kind,
    params: n.params,
    title: n.title,
    body: n.body,
    link: n.link,
    entityType: n.entityType,
    entityId: n.entityId,
    createdAt: n.createdAt,
    readAt: n.readAt,
  });

  return {
    /** Adds one notification per user, inside the caller's transaction (or alone). */
    async notify(q: Db | Tx, userIds: readonly string[], input: NotificationInput): Promise<number> {
      const unique = [...new Set(userIds)];
      if (unique.length === 0) return 0;
      await q.insert(notifications).values(unique.map((userId) => ({ kind: input.kind, params: input.params ?? {}, link: input.link ?? null, entityType: input.entityType ?? null, entityId: input.entityId ?? null, userId })));
      return unique.length;
    },

    async list(ctx: RequestContext, query: NotificationQuery) {
      const mine = eq(notifications.userId, ctx.actor.userId);
      const where: SQL[] = [mine];
      if (query.unread === 'true') where.push(isNull(notifications.readAt));
      const [rows, [{ n }], [{ unread }]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(and(...where))
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(query.pageSize)
          .offset(offsetOf(query)),
        db.select({ n: count() }).from(notifications).where(and(...where)),
        db.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
      ]);
      return { items: rows.map(view), total: n, unread, page: query.page, pageSize: query.pageSize };
    },

    async markRead(ctx: RequestContext, id: string): Promise<NotificationView> {
      const [row] = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId)))
        .returning();
      if (!row) throw notFound('notification', id);
      return view(row);
    },

    async markAllRead(ctx: RequestContext): Promise<{ marked: number }> {
      const rows = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return { marked: rows.length };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
