import { useQuery } from '@tanstack/react-query';
import { findBuildings, getBuilding } from '../api/parks.api';

/** A building with floors and units. */
export function useBuilding(id: string | undefined) {
  return useQuery({ queryKey: ['buildings', id], queryFn: () => getBuilding(id as string), enabled: !!id });
}

/** Buildings of a park (or of every park in scope), for selects. */
export function useBuildings(parkId?: string) {
  return useQuery({ queryKey: ['buildings', 'list', parkId ?? 'all'], queryFn: () => findBuildings({ parkId }), staleTime: 60_000 });
}
