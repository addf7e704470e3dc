import { checkNotNegative } from '../../lib/db-checks';
import { bigint, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Raw bytes (hashes, signatures) as a Buffer on both drivers (PGlite hands out Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The one row (id = 1) holding the ledger's size. Appends take it `FOR UPDATE`, which is what
 * serialises appends across API instances on PostgreSQL. The migration inserts the row.
 */
export const ledgerState = pgTable(
  'ledger_state',
  {
    id: integer('id').primaryKey(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
  },
  (t) => [checkNotNegative(t.treeSize)],
);

/**
 * Leaves of the Merkle log (防篡改账本), one per audit-log entry, in log order. `leafHash` is
 * `SHA-256(0x00 ‖ canonicalAuditEntry(row))`; it is also the tree's level-0 node.
 * No foreign key to audit_log: a deleted audit row must stay visible as a divergence.
 */
export const ledgerLeaves = pgTable('ledger_leaves', {
  leafIndex: bigint('leaf_index', { mode: 'number' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' }).notNull().unique('ledger_leaves_audit_uq'),
  leafHash: bytea('leaf_hash').notNull(),
});

/**
 * Every complete, aligned subtree above the leaves: the node at (`level`, `idx`) is the hash of
 * leaves `[idx·2^level, (idx+1)·2^level)`, level ≥ 1. Written once when the subtree completes
 * (binary-counter carries, one row per append on average) and never changed.
 */
export const ledgerNodes = pgTable(
  'ledger_nodes',
  {
    level: integer('level').notNull(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ name: 'ledger_nodes_pk', columns: [t.level, t.idx] })],
);

/**
 * Signed tree heads (STH): the park's Ed25519 signature over (size, root, timestamp) in the
 * byte layout of `sthSigningInput`. At most one per size.
 */
export const ledgerHeads = pgTable('ledger_heads', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: bytea('root_hash').notNull(),
  /** Milliseconds since the Unix epoch, as signed. */
  timestampMs: bigint('timestamp_ms', { mode: 'number' }).notNull(),
  signature: bytea('signature').notNull(),
  keyId: text('key_id').notNull(),
});

/**
 * Public keys that have signed heads, by key id (base64 SHA-256 of the SPKI DER), so old heads
 * stay verifiable after a key change. `privateKeyPem` is only set for a key generated for a
 * development or test database on PostgreSQL (no LEDGER_SIGNING_KEY); production keys never
 * enter the database.
 */
export const ledgerKeys = pgTable('ledger_keys', {
  keyId: text('key_id').primaryKey(),
  publicKeySpki: bytea('public_key_spki').notNull(),
  privateKeyPem: text('private_key_pem'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
