import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MemoryTree, consistencyProof, emptyRoot, inclusionProof, leafHash, nodeHash, rangeHash, rootFromLeafHashes, splitPoint } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

interface ReferenceTree {
  leaf_inputs_hex: string[];
  root_hashes_by_tree_size_hex: string[];
  node_hashes_by_level_hex: string[][];
}

// The RFC 6962 test tree's values, copied with their Apache-2.0 notice (testdata/NOTICE) so the tests run on any clone.
const reference = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'testdata/rfc6962_reference_tree.json'), 'utf8')) as ReferenceTree;
const hex = (text: string): Buffer => Buffer.from(text, 'hex');
const leafInputs = reference.leaf_inputs_hex.map(hex);
const rootsBySize = reference.root_hashes_by_tree_size_hex.map(hex);
const nodesByLevel = reference.node_hashes_by_level_hex.map((level) => level.map(hex));
const referenceLeafHashes = nodesByLevel[0];

function buildTree(leafHashes: readonly Buffer[]): MemoryTree {
  const tree = new MemoryTree();
  for (const hash of leafHashes) tree.append(hash);
  return tree;
}

/** Deterministic leaf hashes, so a failing size can be rerun. */
function syntheticLeaves(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
}

/** Small seeded PRNG (mulberry32): random coverage that is the same on every run. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** Flips one bit of one proof element, returning a new proof. */
function tamper(proof: readonly Buffer[], element: number): Buffer[] {
  return proof.map((hash, i) => {
    if (i !== element) return hash;
    const copy = Buffer.from(hash);
    copy[31] ^= 0x01;
    return copy;
  });
}

// The specification taken literally (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF/SUBPROOF) over
// arrays of leaf hashes: slow, obviously right, and sharing no code with the stored-tree path.
function naivePath(m: number, leaves: readonly Buffer[]): Buffer[] {
  const n = leaves.length;
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...naivePath(m, leaves.slice(0, k)), rootFromLeafHashes(leaves.slice(k))];
  return [...naivePath(m - k, leaves.slice(k)), rootFromLeafHashes(leaves.slice(0, k))];
}

function naiveSubproof(m: number, leaves: readonly Buffer[], isOldRoot: boolean): Buffer[] {
  const n = leaves.length;
  if (m === n) return isOldRoot ? [] : [rootFromLeafHashes(leaves)];
  const k = splitPoint(n);
  if (m <= k) return [...naiveSubproof(m, leaves.slice(0, k), isOldRoot), rootFromLeafHashes(leaves.slice(k))];
  return [...naiveSubproof(m - k, leaves.slice(k), false), rootFromLeafHashes(leaves.slice(0, k))];
}

const naiveProof = (m: number, leaves: readonly Buffer[]): Buffer[] => naiveSubproof(m, leaves, true);

const sizes1to8 = [1, 2, 3, 4, 5, 6, 7, 8];
const inclusionCases = sizes1to8.flatMap((size) => Array.from({ length: size }, (_, index) => ({ index, size })));
const consistencyCases = sizes1to8.flatMap((size2) => Array.from({ length: size2 }, (_, i) => ({ size1: i + 1, size2 })));

