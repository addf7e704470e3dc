import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelEvent, cancelRegistration, checkIn, createEvent, createFeed, decide, findEvents, findRegistrations, getEvent, register, type EventInput } from '../api/events.api';

export function useEvents(q: Parameters<typeof findEvents>[0]) {
  return useQuery({ queryKey: ['events', 'list', q], queryFn: () => findEvents(q), placeholderData: keepPreviousData });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: ['events', 'one', id], queryFn: () => getEvent(id) });
}

export function useRegistrations(id: string, isEnabled: boolean) {
  return useQuery({ queryKey: ['events', 'registrations', id], queryFn: () => findRegistrations(id), enabled: isEnabled });
}

/** Every event mutation refreshes the event and its lists. */
function useEventMutation<A>(fn: (a: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['events'] }) });
}

export const useCreateEvent = () => useEventMutation((input: EventInput) => createEvent(input));
export const useCancelEvent = () => useEventMutation((id: string) => cancelEvent(id));
export const useRegister = () => useEventMutation((id: string) => register(id));
export const useCancelRegistration = () => useEventMutation((id: string) => cancelRegistration(id));
export const useDecide = () => useEventMutation((a: { id: string; registrationId: string; approve: boolean }) => decide(a.id, a.registrationId, a.approve));
export const useCheckIn = () => useEventMutation((a: { id: string; code: string }) => checkIn(a.id, a.code));
export const useCreateFeed = () => useMutation({ mutationFn: (rotate: boolean) => createFeed(rotate) });
