import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/outcomes.api';

export const useAppeals = () => useQuery({ queryKey: ['evaluation', 'appeals'], queryFn: a.findAppeals });
export const useWarningRule = (parkId: string | undefined) => useQuery({ queryKey: ['evaluation', 'rule', parkId], queryFn: () => a.getRule(parkId!), enabled: !!parkId });
export const useWarnings = () => useQuery({ queryKey: ['evaluation', 'warnings'], queryFn: a.findWarnings });
export const useReviewTasks = (enabled = true) => useQuery({ queryKey: ['evaluation', 'review-tasks'], queryFn: a.findReviewTasks, enabled });
export const useAwards = () => useQuery({ queryKey: ['evaluation', 'awards'], queryFn: a.findAwards });
export const useYearRanking = (parkId: string | undefined, year: number) => useQuery({ queryKey: ['evaluation', 'year-ranking', parkId, year], queryFn: () => a.getYearRanking(parkId!, year), enabled: !!parkId });
/** The big screen refreshes itself every minute. */
export const useLeague = (parkId: string | undefined) => useQuery({ queryKey: ['evaluation', 'league', parkId], queryFn: () => a.getLeague(parkId!), enabled: !!parkId, refetchInterval: 60_000 });

function useOutcomeMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['evaluation'] }) });
}
export const useFileAppeal = () => useOutcomeMutation((input: a.AppealInput) => a.fileAppeal(input));
export const useSetRule = () => useOutcomeMutation((x: { parkId: string; input: Omit<a.WarningRule, 'parkId'> }) => a.setRule(x.parkId, x.input));
export const useCloseReviewTask = () => useOutcomeMutation((x: { id: string; input: { decision: a.ReviewDecision; note: string } }) => a.closeReviewTask(x.id, x.input));
export const useNominate = () => useOutcomeMutation((input: Parameters<typeof a.nominate>[0]) => a.nominate(input));
export const usePublishAwards = () => useOutcomeMutation((input: Parameters<typeof a.publishAwards>[0]) => a.publishAwards(input));