describe('RFC 6962 reference tree', () => {
  test('the empty tree has root SHA-256("")', () => {
    expect(emptyRoot().toString('hex')).toBe(reference.root_hashes_by_tree_size_hex[0]);
    expect(rootFromLeafHashes([]).equals(rootsBySize[0])).toBe(true);
    expect(new MemoryTree().root().equals(rootsBySize[0])).toBe(true);
  });

  test.each(leafInputs.map((input, i) => ({ i, input: input.toString('hex') })))('leaf $i (input "$input") hashes to the reference leaf hash', ({ i }) => {
    expect(leafHash(leafInputs[i]).toString('hex')).toBe(reference.node_hashes_by_level_hex[0][i]);
  });

  test.each(rootsBySize.map((_, size) => ({ size })))('the tree of the first $size leaves has the reference root', async ({ size }) => {
    const leaves = leafInputs.slice(0, size).map((input) => leafHash(input));
    expect(rootFromLeafHashes(leaves).toString('hex')).toBe(reference.root_hashes_by_tree_size_hex[size]);
    expect(buildTree(leaves).root().toString('hex')).toBe(reference.root_hashes_by_tree_size_hex[size]);
    expect((await buildTree(referenceLeafHashes).rootAt(size)).toString('hex')).toBe(reference.root_hashes_by_tree_size_hex[size]);
  });

  test('the memory tree stores exactly the reference perfect nodes at every level', async () => {
    const tree = buildTree(referenceLeafHashes);
    for (const [level, nodes] of nodesByLevel.entries()) {
      for (const [index, node] of nodes.entries()) expect((await tree.perfectNode(level, index)).toString('hex')).toBe(node.toString('hex'));
      await expect(tree.perfectNode(level, nodes.length)).rejects.toThrow(RangeError);
    }
    await expect(tree.perfectNode(4, 0)).rejects.toThrow(RangeError);
  });

  test.each(inclusionCases)('the inclusion proof of leaf $index in the tree of size $size verifies, and any tampering fails', async ({ index, size }) => {
    const tree = buildTree(referenceLeafHashes);
    const proof = await inclusionProof(index, size, tree);
    const claim = { leafHash: referenceLeafHashes[index], index, size, root: rootsBySize[size], proof };
    expect(proof.map((h) => h.toString('hex'))).toEqual(naivePath(index, referenceLeafHashes.slice(0, size)).map((h) => h.toString('hex')));
    expect(verifyInclusion(claim)).toEqual({ ok: true });

    for (let element = 0; element < proof.length; element += 1) expect(verifyInclusion({ ...claim, proof: tamper(proof, element) }).ok).toBe(false);
    expect(verifyInclusion({ ...claim, leafHash: referenceLeafHashes[(index + 1) % 8] }).ok).toBe(false);
    expect(verifyInclusion({ ...claim, root: rootsBySize[size - 1] }).ok).toBe(false);
    for (let other = 0; other < size; other += 1) if (other !== index) expect(verifyInclusion({ ...claim, index: other }).ok).toBe(false);
    expect(verifyInclusion({ ...claim, proof: [...proof, rootsBySize[0]] }).ok).toBe(false);
    if (proof.length > 0) expect(verifyInclusion({ ...claim, proof: proof.slice(0, -1) }).ok).toBe(false);
  });

  test.each(Array.from({ length: 8 }, (_, index) => ({ index })))('in the full tree of 8 the audit path of leaf $index is its siblings at each level', async ({ index }) => {
    // Independent of any proof code: the siblings read straight from the reference node table.
    const expected = [0, 1, 2].map((level) => nodesByLevel[level][Math.floor(index / 2 ** level) ^ 1]);
    expect(await inclusionProof(index, 8, buildTree(referenceLeafHashes))).toEqual(expected);
  });

  test.each(consistencyCases)('the consistency proof from size $size1 to $size2 verifies, and any tampering fails', async ({ size1, size2 }) => {
    const tree = buildTree(referenceLeafHashes);
    const proof = await consistencyProof(size1, size2, tree);
    const claim = { size1, size2, root1: rootsBySize[size1], root2: rootsBySize[size2], proof };
    expect(proof.map((h) => h.toString('hex'))).toEqual(naiveProof(size1, referenceLeafHashes.slice(0, size2)).map((h) => h.toString('hex')));
    expect(verifyConsistency(claim)).toEqual({ ok: true });

    for (let element = 0; element < proof.length; element += 1) expect(verifyConsistency({ ...claim, proof: tamper(proof, element) }).ok).toBe(false);
    expect(verifyConsistency({ ...claim, root1: tamper([rootsBySize[size1]], 0)[0] }).ok).toBe(false);
    expect(verifyConsistency({ ...claim, root2: tamper([rootsBySize[size2]], 0)[0] }).ok).toBe(false);
    expect(verifyConsistency({ ...claim, proof: [...proof, rootsBySize[0]] }).ok).toBe(false);
    if (proof.length > 0) expect(verifyConsistency({ ...claim, proof: proof.slice(0, -1) }).ok).toBe(false);
    if (size1 === size2) expect(proof).toEqual([]);
    else expect(verifyConsistency({ ...claim, root1: rootsBySize[size1 - 1] }).ok).toBe(false);
  });

  test('every size is consistent with the empty tree through an empty proof', async () => {
    const tree = buildTree(referenceLeafHashes);
    for (let size = 0; size <= 8; size += 1) {
      expect(await consistencyProof(0, size, tree)).toEqual([]);
      expect(verifyConsistency({ size1: 0, size2: size, root1: rootsBySize[0], root2: rootsBySize[size], proof: [] })).toEqual({ ok: true });
    }
  });
});

