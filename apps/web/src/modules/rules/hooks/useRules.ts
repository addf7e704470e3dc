import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRule, deleteRule, findRules, updateRule, type RuleFilter, type RuleInput } from '../api/rules.api';

/** A page of alarm rules. */
export function useRules(filter: RuleFilter) {
  return useQuery({ queryKey: ['alarm-rules', 'list', filter], queryFn: () => findRules(filter), placeholderData: keepPreviousData });
}

/** Create, change (incl. enable/disable) and delete; each refreshes the rule lists. */
export function useRuleMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['alarm-rules'] });
  return {
    create: useMutation({ mutationFn: (input: RuleInput) => createRule(input), onSuccess }),
    update: useMutation({ mutationFn: ({ id, input }: { id: string; input: Partial<RuleInput> }) => updateRule(id, input), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => deleteRule(id), onSuccess }),
  };
}
