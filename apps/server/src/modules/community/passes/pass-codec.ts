import crypto, { type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * The signed pass payload (通行码), format `PK1`: a compact binary record
 * signed with Ed25519, carried in the QR symbol as `PK1.` + base64url (RFC 4648
 * §5, no padding) — ASCII, byte mode, readable by any ISO/IEC 18004 decoder.
 *
 * ```
 * offset size field
 *  0      1   version = 0x01
 *  1      4   key id: first 4 bytes of SHA-256(SubjectPublicKeyInfo DER) of the signing key
 *  5     16   pass id (UUID, big-endian bytes as written)
 * 21      1   holder kind: 1 = member, 2 = visitor
 * 22     16   holder id (member: user id; visitor: the invitation's pass id)
 * 38      4   not before, uint32 big-endian, Unix seconds (UTC)
 * 42      4   not after,  uint32 big-endian, Unix seconds (UTC), exclusive
 * 46     16   park id
 * 62      1   scope: 0 = whole park, 1 = one site, 2 = listed gates
 * 63      …   scope 1: site id (16); scope 2: gate count n (1 byte, 1–8) then n gate device ids (16 each)
 *  …     64   Ed25519 signature (RFC 8032, pure) over every byte before it
 * ```
 * A park-wide pass is 127 bytes, 174 characters of QR text. No personal data.
 */
export const PASS_TEXT_PREFIX = 'PK1.';
export const PASS_VERSION = 1;
export const HOLDER_KINDS = { member: 1, visitor: 2 } as const;
export type HolderKind = keyof typeof HOLDER_KINDS;
export const MAX_PASS_GATES = 8;
const SIG_LEN = 64;
const FIXED_LEN = 63;

export type PassScope = { kind: 'park' } | { kind: 'site'; siteId: string } | { kind: 'gates'; gateIds: string[] };

export interface PassClaims {
  keyId: Buffer;
  passId: string;
  holderKind: HolderKind;
  holderId: string;
  /** Unix seconds. */
  notBefore: number;
  /** Unix seconds, exclusive. */
  notAfter: number;
  parkId: string;
  scope: PassScope;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidToBytes(id: string, out: Buffer, offset: number): void {
  if (!UUID_RE.test(id)) throw new Error(`not a UUID: ${id}`);
  out.write(id.replaceAll('-', ''), offset, 16, 'hex');
}

function bytesToUuid(b: Buffer, offset: number): string {
  const h = b.toString('hex', offset, offset + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The 4-byte key id of an Ed25519 public key (SPKI DER). */
export function shortKeyId(spki: Buffer): Buffer {
  return crypto.createHash('sha256').update(spki).digest().subarray(0, 4);
}

/** The unsigned bytes of a pass. */
export function encodeClaims(c: PassClaims): Buffer {
  const extra = c.scope.kind === 'park' ? 0 : c.scope.kind === 'site' ? 16 : 1 + 16 * c.scope.gateIds.length;
  if (c.scope.kind === 'gates' && (c.scope.gateIds.length < 1 || c.scope.gateIds.length > MAX_PASS_GATES)) throw new Error(`a pass lists 1–${MAX_PASS_GATES} gates`);
  if (c.keyId.length !== 4) throw new Error('key id must be 4 bytes');
  const b = Buffer.alloc(FIXED_LEN + extra);
  b[0] = PASS_VERSION;
  c.keyId.copy(b, 1);
  uuidToBytes(c.passId, b, 5);
  b[21] = HOLDER_KINDS[c.holderKind];
  uuidToBytes(c.holderId, b, 22);
  b.writeUInt32BE(c.notBefore, 38);
  b.writeUInt32BE(c.notAfter, 42);
  uuidToBytes(c.parkId, b, 46);
  if (c.scope.kind === 'park') b[62] = 0;
  else if (c.scope.kind === 'site') {
    b[62] = 1;
    uuidToBytes(c.scope.siteId, b, 63);
  } else {
    b[62] = 2;
    b[63] = c.scope.gateIds.length;
    c.scope.gateIds.forEach((g, i) => uuidToBytes(g, b, 64 + 16 * i));
  }
  return b;
}

/** Signs claims and returns the QR text. */
export function signPass(claims: PassClaims, privateKey: KeyObject): string {
  const body = encodeClaims(claims);
  const sig = crypto.sign(null, body, privateKey);
  return PASS_TEXT_PREFIX + Buffer.concat([body, sig]).toString('base64url');
}

export type DecodeResult = { ok: true; claims: PassClaims; signed: Buffer; signature: Buffer } | { ok: false; reason: 'bad_format' };

const B64URL_RE = /^[A-Za-z0-9_-]+$/;

/** Parses QR text into claims without checking the signature; only the canonical base64url spelling is taken. Never throws. */
export function decodePass(text: string): DecodeResult {
  if (typeof text !== 'string' || !text.startsWith(PASS_TEXT_PREFIX) || text.length > 400) return { ok: false, reason: 'bad_format' };
  const b64 = text.slice(PASS_TEXT_PREFIX.length);
  if (!B64URL_RE.test(b64)) return { ok: false, reason: 'bad_format' };
  const b = Buffer.from(b64, 'base64url');
  // One spelling per code: Node's decoder ignores the unused low bits of the last
  // character (up to 16 spellings of one pass) and a dangling sixth bit group, so
  // only text that re-encodes to itself is taken; a scan log, a replay check or a
  // deny list keyed on the text cannot be sidestepped by respelling it.
  if (b.toString('base64url') !== b64) return { ok: false, reason: 'bad_format' };
  if (b.length < FIXED_LEN + SIG_LEN || b[0] !== PASS_VERSION) return { ok: false, reason: 'bad_format' };
  const kindByte = b[21];
  const holderKind: HolderKind | undefined = kindByte === 1 ? 'member' : kindByte === 2 ? 'visitor' : undefined;
  if (!holderKind) return { ok: false, reason: 'bad_format' };
  let scope: PassScope;
  let end: number;
  switch (b[62]) {
    case 0:
      scope = { kind: 'park' };
      end = FIXED_LEN;
      break;
    case 1:
      end = FIXED_LEN + 16;
      if (b.length !== end + SIG_LEN) return { ok: false, reason: 'bad_format' };
      scope = { kind: 'site', siteId: bytesToUuid(b, 63) };
      break;
    case 2: {
      const n = b[63];
      if (n < 1 || n > MAX_PASS_GATES) return { ok: false, reason: 'bad_format' };
      end = FIXED_LEN + 1 + 16 * n;
      if (b.length !== end + SIG_LEN) return { ok: false, reason: 'bad_format' };
      const gateIds: string[] = [];
      for (let i = 0; i < n; i++) gateIds.push(bytesToUuid(b, 64 + 16 * i));
      scope = { kind: 'gates', gateIds };
      break;
    }
    default:
      return { ok: false, reason: 'bad_format' };
  }
  if (b.length !== end + SIG_LEN) return { ok: false, reason: 'bad_format' };
  return {
    ok: true,
    signed: b.subarray(0, end),
    signature: b.subarray(end),
    claims: {
      keyId: b.subarray(1, 5),
      passId: bytesToUuid(b, 5),
      holderKind,
      holderId: bytesToUuid(b, 22),
      notBefore: b.readUInt32BE(38),
      notAfter: b.readUInt32BE(42),
      parkId: bytesToUuid(b, 46),
      scope,
    },
  };
}

interface Sodium {
  crypto_sign_verify_detached(signature: Buffer, message: Buffer, publicKey: Buffer): boolean;
}

/** libsodium (sodium-native) when its prebuilt addon loads: ~2.5× faster than OpenSSL through node:crypto for one verification. */
const sodium: Sodium | null = (() => {
  if (process.env.PASS_VERIFY_NODE_CRYPTO === '1') return null;
  try {
    return createRequire(import.meta.url)('sodium-native') as Sodium;
  } catch {
    return null;
  }
})();

/** Which Ed25519 implementation verifies gate scans (diagnostics, bench output). */
export const ed25519Backend: 'libsodium' | 'node:crypto' = sodium ? 'libsodium' : 'node:crypto';

/** An Ed25519 public key prepared once for repeated verification. */
export interface VerifyKey {
  key: KeyObject;
  /** The raw 32-byte key (for libsodium). */
  raw: Buffer;
}

export function verifyKeyOf(key: KeyObject): VerifyKey {
  const spki = key.export({ format: 'der', type: 'spki' });
  return { key, raw: Buffer.from(spki.subarray(spki.length - 32)) };
}

/** Checks an Ed25519 signature over the signed bytes (libsodium is the stricter of the two: canonical S, no small-order keys). */
export function verifySignature(signed: Buffer, signature: Buffer, publicKey: KeyObject | VerifyKey): boolean {
  try {
    if ('raw' in publicKey) {
      if (sodium) return signature.length === 64 && sodium.crypto_sign_verify_detached(signature, signed, publicKey.raw);
      return crypto.verify(null, signed, publicKey.key, signature);
    }
    return crypto.verify(null, signed, publicKey, signature);
  } catch {
    return false;
  }
}
