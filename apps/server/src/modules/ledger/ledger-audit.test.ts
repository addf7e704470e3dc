import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, SYSTEM } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { auditLedger } from './ledger-audit';
import { sthSigningInput, verifySthSignature } from './sth';

/**
 * The audit's checks of signed tree heads over time. A tampered head is re-signed with the
 * park's own key, as an insider holding it would: the signature verifies, so only the chain
 * checks (timestamps and sizes growing together, consistency proofs) can catch the rewrite.
 */

interface Head {
  treeSize: number;
  rootHash: Buffer;
  timestampMs: number;
  signature: Buffer;
  keyId: string;
}

let t: TestApp;
let signingKey: crypto.KeyObject;
let spki: Buffer;
/** Four heads, smallest first, each a few entries larger than the one before. */
let heads: Head[];

async function headOfSize(treeSize: number): Promise<Head> {
  const [row] = await t.database.query<{ root_hash: Uint8Array; timestamp_ms: string | number; signature: Uint8Array; key_id: string }>('select * from ledger_heads where tree_size = $1', [treeSize]);
  return { treeSize, rootHash: Buffer.from(row.root_hash), timestampMs: Number(row.timestamp_ms), signature: Buffer.from(row.signature), keyId: row.key_id };
}

/** The true root of the first `size` leaves, as the proof API computes it. */
async function rootAt(size: number): Promise<Buffer> {
  return Buffer.from((await t.services.ledger.getConsistencyProof(SYSTEM, { size1: size, size2: size })).root1, 'base64');
}

/**
 * Rewrites the head of size `original.treeSize` with `changes`, signs it again with the park's
 * key, runs `check`, and puts the original row back.
 */
async function withRewrittenHead(original: Head, changes: Partial<Pick<Head, 'treeSize' | 'rootHash' | 'timestampMs'>>, check: () => Promise<void>): Promise<void> {
  const forged = { ...original, ...changes };
  forged.signature = crypto.sign(null, sthSigningInput(forged), signingKey);
  expect(verifySthSignature(forged, spki), 'the forged head carries a valid signature').toBe(true);
  await t.database.query('update ledger_heads set tree_size = $2, root_hash = $3, timestamp_ms = $4, signature = $5 where tree_size = $1', [original.treeSize, forged.treeSize, forged.rootHash, forged.timestampMs, forged.signature]);
  try {
    await check();
  } finally {
    await t.database.query('update ledger_heads set tree_size = $2, root_hash = $3, timestamp_ms = $4, signature = $5 where tree_size = $1', [forged.treeSize, original.treeSize, original.rootHash, original.timestampMs, original.signature]);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const park = await buildPark(t.services);
  const sizes: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    await buildEnterprise(t.services, park.park.id, park.site.id);
    await buildEnterprise(t.services, park.park.id, park.site.id);
    sizes.push((await t.services.ledger.createHead()).treeSize);
  }
  heads = await Promise.all(sizes.map(headOfSize));
  const [key] = await t.database.query<{ private_key_pem: string; public_key_spki: Uint8Array }>('select private_key_pem, public_key_spki from ledger_keys where private_key_pem is not null');
  signingKey = crypto.createPrivateKey(key.private_key_pem);
  spki = Buffer.from(key.public_key_spki);
});
afterAll(async () => {
  await t?.close();
});

describe('ledger audit: signed tree heads over time', () => {
  test('a log whose heads grow in size and time, each extending the previous one, passes', async () => {
    expect(new Set(heads.map((h) => h.treeSize)).size).toBe(4);
    expect(await auditLedger(t.database.db)).toMatchObject({ ok: true, heads: 4 });
  });

  test('a head whose timestamp goes back before the previous head’s fails the audit, though its root and signature are valid', async () => {
    const [, second, third] = heads;
    await withRewrittenHead(third, { timestampMs: second.timestampMs - 60_000 }, async () => {
      expect(await auditLedger(t.database.db)).toMatchObject({
        ok: false,
        divergence: expect.stringContaining(`signed heads of sizes ${second.treeSize} and ${third.treeSize} are out of order in time`),
      });
    });
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });

  test('a later head rewritten to a smaller size (the log shrinking), with the true root of that size, fails the audit', async () => {
    const [first, second, , fourth] = heads;
    const smaller = first.treeSize + 1;
    expect(smaller).toBeLessThan(second.treeSize);
    await withRewrittenHead(fourth, { treeSize: smaller, rootHash: await rootAt(smaller) }, async () => {
      expect(await auditLedger(t.database.db)).toMatchObject({
        ok: false,
        divergence: expect.stringContaining(`signed heads of sizes ${smaller} and ${second.treeSize} are out of order in time`),
      });
    });
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });

  test('a head whose root is not the tree’s root at its size fails the consistency proof from the previous head', async () => {
    const [, second, third] = heads;
    // A genuine root, but of a different size: the log as it was one entry earlier.
    await withRewrittenHead(third, { rootHash: await rootAt(third.treeSize - 1) }, async () => {
      expect(await auditLedger(t.database.db)).toMatchObject({
        ok: false,
        divergence: expect.stringMatching(new RegExp(`signed heads of sizes ${second.treeSize} and ${third.treeSize} are not consistent: .*root computed for size ${third.treeSize} does not match root2`)),
      });
    });
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });

  test('the first head, with no earlier head to be consistent with, is still checked against the re-derived root', async () => {
    const [first] = heads;
    await withRewrittenHead(first, { rootHash: crypto.createHash('sha256').update('not the log').digest() }, async () => {
      // Its successor's consistency check runs against the forged root only after the first head's own root check.
      expect(await auditLedger(t.database.db)).toMatchObject({ ok: false, divergence: expect.stringContaining(`signed head of size ${first.treeSize}: its root`) });
    });
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });

  test('two heads with the same timestamp are in order (timestamps need only not decrease)', async () => {
    const [, second, third] = heads;
    await withRewrittenHead(third, { timestampMs: second.timestampMs }, async () => {
      expect(await auditLedger(t.database.db)).toMatchObject({ ok: true, heads: 4 });
    });
  });

  test('a rewritten head that was not signed again still fails on its signature first', async () => {
    const [, second, third] = heads;
    await t.database.query('update ledger_heads set timestamp_ms = $2 where tree_size = $1', [third.treeSize, second.timestampMs - 1]);
    try {
      expect(await auditLedger(t.database.db)).toMatchObject({ ok: false, divergence: expect.stringContaining(`signed head of size ${third.treeSize}: the signature does not verify`) });
    } finally {
      await t.database.query('update ledger_heads set timestamp_ms = $2 where tree_size = $1', [third.treeSize, third.timestampMs]);
    }
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });
});
