import { api, type Page } from '../../../lib/api-client';

export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'rejected';

export interface Registration {
  id: string;
  eventId: string;
  userId: string;
  userName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  checkedInAt: string | null;
  createdAt: string;
}

/** A park event (园区活动) with counts and the caller's registration. */
export interface ParkEvent {
  id: string;
  parkId: string;
  siteId: string | null;
  title: string;
  description: string;
  location: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: boolean;
  reminderMinutes: number;
  status: 'published' | 'cancelled';
  confirmedCount: number;
  pendingCount: number;
  waitlistCount: number;
  checkedInCount: number;
  myRegistration: (Registration & { checkInCode: string }) | null;
  updatedAt: string;
}

export interface EventInput {
  parkId: string;
  title: string;
  description?: string;
  location: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval?: boolean;
  reminderMinutes?: number;
}

export const findEvents = (q: { page: number; pageSize: number; upcoming?: boolean; registered?: boolean }) =>
  api.get<Page<ParkEvent>>('/events', { ...q, upcoming: q.upcoming ? 'true' : undefined, registered: q.registered ? 'true' : undefined });
export const getEvent = (id: string) => api.get<ParkEvent>(`/events/${id}`);
export const createEvent = (input: EventInput) => api.post<ParkEvent>('/events', input);
export const cancelEvent = (id: string) => api.post<ParkEvent>(`/events/${id}/cancel`);
export const register = (id: string) => api.post<ParkEvent>(`/events/${id}/registration`);
export const cancelRegistration = (id: string) => api.delete<ParkEvent>(`/events/${id}/registration`);
export const findRegistrations = (id: string) => api.get<Registration[]>(`/events/${id}/registrations`);
export const decide = (id: string, registrationId: string, approve: boolean) => api.post<Registration>(`/events/${id}/registrations/${registrationId}/decision`, { approve });
export const checkIn = (id: string, code: string) => api.post<Registration>(`/events/${id}/check-ins`, { code });
export const createFeed = (rotate: boolean) => api.post<{ url: string; path: string }>(`/event-feeds/me${rotate ? '?rotate=true' : ''}`);
