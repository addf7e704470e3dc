import { HASH_SIZE, consistencyProofLength, emptyRoot, inclusionProofLength, nodeHash } from './merkle';

/**
 * Proof verification of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency): the part of
 * the ledger anyone can run without trusting the park. Inputs come from untrusted hands (the
 * CLI, a downloaded proof bundle), so these functions validate everything and never throw.
 */

/** Outcome of a verification: valid, or invalid with a reason meant for people. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** What an inclusion proof claims: leaf `index` with hash `leafHash` is in the tree of `size` leaves with root `root`. */
export interface InclusionClaim {
  leafHash: Uint8Array;
  index: number;
  size: number;
  root: Uint8Array;
  proof: readonly Uint8Array[];
}

/** What a consistency proof claims: the tree of `size1` leaves with `root1` is a prefix of the tree of `size2` leaves with `root2`. */
export interface ConsistencyClaim {
  size1: number;
  size2: number;
  root1: Uint8Array;
  root2: Uint8Array;
  proof: readonly Uint8Array[];
}

const VALID: VerifyResult = { ok: true };

function invalid(reason: string): VerifyResult {
  return { ok: false, reason };
}

function hashProblem(value: unknown, name: string): string | undefined {
  if (!(value instanceof Uint8Array)) return `${name} must be a ${HASH_SIZE}-byte hash`;
  if (value.length !== HASH_SIZE) return `${name} must be ${HASH_SIZE} bytes, got ${value.length}`;
  return undefined;
}

function countProblem(value: unknown, name: string): string | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return `${name} must be a non-negative integer, got ${String(value)}`;
  return undefined;
}

function proofProblem(proof: unknown): string | undefined {
  if (!Array.isArray(proof)) return 'proof must be a list of hashes';
  for (let i = 0; i < proof.length; i += 1) {
    const problem = hashProblem(proof[i], `proof element ${i + 1}`);
    if (problem) return problem;
  }
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

// Bit operators would truncate sizes above 2^31 to 32 bits, so LSB and right shift are arithmetic.
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/**
 * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2. Malformed claims (hash
 * lengths, index outside the tree, a proof with too many or too few elements) are reported as
 * invalid with a reason; the function never throws.
 */
export function verifyInclusion(claim: InclusionClaim): VerifyResult {
  if (typeof claim !== 'object' || claim === null) return invalid('no inclusion claim given');
  const { leafHash, index, size, root, proof } = claim;
  const problem = hashProblem(leafHash, 'leaf hash') ?? hashProblem(root, 'root') ?? countProblem(index, 'index') ?? countProblem(size, 'size') ?? proofProblem(proof);
  if (problem) return invalid(problem);
  if (size === 0) return invalid('a tree of size 0 has no leaves, so nothing can be included in it');
  if (index >= size) return invalid(`index ${index} is outside the tree of size ${size} (valid indexes are 0 to ${size - 1})`);
  // The RFC algorithm would also notice a wrong length, but only as a root mismatch or a
  // premature end; counting first lets the reason say which.
  const expected = inclusionProofLength(index, size);
  if (proof.length !== expected) return invalid(`proof has ${proof.length} element(s), but an inclusion proof for index ${index} in a tree of size ${size} has ${expected}`);

  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) return invalid('proof has more elements than the tree has levels');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // Skip the levels where this node is the last, unpaired one: it is promoted unchanged.
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return invalid('proof has fewer elements than the tree has levels');
  if (!sameBytes(r, root)) return invalid(`root computed from the leaf hash and proof does not match the given root of the tree of size ${size}`);
  return VALID;
}

/**
 * Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2, which the RFC states
 * for 0 < size1 < size2. The edge cases follow from the definitions: equal sizes need an empty
 * proof and equal roots; size1 = 0 needs an empty proof and root1 equal to the empty-tree hash
 * (every tree extends the empty one, and no other root is possible for it). Never throws.
 */
export function verifyConsistency(claim: ConsistencyClaim): VerifyResult {
  if (typeof claim !== 'object' || claim === null) return invalid('no consistency claim given');
  const { size1, size2, root1, root2, proof } = claim;
  const problem = countProblem(size1, 'size1') ?? countProblem(size2, 'size2') ?? hashProblem(root1, 'root1') ?? hashProblem(root2, 'root2') ?? proofProblem(proof);
  if (problem) return invalid(problem);
  if (size1 > size2) return invalid(`size1 (${size1}) is larger than size2 (${size2}): a log never shrinks`);
  if (size1 === size2) {
    if (proof.length > 0) return invalid(`size1 equals size2, so the proof must be empty, but it has ${proof.length} element(s)`);
    return sameBytes(root1, root2) ? VALID : invalid(`size1 equals size2 (${size1}) but root1 and root2 differ`);
  }
  if (size1 === 0) {
    if (proof.length > 0) return invalid(`size1 is 0, so the proof must be empty, but it has ${proof.length} element(s)`);
    return sameBytes(root1, emptyRoot()) ? VALID : invalid('size1 is 0, but root1 is not the empty-tree hash SHA-256("")');
  }
  // RFC step 1.
  if (proof.length === 0) return invalid(`proof is empty, but sizes ${size1} and ${size2} differ`);
  const expected = consistencyProofLength(size1, size2);
  if (proof.length !== expected) return invalid(`proof has ${proof.length} element(s), but a consistency proof from size ${size1} to size ${size2} has ${expected}`);

  // Step 2: when the old tree is a perfect subtree, the proof omits its root because the
  // verifier already holds it.
  const path: Uint8Array[] = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  // Steps 3–4.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr: Uint8Array = path[0];
  let sr: Uint8Array = path[0];
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return invalid('proof has more elements than the trees have levels');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  if (sn !== 0) return invalid('proof has fewer elements than the trees have levels');
  if (!sameBytes(fr, root1)) return invalid(`root computed for size ${size1} does not match root1`);
  if (!sameBytes(sr, root2)) return invalid(`root computed for size ${size2} does not match root2`);
  return VALID;
}

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}
