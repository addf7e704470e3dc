import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/patrols.api';

export const useMissions = (q: Parameters<typeof a.findMissions>[0]) => useQuery({ queryKey: ['patrols', 'missions', q], queryFn: () => a.findMissions(q) });
/** A flying mission refreshes every few seconds so the track grows on screen. */
export const useMission = (id: string) =>
  useQuery({ queryKey: ['patrols', 'mission', id], queryFn: () => a.getMission(id), refetchInterval: (q) => (q.state.data?.status === 'flying' ? 3_000 : false) });
export const useDroneRoutes = (parkId: string | undefined) => useQuery({ queryKey: ['patrols', 'routes', parkId], queryFn: () => a.findDroneRoutes(parkId!), enabled: !!parkId });
export const useDrones = (parkId: string | undefined) => useQuery({ queryKey: ['patrols', 'drones', parkId], queryFn: () => a.findDrones(parkId!), enabled: !!parkId });
export const useFeverSummary = (parkId: string | undefined, days: number) =>
  useQuery({ queryKey: ['fever', parkId, days], queryFn: () => a.getFeverSummary(parkId!, days), enabled: !!parkId, refetchInterval: 15_000 });

function usePatrolMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['patrols'] }) });
}
export const useCreateMission = () => usePatrolMutation(a.createMission);
export const useStartMission = () => usePatrolMutation(a.startMission);
export const useCompleteMission = () => usePatrolMutation(a.completeMission);
