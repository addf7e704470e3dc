import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../testing/test-db';
import { MemoryTree, consistencyProof, inclusionProof, leafHash, rangeHash } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { appendLeaves, createDbTreeReader, readTreeSize } from './ledger.repository';

let database: Database;
const memory = new MemoryTree();
let nextAuditId = 1_000_000;

/** Appends `count` synthetic leaves to both the database log (as one batch) and the memory tree. */
async function append(count: number): Promise<void> {
  const leaves = Array.from({ length: count }, () => {
    const auditId = nextAuditId++;
    return { auditId, leafHash: leafHash(Buffer.from(`entry ${auditId}`)) };
  });
  await database.db.transaction((tx) => appendLeaves(tx, leaves));
  for (const leaf of leaves) memory.append(leaf.leafHash);
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('the database-backed Merkle log', () => {
  test('has the same root as the in-memory tree at every size, whether leaves come one by one or in batches', async () => {
    const reader = createDbTreeReader(database.db);
    expect((await rangeHash(reader, 0, 0)).equals(memory.root())).toBe(true);
    // Single appends through size 40, then uneven batches, exercising every carry pattern.
    for (let i = 0; i < 40; i += 1) {
      await append(1);
      expect((await rangeHash(reader, 0, memory.size)).toString('hex'), `size ${memory.size}`).toBe(memory.root().toString('hex'));
    }
    for (const batch of [1, 7, 64, 3, 129, 250]) {
      await append(batch);
      expect((await rangeHash(reader, 0, memory.size)).toString('hex'), `size ${memory.size}`).toBe(memory.root().toString('hex'));
    }
    expect(await readTreeSize(database.db)).toBe(memory.size);
    for (let size = 1; size <= memory.size; size += 1) {
      expect((await rangeHash(reader, 0, size)).equals(await memory.rootAt(size)), `past root at ${size}`).toBe(true);
    }
  });

  test('stores every perfect subtree above the leaves exactly once, and no other', async () => {
    const size = memory.size;
    let expected = 0;
    for (let width = 2; width <= size; width *= 2) expected += Math.floor(size / width);
    const [row] = await database.query<{ n: number }>('select count(*)::int as n from ledger_nodes');
    expect(row.n).toBe(expected);
    const [leaves] = await database.query<{ n: number; max: number }>('select count(*)::int as n, max(leaf_index)::int as max from ledger_leaves');
    expect(leaves).toEqual({ n: size, max: size - 1 });
  });

  test.each([
    [0, 1],
    [5, 17],
    [31, 32],
    [100, 494],
    [493, 494],
  ])('inclusion proof of leaf %i in the tree of size %i equals the in-memory one and verifies', async (index, size) => {
    const fromDb = await inclusionProof(index, size, createDbTreeReader(database.db));
    const fromMemory = await inclusionProof(index, size, memory);
    expect(fromDb.map((h) => h.toString('hex'))).toEqual(fromMemory.map((h) => h.toString('hex')));
    const leaf = await memory.perfectNode(0, index);
    expect(verifyInclusion({ leafHash: leaf, index, size, root: await memory.rootAt(size), proof: fromDb })).toEqual({ ok: true });
  });

  test.each([
    [1, 2],
    [3, 7],
    [32, 494],
    [100, 494],
    [250, 251],
  ])('consistency proof from size %i to %i equals the in-memory one and verifies', async (size1, size2) => {
    const fromDb = await consistencyProof(size1, size2, createDbTreeReader(database.db));
    const fromMemory = await consistencyProof(size1, size2, memory);
    expect(fromDb.map((h) => h.toString('hex'))).toEqual(fromMemory.map((h) => h.toString('hex')));
    expect(verifyConsistency({ size1, size2, root1: await memory.rootAt(size1), root2: await memory.rootAt(size2), proof: fromDb })).toEqual({ ok: true });
  });

  test('asking for a node the log does not have rejects instead of inventing one', async () => {
    const reader = createDbTreeReader(database.db);
    await expect(reader.perfectNode(0, memory.size)).rejects.toThrow(/no complete node/);
    await expect(reader.perfectNode(9, 0)).rejects.toThrow(/no complete node/);
  });

  test('a failed transaction leaves neither leaves nor size behind', async () => {
    const before = memory.size;
    await expect(
      database.db.transaction(async (tx) => {
        await appendLeaves(tx, [{ auditId: nextAuditId++, leafHash: leafHash(Buffer.from('rolled back')) }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await readTreeSize(database.db)).toBe(before);
    // A duplicate audit id is refused by the unique key, and the log stays as it was.
    await expect(database.db.transaction((tx) => appendLeaves(tx, [{ auditId: nextAuditId - 2, leafHash: leafHash(Buffer.from('dup')) }]))).rejects.toThrow();
    expect(await readTreeSize(database.db)).toBe(before);
  });
});
