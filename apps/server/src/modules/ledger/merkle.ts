import crypto, { createHash } from 'node:crypto';

/**
 * Merkle tree hashing and proof construction of RFC 9162 §2.1 (identical to RFC 6962 §2.1),
 * the core of the tamper-evident ledger (防篡改账本). Everything here is pure: tree storage
 * is reached through {@link TreeReader}, so the same code serves the in-memory tree below
 * and a database-backed one.
 */

/** Size in bytes of every hash in the log (SHA-256). */
export const HASH_SIZE = 32;

// Domain-separation prefixes of RFC 9162 §2.1.1: they keep a leaf from ever being
// reinterpreted as an interior node (second-preimage resistance).
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** Leaf hash of RFC 9162 §2.1.1: `SHA-256(0x00 ‖ entry)`. */
export function leafHash(entry: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(entry).digest();
}

// Node hashing dominates appends and proofs. The one-shot crypto.hash (Node ≥ 20.12) over a
// reused 65-byte buffer is about 1.5× faster than a Hash object per node; older Node falls back.
const oneShotHash = typeof crypto.hash === 'function' ? crypto.hash : undefined;
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** Interior node hash of RFC 9162 §2.1.1: `SHA-256(0x01 ‖ left ‖ right)`. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (oneShotHash && left.length === HASH_SIZE && right.length === HASH_SIZE) {
    nodeInput.set(left, 1);
    nodeInput.set(right, 1 + HASH_SIZE);
    return oneShotHash('sha256', nodeInput, 'buffer');
  }
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** Root of the empty tree, `MTH({}) = SHA-256()`. */
export function emptyRoot(): Buffer {
  return createHash('sha256').digest();
}

/**
 * Largest power of two strictly smaller than `n` (n ≥ 2): the split point `k` of the MTH recursion.
 * Plain arithmetic rather than bit operators, because JS bit operators truncate to 32 bits and a
 * log may outgrow 2^31 leaves.
 */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** `log2(n)` when `n` is a power of two, otherwise -1. */
function exactLog2(n: number): number {
  let level = 0;
  let p = 1;
  while (p < n) {
    p *= 2;
    level += 1;
  }
  return p === n ? level : -1;
}

