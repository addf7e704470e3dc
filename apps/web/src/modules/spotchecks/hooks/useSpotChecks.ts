import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/spotchecks.api';

export const useAssignments = (parkId?: string) => useQuery({ queryKey: ['spotChecks', 'assignments', parkId], queryFn: () => a.findAssignments(parkId) });
export const useInspectors = (parkId: string | undefined) => useQuery({ queryKey: ['spotChecks', 'inspectors', parkId], queryFn: () => a.findInspectors(parkId as string), enabled: !!parkId });
export const useCheckDistricts = (parkId?: string) => useQuery({ queryKey: ['spotChecks', 'districts', parkId], queryFn: () => a.findDistricts(parkId) });
export const useChecks = (q: Parameters<typeof a.findChecks>[0] = {}) => useQuery({ queryKey: ['spotChecks', 'checks', q], queryFn: () => a.findChecks(q) });
export const useFindings = (q: Parameters<typeof a.findFindings>[0] = {}) => useQuery({ queryKey: ['spotChecks', 'findings', q], queryFn: () => a.findFindings(q) });
export const useSettings = (parkId: string | undefined) => useQuery({ queryKey: ['spotChecks', 'settings', parkId], queryFn: () => a.getSettings(parkId as string), enabled: !!parkId });
export const useOverview = (parkId: string | undefined) => useQuery({ queryKey: ['spotChecks', 'overview', parkId], queryFn: () => a.getOverview(parkId as string), enabled: !!parkId });

/** Every spot-check mutation refreshes the module's lists (a response or verification moves a finding between them). */
function useSpotMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['spotChecks'] }) });
}

export const useCreateAssignment = () => useSpotMutation(a.createAssignment);
export const useDeleteAssignment = () => useSpotMutation(a.deleteAssignment);
export const useCreateCheck = () => useSpotMutation(a.createCheck);
export const useRespond = () => useSpotMutation((x: { id: string; response: string; fileIds: string[] }) => a.respondToFinding(x.id, { response: x.response, fileIds: x.fileIds }));
export const useVerify = () => useSpotMutation((x: { id: string; accepted: boolean; note?: string | null }) => a.verifyFinding(x.id, { accepted: x.accepted, note: x.note }));
export const useOverturn = () => useSpotMutation((x: { id: string; reason: string }) => a.overturnFinding(x.id, x.reason));
export const useUpdateSettings = () => useSpotMutation(a.updateSettings);
