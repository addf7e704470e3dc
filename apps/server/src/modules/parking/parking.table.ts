import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { devices } from '../iot/iot.table';
import { enterprises, parks, sites } from '../parks/parks.table';

/** Which way a gate camera faces. */
export const GATE_DIRECTIONS = ['entry', 'exit'] as const;
export type GateDirection = (typeof GATE_DIRECTIONS)[number];
export const PARKING_RIGHT_KINDS = ['monthly_pass', 'enterprise_paid'] as const;
export type ParkingRightKind = (typeof PARKING_RIGHT_KINDS)[number];
/** Who pays a session: member, enterprise, pass (free), visitor (pays at the gate). */
export const PARKING_PAYERS = ['member', 'enterprise', 'pass', 'visitor'] as const;
export type ParkingPayer = (typeof PARKING_PAYERS)[number];
export const RESERVATION_STATUSES = ['active', 'cancelled'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
/** What a plate read did. */
export const READ_RESULTS = ['session_opened', 'session_closed', 'duplicate', 'exit_without_entry', 'entry_while_open'] as const;
export type ReadResult = (typeof READ_RESULTS)[number];
/**
 * Why an entering plate is let in: a monthly pass, an enterprise-paid plate, a member's registered
 * plate, a visitor invited for that day (通行邀请), or nothing known (a temporary stay, paid at exit).
 * Gates open on their own for all but `temporary`.
 */
export const ENTRY_ACCESS = ['monthly_pass', 'enterprise_paid', 'member', 'invited_visitor', 'temporary'] as const;
export type EntryAccess = (typeof ENTRY_ACCESS)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A parking lot (停车场) of a site. Its `name` is the lot name the parks module's
 * enterprise space assignments (`parking_space_assignments.lot_name`) refer to.
 * The fee rule (the APDS "rate") lives on the lot.
 */
export const parkingLots = pgTable(
  'parking_lots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    freeMinutes: integer('free_minutes').notNull().default(30),
    hourlyFen: bigint('hourly_fen', { mode: 'number' }).notNull().default(500),
    dailyCapFen: bigint('daily_cap_fen', { mode: 'number' }),
    /** Night window in local minutes after midnight (Asia/Shanghai). */
    nightStartMinute: integer('night_start_minute'),
    nightEndMinute: integer('night_end_minute'),
    nightHourlyFen: bigint('night_hourly_fen', { mode: 'number' }),
    /** Monthly pass price, in fen (for the operator's information on passes). */
    monthlyPassFen: bigint('monthly_pass_fen', { mode: 'number' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('parking_lots_park_name_uq').on(t.parkId, t.name),
    checkNotNegative(t.capacity),
    checkNotNegative(t.freeMinutes),
    checkNotNegative(t.hourlyFen),
    checkNotNegative(t.dailyCapFen),
    checkNotNegative(t.nightStartMinute),
    checkNotNegative(t.nightEndMinute),
    checkNotNegative(t.nightHourlyFen),
    checkNotNegative(t.monthlyPassFen),
  ],
);

/** A space of a lot; enterprise allocation stays in the parks module's assignments. */
export const parkingSpaces = pgTable(
  'parking_spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => parkingLots.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    isReservable: boolean('is_reservable').notNull().default(true),
    /** An IOC parking sensor reporting `occupied`, when the space has one. */
    sensorDeviceId: uuid('sensor_device_id').references(() => devices.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('parking_spaces_lot_code_uq').on(t.lotId, t.code)],
);

/** A plate-recognition camera at a lot's entry or exit: an IOC `gate_camera` device. */
export const parkingGates = pgTable(
  'parking_gates',
  {
    deviceId: uuid('device_id')
      .primaryKey()
      .references(() => devices.id, { onDelete: 'cascade' }),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => parkingLots.id, { onDelete: 'cascade' }),
    direction: text('direction').$type<GateDirection>().notNull(),
    ...timestamps,
  },
  (t) => [checkOneOf(t.direction, GATE_DIRECTIONS)],
);

/** Members' own plates (企业车辆 live in the parks module); normalised GA 36-2018 plates. */
export const memberPlates = pgTable(
  'member_plates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'cascade' }),
    plate: text('plate').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('member_plates_user_plate_uq').on(t.userId, t.plate), index('member_plates_plate_idx').on(t.plate)],
);

/**
 * A parking right (停车权益, APDS "right"): a monthly pass for a plate, or an
 * enterprise-paid plate whose fees are billed to the enterprise, for a period.
 */
export const parkingRights = pgTable(
  'parking_rights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => parkingLots.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ParkingRightKind>().notNull(),
    plate: text('plate').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    ...timestamps,
  },
  (t) => [index('parking_rights_plate_idx').on(t.plate, t.lotId), checkOneOf(t.kind, PARKING_RIGHT_KINDS)],
);

export const SESSION_STATUSES = ['open', 'closed', 'exit_without_entry', 'missed_exit'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * An observed stay (APDS "session"). At most one open session per lot and plate
 * (partial unique index). Anomalies stay visible as their own statuses.
 */
export const parkingSessions = pgTable(
  'parking_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => parkingLots.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    plate: text('plate').notNull(),
    status: text('status').$type<SessionStatus>().notNull().default('open'),
    entryAt: timestamp('entry_at', { withTimezone: true }),
    exitAt: timestamp('exit_at', { withTimezone: true }),
    feeFen: bigint('fee_fen', { mode: 'number' }),
    /** Who pays: member, enterprise, pass (free), visitor (pays at the gate). */
    payer: text('payer').$type<ParkingPayer>(),
    userId: uuid('user_id'),
    enterpriseId: uuid('enterprise_id'),
    billId: uuid('bill_id'),
    feeDetails: jsonb('fee_details').$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('parking_sessions_open_uq').on(t.lotId, t.plate).where(sql`${t.status} = 'open'`),
    index('parking_sessions_lot_idx').on(t.lotId, t.createdAt),
    index('parking_sessions_plate_idx').on(t.plate),
    checkOneOf(t.status, SESSION_STATUSES),
    checkNotNegative(t.feeFen),
    checkOneOf(t.payer, PARKING_PAYERS),
  ],
);

/** Every plate read from a gate camera, with what it did (duplicate reads included). */
export const parkingEvents = pgTable(
  'parking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => parkingLots.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id'),
    /** The camera's own event id, when it sends one: a redelivered event is recognised. */
    externalId: text('external_id'),
    direction: text('direction').$type<GateDirection>().notNull(),
    plate: text('plate').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    result: text('result').$type<ReadResult>().notNull(),
    sessionId: uuid('session_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('parking_events_lot_idx').on(t.lotId, t.at),
    uniqueIndex('parking_events_external_uq').on(t.deviceId, t.externalId),
    index('parking_events_plate_idx').on(t.plate, t.at),
    checkOneOf(t.direction, GATE_DIRECTIONS),
    checkOneOf(t.result, READ_RESULTS),
  ],
);

/**
 * A reservation of a space for a time window. No two active reservations of a space
 * overlap: enforced in a transaction that locks the space row (PGlite has no btree_gist
 * for an exclusion constraint).
 */
export const parkingReservations = pgTable(
  'parking_reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => parkingSpaces.id, { onDelete: 'cascade' }),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => parkingLots.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    plate: text('plate').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').$type<ReservationStatus>().notNull().default('active'),
    ...timestamps,
  },
  (t) => [index('parking_reservations_space_idx').on(t.spaceId, t.startsAt), checkOneOf(t.status, RESERVATION_STATUSES)],
);
