import { describe, expect, test } from 'vitest';
import { MemoryTree, consistencyProof, emptyRoot, inclusionProof, leafHash } from './merkle';
import { verifyConsistency, verifyInclusion, type ConsistencyClaim, type InclusionClaim, type VerifyResult } from './merkle-verify';

const leaves = Array.from({ length: 13 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const tree = new MemoryTree();
for (const leaf of leaves) tree.append(leaf);

async function buildInclusionClaim(index: number, size: number): Promise<InclusionClaim> {
  return { leafHash: leaves[index], index, size, root: await tree.rootAt(size), proof: await inclusionProof(index, size, tree) };
}

async function buildConsistencyClaim(size1: number, size2: number): Promise<ConsistencyClaim> {
  return { size1, size2, root1: await tree.rootAt(size1), root2: await tree.rootAt(size2), proof: await consistencyProof(size1, size2, tree) };
}

function reasonOf(result: VerifyResult): string {
  if (result.ok) throw new Error('expected the verification to fail');
  return result.reason;
}

describe('verifyInclusion', () => {
  test('accepts a genuine proof, including the one-leaf tree whose proof is empty', async () => {
    expect(verifyInclusion(await buildInclusionClaim(6, 13))).toEqual({ ok: true });
    expect(verifyInclusion({ leafHash: leaves[0], index: 0, size: 1, root: leaves[0], proof: [] })).toEqual({ ok: true });
  });

  test.each([
    { field: 'leafHash', value: Buffer.alloc(31), reason: /leaf hash must be 32 bytes, got 31/ },
    { field: 'leafHash', value: Buffer.alloc(33), reason: /leaf hash must be 32 bytes, got 33/ },
    { field: 'leafHash', value: 'not bytes', reason: /leaf hash must be a 32-byte hash/ },
    { field: 'root', value: new Uint8Array(0), reason: /root must be 32 bytes, got 0/ },
    { field: 'index', value: -1, reason: /index must be a non-negative integer, got -1/ },
    { field: 'index', value: 1.5, reason: /index must be a non-negative integer/ },
    { field: 'index', value: Number.NaN, reason: /index must be a non-negative integer/ },
    { field: 'size', value: 2 ** 60, reason: /size must be a non-negative integer/ },
    { field: 'size', value: '13', reason: /size must be a non-negative integer/ },
    { field: 'proof', value: 'abc', reason: /proof must be a list of hashes/ },
  ])('reports a malformed $field ($value) instead of throwing', async ({ field, value, reason }) => {
    const claim = { ...(await buildInclusionClaim(6, 13)), [field]: value } as InclusionClaim;
    expect(reasonOf(verifyInclusion(claim))).toMatch(reason);
  });

  test('names the proof element that has the wrong length', async () => {
    const claim = await buildInclusionClaim(6, 13);
    const proof = [...claim.proof];
    proof[1] = proof[1].subarray(0, 20);
    expect(reasonOf(verifyInclusion({ ...claim, proof }))).toMatch(/proof element 2 must be 32 bytes, got 20/);
  });

  test('an empty tree contains nothing', () => {
    expect(reasonOf(verifyInclusion({ leafHash: leaves[0], index: 0, size: 0, root: emptyRoot(), proof: [] }))).toMatch(/size 0 has no leaves/);
  });

  test.each([13, 14, 1000])('index %i is outside the tree of size 13', async (index) => {
    const claim = await buildInclusionClaim(6, 13);
    expect(reasonOf(verifyInclusion({ ...claim, index }))).toMatch(`index ${index} is outside the tree of size 13`);
  });

  test('a proof with an extra element is rejected with the expected count', async () => {
    const claim = await buildInclusionClaim(6, 13);
    expect(reasonOf(verifyInclusion({ ...claim, proof: [...claim.proof, leaves[0]] }))).toMatch(/proof has 5 element\(s\), but an inclusion proof for index 6 in a tree of size 13 has 4/);
  });

  test('a proof with a missing element is rejected with the expected count', async () => {
    const claim = await buildInclusionClaim(6, 13);
    expect(reasonOf(verifyInclusion({ ...claim, proof: claim.proof.slice(1) }))).toMatch(/proof has 3 element\(s\).* has 4/);
    expect(reasonOf(verifyInclusion({ ...claim, proof: [] }))).toMatch(/proof has 0 element\(s\)/);
  });

  test('a proof for another leaf does not prove this one', async () => {
    const claim = await buildInclusionClaim(6, 13);
    expect(reasonOf(verifyInclusion({ ...claim, leafHash: leaves[7] }))).toMatch(/does not match the given root/);
  });

  test.each([null, undefined, 42])('never throws, even for %s as the claim', (claim) => {
    expect(verifyInclusion(claim as unknown as InclusionClaim).ok).toBe(false);
  });
});

describe('verifyConsistency', () => {
  test('accepts a genuine proof', async () => {
    expect(verifyConsistency(await buildConsistencyClaim(5, 13))).toEqual({ ok: true });
    expect(verifyConsistency(await buildConsistencyClaim(8, 13))).toEqual({ ok: true });
  });

  test.each([
    { field: 'root1', value: Buffer.alloc(16), reason: /root1 must be 32 bytes, got 16/ },
    { field: 'root2', value: null, reason: /root2 must be a 32-byte hash/ },
    { field: 'size1', value: -3, reason: /size1 must be a non-negative integer/ },
    { field: 'size2', value: Infinity, reason: /size2 must be a non-negative integer/ },
    { field: 'proof', value: undefined, reason: /proof must be a list of hashes/ },
    { field: 'proof', value: [Buffer.alloc(32), Buffer.alloc(64)], reason: /proof element 2 must be 32 bytes, got 64/ },
  ])('reports a malformed $field instead of throwing', async ({ field, value, reason }) => {
    const claim = { ...(await buildConsistencyClaim(5, 13)), [field]: value } as ConsistencyClaim;
    expect(reasonOf(verifyConsistency(claim))).toMatch(reason);
  });

  test('a log never shrinks: size1 larger than size2 is rejected', async () => {
    const claim = await buildConsistencyClaim(5, 13);
    expect(reasonOf(verifyConsistency({ ...claim, size1: 13, size2: 5, root1: claim.root2, root2: claim.root1 }))).toMatch(/size1 \(13\) is larger than size2 \(5\)/);
  });

  test('equal sizes need an empty proof and equal roots', async () => {
    const root = await tree.rootAt(9);
    expect(verifyConsistency({ size1: 9, size2: 9, root1: root, root2: root, proof: [] })).toEqual({ ok: true });
    expect(reasonOf(verifyConsistency({ size1: 9, size2: 9, root1: root, root2: root, proof: [root] }))).toMatch(/proof must be empty/);
    expect(reasonOf(verifyConsistency({ size1: 9, size2: 9, root1: root, root2: await tree.rootAt(8), proof: [] }))).toMatch(/root1 and root2 differ/);
  });

  test('size 0 is a prefix of everything, but only with an empty proof and the empty-tree root', async () => {
    const root2 = await tree.rootAt(13);
    expect(verifyConsistency({ size1: 0, size2: 13, root1: emptyRoot(), root2, proof: [] })).toEqual({ ok: true });
    expect(verifyConsistency({ size1: 0, size2: 0, root1: emptyRoot(), root2: emptyRoot(), proof: [] })).toEqual({ ok: true });
    expect(reasonOf(verifyConsistency({ size1: 0, size2: 13, root1: emptyRoot(), root2, proof: [root2] }))).toMatch(/size1 is 0, so the proof must be empty/);
    expect(reasonOf(verifyConsistency({ size1: 0, size2: 13, root1: leaves[0], root2, proof: [] }))).toMatch(/not the empty-tree hash/);
  });

  test('an empty proof between different sizes is rejected (RFC step 1)', async () => {
    const claim = await buildConsistencyClaim(5, 13);
    expect(reasonOf(verifyConsistency({ ...claim, proof: [] }))).toMatch(/proof is empty, but sizes 5 and 13 differ/);
  });

  test('extra and missing proof elements are rejected with the expected count', async () => {
    const claim = await buildConsistencyClaim(5, 13);
    const expected = claim.proof.length;
    expect(reasonOf(verifyConsistency({ ...claim, proof: [...claim.proof, leaves[1]] }))).toMatch(
      `proof has ${expected + 1} element(s), but a consistency proof from size 5 to size 13 has ${expected}`,
    );
    expect(reasonOf(verifyConsistency({ ...claim, proof: claim.proof.slice(0, -1) }))).toMatch(`proof has ${expected - 1} element(s)`);
  });

  test('says which root does not match', async () => {
    const claim = await buildConsistencyClaim(6, 13);
    expect(reasonOf(verifyConsistency({ ...claim, root1: await tree.rootAt(7) }))).toMatch(/does not match root1/);
    expect(reasonOf(verifyConsistency({ ...claim, root2: await tree.rootAt(12) }))).toMatch(/does not match root2/);
  });

  test.each([null, undefined, 'claim'])('never throws, even for %s as the claim', (claim) => {
    expect(verifyConsistency(claim as unknown as ConsistencyClaim).ok).toBe(false);
  });
});
