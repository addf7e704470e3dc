import { after } from '../../../lib/validation';
import { z } from 'zod';
import { PASS_KINDS } from './passes.table';
import { SCAN_REASONS } from './scan-verifier';

export const passSchema = z.object({
  id: z.string(),
  kind: z.enum(PASS_KINDS),
  parkId: z.string(),
  siteId: z.string().nullable(),
  gateIds: z.array(z.string()),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  holderUserId: z.string().nullable(),
  holderName: z.string().nullable(),
  visitorName: z.string().nullable(),
  purpose: z.string().nullable(),
  visitorPhone: z.string().nullable(),
  visitorPlate: z.string().nullable(),
  invitedById: z.string().nullable(),
  validFrom: z.date(),
  validTo: z.date(),
  status: z.enum(['active', 'upcoming', 'expired', 'revoked']),
  revokedAt: z.date().nullable(),
  revokeReason: z.string().nullable(),
  createdAt: z.date(),
});
export type PassView = z.infer<typeof passSchema>;

/** A pass with its current signed QR text. */
export const passWithQrSchema = z.object({
  pass: passSchema,
  qr: z.object({ text: z.string(), validFrom: z.date(), validTo: z.date(), keyId: z.string() }).nullable(),
});
export type PassWithQr = z.infer<typeof passWithQrSchema>;

export const invitationCreatedSchema = passWithQrSchema.extend({
  /** The visitor's link token, shown once; the link is `/visit/{token}`. */
  linkToken: z.string(),
  linkPath: z.string(),
});

/** What the visitor's public page shows: no inviter details, no ids beyond the pass. */
export const visitorPassSchema = z.object({
  visitorName: z.string(),
  parkName: z.string(),
  enterpriseName: z.string(),
  purpose: z.string().nullable(),
  /** The visitor's own plate, so they know their car is expected at the parking gate. */
  visitorPlate: z.string().nullable(),
  validFrom: z.date(),
  validTo: z.date(),
  status: z.enum(['active', 'upcoming', 'expired', 'revoked']),
  qr: z.object({ text: z.string(), validFrom: z.date(), validTo: z.date(), keyId: z.string() }).nullable(),
});

const MAX_VISIT_MS = 7 * 24 * 3600_000;
export const createInvitationBody = z
  .object({
    enterpriseId: z.string().uuid().optional(),
    visitorName: z.string().trim().min(1).max(60),
    purpose: z.string().trim().max(200).optional(),
    /** Mainland mobile (checked in the service, which names the field). */
    visitorPhone: z.string().trim().max(20).optional(),
    /** Car plate (GA 36-2018, checked in the service): admitted at the parking entry on the visit's days. */
    visitorPlate: z.string().trim().max(12).optional(),
    validFrom: z.coerce.date(),
    validTo: z.coerce.date(),
    siteId: z.string().uuid().optional(),
    gateIds: z.array(z.string().uuid()).min(1).max(8).optional(),
  })
  .refine((b) => b.validTo > b.validFrom, after('validTo', 'validFrom'))
  .refine((b) => b.validTo.getTime() - b.validFrom.getTime() <= MAX_VISIT_MS, { path: ['validTo'], message: 'a visit lasts at most 7 days' });
export type CreateInvitationBody = z.infer<typeof createInvitationBody>;

export const passQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  kind: z.enum(PASS_KINDS).optional(),
  status: z.enum(['active', 'revoked']).optional(),
  parkId: z.string().uuid().optional(),
  /** Passes (not revoked) valid at some time in the 24 hours from this instant (the workbench's "visitors today"). */
  validOn: z.coerce.date().optional(),
});
export type PassQuery = z.infer<typeof passQuery>;

export const revokeBody = z.object({ reason: z.string().trim().min(1).max(200) });

export const tokenParams = z.object({ token: z.string().min(16).max(100) });

export const publicKeysSchema = z.object({
  format: z.literal('PK1'),
  keys: z.array(z.object({ keyId: z.string(), algorithm: z.literal('Ed25519'), publicKeySpki: z.string(), publicKeyRaw: z.string(), publicKeyPem: z.string(), createdAt: z.date() })),
});

export const scanBody = z.object({
  payload: z.string().min(1).max(400),
  nonce: z.string().min(1).max(64),
  scannedAt: z.coerce.date().optional(),
});
export type ScanBody = z.infer<typeof scanBody>;

/** An offline gate uploads what it scanned meanwhile (oldest first). */
export const scanBatchBody = z.object({ scans: z.array(scanBody).min(1).max(500) });

export const scanDecisionSchema = z.object({
  result: z.enum(['accepted', 'rejected']),
  reason: z.enum(SCAN_REASONS),
  passId: z.string().nullable(),
  holderKind: z.enum(['member', 'visitor']).nullable(),
  validTo: z.string().nullable(),
});

export const scanBatchResultSchema = z.object({ decisions: z.array(scanDecisionSchema) });

export const scanListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  parkId: z.string().uuid().optional(),
  gateId: z.string().uuid().optional(),
  passId: z.string().uuid().optional(),
  result: z.enum(['accepted', 'rejected']).optional(),
  /** Scans at or after this time (the dashboard's "today"). */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type ScanListQuery = z.infer<typeof scanListQuery>;

export const scanSchema = z.object({
  id: z.number(),
  gateId: z.string(),
  gateCode: z.string().nullable(),
  /** The gate's name as set on the device (user data); null for a gate that is no device. */
  gateName: z.string().nullable(),
  /** The member's or visitor's name on the pass scanned (null when the code matched no pass). */
  holderName: z.string().nullable(),
  passId: z.string().nullable(),
  holderKind: z.string().nullable(),
  nonce: z.string(),
  result: z.enum(['accepted', 'rejected']),
  reason: z.string(),
  via: z.string(),
  scannedAt: z.date(),
});

export const scanStatsQuery = z.object({
  parkId: z.string().uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type ScanStatsQuery = z.infer<typeof scanStatsQuery>;

export const scanStatsSchema = z.object({
  from: z.date(),
  to: z.date(),
  /** Counts per gate and hour (UTC hour start). */
  buckets: z.array(z.object({ gateId: z.string(), gateCode: z.string(), gateName: z.string(), hour: z.date(), accepted: z.number(), rejected: z.number() })),
  byReason: z.array(z.object({ reason: z.string(), count: z.number() })),
});

export const myPassQuery = z.object({ enterpriseId: z.string().uuid().optional() });
