import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeadStage } from '@parkos/contracts';
import { createLead, deleteLead, findLeads, getLeadFunnel, moveLeadIn, updateLeadStage, type Lead } from '../api/leads.api';

/** The leads of the pipeline. */
export function useLeads(filter: { parkId?: string; q?: string }) {
  return useQuery({ queryKey: ['leads', 'list', filter], queryFn: () => findLeads(filter) });
}

/** The conversion funnel. */
export function useLeadFunnel(parkId?: string) {
  return useQuery({ queryKey: ['leads', 'funnel', parkId ?? 'all'], queryFn: () => getLeadFunnel(parkId) });
}

/** Create, move (optimistically) and delete leads. */
export function useLeadMutations() {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['leads'] });
  return {
    create: useMutation({ mutationFn: createLead, onSuccess: invalidate }),
    remove: useMutation({ mutationFn: deleteLead, onSuccess: invalidate }),
    moveIn: useMutation({
      mutationFn: (v: { id: string; creditCode: string; unitIds: string[]; monthlyRentFen: number }) => moveLeadIn(v.id, v),
      onSuccess: () => {
        void invalidate();
        void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
        void queryClient.invalidateQueries({ queryKey: ['units'] });
      },
    }),
    move: useMutation({
      mutationFn: (v: { id: string; stage: LeadStage }) => updateLeadStage(v.id, v.stage),
      onMutate: async (v) => {
        await queryClient.cancelQueries({ queryKey: ['leads', 'list'] });
        const snapshots = queryClient.getQueriesData<Lead[]>({ queryKey: ['leads', 'list'] });
        for (const [key, data] of snapshots) {
          if (data)
            queryClient.setQueryData<Lead[]>(
              key,
              data.map((l) => (l.id === v.id ? { ...l, stage: v.stage } : l)),
            );
        }
        return { snapshots };
      },
      onError: (_e, _v, context) => {
        for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data);
      },
      onSettled: invalidate,
    }),
  };
}
