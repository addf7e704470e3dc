import { sql } from 'drizzle-orm';
import { ENTERPRISE_SIZES, ENTERPRISE_STATUSES, INDUSTRIES, LEAD_STAGES, LEASE_STATUSES, UNIT_STATUSES, type LeadStage, type LeaseStatus, type UnitStatus } from '@parkos/contracts';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { bigint, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A park (园区) run by the operating company. */
export const parks = pgTable('parks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  city: text('city'),
  address: text('address'),
  description: text('description'),
  ...timestamps,
});

/** A site of a multi-site park (一园多点). */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    ...timestamps,
  },
  (t) => [index('sites_park_idx').on(t.parkId)],
);

/** A district (片区) within a site, the unit property companies are contracted for. */
export const districts = pgTable(
  'districts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [index('districts_site_idx').on(t.siteId)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    floorsAboveGround: integer('floors_above_ground'),
    grossArea: doublePrecision('gross_area'),
    /** The building's outline on its site: a closed ring of [x, y] in metres (x east, y north) from the site's origin; drawn on the IOC park view. */
    footprint: jsonb('footprint').$type<[number, number][]>(),
    ...timestamps,
  },
  (t) => [index('buildings_district_idx').on(t.districtId), index('buildings_park_idx').on(t.parkId), checkNotNegative(t.floorsAboveGround), checkNotNegative(t.grossArea)],
);

export const floors = pgTable(
  'floors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id, { onDelete: 'restrict' }),
    /** Floor number; negative below ground. */
    level: integer('level').notNull(),
    name: text('name').notNull(),
    planSvg: text('plan_svg'),
    ...timestamps,
  },
  (t) => [uniqueIndex('floors_building_level_uq').on(t.buildingId, t.level)],
);

/** A rentable unit (单元) with its area in m² and status. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    floorId: uuid('floor_id')
      .notNull()
      .references(() => floors.id, { onDelete: 'restrict' }),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    area: doublePrecision('area').notNull(),
    status: text('status').$type<UnitStatus>().notNull().default('vacant'),
    ...timestamps,
  },
  (t) => [uniqueIndex('units_floor_code_uq').on(t.floorId, t.code), index('units_building_idx').on(t.buildingId), checkNotNegative(t.area), checkOneOf(t.status, UNIT_STATUSES)],
);

/** A tenant enterprise (入园企业) and its profile. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    legalName: text('legal_name').notNull(),
    /** 统一社会信用代码, check character validated (GB 32100-2015). */
    creditCode: text('credit_code').notNull(),
    industry: text('industry').notNull(),
    size: text('size').notNull(),
    employeeCount: integer('employee_count'),
    businessScope: text('business_scope'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    status: text('status').notNull().default('active'),
    movedInAt: date('moved_in_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    index('enterprises_park_idx').on(t.parkId),
    index('enterprises_name_idx').on(sql`lower(${t.legalName})`),
    checkOneOf(t.industry, INDUSTRIES),
    checkOneOf(t.size, ENTERPRISE_SIZES),
    checkNotNegative(t.employeeCount),
    checkOneOf(t.status, ENTERPRISE_STATUSES),
  ],
);

/** Vehicles registered by an enterprise; plates normalised (upper case, no spaces). */
export const enterpriseVehicles = pgTable(
  'enterprise_vehicles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    plate: text('plate').notNull(),
    ownerName: text('owner_name'),
    ...timestamps,
  },
  (t) => [index('enterprise_vehicles_ent_idx').on(t.enterpriseId)],
);

/** Parking spaces assigned to an enterprise. */
export const parkingSpaceAssignments = pgTable(
  'parking_space_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    spaceCode: text('space_code').notNull(),
    lotName: text('lot_name').notNull(),
    ...timestamps,
  },
  (t) => [index('psa_ent_idx').on(t.enterpriseId), uniqueIndex('psa_space_uq').on(t.lotName, t.spaceCode)],
);

/** A lease of a unit by an enterprise; rent in integer fen per month. */
export const leases = pgTable(
  'leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    monthlyRentFen: bigint('monthly_rent_fen', { mode: 'number' }).notNull(),
    status: text('status').$type<LeaseStatus>().notNull().default('active'),
    /** The attraction lead this draft was made from; one lease per lead and unit keeps moving a lead again from duplicating it. */
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('leases_ent_idx').on(t.enterpriseId),
    index('leases_unit_idx').on(t.unitId),
    uniqueIndex('leases_lead_unit_uq').on(t.leadId, t.unitId),
    checkNotNegative(t.monthlyRentFen),
    checkOneOf(t.status, LEASE_STATUSES),
  ],
);

/** A property-management company (物业公司). */
export const propertyCompanies = pgTable('property_companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  creditCode: text('credit_code').notNull().unique(),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  ...timestamps,
});

/** A contract of a property company for a district over a period. */
export const propertyContracts = pgTable(
  'property_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    propertyCompanyId: uuid('property_company_id')
      .notNull()
      .references(() => propertyCompanies.id, { onDelete: 'restrict' }),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    annualFeeFen: bigint('annual_fee_fen', { mode: 'number' }).notNull(),
    ...timestamps,
  },
  (t) => [index('property_contracts_company_idx').on(t.propertyCompanyId), index('property_contracts_district_idx').on(t.districtId), checkNotNegative(t.annualFeeFen)],
);

/** Investment attraction pipeline (招商): a prospective tenant and its stage. */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    companyName: text('company_name').notNull(),
    industry: text('industry').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    stage: text('stage').$type<LeadStage>().notNull().default('lead'),
    expectedArea: doublePrecision('expected_area'),
    ownerId: uuid('owner_id'),
    notes: text('notes'),
    /** Dates each stage was reached, for conversion figures: `{ "visit": "2026-01-03T…" }`. */
    stageHistory: jsonb('stage_history').$type<Record<string, string>>().notNull().default({}),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    /** 统一社会信用代码 of the prospect: moving in links the enterprise with this code or registers it. */
    creditCode: text('credit_code'),
    /** The units the prospect intends to rent; moving in drafts a lease for each. */
    unitIds: jsonb('unit_ids').$type<string[]>().notNull().default([]),
    /** Total monthly rent agreed for those units, in fen; split over them by area in the draft leases. */
    monthlyRentFen: bigint('monthly_rent_fen', { mode: 'number' }),
    ...timestamps,
  },
  (t) => [checkNotNegative(t.monthlyRentFen), index('leads_park_stage_idx').on(t.parkId, t.stage), checkOneOf(t.stage, LEAD_STAGES), checkOneOf(t.industry, INDUSTRIES), checkNotNegative(t.expectedArea)],
);
