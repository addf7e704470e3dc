import { useQuery } from '@tanstack/react-query';
import { findPositions, getConsumption, getIocSummary, getParkView } from '../api/ioc.api';

/** The big screen's summary (current state; refreshed by live events). */
export function useIocSummary() {
  return useQuery({ queryKey: ['ioc', 'summary'], queryFn: () => getIocSummary() });
}

/** Hourly consumption: history, so refreshed every five minutes rather than on each push. */
export function useConsumption() {
  return useQuery({ queryKey: ['ioc-history', 'consumption'], queryFn: () => getConsumption(), refetchInterval: 300_000 });
}

/** Devices of a floor (x/y) or of the map (lat/lon). */
export function usePositions(query: { floorId?: string; buildingId?: string }, enabled = true) {
  return useQuery({ queryKey: ['ioc', 'positions', query], queryFn: () => findPositions(query), enabled });
}

/** The park view's buildings (outline, alarms, occupancy, people); refreshed by live events. */
export function useParkView() {
  return useQuery({ queryKey: ['ioc', 'park-view'], queryFn: () => getParkView() });
}
