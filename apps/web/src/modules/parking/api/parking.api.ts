import { api, type Page } from '../../../lib/api-client';

/** A lot with its fee rule (fen; night window in local minutes) and live occupancy. */
export interface Lot {
  id: string;
  parkId: string;
  siteId: string | null;
  name: string;
  capacity: number;
  freeMinutes: number;
  hourlyFen: number;
  dailyCapFen: number | null;
  nightStartMinute: number | null;
  nightEndMinute: number | null;
  nightHourlyFen: number | null;
  monthlyPassFen: number | null;
  occupied: number;
  free: number;
  sensorOccupied: number | null;
}

export interface LotDetail extends Lot {
  spaces: { id: string; code: string; isReservable: boolean; allocatedToMine: boolean; allocation: { enterpriseId: string | null; legalName: string | null } | null }[];
}

export type SessionStatus = 'open' | 'closed' | 'exit_without_entry' | 'missed_exit';

export interface Session {
  id: string;
  lotId: string;
  lotName: string;
  plate: string;
  status: SessionStatus;
  entryAt: string | null;
  exitAt: string | null;
  feeFen: number | null;
  payer: string | null;
  billId: string | null;
}

export interface Reservation {
  id: string;
  spaceId: string;
  spaceCode: string;
  lotName: string;
  plate: string;
  startsAt: string;
  endsAt: string;
  status: 'active' | 'cancelled';
}

export interface MyParking {
  plates: { id: string; plate: string }[];
  sessions: { id: string; plate: string; lotId: string; lotName: string; status: SessionStatus; entryAt: string | null; exitAt: string | null; billId: string | null; feeFen: number | null }[];
  reservations: Reservation[];
}

export type LotInput = Omit<Lot, 'id' | 'occupied' | 'free' | 'sensorOccupied' | 'siteId'> & { siteId?: string | null };

export const findLots = () => api.get<Lot[]>('/parking/lots');
export const getLot = (id: string) => api.get<LotDetail>(`/parking/lots/${id}`);
export const createLot = (input: LotInput) => api.post<Lot>('/parking/lots', input);
export const updateLot = (id: string, input: Partial<LotInput>) => api.patch<Lot>(`/parking/lots/${id}`, input);
export const getMyParking = () => api.get<MyParking>('/parking/me');
export const addMyPlate = (plate: string) => api.post<{ id: string; plate: string }>('/parking/me/plates', { plate });
export const removeMyPlate = (id: string) => api.delete(`/parking/me/plates/${id}`);
export const reserve = (input: { spaceId: string; plate: string; startsAt: string; endsAt: string }) => api.post<Reservation>('/parking/reservations', input);
export const cancelReservation = (id: string) => api.post<Reservation>(`/parking/reservations/${id}/cancel`);
export const findSessions = (q: { lotId?: string; status?: SessionStatus; plate?: string; page?: number; pageSize?: number }) => api.get<Page<Session>>('/parking/sessions', q);
export const recordRead = (lotId: string, input: { direction: 'entry' | 'exit'; plate: string }) => api.post<{ result: string; feeFen: number | null }>(`/parking/lots/${lotId}/reads`, input);
