import { useQuery } from '@tanstack/react-query';
import { findParks, findSites, getParkTree } from '../api/parks.api';

/** The parks the user may see. */
export function useParks() {
  return useQuery({ queryKey: ['parks'], queryFn: findParks, staleTime: 60_000 });
}

/** One park's structure tree. */
export function useParkTree(parkId: string | undefined) {
  return useQuery({ queryKey: ['parks', parkId, 'tree'], queryFn: () => getParkTree(parkId as string), enabled: !!parkId });
}

/** Sites of a park (or of all parks in scope). */
export function useSites(parkId?: string) {
  return useQuery({ queryKey: ['sites', parkId ?? 'all'], queryFn: () => findSites(parkId), staleTime: 60_000 });
}
