import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnitStatus } from '@parkos/contracts';
import { createBuilding, createDistrict, createFloor, createSite, createUnit, updateUnit } from '../api/parks.api';

/** Create/update calls of the park structure; each refreshes the trees and buildings. */
export function useStructureMutations() {
  const queryClient = useQueryClient();
  const onSuccess = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['parks'] }),
      queryClient.invalidateQueries({ queryKey: ['buildings'] }),
      queryClient.invalidateQueries({ queryKey: ['sites'] }),
      queryClient.invalidateQueries({ queryKey: ['districts'] }),
    ]);
  };
  return {
    createSite: useMutation({ mutationFn: createSite, onSuccess }),
    createDistrict: useMutation({ mutationFn: createDistrict, onSuccess }),
    createBuilding: useMutation({ mutationFn: createBuilding, onSuccess }),
    createFloor: useMutation({ mutationFn: createFloor, onSuccess }),
    createUnit: useMutation({ mutationFn: createUnit, onSuccess }),
    updateUnitStatus: useMutation({ mutationFn: (v: { id: string; status: UnitStatus }) => updateUnit(v.id, { status: v.status }), onSuccess }),
  };
}
