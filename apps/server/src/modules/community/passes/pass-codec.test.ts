import crypto from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decodePass, ed25519Backend, encodeClaims, shortKeyId, signPass, verifyKeyOf, verifySignature, type PassClaims, type PassScope } from './pass-codec';

const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const keyId = shortKeyId(publicKey.export({ format: 'der', type: 'spki' }));
const base: PassClaims = {
  keyId,
  passId: '0b7e5c1a-6f1d-4c55-9a53-5a1b2c3d4e5f',
  holderKind: 'member',
  holderId: '1c2d3e4f-0000-4000-8000-123456789abc',
  notBefore: 1_790_000_000,
  notAfter: 1_790_000_900,
  parkId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  scope: { kind: 'park' },
};

describe('PK1 pass payload', () => {
  test.each([
    ['park', { kind: 'park' }, 127],
    ['site', { kind: 'site', siteId: '12345678-1234-4234-8234-123456789012' }, 143],
    ['gates', { kind: 'gates', gateIds: ['12345678-1234-4234-8234-123456789012', '22345678-1234-4234-8234-123456789012'] }, 160],
  ] as [string, PassScope, number][])('a %s-scoped pass round-trips and its signature verifies', (_name, scope, bytes) => {
    const text = signPass({ ...base, scope }, privateKey);
    expect(text.startsWith('PK1.')).toBe(true);
    expect(text).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(Buffer.from(text.slice(4), 'base64url').length).toBe(bytes);
    const d = decodePass(text);
    if (!d.ok) throw new Error('did not decode');
    expect(d.claims).toMatchObject({ passId: base.passId, holderKind: 'member', holderId: base.holderId, notBefore: base.notBefore, notAfter: base.notAfter, parkId: base.parkId, scope });
    expect(d.claims.keyId.equals(keyId)).toBe(true);
    expect(verifySignature(d.signed, d.signature, publicKey)).toBe(true);
  });

  test('the layout is the one published in the README (offsets and big-endian times)', () => {
    const b = encodeClaims(base);
    expect(b[0]).toBe(1);
    expect(b.subarray(1, 5).equals(keyId)).toBe(true);
    expect(b.toString('hex', 5, 21)).toBe(base.passId.replaceAll('-', ''));
    expect(b[21]).toBe(1);
    expect(b.readUInt32BE(38)).toBe(base.notBefore);
    expect(b.readUInt32BE(42)).toBe(base.notAfter);
    expect(b.toString('hex', 46, 62)).toBe(base.parkId.replaceAll('-', ''));
    expect(b[62]).toBe(0);
    expect(b.length).toBe(63);
  });

  test('any changed byte breaks the signature, and another key does not verify', () => {
    const text = signPass(base, privateKey);
    const raw = Buffer.from(text.slice(4), 'base64url');
    for (const i of [1, 10, 40, 45, 60]) {
      const t = Buffer.from(raw);
      t[i] ^= 0x01;
      const d = decodePass('PK1.' + t.toString('base64url'));
      expect(d.ok && verifySignature(d.signed, d.signature, publicKey)).toBe(false);
    }
    const other = crypto.generateKeyPairSync('ed25519').publicKey;
    const d = decodePass(text);
    expect(d.ok && verifySignature(d.signed, d.signature, other)).toBe(false);
  });

  test.each([
    ['park', { kind: 'park' }, 16],
    ['site', { kind: 'site', siteId: '12345678-1234-4234-8234-123456789012' }, 4],
    ['one-gate', { kind: 'gates', gateIds: ['12345678-1234-4234-8234-123456789012'] }, 1],
    ['two-gate', { kind: 'gates', gateIds: ['12345678-1234-4234-8234-123456789012', '22345678-1234-4234-8234-123456789012'] }, 16],
  ] as [string, PassScope, number][])('a %s-scoped code is taken only in its canonical spelling: every other last character is refused', (_name, scope, spellings) => {
    const text = signPass({ ...base, scope }, privateKey);
    const canonical = decodePass(text);
    expect(canonical.ok && verifySignature(canonical.signed, canonical.signature, publicKey)).toBe(true);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const head = text.slice(0, -1);
    const bytes = Buffer.from(text.slice(4), 'base64url');
    let sameBytes = 0;
    for (const ch of alphabet) {
      if (ch === text.at(-1)) continue;
      const other = head + ch;
      // Node decodes the respellings to the very same bytes (the signature would verify)…
      if (Buffer.from(other.slice(4), 'base64url').equals(bytes)) sameBytes++;
      // …but the decoder refuses them, and every other last character too.
      const d = decodePass(other);
      expect(d.ok && verifySignature(d.signed, d.signature, publicKey), other.slice(-3)).toBe(false);
      if (Buffer.from(other.slice(4), 'base64url').equals(bytes)) expect(d).toEqual({ ok: false, reason: 'bad_format' });
    }
    expect(sameBytes).toBe(spellings - 1);
    // A dangling character (length ≡ 1 mod 4, ignored by Node) is refused as well.
    expect(decodePass(text + 'A')).toEqual({ ok: false, reason: 'bad_format' });
  });

  test.each(['', 'PK1.', 'PK2.AAAA', 'PK1.@@@', 'PK1.' + Buffer.alloc(20).toString('base64url'), 'PK1.' + Buffer.alloc(127, 9).toString('base64url')])('malformed text %# is refused without throwing', (text) => {
    expect(decodePass(text).ok).toBe(false);
  });
});

describe('Ed25519 verification (libsodium, as the scan verifier uses it)', () => {
  test('libsodium is loaded and agrees with node:crypto: a valid code verifies; a changed byte, another key or a cut signature does not', () => {
    expect(ed25519Backend).toBe('libsodium');
    const d = decodePass(signPass(base, privateKey));
    if (!d.ok) throw new Error('did not decode');
    const key = verifyKeyOf(publicKey);
    expect(key.raw.length).toBe(32);
    expect(verifySignature(d.signed, d.signature, key)).toBe(true);
    expect(verifySignature(d.signed, d.signature, publicKey)).toBe(true);
    const tampered = Buffer.from(d.signed);
    tampered[10] ^= 1;
    expect(verifySignature(tampered, d.signature, key)).toBe(false);
    const badSig = Buffer.from(d.signature);
    badSig[5] ^= 1;
    expect(verifySignature(d.signed, badSig, key)).toBe(false);
    expect(verifySignature(d.signed, d.signature.subarray(0, 63), key)).toBe(false);
    expect(verifySignature(d.signed, d.signature, verifyKeyOf(crypto.generateKeyPairSync('ed25519').publicKey))).toBe(false);
  });
});
