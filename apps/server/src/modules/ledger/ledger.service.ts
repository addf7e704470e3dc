import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { forbidden, notFound, validationError } from '../../lib/errors';
import { assertCanWrite, enterpriseIdsOf, isGlobalOperator, isOperator, operatorParkIds, operatorSiteIds, type Actor } from '../identity/actor';
import type { AuditAppendHook, AuditRow } from '../identity/audit.service';
import { auditLog } from '../identity/identity.table';
import { canonicalAuditEntry } from './canonical';
import { consistencyProof, inclusionProof, leafHash, rangeHash } from './merkle';
import { loadLedgerSigner, type LedgerKeyOptions, type LedgerSigner } from './ledger-keys';
import * as repo from './ledger.repository';
import type { HeadsQuery, LedgerEntry, ProofBundle, TreeHead } from './ledger.schema';
import { LEDGER_ALGORITHM, spkiToPem, sthSigningInput } from './sth';

/** Where the STH byte layout is documented, for clients reading the well-known key. */
export const STH_FORMAT = 'RFC 6962 §3.5 TreeHeadSignature: 0x00 ‖ 0x01 ‖ uint64be timestamp_ms ‖ uint64be tree_size ‖ root[32], signed with Ed25519';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The leaf of one audit row: its canonical bytes hashed as RFC 9162 leaf. */
export function leafOfAuditRow(row: AuditRow): repo.LeafInput {
  return { auditId: row.id, leafHash: leafHash(canonicalAuditEntry(row)) };
}

function toTreeHead(row: repo.HeadRow): TreeHead {
  return {
    treeSize: row.treeSize,
    rootHash: b64(row.rootHash),
    timestampMs: row.timestampMs,
    timestamp: new Date(row.timestampMs).toISOString(),
    signature: b64(row.signature),
    keyId: row.keyId,
  };
}

export interface LedgerServiceDeps {
  db: Db;
  keys: LedgerKeyOptions;
  parkIdsOfSites: (siteIds: string[]) => Promise<string[]>;
  /** Clock for tree-head timestamps (tests pin it). */
  now?: () => number;
}

/**
 * The tamper-evident ledger (防篡改账本): every audit entry becomes a leaf of an RFC 9162 Merkle
 * log in the same transaction, signed tree heads commit to it, and proofs show any entry's
 * inclusion and the log's append-only growth.
 */
