import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { findDevices, type DeviceFilter } from '../api/devices.api';

/** A page of devices, keeping the previous page on screen while the next loads. */
export function useDevices(filter: DeviceFilter) {
  return useQuery({ queryKey: ['devices', 'list', filter], queryFn: () => findDevices(filter), placeholderData: keepPreviousData });
}
