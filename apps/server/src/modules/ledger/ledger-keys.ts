import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ledgerKeys } from './ledger.table';
import { keyIdOf, spkiOf, spkiToPem } from './sth';

/** The park's ledger signing key, ready to sign tree heads. */
export interface LedgerSigner {
  keyId: string;
  publicKeySpki: Buffer;
  publicKeyPem: string;
  sign(data: Buffer): Buffer;
}

/** Where the key comes from; see {@link loadLedgerSigner}. */
export interface LedgerKeyOptions {
  /** LEDGER_SIGNING_KEY: PKCS#8 PEM, or the base64 of PKCS#8 DER. */
  configuredKey?: string;
  env: 'development' | 'production' | 'test';
  driver: 'pglite' | 'postgres';
  /** DATA_DIR: the embedded database's folder, where a development key is kept. */
  dataDir: string;
}

// Any fixed number: serialises the generation of a shared development key on PostgreSQL.
const DEV_KEY_LOCK = 7_270_006;

/** Parses LEDGER_SIGNING_KEY; throws a message naming the variable when it is not an Ed25519 private key. */
export function parseSigningKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = text.includes('-----BEGIN') ? crypto.createPrivateKey(text) : crypto.createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new Error(`LEDGER_SIGNING_KEY is not a PKCS#8 private key: ${(error as Error).message}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`LEDGER_SIGNING_KEY must be an Ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

/** Wraps a private key as a signer. */
export function signerOf(key: KeyObject): LedgerSigner {
  const publicKeySpki = spkiOf(key);
  return { keyId: keyIdOf(publicKeySpki), publicKeySpki, publicKeyPem: spkiToPem(publicKeySpki), sign: (data) => crypto.sign(null, data, key) };
}

/** Where the embedded development key lives: `${DATA_DIR}/ledger-key.pem`. */
export function embeddedLedgerKeyFile(dataDir: string): string {
  return path.join(dataDir, 'ledger-key.pem');
}

/**
 * The private key a backup of this instance must carry so that a restore signs with the same key
 * id: only the embedded development key file (`DATA_DIR/ledger-key.pem`). A configured
 * LEDGER_SIGNING_KEY is never returned (production keys stay out of backups), and a development
 * key on PostgreSQL is already in `ledger_keys`, so the dump carries it as a row.
 */
export function ledgerKeyForBackup(options: LedgerKeyOptions): string | null {
  if (options.configuredKey || options.env !== 'development' || options.driver !== 'pglite') return null;
  const file = embeddedLedgerKeyFile(options.dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

/** What became of a signing key found in a backup. */
export type RestoredKeyOutcome = { installed: true; keyId: string; where: string } | { installed: false; keyId: string; reason: 'configured_key' | 'production' };

/**
 * Installs a development signing key restored from a backup where {@link loadLedgerSigner} looks
 * for it: the key file of an embedded database (replaced: restore only runs on an empty database,
 * so the old file signed nothing that was kept), or `ledger_keys.private_key_pem` otherwise.
 * A configured LEDGER_SIGNING_KEY wins and the backup's key is left unused; production never
 * takes a key from a backup.
 */
export async function installRestoredLedgerKey(db: Db, options: LedgerKeyOptions, pem: string): Promise<RestoredKeyOutcome> {
  const signer = signerOf(crypto.createPrivateKey(pem));
  if (options.configuredKey) return { installed: false, keyId: signer.keyId, reason: 'configured_key' };
  if (options.env === 'production') return { installed: false, keyId: signer.keyId, reason: 'production' };
  if (options.driver === 'pglite' && options.env !== 'test') {
    const file = embeddedLedgerKeyFile(options.dataDir);
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(file, pem, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    return { installed: true, keyId: signer.keyId, where: file };
  }
  await db
    .insert(ledgerKeys)
    .values({ keyId: signer.keyId, publicKeySpki: signer.publicKeySpki, privateKeyPem: pem })
    .onConflictDoUpdate({ target: ledgerKeys.keyId, set: { privateKeyPem: pem } });
  return { installed: true, keyId: signer.keyId, where: 'ledger_keys' };
}

const newKeyPem = (): string => crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/**
 * Loads the signing key and records its public half in ledger_keys (so heads stay verifiable
 * after a key change). Sources, in order:
 * 1. LEDGER_SIGNING_KEY (required in production; config refuses to boot without it).
 * 2. Embedded database outside tests: `${DATA_DIR}/ledger-key.pem`, generated (mode 0600) on first use.
 * 3. PostgreSQL, or tests: one key generated per database and kept in ledger_keys.private_key_pem,
 *    so every instance on that database signs with the same key. Development only.
 */
export async function loadLedgerSigner(db: Db, options: LedgerKeyOptions): Promise<LedgerSigner> {
  let signer: LedgerSigner;
  if (options.configuredKey) {
    signer = signerOf(parseSigningKey(options.configuredKey));
  } else if (options.env === 'production') {
    throw new Error('LEDGER_SIGNING_KEY is missing (Ed25519 private key, PKCS#8 PEM)');
  } else if (options.driver === 'pglite' && options.env !== 'test') {
    const file = embeddedLedgerKeyFile(options.dataDir);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(options.dataDir, { recursive: true });
      // `wx` fails if another process wrote it meanwhile; that key is then the one to use.
      try {
        fs.writeFileSync(file, newKeyPem(), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    signer = signerOf(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')));
  } else {
    const pem = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEV_KEY_LOCK})`);
      const [existing] = await tx
        .select({ pem: ledgerKeys.privateKeyPem })
        .from(ledgerKeys)
        .where(sql`${ledgerKeys.privateKeyPem} IS NOT NULL`)
        .orderBy(ledgerKeys.createdAt)
        .limit(1);
      if (existing?.pem) return existing.pem;
      const generated = newKeyPem();
      const s = signerOf(crypto.createPrivateKey(generated));
      await tx.insert(ledgerKeys).values({ keyId: s.keyId, publicKeySpki: s.publicKeySpki, privateKeyPem: generated });
      return generated;
    });
    signer = signerOf(crypto.createPrivateKey(pem));
  }
  await db.insert(ledgerKeys).values({ keyId: signer.keyId, publicKeySpki: signer.publicKeySpki }).onConflictDoNothing();
  return signer;
}
