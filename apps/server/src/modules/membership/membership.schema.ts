import { z } from 'zod';
import { ENTERPRISE_ROLES, JOIN_REQUEST_STATUSES } from '@parkos/contracts';

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 -]{6,20}$/, 'is not a phone number');

export const memberSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  roles: z.array(z.enum(ENTERPRISE_ROLES)),
  passes: z.array(z.object({ id: z.string(), validFrom: z.date(), validTo: z.date(), revokedAt: z.date().nullable() })),
  plates: z.array(z.object({ id: z.string(), plate: z.string() })),
});

export const updateMemberBody = z
  .object({ roles: z.array(z.enum(ENTERPRISE_ROLES)).min(1).max(3).optional(), isActive: z.boolean().optional() })
  .refine((b) => b.roles !== undefined || b.isActive !== undefined, { message: 'give roles or isActive', path: ['roles'] });

export const updateMemberResponse = z.object({
  userId: z.string(),
  roles: z.array(z.enum(ENTERPRISE_ROLES)),
  isActive: z.boolean(),
  effects: z.object({ passesRevoked: z.number(), parkingRightsEnded: z.number(), platesUnlinked: z.number() }).nullable(),
});

export const invitationSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  role: z.enum(ENTERPRISE_ROLES),
  phone: z.string().nullable(),
  expiresAt: z.date(),
  usedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
  status: z.enum(['pending', 'used', 'expired', 'revoked']),
});

export const createInvitationBody = z.object({
  role: z.enum(ENTERPRISE_ROLES).optional(),
  phone: phone.nullish(),
  expiresInDays: z.number().int().min(1).max(30).optional(),
});

export const publicInvitationSchema = z.object({ enterpriseName: z.string(), role: z.enum(ENTERPRISE_ROLES), expiresAt: z.date() });

export const joinRequestSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});

export const joinRequestQuery = z.object({ status: z.enum(JOIN_REQUEST_STATUSES).optional() });

export const registerBody = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only'),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  phone: phone.nullish(),
  invitationToken: z.string().trim().min(8).max(100).nullish(),
  joinEnterpriseName: z.string().trim().min(1).max(200).nullish(),
});

export const registerResponse = z.object({
  userId: z.string(),
  enterpriseId: z.string().nullable(),
  role: z.enum(ENTERPRISE_ROLES).nullable(),
  joinRequestId: z.string().nullable(),
});
