import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/inspections.api';

export const useTemplates = (enabled = true) => useQuery({ queryKey: ['inspections', 'templates'], queryFn: a.findTemplates, enabled });
export const useRoutes = (enabled = true) => useQuery({ queryKey: ['inspections', 'routes'], queryFn: a.findRoutes, enabled });
/** A route with its templates; kept a day so a phone that loses its connection mid-walk still has it. */
export const useRoute = (id: string) => useQuery({ queryKey: ['inspections', 'route', id], queryFn: () => a.getRoute(id), staleTime: 5 * 60_000, gcTime: 24 * 3600_000, networkMode: 'offlineFirst' });
export const useSchedules = (q: Parameters<typeof a.findSchedules>[0], enabled = true) => useQuery({ queryKey: ['inspections', 'schedules', q], queryFn: () => a.findSchedules(q), enabled });
export const useRuns = (q: Parameters<typeof a.findRuns>[0]) => useQuery({ queryKey: ['inspections', 'runs', q], queryFn: () => a.findRuns(q) });
export const useRun = (id: string) => useQuery({ queryKey: ['inspections', 'run', id], queryFn: () => a.getRun(id) });
export const useFindings = (q: Parameters<typeof a.findFindings>[0]) => useQuery({ queryKey: ['inspections', 'findings', q], queryFn: () => a.findFindings(q) });

function useInspectionMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['inspections'] }) });
}
export const useCreateTemplate = () => useInspectionMutation(a.createTemplate);
export const useCreateRoute = () => useInspectionMutation(a.createRoute);
export const useCreateSchedule = () => useInspectionMutation(a.createSchedule);
export const useCancelSchedule = () => useInspectionMutation(a.cancelSchedule);
export const useVoidFinding = () => useInspectionMutation((x: { id: string; reason: string }) => a.voidFinding(x.id, x.reason));
export const useOpenWorkOrder = () => useInspectionMutation(a.openWorkOrder);
