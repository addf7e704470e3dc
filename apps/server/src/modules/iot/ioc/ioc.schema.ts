import { z } from 'zod';
import { DEVICE_TYPES } from '../metrics';

export const iocQuery = z.object({ parkId: z.string().uuid().optional() });
export type IocQuery = z.infer<typeof iocQuery>;

const severityCounts = z.object({ critical: z.number(), major: z.number(), minor: z.number(), info: z.number() });

export const crowdSchema = z.object({
  people: z.number().describe('People counted now: the sum of the fresh people_count readings'),
  counters: z.number().describe('Devices whose people_count is fresh'),
  byBuilding: z.array(z.object({ buildingId: z.string().nullable(), buildingName: z.string().nullable(), people: z.number() })),
  passScansToday: z.number(),
  passScansAccepted: z.number(),
});
export type Crowd = z.infer<typeof crowdSchema>;

export const iocSummarySchema = z.object({
  at: z.date(),
  devices: z.object({ total: z.number(), online: z.number(), onlineRate: z.number().describe('0…1; 0 with no devices') }),
  alarms: z.object({
    open: z.number(),
    active: z.number(),
    bySeverity: severityCounts.describe('Open (not closed) alarms per severity'),
    byBuilding: z.array(z.object({ buildingId: z.string().nullable(), buildingName: z.string().nullable(), count: z.number() })),
    latest: z.array(
      z.object({ id: z.string(), severity: z.string(), state: z.string(), message: z.string(), code: z.string().nullable(), params: z.record(z.string(), z.unknown()).nullable(), deviceName: z.string(), buildingName: z.string().nullable(), lastAt: z.date(), count: z.number() }),
    ),
  }),
  environment: z.array(
    z.object({
      buildingId: z.string().nullable(),
      buildingName: z.string().nullable(),
      temperature: z.number().nullable(),
      humidity: z.number().nullable(),
      co2: z.number().nullable(),
      pm25: z.number().nullable(),
      sensors: z.number(),
    }),
  ),
  parking: z.object({ total: z.number(), occupied: z.number() }),
  crowd: crowdSchema,
});
export type IocSummary = z.infer<typeof iocSummarySchema>;

export const consumptionQuery = iocQuery.extend({ hours: z.coerce.number().int().min(1).max(168).default(24) });
export const consumptionSchema = z.object({
  hours: z.array(z.date()).describe('Start of each hour, oldest first'),
  energyKwh: z.array(z.number()),
  waterM3: z.array(z.number()),
});
export type Consumption = z.infer<typeof consumptionSchema>;

export const positionsQuery = iocQuery.extend({ floorId: z.string().uuid().optional(), buildingId: z.string().uuid().optional() });
export type PositionsQuery = z.infer<typeof positionsQuery>;
export const devicePositionSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(DEVICE_TYPES),
  buildingId: z.string().nullable(),
  floorId: z.string().nullable(),
  x: z.number().nullable(),
  y: z.number().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  status: z.enum(['online', 'offline']),
  alarm: z.string().nullable().describe('Severity of the worst open alarm, if any'),
});
export type DevicePosition = z.infer<typeof devicePositionSchema>;


export const parkViewSchema = z.object({
  sites: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      buildings: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          footprint: z.array(z.tuple([z.number(), z.number()])).nullable().describe('Corners [x, y] in metres from the site origin; null when not drawn yet'),
          floors: z.number(),
          openAlarms: z.number(),
          worstSeverity: z.enum(['info', 'minor', 'major', 'critical']).nullable(),
          occupancy: z.number().nullable().describe('Leased share of the unit area, 0…1; null without units'),
          people: z.number().nullable().describe('People counted now in the building; null without fresh counts'),
        }),
      ),
    }),
  ),
});
export type ParkView = z.infer<typeof parkViewSchema>;
