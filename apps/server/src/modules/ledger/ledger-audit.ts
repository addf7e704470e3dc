import { asc, gt, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../identity/identity.table';
import { canonicalAuditEntry } from './canonical';
import { MemoryTree, consistencyProof, leafHash, rangeHash } from './merkle';
import { verifyConsistency } from './merkle-verify';
import { readTreeSize, type HeadRow } from './ledger.repository';
import { ledgerHeads, ledgerKeys, ledgerLeaves, ledgerNodes } from './ledger.table';
import { verifySthSignature } from './sth';

/** Outcome of {@link auditLedger}: everything matched, or the first divergence found. */
export type LedgerAuditResult =
  | { ok: true; leaves: number; nodes: number; heads: number }
  | { ok: false; divergence: string; leaves: number; nodes: number; heads: number };

/** Progress of a long audit: a phase name and how far it got. */
export type AuditProgress = (phase: 'leaves' | 'nodes' | 'heads', done: number, total: number) => void;

const CHUNK = 5000;

/**
 * `parkos ledger audit`: re-derives the whole Merkle log from the audit_log rows and checks it
 * against what is stored. In order, and stopping at the first divergence:
 * 1. leaves: indexes 0…n-1 without gaps or duplicates, each naming an existing audit row whose
 *    canonical entry hashes to the stored leaf hash (catches a changed or deleted audit row);
 * 2. every audit row has a leaf (catches an entry inserted behind the ledger's back);
 * 3. every stored node equals the node re-derived from the leaves, and no node is missing;
 * 4. every signed tree head (STH), in size order: not larger than the log; its Ed25519 signature
 *    verifies with the key registered for its key id; it is consistent over time with the
 *    previous head — never timestamped earlier than a smaller head (a later head has a size and
 *    a timestamp ≥ an earlier one's, or the log shrank), and connected to it by an RFC 9162
 *    §2.1.4 consistency proof that verifies against both signed roots (the check a witness
 *    makes before cosigning); and its root equals the re-derived root of its size.
 * Read-only; on the embedded database run it with the server stopped (the data folder lock).
 */
export async function auditLedger(db: Db, onProgress: AuditProgress = () => undefined): Promise<LedgerAuditResult> {
  const tree = new MemoryTree();
  let nodesChecked = 0;
  let headsChecked = 0;
  const fail = (divergence: string): LedgerAuditResult => ({ ok: false, divergence, leaves: tree.size, nodes: nodesChecked, heads: headsChecked });

  const size = await readTreeSize(db);
  const [{ count: leafCount }] = await db.select({ count: sql<number>`count(*)::int` }).from(ledgerLeaves);
  if (Number(leafCount) !== size) return fail(`ledger_state says ${size} leaves, but ledger_leaves holds ${leafCount}`);

  // 1. Leaves, re-derived from the audit rows in log order.
  for (let from = 0; from < size; from += CHUNK) {
    const leaves = await db.select().from(ledgerLeaves).where(gte(ledgerLeaves.leafIndex, from)).orderBy(asc(ledgerLeaves.leafIndex)).limit(CHUNK);
    const rows = leaves.length ? await db.select().from(auditLog).where(inArray(auditLog.id, leaves.map((l) => l.auditId))) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const leaf of leaves) {
      const expected = tree.size;
      if (leaf.leafIndex !== expected) return fail(`leaf ${expected} is missing (the next stored leaf has index ${leaf.leafIndex})`);
      const row = byId.get(leaf.auditId);
      if (!row) return fail(`leaf ${leaf.leafIndex}: audit entry ${leaf.auditId} no longer exists in audit_log`);
      let derived: Buffer;
      try {
        derived = leafHash(canonicalAuditEntry(row));
      } catch (error) {
        return fail(`leaf ${leaf.leafIndex}: audit entry ${leaf.auditId} cannot be serialised: ${(error as Error).message}`);
      }
      if (!derived.equals(leaf.leafHash)) {
        return fail(`leaf ${leaf.leafIndex}: audit entry ${leaf.auditId} does not hash to the logged leaf (stored ${leaf.leafHash.toString('base64')}, entry now gives ${derived.toString('base64')}) — the audit row was changed after it was logged`);
      }
      tree.append(derived);
    }
    onProgress('leaves', tree.size, size);
    if (leaves.length === 0) break;
  }
  if (tree.size !== size) return fail(`leaf ${tree.size} is missing`);

  // 2. No audit row outside the log.
  const [unlogged] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(sql`NOT EXISTS (SELECT 1 FROM ledger_leaves l WHERE l.audit_id = ${auditLog.id})`)
    .orderBy(asc(auditLog.id))
    .limit(1);
  if (unlogged) return fail(`audit entry ${unlogged.id} has no leaf in the ledger (added behind the ledger's back, or recorded before the ledger and not yet appended: start the server once)`);

  // 3. Stored nodes: each equal to the re-derived one, and all present.
  const [{ count: nodeCount }] = await db.select({ count: sql<number>`count(*)::int` }).from(ledgerNodes);
  let expectedNodes = 0;
  for (let width = 2; width <= size; width *= 2) expectedNodes += Math.floor(size / width);
  let last = { level: 0, idx: -1 };
  for (;;) {
    const nodes = await db
      .select()
      .from(ledgerNodes)
      .where(sql`(${ledgerNodes.level}, ${ledgerNodes.idx}) > (${last.level}, ${last.idx})`)
      .orderBy(asc(ledgerNodes.level), asc(ledgerNodes.idx))
      .limit(CHUNK);
    for (const node of nodes) {
      let derived: Buffer;
      try {
        derived = await tree.perfectNode(node.level, node.idx);
      } catch {
        return fail(`node (level ${node.level}, index ${node.idx}) is stored but covers leaves the log does not have`);
      }
      if (!derived.equals(node.hash)) return fail(`node (level ${node.level}, index ${node.idx}) differs from the node re-derived from the leaves (stored ${node.hash.toString('base64')}, derived ${derived.toString('base64')})`);
      nodesChecked += 1;
    }
    onProgress('nodes', nodesChecked, expectedNodes);
    if (nodes.length < CHUNK) break;
    last = nodes[nodes.length - 1];
  }
  if (Number(nodeCount) !== expectedNodes) return fail(`ledger_nodes holds ${nodeCount} nodes, but a log of ${size} leaves has ${expectedNodes}: some are missing`);

  // 4. Signed tree heads, one by one and as a chain.
  const keys = new Map((await db.select().from(ledgerKeys)).map((k) => [k.keyId, k.publicKeySpki]));
  const [{ count: headCount }] = await db.select({ count: sql<number>`count(*)::int` }).from(ledgerHeads);
  let previous: HeadRow | undefined;
  for (;;) {
    const heads = await db
      .select()
      .from(ledgerHeads)
      .where(gt(ledgerHeads.treeSize, previous?.treeSize ?? -1))
      .orderBy(asc(ledgerHeads.treeSize))
      .limit(CHUNK);
    for (const head of heads) {
      if (head.treeSize > size) return fail(`signed head of size ${head.treeSize} is larger than the log (${size} leaves): leaves were removed`);
      const spki = keys.get(head.keyId);
      if (!spki) return fail(`signed head of size ${head.treeSize}: signing key ${head.keyId} is not registered in ledger_keys`);
      if (!verifySthSignature(head, spki)) return fail(`signed head of size ${head.treeSize}: the signature does not verify with key ${head.keyId}`);
      if (previous) {
        const problem = await chainProblem(tree, previous, head);
        if (problem) return fail(problem);
      }
      const root = await rangeHash(tree, 0, head.treeSize);
      if (!root.equals(head.rootHash)) return fail(`signed head of size ${head.treeSize}: its root ${head.rootHash.toString('base64')} differs from the re-derived root ${root.toString('base64')}`);
      headsChecked += 1;
      previous = head;
    }
    onProgress('heads', headsChecked, Number(headCount));
    if (heads.length < CHUNK) break;
  }
  return { ok: true, leaves: tree.size, nodes: nodesChecked, heads: headsChecked };
}

