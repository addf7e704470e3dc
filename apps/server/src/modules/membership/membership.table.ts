import { ENTERPRISE_ROLES, JOIN_REQUEST_STATUSES, type EnterpriseRole, type JoinRequestStatus } from '@parkos/contracts';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { enterprises } from '../parks/parks.table';

/**
 * An enterprise admin's invitation (邀请成员): a single-use link with an expiry, or a phone number
 * the person claims when they register with it. Only the SHA-256 of the link token is stored.
 */
export const enterpriseInvitations = pgTable(
  'enterprise_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** The role the invited person receives in the enterprise. */
    role: text('role').$type<EnterpriseRole>().notNull().default('member'),
    tokenHash: text('token_hash').notNull(),
    /** Set for a phone invitation: registering with this phone claims it. */
    phone: text('phone'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedById: uuid('used_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enterprise_invitations_token_uq').on(t.tokenHash), index('enterprise_invitations_ent_idx').on(t.enterpriseId), index('enterprise_invitations_phone_idx').on(t.phone), checkOneOf(t.role, ENTERPRISE_ROLES)],
);

/** A person's request to join an enterprise (申请加入), decided by its admins. */
export const enterpriseJoinRequests = pgTable(
  'enterprise_join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<JoinRequestStatus>().notNull().default('pending'),
    decidedById: uuid('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_join_requests_ent_idx').on(t.enterpriseId, t.status), index('enterprise_join_requests_user_idx').on(t.userId), checkOneOf(t.status, JOIN_REQUEST_STATUSES)],
);
