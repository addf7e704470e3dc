import { api } from '../../../lib/api-client';
import type { DeviceType } from '../../devices/api/devices.api';

export interface IocSummary {
  at: string;
  devices: { total: number; online: number; onlineRate: number };
  alarms: {
    open: number;
    active: number;
    bySeverity: { critical: number; major: number; minor: number; info: number };
    byBuilding: { buildingId: string | null; buildingName: string | null; count: number }[];
    latest: { id: string; severity: string; state: string; message: string; code: string | null; params: Record<string, unknown> | null; deviceName: string; buildingName: string | null; lastAt: string; count: number }[];
  };
  environment: { buildingId: string | null; buildingName: string | null; temperature: number | null; humidity: number | null; co2: number | null; pm25: number | null; sensors: number }[];
  parking: { total: number; occupied: number };
  crowd: { people: number; counters: number; byBuilding: { buildingId: string | null; buildingName: string | null; people: number }[]; passScansToday: number; passScansAccepted: number };
}

/** A building on the park view: its outline (metres, x east, y north) and what colours it. */
export interface ParkViewBuilding {
  id: string;
  name: string;
  footprint: [number, number][] | null;
  floors: number;
  openAlarms: number;
  worstSeverity: 'info' | 'minor' | 'major' | 'critical' | null;
  occupancy: number | null;
  people: number | null;
}

/** The sites of the park with their buildings. */
export interface ParkView {
  sites: { id: string; name: string; buildings: ParkViewBuilding[] }[];
}

export interface Consumption {
  hours: string[];
  energyKwh: number[];
  waterM3: number[];
}

/** A device placed on a floor plan or the park map. */
export interface DevicePosition {
  id: string;
  code: string;
  name: string;
  type: DeviceType;
  buildingId: string | null;
  floorId: string | null;
  x: number | null;
  y: number | null;
  lat: number | null;
  lon: number | null;
  status: 'online' | 'offline';
  alarm: string | null;
}

export const getIocSummary = (parkId?: string) => api.get<IocSummary>('/ioc/summary', { parkId });
export const getConsumption = (parkId?: string) => api.get<Consumption>('/ioc/consumption', { parkId, hours: 24 });
export const findPositions = (query: { floorId?: string; buildingId?: string; parkId?: string }) => api.get<DevicePosition[]>('/ioc/positions', { ...query });
export const getParkView = (parkId?: string) => api.get<ParkView>('/ioc/park-view', { parkId });
