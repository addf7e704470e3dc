import { useQuery } from '@tanstack/react-query';
import { getWorkbench } from '../api/dashboard.api';

/** The workbench figures, refreshed every minute while the page is open. */
export function useWorkbench(parkId?: string) {
  return useQuery({ queryKey: ['dashboard', 'workbench', parkId], queryFn: () => getWorkbench(parkId), enabled: !!parkId, refetchInterval: 60_000 });
}
