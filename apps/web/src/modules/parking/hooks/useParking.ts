import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as parkingApi from '../api/parking.api';

/** Lots with live occupancy, refreshed every 15 s. */
export function useLots() {
  return useQuery({ queryKey: ['parking', 'lots'], queryFn: parkingApi.findLots, refetchInterval: 15_000 });
}

export function useLot(id: string | undefined) {
  return useQuery({ queryKey: ['parking', 'lot', id], queryFn: () => parkingApi.getLot(id!), enabled: !!id });
}

/** The member's plates, stays (open ones with the fee so far) and reservations. */
export function useMyParking() {
  return useQuery({ queryKey: ['parking', 'me'], queryFn: parkingApi.getMyParking, refetchInterval: 30_000 });
}

export function useSessions(q: Parameters<typeof parkingApi.findSessions>[0]) {
  return useQuery({ queryKey: ['parking', 'sessions', q], queryFn: () => parkingApi.findSessions(q) });
}

export function useParkingMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['parking'] }), queryClient.invalidateQueries({ queryKey: ['bills'] })]);
  return {
    addPlate: useMutation({ mutationFn: parkingApi.addMyPlate, onSuccess }),
    removePlate: useMutation({ mutationFn: parkingApi.removeMyPlate, onSuccess }),
    reserve: useMutation({ mutationFn: parkingApi.reserve, onSuccess }),
    cancelReservation: useMutation({ mutationFn: parkingApi.cancelReservation, onSuccess }),
    createLot: useMutation({ mutationFn: parkingApi.createLot, onSuccess }),
    updateLot: useMutation({ mutationFn: (input: { id: string; patch: Partial<parkingApi.LotInput> }) => parkingApi.updateLot(input.id, input.patch), onSuccess }),
    recordRead: useMutation({ mutationFn: (input: { lotId: string; direction: 'entry' | 'exit'; plate: string }) => parkingApi.recordRead(input.lotId, input), onSuccess }),
  };
}
