import { api, type Page } from '../../../lib/api-client';

export type ResourceCategory = 'meeting_room' | 'tech_platform' | 'exhibition';
export const RESOURCE_CATEGORIES: ResourceCategory[] = ['meeting_room', 'tech_platform', 'exhibition'];
export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'rejected';

/** A bookable shared resource (会议室, 公共技术平台, 展厅). Opening minutes are Asia/Shanghai. */
export interface BookingResource {
  id: string;
  parkId: string;
  siteId: string | null;
  category: ResourceCategory;
  nameZh: string;
  nameEn: string;
  location: string;
  description: string;
  capacity: number;
  opensAtMinute: number;
  closesAtMinute: number;
  openWeekdays: number[];
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  feeFenPerHour: number;
  requiresApproval: boolean;
  approvalFlowKey: string | null;
  bookableBy: 'admins' | 'members';
  status: 'active' | 'inactive';
  canBook: boolean;
  canManage: boolean;
  updatedAt: string;
}

export type ResourceInput = Omit<BookingResource, 'id' | 'canBook' | 'canManage' | 'updatedAt' | 'siteId' | 'description'> & { siteId?: string | null; description?: string };

/** A busy range; title and enterprise only for one's own enterprise's bookings and for operators. */
export interface BusySlot {
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  mine: boolean;
  bookingId: string | null;
  title: string | null;
  enterpriseName: string | null;
}

export interface Booking {
  id: string;
  resourceId: string;
  resourceNameZh: string;
  resourceNameEn: string;
  category: ResourceCategory;
  location: string;
  parkId: string;
  enterpriseId: string;
  enterpriseName: string;
  userId: string;
  userName: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  feeFen: number;
  billId: string | null;
  billStatus: string | null;
  approvalCaseId: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  canCancel: boolean;
  createdAt: string;
}

export const findResources = (q: { category?: ResourceCategory; includeInactive?: boolean }) => api.get<BookingResource[]>('/booking-resources', { category: q.category, includeInactive: q.includeInactive ? 'true' : undefined });
export const getResource = (id: string) => api.get<BookingResource>(`/booking-resources/${id}`);
export const createResource = (input: ResourceInput) => api.post<BookingResource>('/booking-resources', input);
export const updateResource = (id: string, input: Partial<ResourceInput>) => api.patch<BookingResource>(`/booking-resources/${id}`, input);
export const findSlots = (id: string, from: string, to: string) => api.get<BusySlot[]>(`/booking-resources/${id}/slots`, { from, to });
export const findBookings = (q: { page: number; pageSize: number; mine?: boolean; upcoming?: boolean; resourceId?: string; status?: BookingStatus }) =>
  api.get<Page<Booking>>('/bookings', { ...q, mine: q.mine ? 'true' : undefined, upcoming: q.upcoming ? 'true' : undefined });
export const createBooking = (input: { resourceId: string; title: string; startsAt: string; endsAt: string }) => api.post<Booking>('/bookings', input);
export const cancelBooking = (id: string, reason?: string) => api.post<Booking>(`/bookings/${id}/cancel`, { reason });
