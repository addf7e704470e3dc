import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../../lib/db-checks';
import { users } from '../../identity/identity.table';
import { enterprises, parks, sites } from '../../parks/parks.table';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const PASS_KINDS = ['member', 'visitor'] as const;
export type PassKind = (typeof PASS_KINDS)[number];

/**
 * A pass (通行码): a member's personal pass or a visitor's invitation for a
 * time window. The QR text is signed on demand from this row (see pass-codec);
 * a revoked pass is refused at every gate that is online.
 */
export const passes = pgTable(
  'passes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<PassKind>().notNull(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    /** Scope narrowed to one site (null: the whole park, or the listed gates). */
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'restrict' }),
    /** Scope narrowed to these gate devices (empty: no gate restriction). */
    gateIds: uuid('gate_ids').array().notNull().default(sql`'{}'::uuid[]`),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    /** The member (kind member); null for visitors, who have no account. */
    holderUserId: uuid('holder_user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Visitor's name as the inviter typed it (shown to the gate guard; not in the QR). */
    visitorName: text('visitor_name'),
    purpose: text('purpose'),
    /** Visitor's mainland mobile (for the host to reach them; never in the QR or on the public page). */
    visitorPhone: text('visitor_phone'),
    /** Visitor's car plate, normalised (GA 36-2018): the parking entry admits it on the invitation's days. */
    visitorPlate: text('visitor_plate'),
    invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
    /** SHA-256 (hex) of the visitor link token; the token itself is shown once. */
    linkTokenHash: text('link_token_hash'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedById: uuid('revoked_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('passes_park_idx').on(t.parkId, t.createdAt),
    index('passes_enterprise_idx').on(t.enterpriseId),
    index('passes_holder_idx').on(t.holderUserId),
    index('passes_revoked_idx').on(t.revokedAt),
    uniqueIndex('passes_link_token_uq').on(t.linkTokenHash),
    index('passes_visitor_plate_idx').on(t.visitorPlate),
    checkOneOf(t.kind, PASS_KINDS),
  ],
);

/** Public halves of every pass-signing key (rotation keeps old passes verifiable); the private half only in development. */
export const passKeys = pgTable('pass_keys', {
  keyId: text('key_id').primaryKey(),
  publicKeySpki: bytea('public_key_spki').notNull(),
  privateKeyPem: text('private_key_pem'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const SCAN_RESULTS = ['accepted', 'rejected'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** Why a scan was refused (or `ok`). Gate vendors display these; they are part of the API. */
export const SCAN_REASONS = ['ok', 'bad_format', 'unknown_key', 'bad_signature', 'not_yet_valid', 'expired', 'wrong_park', 'wrong_site', 'wrong_gate', 'revoked', 'replay', 'duplicate_nonce'] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];

/** How a scan reached the server: a gate's HTTP call or its MQTT message. */
export const SCAN_VIAS = ['http', 'mqtt'] as const;
export type ScanVia = (typeof SCAN_VIAS)[number];

/**
 * Every scan a gate reported, with the server's decision. An accepted scan's
 * (gate, nonce) is unique: instances that share the database cannot both accept
 * the same scan (a late duplicate is rewritten as `duplicate_nonce`). The id is
 * identity BY DEFAULT so a backup restores with its ids.
 */
export const passScans = pgTable(
  'pass_scans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    gateId: uuid('gate_id').notNull(),
    parkId: uuid('park_id').notNull(),
    passId: uuid('pass_id'),
    holderKind: text('holder_kind').$type<PassKind>(),
    nonce: text('nonce').notNull(),
    result: text('result').$type<ScanResult>().notNull(),
    reason: text('reason').$type<ScanReason>().notNull(),
    via: text('via').$type<ScanVia>().notNull(),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    latencyUs: integer('latency_us'),
  },
  (t) => [
    uniqueIndex('pass_scans_gate_nonce_uq').on(t.gateId, t.nonce).where(sql`result = 'accepted'`),
    index('pass_scans_park_time_idx').on(t.parkId, t.scannedAt),
    index('pass_scans_pass_idx').on(t.passId),
    checkOneOf(t.holderKind, PASS_KINDS),
    checkOneOf(t.result, SCAN_RESULTS),
    checkOneOf(t.reason, SCAN_REASONS),
    checkOneOf(t.via, SCAN_VIAS),
    checkNotNegative(t.latencyUs),
  ],
);
