import { z } from 'zod';

/** Request and response schemas of the ledger API; responses are allow-lists. */

const b64 = (what: string) => z.string().describe(`standard base64 of ${what}`);

export const treeHeadSchema = z
  .object({
    treeSize: z.number().int().min(0),
    rootHash: b64('the 32-byte SHA-256 Merkle root'),
    timestampMs: z.number().int().describe('milliseconds since the Unix epoch, as signed'),
    timestamp: z.string().describe('the same instant, ISO-8601 UTC'),
    signature: b64('the 64-byte Ed25519 signature over the RFC 6962 §3.5 TreeHeadSignature bytes'),
    keyId: b64('SHA-256 of the signing key’s SPKI DER'),
  })
  .describe('Signed tree head (STH)');

export const publicKeySchema = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: b64('SHA-256 of the SPKI DER'),
  publicKeySpki: b64('the SubjectPublicKeyInfo DER'),
  publicKeyPem: z.string(),
  sthFormat: z.string(),
});

export const entrySchema = z.object({
  auditId: z.number().int(),
  leafIndex: z.number().int(),
  leafHash: b64('SHA-256(0x00 ‖ entry)'),
  entry: z.object({
    canonical: b64('the canonical entry bytes (parkos-audit-v1 JSON, UTF-8) as they are now in the audit log'),
    json: z.record(z.string(), z.unknown()),
  }),
  /** Whether the audit row, as stored now, still hashes to the logged leaf. */
  entryMatchesLeaf: z.boolean(),
  treeHead: treeHeadSchema,
  inclusionProof: z.array(b64('a 32-byte node hash')).describe('RFC 9162 §2.1.3 audit path, leaf side first'),
});

export const bundleSchema = entrySchema.extend({
  format: z.literal('parkos-ledger-proof-bundle/v1'),
  publicKey: publicKeySchema.omit({ sthFormat: true }),
});

export const headsQuery = z.object({
  minSize: z.coerce.number().int().min(0).optional(),
  maxSize: z.coerce.number().int().min(0).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const auditIdParams = z.object({ auditId: z.coerce.number().int().min(1) });

export const inclusionQuery = z.object({
  index: z.coerce.number().int().min(0),
  size: z.coerce.number().int().min(1),
});

export const consistencyQuery = z.object({
  size1: z.coerce.number().int().min(0),
  size2: z.coerce.number().int().min(0),
});

export const inclusionProofSchema = z.object({
  index: z.number().int(),
  size: z.number().int(),
  leafHash: b64('the leaf hash'),
  rootHash: b64('the root of the tree of `size` leaves'),
  proof: z.array(z.string()),
  /** The signed head of exactly this size, when one was made. */
  treeHead: treeHeadSchema.nullable(),
});

export const consistencyProofSchema = z.object({
  size1: z.number().int(),
  size2: z.number().int(),
  root1: z.string(),
  root2: z.string(),
  proof: z.array(z.string()).describe('RFC 9162 §2.1.4 consistency proof'),
});

export type TreeHead = z.infer<typeof treeHeadSchema>;
export type LedgerEntry = z.infer<typeof entrySchema>;
export type ProofBundle = z.infer<typeof bundleSchema>;
export type HeadsQuery = z.infer<typeof headsQuery>;