export function createLedgerService(deps: LedgerServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  let signer: Promise<LedgerSigner> | undefined;
  const getSigner = (): Promise<LedgerSigner> => {
    signer ??= loadLedgerSigner(db, deps.keys).catch((error: unknown) => {
      signer = undefined;
      throw error;
    });
    return signer;
  };

  /** Audit-log read rule: global operators all; park/site operators their parks; enterprise admins their enterprise. */
  async function readScope(actor: Actor): Promise<(row: AuditRow) => boolean> {
    if (isGlobalOperator(actor)) return () => true;
    const parkIds = isOperator(actor) ? [...operatorParkIds(actor), ...(await deps.parkIdsOfSites(operatorSiteIds(actor)))] : [];
    const enterpriseIds = enterpriseIdsOf(actor, ['enterprise_admin']);
    if (parkIds.length === 0 && enterpriseIds.length === 0) throw forbidden('Only operators and enterprise admins may read the audit log');
    return (row) => (row.parkId !== null && parkIds.includes(row.parkId)) || (row.enterpriseId !== null && enterpriseIds.includes(row.enterpriseId));
  }

  function assertOperator(actor: Actor): void {
    if (!isOperator(actor)) throw forbidden('Only operators may request ledger proofs');
  }

  async function createHead(): Promise<TreeHead> {
    const key = await getSigner();
    const treeSize = await repo.readTreeSize(db);
    const existing = await repo.findHeadBySize(db, treeSize);
    if (existing) return toTreeHead(existing);
    const rootHash = await rangeHash(repo.createDbTreeReader(db), 0, treeSize);
    const latest = await repo.findLatestHead(db);
    // A head never predates an earlier one, even if the clock steps back.
    const timestampMs = Math.max(now(), latest ? latest.timestampMs + 1 : 0);
    const signature = key.sign(sthSigningInput({ treeSize, timestampMs, rootHash }));
    return toTreeHead(await repo.insertHead(db, { treeSize, rootHash, timestampMs, signature, keyId: key.keyId }));
  }

  /** The latest head, made now if there is none or it does not yet cover `leafIndex`. */
  async function headCovering(leafIndex: number): Promise<TreeHead> {
    const latest = await repo.findLatestHead(db);
    if (latest && latest.treeSize > leafIndex) return toTreeHead(latest);
    return createHead();
  }

  async function getEntry(ctx: RequestContext, auditId: number): Promise<LedgerEntry> {
    const isInScope = await readScope(ctx.actor);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.id, auditId));
    if (!row || !isInScope(row)) throw notFound('audit entry', String(auditId));
    const leaf = await repo.findLeafByAuditId(db, auditId);
    if (!leaf) throw notFound('ledger leaf of audit entry', String(auditId));
    const treeHead = await headCovering(leaf.leafIndex);
    const proof = await inclusionProof(leaf.leafIndex, treeHead.treeSize, repo.createDbTreeReader(db));
    const canonical = canonicalAuditEntry(row);
    return {
      auditId,
      leafIndex: leaf.leafIndex,
      leafHash: b64(leaf.leafHash),
      entry: { canonical: b64(canonical), json: JSON.parse(canonical.toString('utf8')) as Record<string, unknown> },
      entryMatchesLeaf: leafHash(canonical).equals(leaf.leafHash),
      treeHead,
      inclusionProof: proof.map(b64),
    };
  }

  return {
    /**
     * The audit hook: appends the new entries as leaves, in the order given, inside the entries'
     * own transaction, with one row lock and one write per table for the whole batch.
     */
    appendAuditEntries: (async (tx: Tx, rows: readonly AuditRow[]) => {
      await repo.appendLeaves(tx, rows.map(leafOfAuditRow));
    }) satisfies AuditAppendHook,

    /** Batch append inside the caller's transaction (benchmark, backfill). Returns the first new index. */
    appendBatch: (tx: Tx, leaves: readonly repo.LeafInput[]): Promise<number> => repo.appendLeaves(tx, leaves),

    /**
     * Appends audit entries that have no leaf yet, oldest first: those recorded before the
     * ledger existed. Safe to run on every start and from several instances at once.
     */
    async appendMissing(): Promise<number> {
      const chunk = 5000;
      let total = 0;
      for (;;) {
        const appended = await db.transaction(async (tx) => {
          await repo.lockTreeSize(tx);
          const rows = await tx
            .select()
            .from(auditLog)
            .where(sql`NOT EXISTS (SELECT 1 FROM ledger_leaves l WHERE l.audit_id = ${auditLog.id})`)
            .orderBy(asc(auditLog.id))
            .limit(chunk);
          await repo.appendLeaves(tx, rows.map(leafOfAuditRow));
          return rows.length;
        });
        total += appended;
        if (appended < chunk) return total;
      }
    },

    /** Number of leaves in the log. */
    getTreeSize: () => repo.readTreeSize(db),

    /** The published verification key (public: served at the well-known URL). */
    async getPublicKey() {
      const key = await getSigner();
      return { algorithm: LEDGER_ALGORITHM, keyId: key.keyId, publicKeySpki: b64(key.publicKeySpki), publicKeyPem: key.publicKeyPem, sthFormat: STH_FORMAT } as const;
    },

    /** Signs a head for the current size (or returns the existing head of that size). */
    createHead,

    /** Operators: sign a head now. */
    async createHeadAs(ctx: RequestContext): Promise<TreeHead> {
      assertOperator(ctx.actor);
      assertCanWrite(ctx.actor);
      return createHead();
    },

    /** For the worker: signs a head only when the log grew since the latest one. */
    async createHeadIfGrown(): Promise<TreeHead | undefined> {
      const [latest, size] = await Promise.all([repo.findLatestHead(db), repo.readTreeSize(db)]);
      if (latest && latest.treeSize >= size) return undefined;
      return createHead();
    },

    /** The newest signed head (one is made if none exists yet). */
    async getLatestHead(): Promise<TreeHead> {
      const latest = await repo.findLatestHead(db);
      return latest ? toTreeHead(latest) : createHead();
    },

    async findHeads(query: HeadsQuery) {
      if (query.minSize !== undefined && query.maxSize !== undefined && query.minSize > query.maxSize) throw validationError('querystring.minSize', 'must not exceed maxSize');
      const { items, total } = await repo.findHeads(db, { minSize: query.minSize, maxSize: query.maxSize, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { items: items.map(toTreeHead), total, page: query.page, pageSize: query.pageSize };
    },

    getEntry,

    /** The entry with everything needed to verify it offline (`parkos ledger verify-bundle`). */
    async getBundle(ctx: RequestContext, auditId: number): Promise<ProofBundle> {
      const entry = await getEntry(ctx, auditId);
      const spki = (await repo.findKeys(db)).get(entry.treeHead.keyId);
      if (!spki) throw notFound('signing key', entry.treeHead.keyId);
      return { format: 'parkos-ledger-proof-bundle/v1', ...entry, publicKey: { algorithm: LEDGER_ALGORITHM, keyId: entry.treeHead.keyId, publicKeySpki: b64(spki), publicKeyPem: spkiToPem(spki) } };
    },

    /** Operators: the audit path of leaf `index` in the tree of `size` leaves. */
    async getInclusionProof(ctx: RequestContext, query: { index: number; size: number }) {
      assertOperator(ctx.actor);
      const current = await repo.readTreeSize(db);
      if (query.size > current) throw validationError('querystring.size', `must not exceed the log's size ${current}`);
      if (query.index >= query.size) throw validationError('querystring.index', `must be below size ${query.size}`);
      const reader = repo.createDbTreeReader(db);
      const [proof, rootHash, leaf, head] = await Promise.all([
        inclusionProof(query.index, query.size, reader),
        rangeHash(reader, 0, query.size),
        repo.findLeafHash(db, query.index),
        repo.findHeadBySize(db, query.size),
      ]);
      return { index: query.index, size: query.size, leafHash: b64(leaf!), rootHash: b64(rootHash), proof: proof.map(b64), treeHead: head ? toTreeHead(head) : null };
    },

    /** Operators: proof that the tree of `size1` leaves is a prefix of the tree of `size2`. */
    async getConsistencyProof(ctx: RequestContext, query: { size1: number; size2: number }) {
      assertOperator(ctx.actor);
      const current = await repo.readTreeSize(db);
      if (query.size2 > current) throw validationError('querystring.size2', `must not exceed the log's size ${current}`);
      if (query.size1 > query.size2) throw validationError('querystring.size1', `must not exceed size2 (${query.size2})`);
      const reader = repo.createDbTreeReader(db);
      const [proof, root1, root2] = await Promise.all([consistencyProof(query.size1, query.size2, reader), rangeHash(reader, 0, query.size1), rangeHash(reader, 0, query.size2)]);
      return { size1: query.size1, size2: query.size2, root1: b64(root1), root2: b64(root2), proof: proof.map(b64) };
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
