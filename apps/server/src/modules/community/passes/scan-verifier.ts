import crypto from 'node:crypto';
import type { Database } from '../../../db/client';
import { decodePass, verifyKeyOf, verifySignature, type HolderKind, type PassClaims, type VerifyKey } from './pass-codec';

import type { ScanReason, ScanVia } from './passes.table';
// The reasons live beside the pass_scans table, whose CHECK constraint takes them from there.
export { SCAN_REASONS, type ScanReason } from './passes.table';

/** A gate device as the verifier knows it. */
export interface Gate {
  id: string;
  code: string;
  parkId: string;
  siteId: string | null;
}

export interface ScanInput {
  gate: Gate;
  payload: string;
  /** The gate's own id for this scan (a counter or random string): the same nonce twice is a replay. */
  nonce: string;
  /** When the gate read the code (offline uploads); default now. */
  scannedAt?: Date;
  via: ScanVia;
}

export interface ScanDecision {
  result: 'accepted' | 'rejected';
  reason: ScanReason;
  passId: string | null;
  holderKind: HolderKind | null;
  /** End of the QR's validity (ISO 8601), when it decoded. */
  validTo: string | null;
}

export interface ScanVerifierOptions {
  database: Database;
  /** A pass accepted at a gate is refused at the same gate for this long (anti-passback / replay). */
  replayWindowMs: number;
  /** How often other instances' revocations are picked up from the database. */
  revocationRefreshMs?: number;
  /** Tolerated clock difference between gate and server at the validity edges. */
  clockSkewMs?: number;
  /** Bound of each in-memory replay map; the oldest entries go first. */
  maxReplayEntries?: number;
  /** QR texts whose signature already verified (the same code is shown at many gates); 0 disables. */
  verifiedCacheSize?: number;
  flushDelayMs?: number;
  maxBatch?: number;
  log?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

interface LogRow {
  gateId: string;
  parkId: string;
  passId: string | null;
  holderKind: string | null;
  nonce: string;
  result: 'accepted' | 'rejected';
  reason: ScanReason;
  via: string;
  scannedAt: number;
  receivedAt: number;
  latencyUs: number;
}

// Inserts a batch and answers only the (1-based) positions of accepted rows that were NOT
// inserted because another instance had already accepted that (gate, nonce): usually no rows.
const INSERT_SQL = `
WITH u AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::int4[])
    WITH ORDINALITY AS u(g, p, pa, hk, n, r, re, v, s, rc, l, i)
), ins AS (
  INSERT INTO pass_scans (gate_id, park_id, pass_id, holder_kind, nonce, result, reason, via, scanned_at, received_at, latency_us)
  SELECT u.g, u.p, u.pa, u.hk, u.n, u.r, u.re, u.v, to_timestamp(u.s / 1000.0), to_timestamp(u.rc / 1000.0), u.l FROM u
  ON CONFLICT (gate_id, nonce) WHERE result = 'accepted' DO NOTHING
  RETURNING gate_id, nonce
)
SELECT u.i::int AS i FROM u
WHERE u.r = 'accepted' AND NOT EXISTS (SELECT 1 FROM ins WHERE ins.gate_id = u.g AND ins.nonce = u.n)`;

/** A bounded map from key to expiry time; the oldest keys go first when it is full. */
class ExpiringSet {
  private readonly map = new Map<string, number>();
  constructor(private readonly max: number) {}
  has(key: string, now: number): boolean {
    const exp = this.map.get(key);
    if (exp === undefined) return false;
    if (exp <= now) {
      this.map.delete(key);
      return false;
    }
    return true;
  }
  add(key: string, expires: number): void {
    this.map.delete(key);
    this.map.set(key, expires);
    if (this.map.size > this.max) {
      // Insertion order is roughly time order: drop the oldest tenth.
      let drop = Math.ceil(this.max / 10);
      for (const k of this.map.keys()) {
        this.map.delete(k);
        if (--drop === 0) break;
      }
    }
  }
  get size(): number {
    return this.map.size;
  }
}

/**
 * The gate-scan hot path. Per scan it does no database round trip: public keys,
 * the revocation list and gates are cached; replay detection is an in-memory,
 * bounded window per instance; scan records are written in batches. Across
 * instances, a partial unique index on (gate_id, nonce) for accepted scans keeps
 * one scan from being accepted twice in the log, and revocations propagate
 * through the database within `revocationRefreshMs`.
 */
export function createScanVerifier(options: ScanVerifierOptions) {
  const { database } = options;
  const refreshMs = options.revocationRefreshMs ?? 2_000;
  const skewMs = options.clockSkewMs ?? 30_000;
  const flushDelayMs = options.flushDelayMs ?? 50;
  const maxBatch = options.maxBatch ?? 2_000;
  const keys = new Map<string, VerifyKey | null>();
  const revoked = new Set<string>();
  let revokedWatermark = new Date(0);
  let revokedLoaded: Promise<void> | undefined;
  let nextRefresh = 0;
  let refreshing: Promise<void> | undefined;
  const nonces = new ExpiringSet(options.maxReplayEntries ?? 200_000);
  const passAtGate = new ExpiringSet(options.maxReplayEntries ?? 200_000);
  let buffer: LogRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  const stats = { accepted: 0, rejected: 0, logged: 0, lateDuplicates: 0, failedFlushes: 0, droppedRows: 0, signatureChecks: 0, verifiedCacheHits: 0 };
  // Text → claims of codes whose Ed25519 signature verified. Identical bytes verify identically,
  // so a hit skips only the signature check; every other check runs on every scan.
  const verifiedMax = options.verifiedCacheSize ?? 50_000;
  const verified = new Map<string, PassClaims>();

  async function loadRevocations(): Promise<void> {
    const rows = await database.query<{ id: string; revoked_at: Date | string }>(
      'select id, revoked_at from passes where revoked_at is not null and revoked_at >= $1 and valid_to > now() - interval \'1 day\' order by revoked_at',
      [revokedWatermark.toISOString()],
    );
    for (const r of rows) {
      revoked.add(r.id);
      const at = new Date(r.revoked_at);
      if (at > revokedWatermark) revokedWatermark = at;
    }
    nextRefresh = Date.now() + refreshMs;
  }

  function maybeRefresh(): void {
    if (Date.now() < nextRefresh || refreshing) return;
    nextRefresh = Date.now() + refreshMs;
    refreshing = loadRevocations()
      .catch((err: unknown) => options.log?.error({ err }, 'passes: could not refresh the revocation list'))
      .finally(() => (refreshing = undefined));
  }

  async function keyFor(keyIdHex: string): Promise<VerifyKey | null> {
    if (keys.has(keyIdHex)) return keys.get(keyIdHex)!;
    const [row] = await database.query<{ public_key_spki: Uint8Array }>('select public_key_spki from pass_keys where key_id = $1', [keyIdHex]);
    const key = row ? verifyKeyOf(crypto.createPublicKey({ key: Buffer.from(row.public_key_spki), format: 'der', type: 'spki' })) : null;
    // Unknown ids are remembered too, so garbage cannot cause a query per scan (bounded).
    if (key || keys.size < 1_000) keys.set(keyIdHex, key);
    return key;
  }

  function schedule(): void {
    if (buffer.length >= maxBatch) void flush();
    else if (!timer) {
      timer = setTimeout(() => void flush(), flushDelayMs);
      timer.unref();
    }
  }

  async function writeBatch(rows: LogRow[]): Promise<void> {
    const col = <K extends keyof LogRow>(k: K) => rows.map((r) => r[k]);
    const missing = await database.query<{ i: number }>(INSERT_SQL, [
      col('gateId'),
      col('parkId'),
      col('passId'),
      col('holderKind'),
      col('nonce'),
      col('result'),
      col('reason'),
      col('via'),
      col('scannedAt'),
      col('receivedAt'),
      col('latencyUs'),
    ]);
    stats.logged += rows.length - missing.length;
    if (missing.length === 0) return;
    // Another instance already accepted these (gate, nonce): record them as refused duplicates.
    const late = missing.map(({ i }) => ({ ...rows[i - 1], result: 'rejected' as const, reason: 'duplicate_nonce' as const }));
    stats.lateDuplicates += late.length;
    options.log?.warn({ count: late.length }, 'passes: scans accepted by another instance too; logged as duplicate_nonce');
    if (late.length) await writeBatch(late);
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (buffer.length === 0) return flushing;
    const rows = buffer;
    buffer = [];
    flushing = flushing.then(() =>
      writeBatch(rows).catch((err: unknown) => {
        stats.failedFlushes++;
        stats.droppedRows += rows.length;
        options.log?.error({ err, rows: rows.length }, 'passes: could not write scan records');
      }),
    );
    return flushing;
  }

  function record(input: ScanInput, decision: ScanDecision, t0: bigint, receivedAt: number, scannedAt: number): ScanDecision {
    if (decision.result === 'accepted') stats.accepted++;
    else stats.rejected++;
    buffer.push({
      gateId: input.gate.id,
      parkId: input.gate.parkId,
      passId: decision.passId,
      holderKind: decision.holderKind,
      nonce: input.nonce,
      result: decision.result,
      reason: decision.reason,
      via: input.via,
      scannedAt,
      receivedAt,
      latencyUs: Number((process.hrtime.bigint() - t0) / 1000n),
    });
    schedule();
    return decision;
  }

  return {
    stats,

    /** Loads the revocation list (the first scan does it too). */
    ready(): Promise<void> {
      revokedLoaded ??= loadRevocations();
      return revokedLoaded;
    },

    /** Verifies one scan, remembers it for replay detection and queues its record. */
    async verify(input: ScanInput): Promise<ScanDecision> {
      const t0 = process.hrtime.bigint();
      const receivedAt = Date.now();
      const scannedAt = input.scannedAt ? input.scannedAt.getTime() : receivedAt;
      revokedLoaded ??= loadRevocations();
      await revokedLoaded;
      maybeRefresh();
      const reject = (reason: ScanReason, extra: Partial<ScanDecision> = {}) => record(input, { result: 'rejected', reason, passId: null, holderKind: null, validTo: null, ...extra }, t0, receivedAt, scannedAt);

      const nonceKey = `${input.gate.id}|${input.nonce}`;
      if (nonces.has(nonceKey, receivedAt)) return reject('duplicate_nonce');
      nonces.add(nonceKey, receivedAt + Math.max(options.replayWindowMs, 10 * 60_000));

      let c = verified.get(input.payload);
      if (c) stats.verifiedCacheHits++;
      else {
        const decoded = decodePass(input.payload);
        if (!decoded.ok) return reject('bad_format');
        c = decoded.claims;
        const key = await keyFor(c.keyId.toString('hex'));
        if (!key) return reject('unknown_key', { passId: c.passId, holderKind: c.holderKind, validTo: new Date(c.notAfter * 1000).toISOString() });
        stats.signatureChecks++;
        if (!verifySignature(decoded.signed, decoded.signature, key)) return reject('bad_signature');
        if (verifiedMax > 0) {
          if (verified.size >= verifiedMax) verified.delete(verified.keys().next().value!);
          verified.set(input.payload, c);
        }
      }
      const found = { passId: c.passId, holderKind: c.holderKind, validTo: new Date(c.notAfter * 1000).toISOString() };
      if (scannedAt + skewMs < c.notBefore * 1000) return reject('not_yet_valid', found);
      if (scannedAt - skewMs >= c.notAfter * 1000) return reject('expired', found);
      if (c.parkId !== input.gate.parkId) return reject('wrong_park', found);
      if (c.scope.kind === 'site' && c.scope.siteId !== input.gate.siteId) return reject('wrong_site', found);
      if (c.scope.kind === 'gates' && !c.scope.gateIds.includes(input.gate.id)) return reject('wrong_gate', found);
      if (revoked.has(c.passId)) return reject('revoked', found);
      const passKey = `${input.gate.id}|${c.passId}`;
      if (passAtGate.has(passKey, receivedAt)) return reject('replay', found);
      passAtGate.add(passKey, receivedAt + options.replayWindowMs);
      return record(input, { result: 'accepted', reason: 'ok', ...found }, t0, receivedAt, scannedAt);
    },

    /** A pass revoked on this instance is refused at once (others pick it up on their next refresh). */
    markRevoked(passId: string): void {
      revoked.add(passId);
    },

    /** Writes queued scan records now. */
    flush,

    async close(): Promise<void> {
      await flush();
      await flushing;
    },

    /** Sizes of the in-memory state, for diagnostics. */
    sizes: () => ({ revoked: revoked.size, nonces: nonces.size, passAtGate: passAtGate.size, buffered: buffer.length }),
  };
}

export type ScanVerifier = ReturnType<typeof createScanVerifier>;
