import { useQuery } from '@tanstack/react-query';
import { getJobs } from '../api/jobs.api';

/** The background jobs and their last runs, refreshed every 15 s. */
export function useJobs() {
  return useQuery({ queryKey: ['jobs'], queryFn: getJobs, refetchInterval: 15_000 });
}
