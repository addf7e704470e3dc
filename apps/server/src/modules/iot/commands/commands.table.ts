import { COMMAND_STATUSES, type CommandStatus } from '@parkos/contracts';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../../lib/db-checks';
import { devices } from '../iot.table';

/** Who issued a command: an operator, or a rule that fired. */
export const COMMAND_ISSUERS = ['user', 'rule'] as const;
export type CommandIssuer = (typeof COMMAND_ISSUERS)[number];

/**
 * A command to an actuator (valve, lights, air conditioning, barrier gate). Its id is the
 * correlation id the device echoes in its acknowledgement. pending → sent → acknowledged |
 * failed | timed_out; `next_attempt_at` drives the worker's retries.
 */
export const deviceCommands = pgTable(
  'device_commands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    siteId: uuid('site_id'),
    command: text('command').notNull(),
    params: jsonb('params').$type<Record<string, number>>().notNull().default({}),
    status: text('status').$type<CommandStatus>().notNull().default('pending'),
    issuedByKind: text('issued_by_kind').$type<CommandIssuer>().notNull(),
    issuedByUserId: uuid('issued_by_user_id'),
    issuedByRuleId: uuid('issued_by_rule_id'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** When the worker sends it again (or gives up); null once finished. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The device's detail on acknowledgement or failure, or why it timed out. */
    detail: text('detail'),
  },
  (t) => [
    index('device_commands_device_idx').on(t.deviceId, t.issuedAt),
    index('device_commands_due_idx').on(t.status, t.nextAttemptAt),
    checkOneOf(t.status, COMMAND_STATUSES),
    checkOneOf(t.issuedByKind, COMMAND_ISSUERS),
    checkNotNegative(t.attempts),
    checkNotNegative(t.maxAttempts),
  ],
);
