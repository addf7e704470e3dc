import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptRequest,
  applyForService,
  bulkHandle,
  completeRequest,
  createService,
  findHandlerCandidates,
  findRequests,
  findServices,
  getRequest,
  getService,
  rateRequest,
  resubmitRequest,
  updateService,
  withdrawRequest,
  type RequestFilter,
  type ServiceInput,
} from '../api/services.api';

export const useServiceList = (view: 'catalog' | 'manage') => useQuery({ queryKey: ['services', 'list', view], queryFn: () => findServices({ view }) });
export const useService = (id: string) => useQuery({ queryKey: ['services', 'one', id], queryFn: () => getService(id) });
export const useHandlerCandidates = (parkId: string | undefined) => useQuery({ queryKey: ['services', 'handlers', parkId], queryFn: () => findHandlerCandidates(parkId as string), enabled: !!parkId });
export const useServiceRequests = (q: RequestFilter) => useQuery({ queryKey: ['services', 'requests', q], queryFn: () => findRequests(q), placeholderData: keepPreviousData });
export const useServiceRequest = (id: string) => useQuery({ queryKey: ['services', 'request', id], queryFn: () => getRequest(id) });

/** Every services mutation refreshes the module's queries and the approval case shown beside a request. */
function useServicesMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['services'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export const useCreateService = () => useServicesMutation((input: ServiceInput) => createService(input));
export const useUpdateService = () => useServicesMutation((a: { id: string; input: Partial<Omit<ServiceInput, 'parkId'>> }) => updateService(a.id, a.input));
export const useApply = () => useServicesMutation(applyForService);
export const useResubmit = () => useServicesMutation((a: { id: string; values: Record<string, unknown>; comment?: string }) => resubmitRequest(a.id, { values: a.values, comment: a.comment }));
export const useWithdraw = () => useServicesMutation(withdrawRequest);
export const useAccept = () => useServicesMutation(acceptRequest);
export const useComplete = () => useServicesMutation((a: { id: string; resultNote: string }) => completeRequest(a.id, a.resultNote));
export const useRate = () => useServicesMutation((a: { id: string; rating: number; comment?: string }) => rateRequest(a.id, { rating: a.rating, comment: a.comment }));
export const useBulkHandle = () => useServicesMutation(bulkHandle);
