import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { act, createFlow, findCaseCandidates, findCases, findFlowCandidates, findFlows, findFlowVersions, findInbox, getCase, updateFlow, type ActBody, type FlowInput } from '../api/approvals.api';

export const useFlows = (parkId?: string) => useQuery({ queryKey: ['approvals', 'flows', parkId], queryFn: () => findFlows({ parkId }) });
export const useFlowVersions = (id: string | undefined) => useQuery({ queryKey: ['approvals', 'versions', id], queryFn: () => findFlowVersions(id as string), enabled: !!id });
export const useFlowCandidates = (parkId: string | undefined) => useQuery({ queryKey: ['approvals', 'flow-candidates', parkId], queryFn: () => findFlowCandidates(parkId as string), enabled: !!parkId });
export const useCaseCandidates = (id: string, isEnabled: boolean) => useQuery({ queryKey: ['approvals', 'case-candidates', id], queryFn: () => findCaseCandidates(id), enabled: isEnabled });
export const useInbox = () => useQuery({ queryKey: ['approvals', 'inbox'], queryFn: findInbox });
export const useCases = (q: Parameters<typeof findCases>[0], isEnabled = true) => useQuery({ queryKey: ['approvals', 'cases', q], queryFn: () => findCases(q), placeholderData: keepPreviousData, enabled: isEnabled });
export const useCase = (id: string) => useQuery({ queryKey: ['approvals', 'case', id], queryFn: () => getCase(id) });

/** Every approvals mutation refreshes the module's queries. */
function useApprovalsMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['approvals'] }) });
}

export const useCreateFlow = () => useApprovalsMutation((input: FlowInput) => createFlow(input));
export const useUpdateFlow = () => useApprovalsMutation((a: { id: string; input: Parameters<typeof updateFlow>[1] }) => updateFlow(a.id, a.input));
export const useAct = () => useApprovalsMutation((a: { id: string; body: ActBody }) => act(a.id, a.body));