describe('proofs from the stored tree match the RFC definitions', () => {
  test('every inclusion and consistency proof of trees up to 40 leaves equals the naive recursion', async () => {
    const leaves = syntheticLeaves(40);
    const tree = buildTree(leaves);
    for (let size = 1; size <= 40; size += 1) {
      const prefix = leaves.slice(0, size);
      const root = rootFromLeafHashes(prefix);
      for (let m = 0; m < size; m += 1) {
        const proof = await inclusionProof(m, size, tree);
        expect(proof).toEqual(naivePath(m, prefix));
        expect(verifyInclusion({ leafHash: leaves[m], index: m, size, root, proof })).toEqual({ ok: true });
      }
      for (let m = 1; m <= size; m += 1) {
        const proof = await consistencyProof(m, size, tree);
        expect(proof).toEqual(naiveProof(m, prefix));
        expect(verifyConsistency({ size1: m, size2: size, root1: rootFromLeafHashes(leaves.slice(0, m)), root2: root, proof })).toEqual({ ok: true });
      }
    }
  });

  test('random sizes up to 300 give the naive proofs and roots, and they verify', async () => {
    const random = seededRandom(6962);
    const leaves = syntheticLeaves(300);
    const tree = buildTree(leaves);
    for (let round = 0; round < 60; round += 1) {
      const size = 1 + random(300);
      const prefix = leaves.slice(0, size);
      const root = rootFromLeafHashes(prefix);
      expect(await tree.rootAt(size)).toEqual(root);
      expect(buildTree(prefix).root()).toEqual(root);

      const index = random(size);
      const path = await inclusionProof(index, size, tree);
      expect(path).toEqual(naivePath(index, prefix));
      expect(verifyInclusion({ leafHash: leaves[index], index, size, root, proof: path })).toEqual({ ok: true });
      if (path.length > 0) expect(verifyInclusion({ leafHash: leaves[index], index, size, root, proof: tamper(path, random(path.length)) }).ok).toBe(false);

      const size1 = 1 + random(size);
      const proof = await consistencyProof(size1, size, tree);
      expect(proof).toEqual(naiveProof(size1, prefix));
      const root1 = rootFromLeafHashes(leaves.slice(0, size1));
      expect(verifyConsistency({ size1, size2: size, root1, root2: root, proof })).toEqual({ ok: true });
      if (proof.length > 0) expect(verifyConsistency({ size1, size2: size, root1, root2: root, proof: tamper(proof, random(proof.length)) }).ok).toBe(false);
    }
  });

  test('a subtree-hash function works as the proof source as well as a stored tree', async () => {
    const leaves = syntheticLeaves(77);
    const bySlices = (start: number, end: number) => Promise.resolve(rootFromLeafHashes(leaves.slice(start, end)));
    const tree = buildTree(leaves);
    expect(await inclusionProof(45, 77, bySlices)).toEqual(await inclusionProof(45, 77, tree));
    expect(await consistencyProof(13, 77, bySlices)).toEqual(await consistencyProof(13, 77, tree));
  });

  test('rangeHash gives the MTH of unaligned ranges too', async () => {
    const leaves = syntheticLeaves(50);
    const tree = buildTree(leaves);
    for (const [start, end] of [
      [3, 4],
      [3, 17],
      [5, 50],
      [16, 48],
      [0, 50],
      [7, 7],
    ]) {
      expect(await rangeHash(tree, start, end)).toEqual(rootFromLeafHashes(leaves.slice(start, end)));
    }
  });

  test('the root is a right fold of node hashes, as the RFC recursion defines', () => {
    const [a, b, c] = syntheticLeaves(3);
    expect(rootFromLeafHashes([a, b, c])).toEqual(nodeHash(nodeHash(a, b), c));
  });
});

