import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { closeCampaign, createCampaign, findCampaigns, findSubmissions, followUpFlag, getCampaign, getOverview, submitReport, updateCampaign, type CampaignInput } from '../api/returnToWork.api';

export const useCampaigns = () => useQuery({ queryKey: ['rtw', 'campaigns'], queryFn: findCampaigns });
export const useCampaign = (id: string) => useQuery({ queryKey: ['rtw', 'campaign', id], queryFn: () => getCampaign(id) });
export const useSubmissions = (id: string, isEnabled = true) => useQuery({ queryKey: ['rtw', 'submissions', id], queryFn: () => findSubmissions(id), enabled: isEnabled });
export const useOverview = (id: string, isEnabled: boolean) => useQuery({ queryKey: ['rtw', 'overview', id], queryFn: () => getOverview(id), enabled: isEnabled });

/** Every return-to-work mutation refreshes the module's queries. */
function useRtwMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['rtw'] }) });
}

export const useCreateCampaign = () => useRtwMutation((input: CampaignInput) => createCampaign(input));
export const useSubmitReport = () => useRtwMutation((a: { id: string; periodStart: string; values: Record<string, unknown> }) => submitReport(a.id, { periodStart: a.periodStart, values: a.values }));
export const useFollowUpFlag = () => useRtwMutation((a: { id: string; note: string }) => followUpFlag(a.id, a.note));
export const useUpdateCampaign = () => useRtwMutation((a: { id: string; name: string; endDate: string }) => updateCampaign(a.id, { name: a.name, endDate: a.endDate }));
export const useCloseCampaign = () => useRtwMutation((id: string) => closeCampaign(id));
