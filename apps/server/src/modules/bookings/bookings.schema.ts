import { z } from 'zod';
import { BOOKABLE_BY, BOOKING_STATUSES, RESOURCE_CATEGORIES, RESOURCE_STATUSES } from './bookings.table';

export const resourceSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  siteId: z.string().nullable(),
  category: z.enum(RESOURCE_CATEGORIES),
  nameZh: z.string(),
  nameEn: z.string(),
  location: z.string(),
  description: z.string(),
  capacity: z.number(),
  opensAtMinute: z.number(),
  closesAtMinute: z.number(),
  openWeekdays: z.array(z.number()),
  slotMinutes: z.number(),
  minMinutes: z.number(),
  maxMinutes: z.number(),
  feeFenPerHour: z.number(),
  requiresApproval: z.boolean(),
  approvalFlowKey: z.string().nullable(),
  bookableBy: z.enum(BOOKABLE_BY),
  status: z.enum(RESOURCE_STATUSES),
  /** Whether the caller may book it (active, and their role is allowed). */
  canBook: z.boolean(),
  /** Whether the caller operates it. */
  canManage: z.boolean(),
  updatedAt: z.date(),
});
export type ResourceView = z.infer<typeof resourceSchema>;

const weekday = z.number().int().min(1).max(7);
const resourceFields = {
  siteId: z.string().uuid().nullable().optional(),
  category: z.enum(RESOURCE_CATEGORIES),
  nameZh: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().min(1).max(120),
  location: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  capacity: z.number().int().min(1).max(100_000),
  opensAtMinute: z.number().int().min(0).max(1440),
  closesAtMinute: z.number().int().min(0).max(1440),
  openWeekdays: z.array(weekday).min(1).max(7),
  slotMinutes: z.number().int().min(5).max(1440),
  minMinutes: z.number().int().min(5).max(1440),
  maxMinutes: z.number().int().min(5).max(1440),
  feeFenPerHour: z.number().int().min(0).max(100_000_000),
  requiresApproval: z.boolean().optional(),
  approvalFlowKey: z.string().trim().min(1).max(120).nullable().optional(),
  bookableBy: z.enum(BOOKABLE_BY).optional(),
  status: z.enum(RESOURCE_STATUSES).optional(),
};

export const createResourceBody = z.object({ parkId: z.string().uuid(), ...resourceFields });
export type CreateResourceBody = z.infer<typeof createResourceBody>;
export const updateResourceBody = z.object(resourceFields).partial();
export type UpdateResourceBody = z.infer<typeof updateResourceBody>;

export const resourceQuery = z.object({
  parkId: z.string().uuid().optional(),
  category: z.enum(RESOURCE_CATEGORIES).optional(),
  /** Operators: include inactive resources. */
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ResourceQuery = z.infer<typeof resourceQuery>;

/**
 * A busy range of a resource's calendar. Details (who, what) only for the caller's own
 * enterprise's bookings and for the resource's operators; everyone else sees `busy` alone.
 */
export const slotSchema = z.object({
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(BOOKING_STATUSES),
  mine: z.boolean(),
  bookingId: z.string().nullable(),
  title: z.string().nullable(),
  enterpriseName: z.string().nullable(),
});
/** `to` after `from`, at most 42 days apart (checked by the service, after the dates' own range check). */
export const slotsQuery = z.object({ from: z.coerce.date(), to: z.coerce.date() });
export type SlotsQuery = z.infer<typeof slotsQuery>;

export const bookingSchema = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceNameZh: z.string(),
  resourceNameEn: z.string(),
  category: z.enum(RESOURCE_CATEGORIES),
  location: z.string(),
  parkId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  userId: z.string(),
  userName: z.string(),
  title: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(BOOKING_STATUSES),
  feeFen: z.number(),
  billId: z.string().nullable(),
  billStatus: z.string().nullable(),
  approvalCaseId: z.string().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  canCancel: z.boolean(),
  createdAt: z.date(),
});
export type BookingView = z.infer<typeof bookingSchema>;

export const createBookingBody = z.object({
  resourceId: z.string().uuid(),
  /** Needed only when the caller belongs to several enterprises. */
  enterpriseId: z.string().uuid().optional(),
  title: z.string().trim().min(1).max(120),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
});
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const bookingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  parkId: z.string().uuid().optional(),
  resourceId: z.string().uuid().optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  /** Only bookings the caller made. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only bookings that have not ended. */
  upcoming: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type BookingQuery = z.infer<typeof bookingQuery>;

export const cancelBody = z.object({ reason: z.string().trim().max(500).optional() });
