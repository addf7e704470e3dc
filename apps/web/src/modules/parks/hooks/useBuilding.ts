import { useQuery } from '@tanstack/react-query';
import { getBuilding } from '../api/parks.api';

/** A building with floors and units. */
export function useBuilding(id: string | undefined) {
  return useQuery({ queryKey: ['buildings', id], queryFn: () => getBuilding(id as string), enabled: !!id });
}
