import { asc, desc, gte, lte, and, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../db/client';
import { nodeHash, type TreeReader } from './merkle';
import { ledgerHeads, ledgerKeys, ledgerLeaves } from './ledger.table';

/** Queries of the Merkle log; every function takes the Db or, inside a transaction, its Tx. */

/** One leaf to append: the audit entry's id and its leaf hash. */
export interface LeafInput {
  auditId: number;
  leafHash: Buffer;
}

export type HeadRow = typeof ledgerHeads.$inferSelect;

// Multi-row inserts stay well under PostgreSQL's 65,535 bind parameters (three per row).
const INSERT_CHUNK = 10_000;

/** The ledger's size, read without a lock (a committed size always has all its nodes). */
export async function readTreeSize(q: Queryable): Promise<number> {
  const [row] = await rowsOf<{ tree_size: unknown }>(q, sql`SELECT tree_size FROM ledger_state WHERE id = 1`);
  if (!row) throw new Error('ledger_state has no row: run the migrations');
  return Number(row.tree_size);
}

/**
 * Takes the ledger's row lock and returns its size. Held until the transaction ends, it orders
 * appends from every instance; on PGlite (one connection) it is uncontended.
 */
export async function lockTreeSize(tx: Queryable): Promise<number> {
  const [row] = await rowsOf<{ tree_size: unknown }>(tx, sql`SELECT tree_size FROM ledger_state WHERE id = 1 FOR UPDATE`);
  if (!row) throw new Error('ledger_state has no row: run the migrations');
  return Number(row.tree_size);
}

function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`audit id must be an integer, got ${String(value)}`);
  return String(value);
}

const keyOf = (level: number, index: number): string => `${level}:${index}`;

/**
 * Reads stored perfect nodes in one query: level 0 from ledger_leaves, higher levels from
 * ledger_nodes. Missing ones are absent from the map.
 */
export async function readNodes(q: Queryable, wanted: ReadonlyArray<readonly [level: number, index: number]>): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (wanted.length === 0) return found;
  for (const [level, index] of wanted) {
    // Inlined below as literals, so they must be plain integers.
    if (!Number.isSafeInteger(level) || !Number.isSafeInteger(index) || level < 0 || index < 0) throw new RangeError(`bad node (${level}, ${index})`);
  }
  const leaves = [...new Set(wanted.filter(([l]) => l === 0).map(([, i]) => i))];
  const nodes = [...new Set(wanted.filter(([l]) => l > 0).map(([l, i]) => `(${l},${i})`))];
  const parts: SQL[] = [];
  if (leaves.length) parts.push(sql.raw(`SELECT 0 AS level, leaf_index AS idx, leaf_hash AS hash FROM ledger_leaves WHERE leaf_index IN (${leaves.join(',')})`));
  if (nodes.length) parts.push(sql.raw(`SELECT level, idx, hash FROM ledger_nodes WHERE (level, idx) IN (${nodes.join(',')})`));
  const rows = await rowsOf<{ level: unknown; idx: unknown; hash: Uint8Array }>(q, sql.join(parts, sql.raw(' UNION ALL ')));
  for (const r of rows) found.set(keyOf(Number(r.level), Number(r.idx)), Buffer.from(r.hash));
  return found;
}

/**
 * A {@link TreeReader} over the stored nodes. Requests made in the same tick (a whole proof's,
 * since the proof builders ask for every node before awaiting any) go to the database as one
 * query, so a proof costs one round trip at any tree size.
 */
