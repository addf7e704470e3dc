import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acknowledgeAlarm, assignAlarm, closeAlarm, commentAlarm, findAlarms, getAlarm, type AlarmDetail, type AlarmFilter } from '../api/alarms.api';

/** A page of alarms (kept on screen while the next loads). */
export function useAlarms(filter: AlarmFilter) {
  return useQuery({ queryKey: ['alarms', 'list', filter], queryFn: () => findAlarms(filter), placeholderData: keepPreviousData });
}

/** One alarm with its full response history. */
export function useAlarm(id: string | undefined) {
  return useQuery({ queryKey: ['alarms', 'detail', id], queryFn: () => getAlarm(id as string), enabled: !!id });
}

export type AlarmAction = { kind: 'acknowledge'; comment?: string } | { kind: 'assign'; userId: string | null } | { kind: 'comment'; text: string } | { kind: 'close'; reason?: string };

/** Acknowledge / assign / comment / close; refreshes alarm lists, the detail and the big screen. */
export function useAlarmAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: AlarmAction): Promise<AlarmDetail> => {
      switch (a.kind) {
        case 'acknowledge':
          return acknowledgeAlarm(id, a.comment);
        case 'assign':
          return assignAlarm(id, a.userId);
        case 'comment':
          return commentAlarm(id, a.text);
        case 'close':
          return closeAlarm(id, a.reason);
      }
    },
    onSuccess: (detail) => {
      client.setQueryData(['alarms', 'detail', id], detail);
      void client.invalidateQueries({ queryKey: ['alarms', 'list'] });
      void client.invalidateQueries({ queryKey: ['ioc'] });
    },
  });
}
