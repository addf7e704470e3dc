import { z } from 'zod';
import { DEVICE_TYPES } from '../metrics';

export const iocQuery = z.object({ parkId: z.string().uuid().optional() });
export type IocQuery = z.infer<typeof iocQuery>;

const severityCounts = z.object({ critical: z.number(), major: z.number(), minor: z.number(), info: z.number() });

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