export function createDbTreeReader(q: Queryable): TreeReader {
  let pending: Array<{ level: number; index: number; resolve: (hash: Buffer) => void; reject: (error: unknown) => void }> = [];
  const flush = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    try {
      const found = await readNodes(q, batch.map((p) => [p.level, p.index] as const));
      for (const p of batch) {
        const hash = found.get(keyOf(p.level, p.index));
        if (hash) p.resolve(hash);
        else p.reject(new RangeError(`no complete node at level ${p.level}, index ${p.index} in the stored ledger`));
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };
  return {
    perfectNode(level, index) {
      if (!Number.isSafeInteger(level) || !Number.isSafeInteger(index) || level < 0 || index < 0) {
        return Promise.reject(new RangeError(`no complete node at level ${level}, index ${index}`));
      }
      return new Promise<Buffer>((resolve, reject) => {
        pending.push({ level, index, resolve, reject });
        if (pending.length === 1) queueMicrotask(() => void flush());
      });
    },
  };
}

/**
 * Appends leaves to the log inside `tx`: takes the row lock, reads the O(log n) unpaired
 * "peak" nodes the new leaves may pair with, computes every perfect node the appends complete
 * (binary-counter carries) and writes leaves, nodes and the new size. Returns the first new
 * leaf's index. Must run inside a transaction, through that transaction's handle only.
 */
export async function appendLeaves(tx: Queryable, leaves: readonly LeafInput[]): Promise<number> {
  const start = await lockTreeSize(tx);
  if (leaves.length === 0) return start;

  // The unpaired node at each level: level L has floor(size / 2^L) complete nodes, and when that
  // count is odd the last one still waits for its right sibling.
  // Only peaks these appends will pair with are read: the one at level L is consumed when the
  // level's node count grows, so a single append to an even-sized log reads none.
  const end = start + leaves.length;
  const peaksWanted: Array<[number, number]> = [];
  for (let level = 0, width = 1; width <= start; level += 1, width *= 2) {
    const count = Math.floor(start / width);
    if (count % 2 === 1 && Math.floor(end / width) > count) peaksWanted.push([level, count - 1]);
  }
  const stored = await readNodes(tx, peaksWanted);
  const unpaired = new Map<number, Buffer>();
  for (const [level, index] of peaksWanted) {
    const hash = stored.get(keyOf(level, index));
    if (!hash) throw new Error(`ledger is missing node (${level}, ${index}); run \`parkos ledger audit\``);
    unpaired.set(level, hash);
  }

  const leafRows: Array<{ leafIndex: number; auditId: number; leafHash: Buffer }> = [];
  const nodeRows: Array<{ level: number; idx: number; hash: Buffer }> = [];
  leaves.forEach((leaf, offset) => {
    const index = start + offset;
    leafRows.push({ leafIndex: index, auditId: leaf.auditId, leafHash: leaf.leafHash });
    let level = 0;
    let hash = leaf.leafHash;
    for (let left = unpaired.get(level); left; left = unpaired.get(level)) {
      unpaired.delete(level);
      hash = nodeHash(left, hash);
      level += 1;
      nodeRows.push({ level, idx: Math.floor(index / 2 ** level), hash });
    }
    unpaired.set(level, hash);
  });

  // Rows are written as literals: every value is an integer checked above or a hash we computed,
  // and skipping bind parameters makes large batches several times faster on both drivers.
  const hex = (hash: Buffer) => `'\\x${hash.toString('hex')}'::bytea`;
  for (let i = 0; i < leafRows.length; i += INSERT_CHUNK) {
    const values = leafRows.slice(i, i + INSERT_CHUNK).map((r) => `(${r.leafIndex},${integerLiteral(r.auditId)},${hex(r.leafHash)})`);
    await tx.execute(sql.raw(`INSERT INTO ledger_leaves (leaf_index, audit_id, leaf_hash) VALUES ${values.join(',')}`));
  }
  for (let i = 0; i < nodeRows.length; i += INSERT_CHUNK) {
    const values = nodeRows.slice(i, i + INSERT_CHUNK).map((r) => `(${r.level},${r.idx},${hex(r.hash)})`);
    await tx.execute(sql.raw(`INSERT INTO ledger_nodes (level, idx, hash) VALUES ${values.join(',')}`));
  }
  await tx.execute(sql`UPDATE ledger_state SET tree_size = ${start + leaves.length} WHERE id = 1`);
  return start;
}

/** The leaf of an audit entry, if it was logged. */
export async function findLeafByAuditId(q: Queryable, auditId: number): Promise<{ leafIndex: number; leafHash: Buffer } | undefined> {
  const [row] = await q.select({ leafIndex: ledgerLeaves.leafIndex, leafHash: ledgerLeaves.leafHash }).from(ledgerLeaves).where(sql`${ledgerLeaves.auditId} = ${auditId}`);
  return row;
}

/** Leaf hash at an index, if the log has that many leaves. */
export async function findLeafHash(q: Queryable, leafIndex: number): Promise<Buffer | undefined> {
  const [row] = await q.select({ leafHash: ledgerLeaves.leafHash }).from(ledgerLeaves).where(sql`${ledgerLeaves.leafIndex} = ${leafIndex}`);
  return row?.leafHash;
}

/** The newest signed tree head, if any. */
export async function findLatestHead(q: Queryable): Promise<HeadRow | undefined> {
  const [row] = await q.select().from(ledgerHeads).orderBy(desc(ledgerHeads.treeSize)).limit(1);
  return row;
}

/** The signed head of exactly this size, if one was made. */
export async function findHeadBySize(q: Queryable, treeSize: number): Promise<HeadRow | undefined> {
  const [row] = await q.select().from(ledgerHeads).where(sql`${ledgerHeads.treeSize} = ${treeSize}`);
  return row;
}

/** Signed heads, newest first, optionally within a size range. */
export async function findHeads(q: Queryable, filter: { minSize?: number; maxSize?: number; limit: number; offset: number }): Promise<{ items: HeadRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.minSize !== undefined) conditions.push(gte(ledgerHeads.treeSize, filter.minSize));
  if (filter.maxSize !== undefined) conditions.push(lte(ledgerHeads.treeSize, filter.maxSize));
  const where = conditions.length ? and(...conditions) : undefined;
  const items = await q.select().from(ledgerHeads).where(where).orderBy(desc(ledgerHeads.treeSize)).limit(filter.limit).offset(filter.offset);
  const [{ count }] = await q.select({ count: sql<number>`count(*)::int` }).from(ledgerHeads).where(where);
  return { items, total: Number(count) };
}

/** Stores a head; when one of that size exists already, keeps it and returns it instead. */
export async function insertHead(q: Queryable, head: HeadRow): Promise<HeadRow> {
  const [row] = await q.insert(ledgerHeads).values(head).onConflictDoNothing().returning();
  return row ?? (await findHeadBySize(q, head.treeSize))!;
}

/** Every signing key ever registered, by key id. */
export async function findKeys(q: Queryable): Promise<Map<string, Buffer>> {
  const rows = await q.select({ keyId: ledgerKeys.keyId, spki: ledgerKeys.publicKeySpki }).from(ledgerKeys).orderBy(asc(ledgerKeys.createdAt));
  return new Map(rows.map((r) => [r.keyId, r.spki]));
}
