import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from '../api/surveys.api';

export const useSurveys = (q: Parameters<typeof a.findSurveys>[0] = {}) => useQuery({ queryKey: ['surveys', 'list', q], queryFn: () => a.findSurveys(q) });
export const useSurvey = (id: string) => useQuery({ queryKey: ['surveys', 'one', id], queryFn: () => a.getSurvey(id) });
export const useSurveyResults = (id: string, isEnabled = true) => useQuery({ queryKey: ['surveys', 'results', id], queryFn: () => a.getResults(id), enabled: isEnabled });
export const useSurveyResponses = (id: string, isEnabled = true) => useQuery({ queryKey: ['surveys', 'responses', id], queryFn: () => a.findResponses(id), enabled: isEnabled });
export const useMySurveyResponses = (id: string, isEnabled = true) => useQuery({ queryKey: ['surveys', 'mine', id], queryFn: () => a.findMyResponses(id), enabled: isEnabled });

/** Every survey mutation refreshes the surveys' queries. */
function useSurveyMutation<A, R>(fn: (x: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['surveys'] }) });
}

export const useCreateSurvey = () => useSurveyMutation((input: Parameters<typeof a.createSurvey>[0]) => a.createSurvey(input));
export const useUpdateSurvey = () => useSurveyMutation((x: { id: string; input: Partial<a.SurveyInput> }) => a.updateSurvey(x.id, x.input));
export const useOpenSurvey = () => useSurveyMutation((id: string) => a.openSurvey(id));
export const useCloseSurvey = () => useSurveyMutation((id: string) => a.closeSurvey(id));
export const useAnswerSurvey = () => useSurveyMutation((x: { id: string; body: Parameters<typeof a.answerSurvey>[1] }) => a.answerSurvey(x.id, x.body));
