import { useInfiniteQuery } from '@tanstack/react-query';
import { findDevices, type DeviceFilter } from '../../devices/api/devices.api';

const PAGE = 200;

/**
 * Devices for a virtualised table: pages of 200 from the server (filters
 * applied there), the next fetched as the user scrolls near the end.
 */
export function useDeviceWindow(filter: Omit<DeviceFilter, 'page' | 'pageSize'>) {
  const query = useInfiniteQuery({
    queryKey: ['devices', 'window', filter],
    queryFn: ({ pageParam }) => findDevices({ ...filter, page: pageParam, pageSize: PAGE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return { ...query, items, total };
}
