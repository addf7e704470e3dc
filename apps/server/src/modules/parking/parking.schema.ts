import { z } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { ENTRY_ACCESS, GATE_DIRECTIONS, PARKING_RIGHT_KINDS, READ_RESULTS, RESERVATION_STATUSES, SESSION_STATUSES } from './parking.table';
import { isoDate } from '../../lib/validation';

const ts = z.date();
const fen = z.number().int().min(0).max(100_000_000);
const minuteOfDay = z.number().int().min(0).max(1439);
const plate = z.string().trim().min(7).max(12);

export const lotSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  siteId: z.string().nullable(),
  name: z.string(),
  capacity: z.number().int(),
  freeMinutes: z.number().int(),
  hourlyFen: z.number().int(),
  dailyCapFen: z.number().int().nullable(),
  nightStartMinute: z.number().int().nullable(),
  nightEndMinute: z.number().int().nullable(),
  nightHourlyFen: z.number().int().nullable(),
  monthlyPassFen: z.number().int().nullable(),
  createdAt: ts,
  updatedAt: ts,
});
export const lotWithOccupancy = lotSchema.extend({ occupied: z.number().int(), free: z.number().int(), sensorOccupied: z.number().int().nullable() });
export const lotDetailSchema = lotWithOccupancy.extend({
  spaces: z.array(z.object({ id: z.string(), code: z.string(), isReservable: z.boolean(), allocatedToMine: z.boolean(), allocation: z.object({ enterpriseId: z.string().nullable(), legalName: z.string().nullable() }).nullable() })),
});
const rateFields = {
  capacity: z.number().int().min(0).max(100_000),
  freeMinutes: z.number().int().min(0).max(24 * 60).optional(),
  hourlyFen: fen.optional(),
  dailyCapFen: fen.nullish(),
  nightStartMinute: minuteOfDay.nullish(),
  nightEndMinute: minuteOfDay.nullish(),
  nightHourlyFen: fen.nullish(),
  monthlyPassFen: fen.nullish(),
};
export const createLotBody = z.object({ parkId: z.string().uuid(), siteId: z.string().uuid().nullish(), name: z.string().trim().min(1).max(100), ...rateFields });
export const updateLotBody = z.object({ name: z.string().trim().min(1).max(100), ...rateFields }).partial();
export const addSpacesBody = z.object({ codes: z.array(z.string().trim().min(1).max(32)).min(1).max(1000), isReservable: z.boolean().optional() });
export const addGateBody = z.object({ deviceId: z.string().uuid(), direction: z.enum(GATE_DIRECTIONS) });
export const readBody = z.object({ plate, at: z.coerce.date().optional(), eventId: z.string().max(100).optional() });
export const manualReadBody = readBody.extend({ direction: z.enum(GATE_DIRECTIONS) });
export const gateReadBody = readBody.extend({ direction: z.enum(GATE_DIRECTIONS).optional() });
export const readResultSchema = z.object({
  result: z.enum(READ_RESULTS),
  sessionId: z.string().nullable(),
  feeFen: z.number().int().nullable(),
  billId: z.string().nullable(),
  /** Entries only: why the plate is let in (`temporary`: unknown, pays at exit); null for exits and duplicates. */
  access: z.enum(ENTRY_ACCESS).nullable().default(null),
  /** Set when an invited visitor's plate was let in: the invitation (pass) that admitted it. */
  invitationId: z.string().nullable().default(null),
});
export const sessionSchema = z.object({
  id: z.string(),
  lotId: z.string(),
  lotName: z.string(),
  parkId: z.string(),
  plate: z.string(),
  status: z.enum(SESSION_STATUSES),
  entryAt: ts.nullable(),
  exitAt: ts.nullable(),
  feeFen: z.number().int().nullable(),
  payer: z.string().nullable(),
  userId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  billId: z.string().nullable(),
  feeDetails: z.record(z.string(), z.unknown()).nullable(),
  createdAt: ts,
  updatedAt: ts,
});
export const sessionQuery = pageQuery.extend({ lotId: z.string().uuid().optional(), status: z.enum(SESSION_STATUSES).optional(), plate: z.string().max(12).optional() });
export const rightSchema = z.object({ id: z.string(), lotId: z.string(), kind: z.enum(PARKING_RIGHT_KINDS), plate: z.string(), enterpriseId: z.string().nullable(), userId: z.string().nullable(), validFrom: z.string(), validTo: z.string(), createdAt: ts, updatedAt: ts });
export const createRightBody = z.object({ kind: z.enum(PARKING_RIGHT_KINDS), plate, enterpriseId: z.string().uuid().nullish(), userId: z.string().uuid().nullish(), validFrom: isoDate, validTo: isoDate });
export const reservationSchema = z.object({ id: z.string(), spaceId: z.string(), lotId: z.string(), userId: z.string(), plate: z.string(), startsAt: ts, endsAt: ts, status: z.enum(RESERVATION_STATUSES), createdAt: ts, updatedAt: ts });
export const reserveBody = z.object({ spaceId: z.string().uuid(), plate, startsAt: z.coerce.date(), endsAt: z.coerce.date() });
export const windowQuery = z.object({ from: z.coerce.date(), to: z.coerce.date() });
export const lotReservationSchema = z.object({ id: z.string(), spaceId: z.string(), spaceCode: z.string(), startsAt: ts, endsAt: ts, isMine: z.boolean(), plate: z.string().nullable() });
export const myParkingSchema = z.object({
  plates: z.array(z.object({ id: z.string(), plate: z.string(), createdAt: ts })),
  sessions: z.array(z.object({ id: z.string(), plate: z.string(), lotId: z.string(), lotName: z.string(), status: z.enum(SESSION_STATUSES), entryAt: ts.nullable(), exitAt: ts.nullable(), billId: z.string().nullable(), feeFen: z.number().int().nullable() })),
  reservations: z.array(reservationSchema.extend({ spaceCode: z.string(), lotName: z.string() })),
});
export const occupancySchema = z.array(z.object({ id: z.string(), parkId: z.string(), siteId: z.string().nullable(), name: z.string(), capacity: z.number().int(), occupied: z.number().int(), free: z.number().int(), sensorOccupied: z.number().int().nullable() }));