const isoOf = (head: HeadRow): string => new Date(head.timestampMs).toISOString();

/**
 * Whether `later` (the next larger head) can follow `earlier` in an append-only log: signed no
 * earlier (sizes and timestamps must grow together; heads are unique per size, so sizes are
 * already ordered), and connected by a consistency proof (RFC 9162 §2.1.4) that verifies
 * against both signed roots. The proof is built from the re-derived tree, whose stored nodes
 * step 3 has just matched, so it is the proof `GET /ledger/proofs/consistency` serves.
 */
async function chainProblem(tree: MemoryTree, earlier: HeadRow, later: HeadRow): Promise<string | undefined> {
  if (later.timestampMs < earlier.timestampMs) {
    return `signed heads of sizes ${earlier.treeSize} and ${later.treeSize} are out of order in time: the larger is timestamped ${isoOf(later)}, before the smaller (${isoOf(earlier)}) — a head's timestamp went backwards, or the log shrank from ${later.treeSize} to ${earlier.treeSize} leaves`;
  }
  const proof = await consistencyProof(earlier.treeSize, later.treeSize, tree);
  const result = verifyConsistency({ size1: earlier.treeSize, size2: later.treeSize, root1: earlier.rootHash, root2: later.rootHash, proof });
  if (!result.ok) return `signed heads of sizes ${earlier.treeSize} and ${later.treeSize} are not consistent: the consistency proof between them does not verify (${result.reason}) — the later head does not extend the earlier one`;
  return undefined;
}
