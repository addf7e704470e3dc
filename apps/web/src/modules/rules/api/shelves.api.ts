import { api } from '../../../lib/api-client';

export const SHELF_SCOPES = ['device', 'floor', 'building'] as const;
export type ShelfScope = (typeof SHELF_SCOPES)[number];

/** A maintenance window during which a device's or an area's alarms are suppressed. */
export interface Shelf {
  id: string;
  parkId: string;
  scope: ShelfScope;
  deviceId: string | null;
  deviceCode: string | null;
  buildingId: string | null;
  floorId: string | null;
  placeName: string | null;
  reason: string;
  startsAt: string;
  endsAt: string;
  createdByName: string;
  createdAt: string;
  cancelledAt: string | null;
  cancelledByName: string | null;
  active: boolean;
}

export interface ShelfInput {
  scope: ShelfScope;
  deviceId?: string;
  buildingId?: string;
  floorId?: string;
  reason: string;
  from?: string;
  until: string;
}

export const findShelves = (query: { deviceId?: string; current?: 'true' }) => api.get<Shelf[]>('/alarm-shelves', query);
export const createShelf = (input: ShelfInput) => api.post<Shelf>('/alarm-shelves', input);
export const cancelShelf = (id: string) => api.post<Shelf>(`/alarm-shelves/${id}/cancel`);
