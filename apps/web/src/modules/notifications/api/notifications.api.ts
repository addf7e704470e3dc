import { api } from '../../../lib/api-client';

/** An in-app notification (站内通知). */
export interface AppNotification {
  id: string;
  kind: string;
  /** The values the sentence is made from; the web words `kind` (see utils/notification-text). */
  params: Record<string, string | number | boolean | null>;
  /** Only on notifications stored before kinds carried values. */
  title: string | null;
  body: string | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export const findNotifications = (query: { page?: number; pageSize?: number; unread?: 'true' }) => api.get<NotificationPage>('/notifications', query);
export const markNotificationRead = (id: string) => api.post<AppNotification>(`/notifications/${id}/read`);
export const markAllNotificationsRead = () => api.post<{ marked: number }>('/notifications/read-all');
