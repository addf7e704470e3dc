import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/policies.api';

export const usePolicies = (q: Parameters<typeof a.findPolicies>[0]) => useQuery({ queryKey: ['policies', 'list', q], queryFn: () => a.findPolicies(q), placeholderData: keepPreviousData });
export const usePolicy = (id: string) => useQuery({ queryKey: ['policies', 'one', id], queryFn: () => a.getPolicy(id), enabled: !!id });
export const useApplications = (q: Parameters<typeof a.findApplications>[0]) => useQuery({ queryKey: ['policies', 'applications', q], queryFn: () => a.findApplications(q), placeholderData: keepPreviousData });
export const useApplication = (id: string | null | undefined) => useQuery({ queryKey: ['policies', 'application', id], queryFn: () => a.getApplication(id as string), enabled: !!id });
export const useAdvisorCandidates = (id: string, isEnabled: boolean) => useQuery({ queryKey: ['policies', 'advisors', id], queryFn: () => a.findAdvisorCandidates(id), enabled: isEnabled });

/** Every policies mutation refreshes the module's queries (and approvals', whose cases it starts). */
function usePoliciesMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['policies'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export const useCreatePolicy = () => usePoliciesMutation((input: a.PolicyInput) => a.createPolicy(input));
export const useUpdatePolicy = () => usePoliciesMutation((x: { id: string; input: Partial<a.PolicyInput> }) => a.updatePolicy(x.id, x.input));
export const useApply = () => usePoliciesMutation((x: { id: string; body: Parameters<typeof a.applyForPolicy>[1] }) => a.applyForPolicy(x.id, x.body));
export const useEnquire = () => usePoliciesMutation((x: { id: string; text: string }) => a.enquire(x.id, x.text));
export const useResubmit = () => usePoliciesMutation((x: { id: string; body: Parameters<typeof a.resubmitApplication>[1] }) => a.resubmitApplication(x.id, x.body));
export const useWithdraw = () => usePoliciesMutation((id: string) => a.withdrawApplication(id));
export const useAssignAdvisor = () => usePoliciesMutation((x: { id: string; advisorId: string }) => a.assignAdvisor(x.id, x.advisorId));
export const useComment = () => usePoliciesMutation((x: { id: string; text: string }) => a.commentOnApplication(x.id, x.text));
