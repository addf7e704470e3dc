import type { ScheduleRecurrence } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';

export type MissionStatus = 'planned' | 'flying' | 'done' | 'aborted';
export interface Waypoint {
  checkpointKey: string;
  lat: number;
  lng: number;
  altitudeM: number;
}
export interface Mission {
  id: string;
  parkId: string;
  name: string;
  routeId: string;
  routeName: string;
  droneId: string;
  droneCode: string;
  droneName: string;
  scheduleId: string | null;
  recurrence: ScheduleRecurrence;
  plannedAt: string;
  status: MissionStatus;
  startedAt: string | null;
  endedAt: string | null;
  findingCount: number;
}
export interface TrackPoint {
  ts: string;
  lat: number;
  lng: number;
  altitudeM: number | null;
  battery: number | null;
}
export interface Snapshot {
  id: number;
  ts: string;
  checkpointKey: string | null;
  url: string | null;
  lat: number | null;
  lng: number | null;
}
export interface Finding {
  id: string;
  ts: string;
  kind: string;
  checkpointKey: string | null;
  checkpointName: string | null;
  lat: number | null;
  lng: number | null;
  confidence: number | null;
  snapshotUrl: string | null;
  workOrderId: string | null;
  workOrderNumber: number | null;
  workOrderStatus: string | null;
}
export interface MissionDetail extends Mission {
  checkpoints: { key: string; name: string; districtName: string; buildingName: string | null }[];
  waypoints: Waypoint[];
  track: TrackPoint[];
  snapshots: Snapshot[];
  findings: Finding[];
}
export interface CreateMissionInput {
  routeId: string;
  droneId: string;
  name: string;
  plannedAt: string;
  recurrence: ScheduleRecurrence;
}
export interface FeverSummary {
  threshold: number;
  cameras: { id: string; code: string; name: string; buildingName: string | null; latest: number | null; latestAt: string | null }[];
  days: { deviceId: string; day: string; screened: number; over: number }[];
  recentFevers: { deviceId: string; ts: string; value: number }[];
}

export const findMissions = (q: { parkId?: string; status?: MissionStatus; page: number; pageSize: number }) => api.get<Page<Mission>>('/patrol-missions', { ...q });
export const getMission = (id: string) => api.get<MissionDetail>(`/patrol-missions/${id}`);
export const createMission = (input: CreateMissionInput) => api.post<MissionDetail>('/patrol-missions', input);
export const startMission = (id: string) => api.post<MissionDetail>(`/patrol-missions/${id}/start`, {});
export const completeMission = (x: { id: string; outcome: 'done' | 'aborted' }) => api.post<MissionDetail>(`/patrol-missions/${x.id}/complete`, { outcome: x.outcome });
export const findDroneRoutes = (parkId: string) => api.get<Page<{ id: string; name: string; purpose: string }>>('/inspection-routes', { parkId, purpose: 'drone_mission', page: 1, pageSize: 200 });
export const findDrones = (parkId: string) => api.get<Page<{ id: string; code: string; name: string }>>('/devices', { parkId, type: 'drone', page: 1, pageSize: 200 });
export const getFeverSummary = (parkId: string, days: number) => api.get<FeverSummary>('/fever-screening', { parkId, days });
