import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelBooking, createBooking, createResource, findBookings, findResources, findSlots, getResource, updateResource, type ResourceInput } from '../api/bookings.api';

export function useResources(q: Parameters<typeof findResources>[0]) {
  return useQuery({ queryKey: ['bookings', 'resources', q], queryFn: () => findResources(q) });
}

export function useResource(id: string) {
  return useQuery({ queryKey: ['bookings', 'resource', id], queryFn: () => getResource(id) });
}

export function useSlots(id: string, from: string, to: string) {
  return useQuery({ queryKey: ['bookings', 'slots', id, from, to], queryFn: () => findSlots(id, from, to), placeholderData: keepPreviousData });
}

export function useBookingList(q: Parameters<typeof findBookings>[0]) {
  return useQuery({ queryKey: ['bookings', 'list', q], queryFn: () => findBookings(q), placeholderData: keepPreviousData });
}

/** Every bookings mutation refreshes resources, calendars and lists (and bills, which a booking issues or voids). */
function useBookingMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['bookings'] });
      void qc.invalidateQueries({ queryKey: ['bills'] });
    },
  });
}

export const useCreateBooking = () => useBookingMutation((input: Parameters<typeof createBooking>[0]) => createBooking(input));
export const useCancelBooking = () => useBookingMutation((a: { id: string; reason?: string }) => cancelBooking(a.id, a.reason));
export const useCreateResource = () => useBookingMutation((input: ResourceInput) => createResource(input));
export const useUpdateResource = () => useBookingMutation((a: { id: string; input: Partial<ResourceInput> }) => updateResource(a.id, a.input));
