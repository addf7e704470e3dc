import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDeviceSeries, type SeriesQuery } from '../api/history.api';

/** A device metric's series; refreshed every 30 s while shown, keeping the old chart while the next range loads. */
export function useDeviceSeries(id: string | undefined, query: SeriesQuery | undefined) {
  return useQuery({
    queryKey: ['devices', 'series', id, query],
    queryFn: () => getDeviceSeries(id as string, query as SeriesQuery),
    enabled: !!id && !!query,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
