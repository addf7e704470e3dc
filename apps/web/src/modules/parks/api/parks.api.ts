import type { UnitStatus } from '@parkos/contracts';
import { api } from '../../../lib/api-client';

/** A park (园区). */
export interface Park {
  id: string;
  name: string;
  code: string;
  city: string | null;
  address: string | null;
  description: string | null;
}

/** A site of a multi-site park (一园多点). */
export interface Site {
  id: string;
  parkId: string;
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
}

/** A district (片区) of a site. */
export interface District {
  id: string;
  siteId: string;
  parkId: string;
  name: string;
}

/** Unit counts and areas of a building. */
export interface UnitStats {
  total: number;
  vacant: number;
  leased: number;
  reserved: number;
  area: number;
  leasedArea: number;
}

export interface Building {
  id: string;
  districtId: string;
  siteId: string;
  parkId: string;
  name: string;
  floorsAboveGround: number | null;
  grossArea: number | null;
  /** Outline corners [x, y] in metres from the site origin (x east, y north); null when not drawn. */
  footprint?: [number, number][] | null;
}

export interface TreeBuilding extends Building {
  floorCount: number;
  units: UnitStats;
}
export interface TreeDistrict extends District {
  buildings: TreeBuilding[];
}
export interface TreeSite extends Site {
  districts: TreeDistrict[];
}
/** The whole structure of one park with unit stats per building. */
export interface ParkTree extends Park {
  sites: TreeSite[];
}

export interface Unit {
  id: string;
  floorId: string;
  buildingId: string;
  parkId: string;
  code: string;
  area: number;
  status: UnitStatus;
  tenant?: { enterpriseId: string; legalName: string; leaseEnd: string } | null;
}

export interface Floor {
  id: string;
  buildingId: string;
  level: number;
  name: string;
  /** The floor's drawing (SVG), in the frame of the building outline's bounding box; null when none. */
  planSvg: string | null;
  units: Unit[];
}

/** A building with its floors and units. */
export interface BuildingDetail extends Building {
  floors: Floor[];
}

export const findParks = () => api.get<Park[]>('/parks');
export const getParkTree = (id: string) => api.get<ParkTree>(`/parks/${id}/tree`);
export const findSites = (parkId?: string) => api.get<Site[]>('/sites', { parkId });
export const findDistricts = (parkId?: string) => api.get<District[]>('/districts', { parkId });
export const findBuildings = (filter: { parkId?: string; siteId?: string; districtId?: string } = {}) => api.get<Building[]>('/buildings', filter);
export const getBuilding = (id: string) => api.get<BuildingDetail>(`/buildings/${id}`);

export const createSite = (input: { parkId: string; name: string; address?: string | null; lat?: number | null; lon?: number | null }) => api.post<Site>('/sites', input);
export const createDistrict = (input: { siteId: string; name: string }) => api.post<District>('/districts', input);
export const createBuilding = (input: { districtId: string; name: string; floorsAboveGround?: number | null; grossArea?: number | null; footprint?: [number, number][] | null }) =>
  api.post<Building>('/buildings', input);
export const createFloor = (input: { buildingId: string; level: number; name?: string }) => api.post<Floor>('/floors', input);
export const createUnit = (input: { floorId: string; code: string; area: number; status?: UnitStatus }) => api.post<Unit>('/units', input);
export const updateUnit = (id: string, input: { status?: UnitStatus; code?: string; area?: number }) => api.patch<Unit>(`/units/${id}`, input);

export const updateSite = (id: string, input: { name?: string; address?: string | null; lat?: number | null; lon?: number | null }) => api.patch<Site>(`/sites/${id}`, input);
export const deleteSite = (id: string) => api.delete(`/sites/${id}`);
export const updateDistrict = (id: string, input: { name: string }) => api.patch<District>(`/districts/${id}`, input);
export const deleteDistrict = (id: string) => api.delete(`/districts/${id}`);
export const updateBuilding = (id: string, input: { name?: string; floorsAboveGround?: number | null; grossArea?: number | null; footprint?: [number, number][] | null }) => api.patch<Building>(`/buildings/${id}`, input);
export const deleteBuilding = (id: string) => api.delete(`/buildings/${id}`);
export const updateFloor = (id: string, input: { name?: string; planSvg?: string | null }) => api.patch<Floor>(`/floors/${id}`, input);
export const deleteFloor = (id: string) => api.delete(`/floors/${id}`);
export const deleteUnit = (id: string) => api.delete(`/units/${id}`);
