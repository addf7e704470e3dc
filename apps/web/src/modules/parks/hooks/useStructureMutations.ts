import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnitStatus } from '@parkos/contracts';
import {
  createBuilding,
  createDistrict,
  createFloor,
  createSite,
  createUnit,
  deleteBuilding,
  deleteDistrict,
  deleteFloor,
  deleteSite,
  deleteUnit,
  updateBuilding,
  updateDistrict,
  updateFloor,
  updateSite,
  updateUnit,
} from '../api/parks.api';

/** Create/update/delete calls of the park structure; each refreshes the trees and buildings. */
export function useStructureMutations() {
  const queryClient = useQueryClient();
  const onSuccess = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['parks'] }),
      queryClient.invalidateQueries({ queryKey: ['buildings'] }),
      queryClient.invalidateQueries({ queryKey: ['sites'] }),
      queryClient.invalidateQueries({ queryKey: ['districts'] }),
      // Outlines and drawings show on the IOC park view and floor plans.
      queryClient.invalidateQueries({ queryKey: ['ioc'] }),
    ]);
  };
  return {
    createSite: useMutation({ mutationFn: createSite, onSuccess }),
    createDistrict: useMutation({ mutationFn: createDistrict, onSuccess }),
    createBuilding: useMutation({ mutationFn: createBuilding, onSuccess }),
    createFloor: useMutation({ mutationFn: createFloor, onSuccess }),
    createUnit: useMutation({ mutationFn: createUnit, onSuccess }),
    updateSite: useMutation({ mutationFn: (v: { id: string } & Parameters<typeof updateSite>[1]) => updateSite(v.id, { name: v.name, address: v.address, lat: v.lat, lon: v.lon }), onSuccess }),
    updateDistrict: useMutation({ mutationFn: (v: { id: string; name: string }) => updateDistrict(v.id, { name: v.name }), onSuccess }),
    updateBuilding: useMutation({
      mutationFn: (v: { id: string } & Parameters<typeof updateBuilding>[1]) => updateBuilding(v.id, { name: v.name, floorsAboveGround: v.floorsAboveGround, grossArea: v.grossArea, footprint: v.footprint }),
      onSuccess,
    }),
    updateFloor: useMutation({ mutationFn: (v: { id: string; name?: string; planSvg?: string | null }) => updateFloor(v.id, { name: v.name, planSvg: v.planSvg }), onSuccess }),
    updateUnit: useMutation({ mutationFn: (v: { id: string; code?: string; area?: number; status?: UnitStatus }) => updateUnit(v.id, { code: v.code, area: v.area, status: v.status }), onSuccess }),
    updateUnitStatus: useMutation({ mutationFn: (v: { id: string; status: UnitStatus }) => updateUnit(v.id, { status: v.status }), onSuccess }),
    deleteSite: useMutation({ mutationFn: deleteSite, onSuccess }),
    deleteDistrict: useMutation({ mutationFn: deleteDistrict, onSuccess }),
    deleteBuilding: useMutation({
      mutationFn: deleteBuilding,
      // The deleted building's own query is left alone: refetching it would only answer 404 while its page navigates away.
      onSuccess: async (_, id) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['parks'] }),
          queryClient.invalidateQueries({ queryKey: ['buildings'], predicate: (q) => q.queryKey[1] !== id }),
        ]);
      },
    }),
    deleteFloor: useMutation({ mutationFn: deleteFloor, onSuccess }),
    deleteUnit: useMutation({ mutationFn: deleteUnit, onSuccess }),
  };
}