describe('trees beyond 2^32 leaves', () => {
  // A virtual tree whose leaves are all equal: every perfect node of a level is then the same
  // hash, so a tree of trillions of leaves is consistent yet costs one hash per level. Sizes
  // past 2^32 catch any 32-bit bit-operator arithmetic.
  const leaf = leafHash(Buffer.from('same'));
  const perLevel = [leaf];
  for (let level = 1; level <= 53; level += 1) perLevel.push(nodeHash(perLevel[level - 1], perLevel[level - 1]));
  const uniform = { perfectNode: (level: number) => Promise.resolve(perLevel[level]) };

  test.each([
    { index: 2 ** 33 + 5, size: 2 ** 40 + 3 },
    { index: 2 ** 40 + 2, size: 2 ** 40 + 3 },
    { index: 0, size: Number.MAX_SAFE_INTEGER },
  ])('the inclusion proof of leaf $index in a tree of size $size verifies', async ({ index, size }) => {
    const root = await rangeHash(uniform, 0, size);
    const proof = await inclusionProof(index, size, uniform);
    expect(verifyInclusion({ leafHash: leaf, index, size, root, proof })).toEqual({ ok: true });
  });

  test.each([
    { size1: 2 ** 32 + 1, size2: 2 ** 40 + 3 },
    { size1: 3, size2: 2 ** 45 },
    { size1: 2 ** 33, size2: 2 ** 33 + 2 ** 20 + 7 },
  ])('the consistency proof from size $size1 to $size2 verifies', async ({ size1, size2 }) => {
    const [root1, root2] = await Promise.all([rangeHash(uniform, 0, size1), rangeHash(uniform, 0, size2)]);
    const proof = await consistencyProof(size1, size2, uniform);
    expect(verifyConsistency({ size1, size2, root1, root2, proof })).toEqual({ ok: true });
  });
});

describe('proof construction rejects impossible requests', () => {
  const tree = buildTree(syntheticLeaves(10));

  test.each([
    { index: 10, size: 10 },
    { index: 0, size: 0 },
    { index: -1, size: 5 },
    { index: 1.5, size: 5 },
  ])('no inclusion proof for index $index in a tree of size $size', async ({ index, size }) => {
    await expect(inclusionProof(index, size, tree)).rejects.toThrow(RangeError);
  });

  test('no consistency proof from a larger tree to a smaller one', async () => {
    await expect(consistencyProof(6, 5, tree)).rejects.toThrow(RangeError);
  });

  test('no proof about leaves the tree does not have yet', async () => {
    await expect(inclusionProof(3, 11, tree)).rejects.toThrow(RangeError);
    await expect(consistencyProof(3, 11, tree)).rejects.toThrow(RangeError);
    await expect(tree.rootAt(11)).rejects.toThrow(RangeError);
  });

  test('leaf hashes of the wrong length are refused on append', () => {
    expect(() => new MemoryTree().append(Buffer.alloc(31))).toThrow(RangeError);
  });
});
