import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createHead, findHeads, getLatestHead, getLedgerKey } from '../api/ledger.api';

/** The latest signed head, recent heads and the published key, for the Ledger page. */
export function useLedgerOverview() {
  const latest = useQuery({ queryKey: ['ledger', 'latest'], queryFn: getLatestHead });
  const heads = useQuery({ queryKey: ['ledger', 'heads'], queryFn: () => findHeads(1, 10) });
  const key = useQuery({ queryKey: ['ledger', 'key'], queryFn: getLedgerKey });
  return { latest, heads, key };
}

/** Signs a tree head now (operators). */
export function useCreateHead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createHead, onSuccess: () => client.invalidateQueries({ queryKey: ['ledger'] }) });
}
