import { phoneNumber } from '../../lib/validation';
import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '@parkos/contracts';
import { API_TOKEN_ACCESS, LOCALES } from './identity.table';

export const grantSchema = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string().uuid().nullable(),
});

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  locale: z.string(),
  lockedUntil: z.date().nullable(),
  grants: z.array(grantSchema),
  createdAt: z.date(),
});

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const meResponse = z.object({ user: userViewSchema, csrfToken: z.string().nullable() });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only');
const phone = phoneNumber;

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  email: z.string().trim().email().nullish(),
  phone: phone.nullish(),
  locale: z.enum(LOCALES).optional(),
  grants: z.array(grantSchema).max(20),
});

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.string().trim().email().nullish(),
  phone: phone.nullish(),
  isActive: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
  grants: z.array(grantSchema).max(20).optional(),
});

export const userQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  enterpriseId: z.string().uuid().optional(),
});

export const apiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  access: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  access: z.enum(API_TOKEN_ACCESS).default('read'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The record's name (work order number and title, enterprise name, …) where the server knows the kind; null otherwise. */
  entityName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  parkId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  enterpriseId: z.string().uuid().optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
