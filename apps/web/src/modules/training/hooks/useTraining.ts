import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/training.api';

export const useTrainingCompanies = (parkId?: string) => useQuery({ queryKey: ['training', 'companies', parkId ?? null], queryFn: () => a.findCompanies(parkId) });
export const useStaff = (q: Parameters<typeof a.findStaff>[0]) => useQuery({ queryKey: ['training', 'staff', q], queryFn: () => a.findStaff(q) });
export const useStaffDetail = (id: string | null) => useQuery({ queryKey: ['training', 'staff-detail', id], queryFn: () => a.getStaff(id as string), enabled: !!id });
export const useTrainingSessions = (q: Parameters<typeof a.findSessions>[0] = {}) => useQuery({ queryKey: ['training', 'sessions', q], queryFn: () => a.findSessions(q) });
export const useTrainingSession = (id: string) => useQuery({ queryKey: ['training', 'session', id], queryFn: () => a.getSession(id) });
export const useFigures = (q: Parameters<typeof a.getFigures>[0]) => useQuery({ queryKey: ['training', 'figures', q], queryFn: () => a.getFigures(q) });

/** Every training change refreshes the whole training cache (rosters, sessions, figures). */
function useTrainingMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['training'] }) });
}

export const useCreateStaff = () => useTrainingMutation((input: a.StaffInput) => a.createStaff(input));
export const useUpdateStaff = () => useTrainingMutation((x: { id: string; patch: Parameters<typeof a.updateStaff>[1] }) => a.updateStaff(x.id, x.patch));
export const useCreateSession = () => useTrainingMutation((input: a.SessionInput) => a.createSession(input));
export const useRecordResults = () => useTrainingMutation((x: { id: string; results: a.ResultInput[] }) => a.recordResults(x.id, x.results));
export const useImportResults = () => useTrainingMutation((x: { id: string; xlsxBase64: string }) => a.importResults(x.id, x.xlsxBase64));
