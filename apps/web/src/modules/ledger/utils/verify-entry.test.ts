import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sthSigningInput, verifyLedgerEntry, type VerificationInput } from './verify-entry';

const h = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leaf = (text: string) => h(Buffer.from([0]), Buffer.from(text));
const node = (l: Buffer, r: Buffer) => h(Buffer.from([1]), l, r);

// A three-leaf tree: root = H(H(l0, l1), l2); the audit path of leaf 1 is [l0, l2].
const [l0, l1, l2] = ['a', '{"id":2}', 'c'].map(leaf);
const root = node(node(l0, l1), l2);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const spki = publicKey.export({ format: 'der', type: 'spki' });
const head = { treeSize: 3, timestampMs: 1_767_000_000_000 };
const signature = sign(null, Buffer.from(sthSigningInput(head, root)), privateKey);

const valid: VerificationInput = {
  entryCanonical: Buffer.from('{"id":2}').toString('base64'),
  leafHash: l1.toString('base64'),
  leafIndex: 1,
  proof: [l0, l2].map((p) => p.toString('base64')),
  head: { ...head, rootHash: root.toString('base64'), signature: signature.toString('base64'), keyId: h(spki).toString('base64') },
  publicKeySpki: spki.toString('base64'),
};

describe('verifyLedgerEntry (WebCrypto)', () => {
  test('accepts an entry whose leaf, proof, key id and head signature all check out', async () => {
    const result = await verifyLedgerEntry(valid);
    expect(result.steps.map((s) => [s.key, s.ok])).toEqual([['leafHash', true], ['inclusion', true], ['keyId', true], ['signature', true]]);
    expect(result.ok).toBe(true);
    expect(result.computedRoot).toBe(valid.head.rootHash);
  });

  test.each<[string, Partial<VerificationInput>, string]>([
    ['a changed entry', { entryCanonical: Buffer.from('{"id":3}').toString('base64') }, 'leafHash'],
    ['a wrong index', { leafIndex: 0 }, 'inclusion'],
    ['a missing proof element', { proof: [l0.toString('base64')] }, 'inclusion'],
    ['another key', { publicKeySpki: generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64') }, 'keyId'],
    ['a head with another timestamp', { head: { ...valid.head, timestampMs: head.timestampMs + 1 } }, 'signature'],
  ])('rejects %s', async (_what, change, failing) => {
    const result = await verifyLedgerEntry({ ...valid, ...change });
    expect(result.ok).toBe(false);
    expect(result.steps.find((s) => s.key === failing)?.ok).toBe(false);
  });
});
