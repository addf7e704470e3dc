import { TRAINING_IMPORT_ERRORS, TRAINING_POSTS, TRAINING_TOPICS } from '@parkos/contracts';
import { z } from 'zod';
import { coded, isoDate } from '../../lib/validation';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
const phone = z.string().trim().refine((s) => /^[0-9+\- ]{5,20}$/.test(s), coded('phone', 'a phone number'));

export const staffQuery = z.object({
  propertyCompanyId: z.string().uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const createStaffBody = z.object({
  propertyCompanyId: z.string().uuid(),
  name: z.string().trim().min(1).max(50),
  post: z.enum(TRAINING_POSTS),
  phone: phone.nullish(),
  userId: z.string().uuid().nullish(),
});
export type CreateStaffBody = z.infer<typeof createStaffBody>;

export const updateStaffBody = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  post: z.enum(TRAINING_POSTS).optional(),
  phone: phone.nullish(),
  userId: z.string().uuid().nullish(),
  isActive: z.boolean().optional(),
});
export type UpdateStaffBody = z.infer<typeof updateStaffBody>;

export const staffSchema = z.object({
  id: z.string(),
  propertyCompanyId: z.string(),
  propertyCompanyName: z.string(),
  name: z.string(),
  post: z.enum(TRAINING_POSTS),
  phone: z.string().nullable(),
  userId: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type StaffView = z.infer<typeof staffSchema>;

/** One session in a staff member's record. */
export const staffRecordRowSchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  topic: z.enum(TRAINING_TOPICS),
  startsAt: z.string(),
  hours: z.number(),
  hasExam: z.boolean(),
  passMark: z.number().nullable(),
  isRecorded: z.boolean(),
  attended: z.boolean().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
});

export const staffDetailSchema = staffSchema.extend({
  record: z.array(staffRecordRowSchema),
  totals: z.object({ invited: z.number(), attended: z.number(), hours: z.number(), examined: z.number(), passed: z.number() }),
});
export type StaffDetailView = z.infer<typeof staffDetailSchema>;

export const companiesQuery = z.object({ parkId: z.string().uuid().optional() });
export const companySchema = z.object({ id: z.string(), name: z.string(), parkIds: z.array(z.string()), activeStaff: z.number() });
export type CompanyView = z.infer<typeof companySchema>;

export const inviteSchema = z.object({
  propertyCompanyId: z.string().uuid(),
  /** Chosen staff of the company; left out, the company's whole active roster. */
  staffIds: z.array(z.string().uuid()).max(500).optional(),
});

export const createSessionBody = z.object({
  parkId: z.string().uuid(),
  title: z.string().trim().min(1).max(100),
  topic: z.enum(TRAINING_TOPICS),
  /** Asia/Shanghai calendar date and time the session starts. */
  date: isoDate,
  time,
  hours: z.number().positive().max(24),
  trainer: z.string().trim().min(1).max(50),
  location: z.string().trim().max(100).nullish(),
  hasExam: z.boolean().default(false),
  passMark: z.number().int().min(0).max(100).nullish(),
  invite: z.array(inviteSchema).min(1).max(20),
});
export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const sessionsQuery = z.object({
  parkId: z.string().uuid().optional(),
  propertyCompanyId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const sessionSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  organizerCompanyId: z.string().nullable(),
  title: z.string(),
  topic: z.enum(TRAINING_TOPICS),
  startsAt: z.string(),
  /** Local (Asia/Shanghai) date and time. */
  date: z.string(),
  time: z.string(),
  hours: z.number(),
  trainer: z.string(),
  location: z.string().nullable(),
  hasExam: z.boolean(),
  passMark: z.number().nullable(),
  isRecorded: z.boolean(),
  /** Whether the session has begun (results may be recorded from then on). */
  hasStarted: z.boolean(),
  /** Counts among the invitations the caller may see. */
  invited: z.number(),
  attended: z.number(),
  examined: z.number(),
  passed: z.number(),
  companies: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Whether the caller may record attendance and results. */
  canRecord: z.boolean(),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  post: z.enum(TRAINING_POSTS),
  propertyCompanyId: z.string(),
  propertyCompanyName: z.string(),
  attended: z.boolean().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
});
export type InvitationView = z.infer<typeof invitationSchema>;

export const sessionDetailSchema = sessionSchema.extend({ invitations: z.array(invitationSchema) });
export type SessionDetailView = z.infer<typeof sessionDetailSchema>;

export const resultsBody = z.object({
  results: z
    .array(z.object({ staffId: z.string().uuid(), attended: z.boolean(), score: z.number().min(0).max(100).nullish() }))
    .min(1)
    .max(1000),
});
export type ResultsBody = z.infer<typeof resultsBody>;

export const importBody = z.object({
  /** The filled-in results sheet (.xlsx), base64. */
  xlsxBase64: z.string().min(1).max(7 * 1024 * 1024),
});

/** A refused row of an imported sheet: its row number, column letter and header, and why. */
export const importRowErrorSchema = z.object({ row: z.number(), column: z.string(), header: z.string(), code: z.enum(TRAINING_IMPORT_ERRORS), value: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const figuresQuery = z.object({
  parkId: z.string().uuid().optional(),
  propertyCompanyId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const counts = { invited: z.number(), attended: z.number(), examined: z.number(), passed: z.number() };
export const figuresSchema = z.object({
  parkId: z.string(),
  from: z.string(),
  to: z.string(),
  companies: z.array(
    z.object({
      propertyCompanyId: z.string(),
      name: z.string(),
      sessions: z.number(),
      ...counts,
      /** attended ÷ invited (0–1), null with no invitations. */
      attendanceRate: z.number().nullable(),
      /** passed ÷ examined (0–1), null with nobody examined. */
      passRate: z.number().nullable(),
      /** Hours attended in the period. */
      hours: z.number(),
      activeStaff: z.number(),
      /** hours ÷ active staff, null without staff. */
      hoursPerStaff: z.number().nullable(),
      months: z.array(z.object({ month: z.string(), ...counts, attendanceRate: z.number().nullable(), passRate: z.number().nullable() })),
    }),
  ),
});
export type FiguresView = z.infer<typeof figuresSchema>;
