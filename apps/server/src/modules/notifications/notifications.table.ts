import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind, NotificationParams } from '@parkos/contracts';
import { users } from '../identity/identity.table';

/** An in-app notification (站内通知) for one user, e.g. an alarm escalated to them. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What it is about, e.g. `alarm.escalated`: the web app words each kind (see NOTIFICATION_KINDS). */
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** The values the sentence is made from (names, numbers, instants, codes). */
    params: jsonb('params').$type<NotificationParams>().notNull().default({}),
    /** Sentences of notifications written before kinds carried params; new rows leave them null. */
    title: text('title'),
    body: text('body'),
    /** A path of the web app to open, e.g. `/alarms/{id}`. */
    link: text('link'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_created_idx').on(t.userId, t.createdAt), index('notifications_user_unread_idx').on(t.userId).where(sql`read_at IS NULL`)],
);
