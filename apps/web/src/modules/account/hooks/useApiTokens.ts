import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiToken, findApiTokens, revokeApiToken } from '../api/api-tokens.api';

/** The user's API tokens, with create and revoke. */
export function useApiTokens() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
  return {
    list: useQuery({ queryKey: ['api-tokens'], queryFn: findApiTokens }),
    create: useMutation({ mutationFn: createApiToken, onSuccess }),
    revoke: useMutation({ mutationFn: revokeApiToken, onSuccess }),
  };
}
