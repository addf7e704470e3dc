import { after, coded } from '../../../lib/validation';
import { z } from 'zod';
import { EVENT_STATUSES, REGISTRATION_STATUSES } from './events.table';

export const registrationSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  userId: z.string(),
  userName: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  /** Position on the waitlist (1 = next), for waitlisted registrations. */
  waitlistPosition: z.number().nullable(),
  checkedInAt: z.date().nullable(),
  createdAt: z.date(),
});
export type RegistrationView = z.infer<typeof registrationSchema>;

/** The member's own registration, with the check-in QR text. */
export const myRegistrationSchema = registrationSchema.extend({ checkInCode: z.string() });

export const eventSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  siteId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  location: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  capacity: z.number(),
  registrationOpensAt: z.date(),
  registrationClosesAt: z.date(),
  requiresApproval: z.boolean(),
  reminderMinutes: z.number(),
  status: z.enum(EVENT_STATUSES),
  confirmedCount: z.number(),
  pendingCount: z.number(),
  waitlistCount: z.number(),
  checkedInCount: z.number(),
  myRegistration: myRegistrationSchema.nullable(),
  updatedAt: z.date(),
});
export type EventView = z.infer<typeof eventSchema>;

const eventFields = {
  siteId: z.string().uuid().nullable().optional(),
  title: z.string().trim().min(1).max(120),
  description: z.string().max(5000).optional(),
  location: z.string().trim().min(1).max(200),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  capacity: z.number().int().min(1).max(100_000),
  registrationOpensAt: z.coerce.date(),
  registrationClosesAt: z.coerce.date(),
  requiresApproval: z.boolean().optional(),
  reminderMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
};

export const createEventBody = z
  .object({ parkId: z.string().uuid(), ...eventFields })
  .refine((b) => b.endsAt > b.startsAt, after('endsAt', 'startsAt'))
  .refine((b) => b.registrationClosesAt > b.registrationOpensAt, after('registrationClosesAt', 'registrationOpensAt'))
  .refine((b) => b.registrationClosesAt <= b.endsAt, { path: ['registrationClosesAt'], ...coded('must_not_be_after', 'must not be after the event ends', { other: 'endsAt' }) });
export type CreateEventBody = z.infer<typeof createEventBody>;

export const updateEventBody = z.object(eventFields).partial();
export type UpdateEventBody = z.infer<typeof updateEventBody>;

export const eventQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  parkId: z.string().uuid().optional(),
  /** Only events that have not ended. */
  upcoming: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only events I hold a live registration for (confirmed, pending or waitlisted). */
  registered: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type EventQuery = z.infer<typeof eventQuery>;

export const checkInBody = z.object({ code: z.string().trim().min(8).max(80) });
export const decisionBody = z.object({ approve: z.boolean() });
export const feedSchema = z.object({ url: z.string(), path: z.string() });
export const feedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,80}\.ics$/) });
export const regParams = z.object({ id: z.string().uuid(), registrationId: z.string().uuid() });
export const reminderSchema = z.object({ id: z.string(), eventId: z.string(), eventTitle: z.string(), startsAt: z.date(), createdAt: z.date() });
