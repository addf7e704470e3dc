import type { EvalSubjectKind } from '@parkos/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/evaluation.api';

export const useSchemes = () => useQuery({ queryKey: ['evaluation', 'schemes'], queryFn: a.findSchemes });
export const usePeriods = () => useQuery({ queryKey: ['evaluation', 'periods'], queryFn: a.findPeriods });
export const useRanking = (id: string) => useQuery({ queryKey: ['evaluation', 'ranking', id], queryFn: () => a.getRanking(id) });
export const useScoreTree = (id: string, kind: EvalSubjectKind, subjectId: string) => useQuery({ queryKey: ['evaluation', 'score', id, kind, subjectId], queryFn: () => a.getScoreTree(id, kind, subjectId) });
export const useTrend = (kind: EvalSubjectKind, subjectId: string) => useQuery({ queryKey: ['evaluation', 'trend', kind, subjectId], queryFn: () => a.getTrend(kind, subjectId) });
export const useManual = (id: string | null) => useQuery({ queryKey: ['evaluation', 'manual', id], queryFn: () => a.findManual(id as string), enabled: !!id });

/** Every evaluation change refreshes all evaluation queries (a computation moves rankings, trends and trees). */
function useEvaluationMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['evaluation'] }) });
}

export const useCreateScheme = () => useEvaluationMutation((input: a.SchemeInput) => a.createScheme(input));
export const useUpdateScheme = () => useEvaluationMutation((x: { id: string; input: Parameters<typeof a.updateScheme>[1] }) => a.updateScheme(x.id, x.input));
export const useActivateScheme = () => useEvaluationMutation((id: string) => a.activateScheme(id));
export const useCopyScheme = () => useEvaluationMutation((id: string) => a.copyScheme(id));
export const useOpenPeriod = () => useEvaluationMutation((input: { schemeId: string; label: string }) => a.openPeriod(input));
export const useComputePeriod = () => useEvaluationMutation((id: string) => a.computePeriod(id));
export const useClosePeriod = () => useEvaluationMutation((id: string) => a.closePeriod(id));
export const usePublishRanking = () => useEvaluationMutation((x: { id: string; published: boolean }) => a.publishRanking(x.id, x.published));
export const useSetManual = () => useEvaluationMutation((x: { id: string; input: Parameters<typeof a.setManual>[1] }) => a.setManual(x.id, x.input));
