import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/relief.api';

export const useProgrammes = (q: Parameters<typeof a.findProgrammes>[0] = {}) => useQuery({ queryKey: ['relief', 'programmes', q], queryFn: () => a.findProgrammes(q) });
export const useProgramme = (id: string) => useQuery({ queryKey: ['relief', 'programme', id], queryFn: () => a.getProgramme(id) });
export const useEligibility = (id: string | undefined) => useQuery({ queryKey: ['relief', 'eligibility', id], queryFn: () => a.getEligibility(id as string), enabled: !!id });
export const useDashboard = (id: string) => useQuery({ queryKey: ['relief', 'dashboard', id], queryFn: () => a.getDashboard(id) });
export const useApplications = (q: Parameters<typeof a.findApplications>[0], isEnabled = true) => useQuery({ queryKey: ['relief', 'applications', q], queryFn: () => a.findApplications(q), enabled: isEnabled });
export const useApplication = (id: string | null | undefined) => useQuery({ queryKey: ['relief', 'application', id], queryFn: () => a.getApplication(id as string), enabled: !!id });

/** Every relief mutation refreshes relief, approvals and bills (an approval changes what is due). */
function useReliefMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['relief'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export const useCreateProgramme = () => useReliefMutation((input: a.ProgrammeInput) => a.createProgramme(input));
export const useUpdateProgramme = () => useReliefMutation((x: { id: string; input: Parameters<typeof a.updateProgramme>[1] }) => a.updateProgramme(x.id, x.input));
export const useApply = () => useReliefMutation((x: { id: string; note?: string | null; fileIds: string[] }) => a.applyForRelief(x.id, { note: x.note, fileIds: x.fileIds }));
export const useResubmit = () => useReliefMutation((x: { id: string; note?: string | null; fileIds: string[] }) => a.resubmitApplication(x.id, { note: x.note, fileIds: x.fileIds }));
