import crypto, { type KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { shortKeyId } from './pass-codec';
import { passKeys } from './passes.table';

/** The park's pass-signing key. */
export interface PassSigner {
  /** 4-byte key id as 8 hex characters (what the QR carries). */
  keyId: string;
  keyIdBytes: Buffer;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeySpki: Buffer;
}

/** A public key as the well-known endpoint publishes it. */
export interface PassPublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKeySpki: string;
  publicKeyRaw: string;
  publicKeyPem: string;
  createdAt: Date;
}

// Serialises generation of the shared development key on PostgreSQL.
const DEV_KEY_LOCK = 7_270_051;

function signerOf(privateKey: KeyObject): PassSigner {
  const publicKey = crypto.createPublicKey(privateKey);
  const publicKeySpki = publicKey.export({ format: 'der', type: 'spki' });
  const keyIdBytes = shortKeyId(publicKeySpki);
  return { keyId: keyIdBytes.toString('hex'), keyIdBytes, privateKey, publicKey, publicKeySpki };
}

/** Parses PASS_SIGNING_KEY (PKCS#8 PEM or base64 DER, Ed25519). */
export function parsePassSigningKey(text: string): KeyObject {
  const key = text.includes('-----BEGIN') ? crypto.createPrivateKey(text) : crypto.createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`PASS_SIGNING_KEY must be an Ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

/**
 * Loads the signing key: PASS_SIGNING_KEY when set (required in production);
 * otherwise one development key per database, kept in `pass_keys` so every
 * instance on that database signs alike. The public half is always recorded.
 */
export async function loadPassSigner(db: Db, options: { configuredKey?: string; env: 'development' | 'production' | 'test' }): Promise<PassSigner> {
  let signer: PassSigner;
  if (options.configuredKey) signer = signerOf(parsePassSigningKey(options.configuredKey));
  else if (options.env === 'production') throw new Error('PASS_SIGNING_KEY is missing (Ed25519 private key, PKCS#8 PEM)');
  else {
    const pem = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEV_KEY_LOCK})`);
      const [existing] = await tx.select({ pem: passKeys.privateKeyPem }).from(passKeys).where(sql`${passKeys.privateKeyPem} IS NOT NULL`).orderBy(passKeys.createdAt).limit(1);
      if (existing?.pem) return existing.pem;
      const generated = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      const s = signerOf(crypto.createPrivateKey(generated));
      await tx.insert(passKeys).values({ keyId: s.keyId, publicKeySpki: s.publicKeySpki, privateKeyPem: generated });
      return generated;
    });
    signer = signerOf(crypto.createPrivateKey(pem));
  }
  await db.insert(passKeys).values({ keyId: signer.keyId, publicKeySpki: signer.publicKeySpki }).onConflictDoNothing();
  return signer;
}

/** Every recorded public key, for gates and the verifier. */
export async function findPassPublicKeys(db: Db): Promise<PassPublicKey[]> {
  const rows = await db.select({ keyId: passKeys.keyId, spki: passKeys.publicKeySpki, createdAt: passKeys.createdAt }).from(passKeys).orderBy(passKeys.createdAt);
  return rows.map((r) => {
    const spki = Buffer.from(r.spki);
    const pem = `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END PUBLIC KEY-----\n`;
    return { keyId: r.keyId, algorithm: 'Ed25519' as const, publicKeySpki: spki.toString('base64'), publicKeyRaw: spki.subarray(spki.length - 32).toString('base64url'), publicKeyPem: pem, createdAt: r.createdAt };
  });
}
