import crypto, { type KeyObject } from 'node:crypto';
import { HASH_SIZE } from './merkle';

/**
 * Signed tree heads (STH, 签名树头): what is signed and how it is checked. Pure, so that the
 * server, the offline CLI and the audit share one definition (the browser re-implements the
 * same 50 bytes in apps/web/src/modules/ledger/utils).
 */

/** The only signature algorithm of the ledger. */
export const LEDGER_ALGORITHM = 'Ed25519';

/** A signed tree head as published: sizes as numbers, binary values as standard base64. */
export interface SignedTreeHead {
  treeSize: number;
  /** Standard base64 of the 32-byte Merkle root of the first `treeSize` leaves. */
  rootHash: string;
  /** Milliseconds since the Unix epoch, exactly as signed. */
  timestampMs: number;
  /** The same instant, ISO-8601 UTC (for people; not signed separately). */
  timestamp: string;
  /** Standard base64 of the 64-byte Ed25519 signature over {@link sthSigningInput}. */
  signature: string;
  /** {@link keyIdOf} the signing key. */
  keyId: string;
}

/**
 * The bytes an STH signature covers: the `TreeHeadSignature` structure of RFC 6962 §3.5,
 * 50 bytes, all integers big-endian:
 *
 * | offset | size | value |
 * |---|---|---|
 * | 0 | 1 | version: `0x00` (v1) |
 * | 1 | 1 | signature type: `0x01` (tree_hash) |
 * | 2 | 8 | timestamp, milliseconds since the Unix epoch (uint64) |
 * | 10 | 8 | tree size (uint64) |
 * | 18 | 32 | SHA-256 Merkle root |
 *
 * Ed25519 (RFC 8032, pure, no pre-hash) signs these bytes directly.
 */
export function sthSigningInput(head: { treeSize: number; timestampMs: number; rootHash: Uint8Array }): Buffer {
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) throw new RangeError('tree size must be a non-negative integer');
  if (!Number.isSafeInteger(head.timestampMs) || head.timestampMs < 0) throw new RangeError('timestamp must be a non-negative integer');
  if (head.rootHash.length !== HASH_SIZE) throw new RangeError(`root must be ${HASH_SIZE} bytes`);
  const out = Buffer.alloc(2 + 8 + 8 + HASH_SIZE);
  out[0] = 0x00;
  out[1] = 0x01;
  out.writeBigUInt64BE(BigInt(head.timestampMs), 2);
  out.writeBigUInt64BE(BigInt(head.treeSize), 10);
  out.set(head.rootHash, 18);
  return out;
}

/** Key id: standard base64 of SHA-256 over the public key's SubjectPublicKeyInfo DER (as RFC 6962 names logs). */
export function keyIdOf(spki: Uint8Array): string {
  return crypto.createHash('sha256').update(spki).digest('base64');
}

/** The SPKI DER of an Ed25519 public (or private) key. */
export function spkiOf(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return publicKey.export({ format: 'der', type: 'spki' });
}

/** PEM text of a public key given as SPKI DER. */
export function spkiToPem(spki: Uint8Array): string {
  const b64 = Buffer.from(spki).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/**
 * Checks an STH signature against an Ed25519 public key (SPKI DER). Never throws: a malformed
 * key or signature is simply not valid.
 */
export function verifySthSignature(head: { treeSize: number; timestampMs: number; rootHash: Uint8Array; signature: Uint8Array }, spki: Uint8Array): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return crypto.verify(null, sthSigningInput(head), key, head.signature);
  } catch {
    return false;
  }
}
