import crypto from 'node:crypto';
import fs from 'node:fs';
import { EXIT_INVALID, EXIT_USAGE, EXIT_VALID, type CliIo } from './ledger-cli';
import { HASH_SIZE, leafHash } from './merkle';
import { verifyInclusion, type VerifyResult } from './merkle-verify';
import { keyIdOf, verifySthSignature } from './sth';

/**
 * Offline verification of a proof bundle (`GET /api/ledger/entries/:auditId/bundle`), as
 * `parkos ledger verify-bundle FILE [--key PEM_FILE]` runs it: no database, no server.
 */

/** The bundle's fields this check reads; the rest (the parsed entry, say) is for people. */
interface BundleClaim {
  format: string;
  auditId: number;
  leafIndex: number;
  leafHash: string;
  entry: { canonical: string };
  treeHead: { treeSize: number; rootHash: string; timestampMs: number; signature: string; keyId: string };
  inclusionProof: string[];
  publicKey: { algorithm: string; keyId: string; publicKeySpki: string };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decode(text: unknown, what: string, length?: number): Buffer {
  if (typeof text !== 'string' || !BASE64.test(text)) throw new TypeError(`${what} is not standard base64`);
  const bytes = Buffer.from(text, 'base64');
  if (length !== undefined && bytes.length !== length) throw new TypeError(`${what} must be ${length} bytes, got ${bytes.length}`);
  return bytes;
}

function integer(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new TypeError(`${what} must be a non-negative integer`);
  return value;
}

/**
 * Checks a bundle: the leaf hash is `SHA-256(0x00 ‖ entry)`, the inclusion proof leads from it
 * to the signed head's root, the head's Ed25519 signature verifies with the bundle's key, and
 * the key id matches that key. With `pinnedSpki` (the key from the park's well-known URL, or
 * one obtained out of band) the bundle's key must be that key; without it, the check proves
 * consistency under the key the bundle names, which the reader should compare by key id.
 * Never throws.
 */
export function verifyBundle(bundle: unknown, pinnedSpki?: Uint8Array): VerifyResult {
  try {
    const b = bundle as BundleClaim;
    if (typeof b !== 'object' || b === null || b.format !== 'parkos-ledger-proof-bundle/v1') return { ok: false, reason: 'not a parkos-ledger-proof-bundle/v1 file' };
    const entry = decode(b.entry?.canonical, 'entry.canonical');
    const claimedLeaf = decode(b.leafHash, 'leafHash', HASH_SIZE);
    const index = integer(b.leafIndex, 'leafIndex');
    const head = b.treeHead;
    const size = integer(head?.treeSize, 'treeHead.treeSize');
    const timestampMs = integer(head?.timestampMs, 'treeHead.timestampMs');
    const root = decode(head?.rootHash, 'treeHead.rootHash', HASH_SIZE);
    const signature = decode(head?.signature, 'treeHead.signature', 64);
    if (!Array.isArray(b.inclusionProof)) throw new TypeError('inclusionProof must be a list');
    const proof = b.inclusionProof.map((p, i) => decode(p, `inclusionProof[${i}]`, HASH_SIZE));
    if (b.publicKey?.algorithm !== 'Ed25519') return { ok: false, reason: `unsupported key algorithm ${String(b.publicKey?.algorithm)}` };
    const spki = decode(b.publicKey.publicKeySpki, 'publicKey.publicKeySpki');

    if (!leafHash(entry).equals(claimedLeaf)) return { ok: false, reason: 'leafHash is not SHA-256(0x00 ‖ entry): the entry does not match the logged leaf' };
    const inclusion = verifyInclusion({ leafHash: claimedLeaf, index, size, root, proof });
    if (!inclusion.ok) return { ok: false, reason: `inclusion proof: ${inclusion.reason}` };
    const keyId = keyIdOf(spki);
    if (keyId !== b.publicKey.keyId || keyId !== head.keyId) return { ok: false, reason: `key id mismatch: the bundle's public key has id ${keyId}, the head names ${String(head.keyId)}` };
    if (pinnedSpki && !Buffer.from(pinnedSpki).equals(spki)) return { ok: false, reason: `the bundle is signed with key ${keyId}, not with the pinned key ${keyIdOf(pinnedSpki)}` };
    if (!verifySthSignature({ treeSize: size, timestampMs, rootHash: root, signature }, spki)) return { ok: false, reason: 'the signed tree head signature does not verify with the public key' };
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/**
 * `parkos ledger verify-bundle FILE [--key PEM_FILE]`: exit 0 valid, 1 invalid (with the
 * reason), 2 usage or unreadable file. Never throws.
 */
export function runVerifyBundleCommand(args: readonly string[], io: CliIo): number {
  const usage = 'usage: parkos ledger verify-bundle FILE [--key PUBLIC_KEY_PEM_FILE]\n';
  const rest = [...args];
  let keyFile: string | undefined;
  const keyAt = rest.indexOf('--key');
  if (keyAt >= 0) {
    keyFile = rest[keyAt + 1];
    if (!keyFile) {
      io.stderr.write(`error: --key needs a file\n${usage}`);
      return EXIT_USAGE;
    }
    rest.splice(keyAt, 2);
  }
  if (rest.length !== 1 || rest[0].startsWith('-')) {
    io.stderr.write(`error: give exactly one bundle file\n${usage}`);
    return EXIT_USAGE;
  }
  let bundle: unknown;
  let pinned: Buffer | undefined;
  try {
    bundle = JSON.parse(fs.readFileSync(rest[0], 'utf8'));
    if (keyFile) pinned = crypto.createPublicKey(fs.readFileSync(keyFile, 'utf8')).export({ format: 'der', type: 'spki' });
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const result = verifyBundle(bundle, pinned);
  if (!result.ok) {
    io.stderr.write(`invalid: ${result.reason}\n`);
    return EXIT_INVALID;
  }
  const b = bundle as BundleClaim;
  io.stdout.write(
    `valid: audit entry ${b.auditId} is leaf ${b.leafIndex} of the log of size ${b.treeHead.treeSize}, whose head (${new Date(b.treeHead.timestampMs).toISOString()}) is signed by key ${b.treeHead.keyId}${pinned ? ' (the pinned key)' : ''}\n`,
  );
  return EXIT_VALID;
}
