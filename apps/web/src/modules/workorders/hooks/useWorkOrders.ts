import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParks } from '../../parks/hooks/useParks';
import * as woApi from '../api/workorders.api';

/** A page of work orders. */
export function useWorkOrders(filter: woApi.WorkOrderFilter, options: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: ['work-orders', 'list', filter], queryFn: () => woApi.findWorkOrders(filter), placeholderData: keepPreviousData, refetchInterval: options.refetchInterval });
}

/** One work order with its timeline and my next actions. */
export function useWorkOrder(id: string | undefined) {
  return useQuery({ queryKey: ['work-orders', id], queryFn: () => woApi.getWorkOrder(id as string), enabled: !!id });
}

export function useTeams(parkId: string | undefined, isEnabled = true) {
  return useQuery({ queryKey: ['work-order-teams', parkId], queryFn: () => woApi.findTeams(parkId), enabled: isEnabled && !!parkId, staleTime: 60_000 });
}

export function useModelStatus(parkId: string | undefined) {
  return useQuery({ queryKey: ['dispatch-model', parkId], queryFn: () => woApi.getModelStatus(parkId as string), enabled: !!parkId });
}

/** The park operators work in: the first one in scope. */
export function useCurrentParkId(): string | undefined {
  const parks = useParks();
  return parks.data?.[0]?.id;
}

/** Every change to a work order refreshes lists and the order itself. */
export function useWorkOrderMutation<TArgs>(fn: (args: TArgs) => Promise<woApi.WorkOrderDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      qc.setQueryData(['work-orders', detail.id], detail);
      void qc.invalidateQueries({ queryKey: ['work-orders', 'list'] });
      void qc.invalidateQueries({ queryKey: ['dispatch-model'] });
    },
  });
}

export function useSlaMatrix(parkId: string | undefined) {
  return useQuery({ queryKey: ['work-order-sla', parkId], queryFn: () => woApi.getSlaMatrix(parkId as string), enabled: !!parkId });
}

export function useDispatchRules(parkId: string | undefined) {
  return useQuery({ queryKey: ['dispatch-rules', parkId], queryFn: () => woApi.findDispatchRules(parkId as string), enabled: !!parkId });
}

/** Teams, SLA cells and dispatch rules: each change refreshes its list. */
export function useWorkOrderSettingsMutations() {
  const qc = useQueryClient();
  return {
    createTeam: useMutation({ mutationFn: woApi.createTeam, onSuccess: () => qc.invalidateQueries({ queryKey: ['work-order-teams'] }) }),
    updateTeam: useMutation({ mutationFn: (v: { id: string; body: woApi.TeamInput }) => woApi.updateTeam(v.id, v.body), onSuccess: () => qc.invalidateQueries({ queryKey: ['work-order-teams'] }) }),
    setSla: useMutation({ mutationFn: woApi.setSla, onSuccess: (cells, v) => qc.setQueryData(['work-order-sla', v.parkId], cells) }),
    createRule: useMutation({ mutationFn: woApi.createDispatchRule, onSuccess: () => qc.invalidateQueries({ queryKey: ['dispatch-rules'] }) }),
    updateRule: useMutation({ mutationFn: (v: { id: string; body: Partial<woApi.DispatchRuleInput> }) => woApi.updateDispatchRule(v.id, v.body), onSuccess: () => qc.invalidateQueries({ queryKey: ['dispatch-rules'] }) }),
  };
}