function assertHash(hash: Uint8Array, what: string): void {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) throw new RangeError(`${what} must be a ${HASH_SIZE}-byte hash`);
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${String(n)}`);
}

/**
 * Merkle Tree Hash (MTH) of RFC 9162 §2.1.1 over already-hashed leaves: the reference
 * recursion, splitting at the largest power of two below n. Used for small trees and as
 * the specification the stored trees are checked against.
 */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Buffer {
  hashes.forEach((h, i) => assertHash(h, `leaf hash ${i}`));
  if (hashes.length === 0) return emptyRoot();
  const mth = (start: number, end: number): Buffer => {
    if (end - start === 1) return Buffer.from(hashes[start]);
    const k = splitPoint(end - start);
    return nodeHash(mth(start, start + k), mth(start + k, end));
  };
  return mth(0, hashes.length);
}

/**
 * Read access to a stored tree. Only complete, aligned subtrees are ever asked for, which is
 * what makes an append-only store possible: once written, such a node never changes.
 * Async so that a database-backed store fits behind the same interface.
 */
export interface TreeReader {
  /**
   * Hash of the perfect subtree of `2^level` leaves starting at leaf `index * 2^level`
   * (level 0 is the leaf hashes themselves). Rejects when that subtree is not complete.
   */
  perfectNode(level: number, index: number): Promise<Buffer>;
}

/** MTH of leaves `[start, end)` of some tree, as the proof builders need it. */
export type SubtreeHashFn = (start: number, end: number) => Promise<Buffer>;

/**
 * MTH of leaves `[start, end)` built from stored perfect nodes.
 *
 * Every range the RFC recursion produces starts at a multiple of the power of two at or
 * above its length, so the left part of each split is an aligned perfect subtree and the
 * whole range costs O(log n) node reads. Other ranges stay correct, just with more reads,
 * since the recursion simply descends until it meets aligned perfect subtrees.
 * An empty range yields the empty-tree hash.
 */
export async function rangeHash(reader: TreeReader, start: number, end: number): Promise<Buffer> {
  assertCount(start, 'start');
  assertCount(end, 'end');
  if (end < start) throw new RangeError(`range [${start}, ${end}) is reversed`);
  if (start === end) return emptyRoot();
  const mth = async (lo: number, hi: number): Promise<Buffer> => {
    const size = hi - lo;
    const level = exactLog2(size);
    if (level >= 0 && lo % size === 0) return reader.perfectNode(level, lo / size);
    const k = splitPoint(size);
    // Both halves are fetched concurrently so a database reader can pipeline its queries.
    const [left, right] = await Promise.all([mth(lo, lo + k), mth(lo + k, hi)]);
    return nodeHash(left, right);
  };
  return mth(start, end);
}

function toSubtreeHashFn(source: TreeReader | SubtreeHashFn): SubtreeHashFn {
  return typeof source === 'function' ? source : (start, end) => rangeHash(source, start, end);
}

/**
 * Leaf ranges whose MTHs form the inclusion proof (audit path) of leaf `index` in a tree of
 * `size` leaves, RFC 9162 §2.1.3.1 PATH(m, D[n]), ordered from the leaf up to the root.
 */
function inclusionRanges(index: number, size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index - lo < k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
    }
  }
  // The recursion discovers siblings from the root down; the proof lists them leaf first.
  return ranges.reverse();
}

/**
 * Leaf ranges whose MTHs form the consistency proof between sizes `size1` and `size2`,
 * RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), ordered leaf side first.
 * Assumes 0 < size1 < size2.
 */
function consistencyRanges(size1: number, size2: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let lo = 0;
  let hi = size2;
  // `isOldRoot` is the RFC's flag b: true while the subtree is a prefix the old root already
  // commits to, so the verifier knows it and it need not be sent.
  let isOldRoot = true;
  while (size1 !== hi) {
    const k = splitPoint(hi - lo);
    if (size1 - lo <= k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
      isOldRoot = false;
    }
  }
  if (!isOldRoot) ranges.push([lo, hi]);
  return ranges.reverse();
}

/** Number of hashes in the inclusion proof of leaf `index` in a tree of `size` leaves (index < size). */
export function inclusionProofLength(index: number, size: number): number {
  return inclusionRanges(index, size).length;
}

/** Number of hashes in the consistency proof between `size1` and `size2` (0 ≤ size1 ≤ size2). */
export function consistencyProofLength(size1: number, size2: number): number {
  return size1 === 0 || size1 === size2 ? 0 : consistencyRanges(size1, size2).length;
}

/**
 * Inclusion proof (audit path) of RFC 9162 §2.1.3.1 for leaf `index` in the tree of the first
 * `size` leaves. `source` is a stored tree or any function giving the MTH of a leaf range.
 * Throws a RangeError unless 0 ≤ index < size.
 */
export async function inclusionProof(index: number, size: number, source: TreeReader | SubtreeHashFn): Promise<Buffer[]> {
  assertCount(index, 'index');
  assertCount(size, 'size');
  if (index >= size) throw new RangeError(`index ${index} is outside a tree of size ${size}`);
  const subtreeHash = toSubtreeHashFn(source);
  return Promise.all(inclusionRanges(index, size).map(([start, end]) => subtreeHash(start, end)));
}

/**
 * Consistency proof of RFC 9162 §2.1.4.1 between the trees of the first `size1` and `size2`
 * leaves. Empty when size1 is 0 or equals size2 (nothing to prove). Throws a RangeError
 * when size1 > size2.
 */
export async function consistencyProof(size1: number, size2: number, source: TreeReader | SubtreeHashFn): Promise<Buffer[]> {
  assertCount(size1, 'size1');
  assertCount(size2, 'size2');
  if (size1 > size2) throw new RangeError(`size1 ${size1} is larger than size2 ${size2}`);
  if (size1 === 0 || size1 === size2) return [];
  const subtreeHash = toSubtreeHashFn(source);
  return Promise.all(consistencyRanges(size1, size2).map(([start, end]) => subtreeHash(start, end)));
}

/**
 * An append-only Merkle tree held in memory. It keeps every perfect subtree, level by level,
 * updating them like a binary counter on each append (amortised two hashes per leaf), so
 * proofs never rehash the log. Used by tests, the CLI and the benchmark; the database store
 * keeps the same nodes.
 */
export class MemoryTree implements TreeReader {
  // One contiguous, doubling buffer per level instead of a Buffer per node: at a million
  // leaves that is ~64 MB of hashes rather than two million small objects.
  private readonly levels: Uint8Array[] = [];
  private readonly counts: number[] = [];

  /** Number of leaves appended so far. */
  get size(): number {
    return this.counts[0] ?? 0;
  }

  /** Appends one leaf hash (see {@link leafHash}) and returns its leaf index. */
  append(hash: Uint8Array): number {
    assertHash(hash, 'leaf hash');
    const index = this.size;
    this.push(0, hash);
    // Each completed pair at a level closes a perfect node one level up, exactly like the
    // carries of incrementing a binary counter.
    let level = 0;
    let i = index;
    while (i % 2 === 1) {
      const parent = nodeHash(this.node(level, i - 1), this.node(level, i));
      this.push(level + 1, parent);
      level += 1;
      i = (i - 1) / 2;
    }
    return index;
  }

  /** Root of the whole tree as it stands (the empty-tree hash when no leaf was appended). */
  root(): Buffer {
    const size = this.size;
    if (size === 0) return emptyRoot();
    // The RFC recursion makes the root a right fold over the perfect "peaks" (one per set bit
    // of size, largest leftmost): MTH = H(peak1, H(peak2, … peakLast)); hence smallest first.
    let root: Buffer | undefined;
    for (let level = 0; level < this.levels.length; level += 1) {
      const width = 2 ** level;
      const complete = Math.floor(size / width);
      if (complete % 2 === 0) continue;
      const peak = Buffer.from(this.node(level, complete - 1));
      root = root === undefined ? peak : nodeHash(peak, root);
    }
    return root!;
  }

  /** Root of the tree of the first `size` leaves, a past tree head's root. */
  rootAt(size: number): Promise<Buffer> {
    if (size > this.size) return Promise.reject(new RangeError(`size ${size} exceeds the tree's ${this.size} leaves`));
    return rangeHash(this, 0, size);
  }

  /** {@inheritDoc TreeReader.perfectNode} Returns a copy, so callers cannot alter the tree. */
  perfectNode(level: number, index: number): Promise<Buffer> {
    if (!Number.isSafeInteger(level) || !Number.isSafeInteger(index) || level < 0 || index < 0 || index >= (this.counts[level] ?? 0)) {
      return Promise.reject(new RangeError(`no complete node at level ${level}, index ${index} in a tree of size ${this.size}`));
    }
    return Promise.resolve(Buffer.from(this.node(level, index)));
  }

  private node(level: number, index: number): Uint8Array {
    const offset = index * HASH_SIZE;
    return this.levels[level].subarray(offset, offset + HASH_SIZE);
  }

  private push(level: number, hash: Uint8Array): void {
    if (this.levels.length === level) {
      this.levels.push(new Uint8Array(HASH_SIZE * 16));
      this.counts.push(0);
    }
    const count = this.counts[level];
    let store = this.levels[level];
    if ((count + 1) * HASH_SIZE > store.length) {
      const grown = new Uint8Array(store.length * 2);
      grown.set(store);
      this.levels[level] = store = grown;
    }
    store.set(hash, count * HASH_SIZE);
    this.counts[level] = count + 1;
  }
}
