import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createDevice,
  deleteDevice,
  getDevice,
  importDevices,
  revokeDeviceCredentials,
  rotateDeviceCredentials,
  updateDevice,
  type DeviceInput,
  type ImportMode,
} from '../api/devices.api';

/** How often the detail page asks again, so status and latest values follow the device. */
const DETAIL_REFRESH_MS = 5_000;

/** One device with latest values and error counters, refreshed while the page is open. */
export function useDevice(id: string | undefined) {
  return useQuery({ queryKey: ['devices', 'detail', id], queryFn: () => getDevice(id as string), enabled: !!id, refetchInterval: DETAIL_REFRESH_MS });
}

/** Create, update, delete, credentials and import; each refreshes the device queries. */
export function useDeviceMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['devices'] });
  return {
    create: useMutation({ mutationFn: (input: DeviceInput) => createDevice(input), onSuccess }),
    update: useMutation({ mutationFn: ({ id, input }: { id: string; input: Omit<Partial<DeviceInput>, 'code' | 'parkId'> }) => updateDevice(id, input), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => deleteDevice(id), onSuccess }),
    rotate: useMutation({ mutationFn: (id: string) => rotateDeviceCredentials(id), onSuccess }),
    revoke: useMutation({ mutationFn: (id: string) => revokeDeviceCredentials(id), onSuccess }),
    importCsv: useMutation({ mutationFn: (input: { parkId: string; csv: string; mode: ImportMode }) => importDevices(input), onSuccess }),
  };
}
