import { SCHEDULE_RECURRENCES } from '@parkos/contracts';
import { z } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { MISSION_STATUSES } from './patrols.table';

const uuid = z.string().uuid();

export const waypointSchema = z.object({
  checkpointKey: z.string().min(1).max(40),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  altitudeM: z.number().min(5).max(500),
});

export const createMissionBody = z.object({
  routeId: uuid,
  droneId: uuid,
  name: z.string().trim().min(1).max(100),
  plannedAt: z.coerce.date(),
  recurrence: z.enum(SCHEDULE_RECURRENCES).default('none'),
  /** One per checkpoint of the route, in its order; default: a circuit around the park's site. */
  waypoints: z.array(waypointSchema).min(1).max(100).optional(),
});
export type CreateMissionBody = z.infer<typeof createMissionBody>;

export const missionQuery = pageQuery.extend({ parkId: uuid.optional(), status: z.enum(MISSION_STATUSES).optional() });
export type MissionQuery = z.infer<typeof missionQuery>;

export const missionSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  routeId: z.string(),
  routeName: z.string(),
  droneId: z.string(),
  droneCode: z.string(),
  droneName: z.string(),
  scheduleId: z.string().nullable(),
  recurrence: z.enum(SCHEDULE_RECURRENCES),
  plannedAt: z.date(),
  status: z.enum(MISSION_STATUSES),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  findingCount: z.number(),
});
export type MissionView = z.infer<typeof missionSchema>;

export const findingSchema = z.object({
  id: z.string(),
  ts: z.date(),
  kind: z.string(),
  checkpointKey: z.string().nullable(),
  checkpointName: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  confidence: z.number().nullable(),
  snapshotUrl: z.string().nullable(),
  workOrderId: z.string().nullable(),
  workOrderNumber: z.number().nullable(),
  workOrderStatus: z.string().nullable(),
});

export const missionDetailSchema = missionSchema.extend({
  checkpoints: z.array(z.object({ key: z.string(), name: z.string(), districtName: z.string(), buildingName: z.string().nullable() })),
  waypoints: z.array(waypointSchema),
  track: z.array(z.object({ ts: z.date(), lat: z.number(), lng: z.number(), altitudeM: z.number().nullable(), battery: z.number().nullable() })),
  snapshots: z.array(z.object({ id: z.number(), ts: z.date(), checkpointKey: z.string().nullable(), url: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable() })),
  findings: z.array(findingSchema),
});
export type MissionDetail = z.infer<typeof missionDetailSchema>;

export const feverQuery = z.object({ parkId: uuid, days: z.coerce.number().int().min(1).max(31).default(7) });

export const feverSummarySchema = z.object({
  threshold: z.number(),
  cameras: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), buildingName: z.string().nullable(), latest: z.number().nullable(), latestAt: z.date().nullable() })),
  days: z.array(z.object({ deviceId: z.string(), day: z.string(), screened: z.number(), over: z.number() })),
  recentFevers: z.array(z.object({ deviceId: z.string(), ts: z.date(), value: z.number() })),
});
export type FeverSummary = z.infer<typeof feverSummarySchema>;
