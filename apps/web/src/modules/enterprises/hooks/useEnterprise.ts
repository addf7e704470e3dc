import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addParkingSpace,
  addVehicle,
  createEnterprise,
  confirmLease,
  endLease,
  getEnterprise,
  removeParkingSpace,
  removeVehicle,
  updateEnterprise,
  type EnterpriseInput,
} from '../api/enterprises.api';

/** One enterprise's profile. */
export function useEnterprise(id: string | undefined) {
  return useQuery({ queryKey: ['enterprises', 'detail', id], queryFn: () => getEnterprise(id as string), enabled: !!id });
}

/** Changes of an enterprise and its vehicles, spaces and leases; each refreshes the profile. */
export function useEnterpriseMutations(id: string) {
  const queryClient = useQueryClient();
  // Every change is audited, so the history card asks again too.
  const onSuccess = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['enterprises'] }), queryClient.invalidateQueries({ queryKey: ['audit-log'] })]);
  return {
    update: useMutation({ mutationFn: (input: Parameters<typeof updateEnterprise>[1]) => updateEnterprise(id, input), onSuccess }),
    addVehicle: useMutation({ mutationFn: (input: { plate: string; ownerName?: string | null }) => addVehicle(id, input), onSuccess }),
    removeVehicle: useMutation({ mutationFn: (vehicleId: string) => removeVehicle(id, vehicleId), onSuccess }),
    addParkingSpace: useMutation({ mutationFn: (input: { lotName: string; spaceCode: string }) => addParkingSpace(id, input), onSuccess }),
    removeParkingSpace: useMutation({ mutationFn: (spaceId: string) => removeParkingSpace(id, spaceId), onSuccess }),
    endLease: useMutation({ mutationFn: (leaseId: string) => endLease(id, leaseId), onSuccess }),
    confirmLease: useMutation({ mutationFn: (leaseId: string) => confirmLease(id, leaseId), onSuccess }),
  };
}

/** Creates an enterprise and refreshes the lists. */
export function useCreateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) => createEnterprise(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enterprises'] }),
  });
}
