import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { findNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications.api';

/** How often the bell asks for new notifications. */
const REFRESH_MS = 20_000;

/** My latest notifications and the unread count, refreshed in the background. */
export function useNotifications() {
  return useQuery({ queryKey: ['notifications'], queryFn: () => findNotifications({ pageSize: 10 }), refetchInterval: REFRESH_MS });
}

export function useNotificationMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  return {
    markRead: useMutation({ mutationFn: (id: string) => markNotificationRead(id), onSuccess }),
    markAllRead: useMutation({ mutationFn: () => markAllNotificationsRead(), onSuccess }),
  };
}
