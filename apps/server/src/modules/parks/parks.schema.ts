import { z } from 'zod';
import { ENTERPRISE_SIZES, ENTERPRISE_STATUSES, INDUSTRIES, LEAD_STAGES, LEASE_STATUSES, UNIT_STATUSES } from '@parkos/contracts';
import { isoDate, phoneNumber } from '../../lib/validation';

const name = z.string().trim().min(1).max(200);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const phone = phoneNumber;
const ts = z.date();

export const parkSchema = z.object({ id: z.string(), name: z.string(), code: z.string(), city: z.string().nullable(), address: z.string().nullable(), description: z.string().nullable(), createdAt: ts, updatedAt: ts });
export const createParkBody = z.object({ name, code: z.string().trim().min(2).max(32).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, dash and underscore only'), city: optionalText(100), address: optionalText(300), description: optionalText(2000) });
export const updateParkBody = createParkBody.omit({ code: true }).partial();

export const siteSchema = z.object({ id: z.string(), parkId: z.string(), name: z.string(), address: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(), createdAt: ts, updatedAt: ts });
export const createSiteBody = z.object({ parkId: z.string().uuid(), name, address: optionalText(300), lat: z.number().min(-90).max(90).nullish(), lon: z.number().min(-180).max(180).nullish() });
export const updateSiteBody = createSiteBody.omit({ parkId: true }).partial();

export const districtSchema = z.object({ id: z.string(), siteId: z.string(), parkId: z.string(), name: z.string(), createdAt: ts, updatedAt: ts });
export const createDistrictBody = z.object({ siteId: z.string().uuid(), name });
export const updateDistrictBody = z.object({ name });

/** A building's outline: 3–200 corners [x, y] in metres from its site's origin (x east, y north); the ring closes by itself. */
export const footprintSchema = z
  .array(z.tuple([z.number().finite().min(-100_000).max(100_000), z.number().finite().min(-100_000).max(100_000)]))
  .min(3)
  .max(200)
  .describe('Corners [x, y] in metres from the site origin, x east, y north');
export const buildingSchema = z.object({
  id: z.string(),
  districtId: z.string(),
  siteId: z.string(),
  parkId: z.string(),
  name: z.string(),
  floorsAboveGround: z.number().nullable(),
  grossArea: z.number().nullable(),
  footprint: z.array(z.tuple([z.number(), z.number()])).nullable(),
  createdAt: ts,
  updatedAt: ts,
});
export const createBuildingBody = z.object({ districtId: z.string().uuid(), name, floorsAboveGround: z.number().int().min(1).max(200).nullish(), grossArea: z.number().positive().max(10_000_000).nullish(), footprint: footprintSchema.nullish() });
export const updateBuildingBody = createBuildingBody.omit({ districtId: true }).partial();

export const floorSchema = z.object({ id: z.string(), buildingId: z.string(), level: z.number(), name: z.string(), planSvg: z.string().nullable(), createdAt: ts, updatedAt: ts });
export const createFloorBody = z.object({ buildingId: z.string().uuid(), level: z.number().int().min(-10).max(200), name: z.string().trim().min(1).max(50).optional(), planSvg: z.string().max(500_000).nullish() });
export const updateFloorBody = createFloorBody.omit({ buildingId: true, level: true }).partial();

export const unitSchema = z.object({ id: z.string(), floorId: z.string(), buildingId: z.string(), parkId: z.string(), code: z.string(), area: z.number(), status: z.enum(UNIT_STATUSES), createdAt: ts, updatedAt: ts });
export const createUnitBody = z.object({ floorId: z.string().uuid(), code: z.string().trim().min(1).max(32), area: z.number().positive().max(1_000_000), status: z.enum(UNIT_STATUSES).optional() });
export const updateUnitBody = createUnitBody.omit({ floorId: true }).partial();
export const unitQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  buildingId: z.string().uuid().optional(),
  parkId: z.string().uuid().optional(),
  status: z.enum(UNIT_STATUSES).optional(),
});

const unitStats = z.object({ total: z.number(), vacant: z.number(), leased: z.number(), reserved: z.number(), area: z.number(), leasedArea: z.number() });
export const parkTreeSchema = parkSchema.extend({
  sites: z.array(siteSchema.extend({ districts: z.array(districtSchema.extend({ buildings: z.array(buildingSchema.extend({ floorCount: z.number(), units: unitStats })) })) })),
});
export const buildingDetailSchema = buildingSchema.extend({
  floors: z.array(floorSchema.extend({ units: z.array(unitSchema.extend({ tenant: z.object({ enterpriseId: z.string(), legalName: z.string(), leaseEnd: z.string() }).nullable() })) })),
});

export const enterpriseSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  siteId: z.string().nullable(),
  legalName: z.string(),
  creditCode: z.string(),
  industry: z.string(),
  size: z.string(),
  employeeCount: z.number().nullable(),
  businessScope: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  status: z.string(),
  movedInAt: z.string().nullable(),
  createdAt: ts,
  updatedAt: ts,
});
export const enterpriseBody = z.object({
  parkId: z.string().uuid(),
  siteId: z.string().uuid().nullish(),
  legalName: name,
  creditCode: z.string().trim().min(1).max(32),
  industry: z.enum(INDUSTRIES),
  size: z.enum(ENTERPRISE_SIZES),
  employeeCount: z.number().int().min(0).max(1_000_000).nullish(),
  businessScope: optionalText(2000),
  contactName: optionalText(100),
  contactPhone: phone.nullish(),
  contactEmail: z.string().trim().email().nullish(),
  movedInAt: isoDate.nullish(),
});
export const updateEnterpriseBody = enterpriseBody.omit({ parkId: true }).partial().extend({ status: z.enum(ENTERPRISE_STATUSES).optional() });
export const enterpriseQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  parkId: z.string().uuid().optional(),
  siteId: z.string().uuid().optional(),
  industry: z.enum(INDUSTRIES).optional(),
  size: z.enum(ENTERPRISE_SIZES).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
});
export const vehicleSchema = z.object({ id: z.string(), enterpriseId: z.string(), plate: z.string(), ownerName: z.string().nullable(), createdAt: ts, updatedAt: ts });
export const vehicleBody = z.object({ plate: z.string().trim().min(7).max(12), ownerName: optionalText(100) });
export const spaceSchema = z.object({ id: z.string(), enterpriseId: z.string(), spaceCode: z.string(), lotName: z.string(), createdAt: ts, updatedAt: ts });
export const spaceBody = z.object({ lotName: z.string().trim().min(1).max(100), spaceCode: z.string().trim().min(1).max(32) });
export const leaseSchema = z.object({ id: z.string(), enterpriseId: z.string(), unitId: z.string(), startDate: z.string(), endDate: z.string(), monthlyRentFen: z.number(), status: z.enum(LEASE_STATUSES), createdAt: ts, updatedAt: ts });
export const leaseBody = z.object({ unitId: z.string().uuid(), startDate: isoDate, endDate: isoDate, monthlyRentFen: z.number().int().min(0).max(1e12) });
export const enterpriseProfileSchema = enterpriseSchema.extend({
  parkName: z.string().nullable(),
  siteName: z.string().nullable(),
  vehicles: z.array(vehicleSchema),
  parkingSpaces: z.array(spaceSchema),
  leases: z.array(leaseSchema.extend({ unitCode: z.string(), area: z.number(), buildingName: z.string(), floorName: z.string() })),
  memberCount: z.number(),
  adminCount: z.number(),
});

export const propertyContractSchema = z.object({ id: z.string(), propertyCompanyId: z.string(), districtId: z.string(), parkId: z.string(), startDate: z.string(), endDate: z.string(), annualFeeFen: z.number(), createdAt: ts, updatedAt: ts });
export const propertyCompanySchema = z.object({ id: z.string(), name: z.string(), creditCode: z.string(), contactName: z.string().nullable(), contactPhone: z.string().nullable(), createdAt: ts, updatedAt: ts });
export const propertyCompanyListSchema = z.array(propertyCompanySchema.extend({ contracts: z.array(propertyContractSchema.extend({ districtName: z.string(), siteName: z.string() })) }));
export const propertyCompanyBody = z.object({ name, creditCode: z.string().trim().min(1).max(32), contactName: optionalText(100), contactPhone: phone.nullish() });
export const updatePropertyCompanyBody = propertyCompanyBody.omit({ creditCode: true }).partial();
export const propertyContractBody = z.object({ propertyCompanyId: z.string().uuid(), districtId: z.string().uuid(), startDate: isoDate, endDate: isoDate, annualFeeFen: z.number().int().min(0).max(1e13) });

/** Park-level figures published to the alliance: counts and areas, no tenant names. */
export const parkFiguresSchema = z.array(z.object({ id: z.string(), name: z.string(), city: z.string().nullable(), enterprises: z.number(), buildings: z.number(), area: z.number(), leasedArea: z.number(), occupancy: z.number() }));

export const leadSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  companyName: z.string(),
  industry: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  stage: z.enum(LEAD_STAGES),
  expectedArea: z.number().nullable(),
  ownerId: z.string().nullable(),
  notes: z.string().nullable(),
  stageHistory: z.record(z.string(), z.string()),
  enterpriseId: z.string().nullable(),
  creditCode: z.string().nullable(),
  unitIds: z.array(z.string()),
  monthlyRentFen: z.number().nullable(),
  createdAt: ts,
  updatedAt: ts,
});
export const leadBody = z.object({
  parkId: z.string().uuid(),
  companyName: name,
  industry: z.enum(INDUSTRIES),
  contactName: optionalText(100),
  contactPhone: phone.nullish(),
  expectedArea: z.number().positive().max(1_000_000).nullish(),
  notes: optionalText(4000),
  creditCode: z.string().trim().min(1).max(32).nullish(),
  unitIds: z.array(z.string().uuid()).max(50).optional(),
  monthlyRentFen: z.number().int().min(0).max(1e12).nullish(),
});
export const updateLeadBody = leadBody.omit({ parkId: true }).partial().extend({ stage: z.enum(LEAD_STAGES).optional(), enterpriseId: z.string().uuid().nullish() });
export const leadQuery = z.object({ parkId: z.string().uuid().optional(), stage: z.enum(LEAD_STAGES).optional(), q: z.string().trim().max(100).optional() });
export const leadFunnelSchema = z.object({
  total: z.number(),
  overallConversion: z.number(),
  funnel: z.array(z.object({ stage: z.string(), count: z.number(), conversionFromPrevious: z.number().nullable() })),
  current: z.array(z.object({ stage: z.string(), count: z.number() })),
});
