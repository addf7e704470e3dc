import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createInvitation, findPasses, findScans, getMyPass, getScanStats, getVisitorPass, revokePass, type InvitationInput, type PassFilter } from '../api/passes.api';

/** The member's pass; refetched shortly before its QR expires. */
export function useMyPass() {
  return useQuery({ queryKey: ['passes', 'me'], queryFn: getMyPass, retry: false });
}

export function usePasses(filter: PassFilter) {
  return useQuery({ queryKey: ['passes', 'list', filter], queryFn: () => findPasses(filter), placeholderData: keepPreviousData });
}

export function useVisitorPass(token: string) {
  return useQuery({ queryKey: ['passes', 'visitor', token], queryFn: () => getVisitorPass(token), retry: false });
}

export function useScans(page: number, from?: string) {
  return useQuery({ queryKey: ['passes', 'scans', page, from], queryFn: () => findScans({ page, pageSize: 20, from }), placeholderData: keepPreviousData });
}

export function useScanStats() {
  return useQuery({ queryKey: ['passes', 'scan-stats'], queryFn: getScanStats, refetchInterval: 30_000 });
}

export function useCreateInvitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: InvitationInput) => createInvitation(input), onSuccess: () => void qc.invalidateQueries({ queryKey: ['passes', 'list'] }) });
}

export function useRevokePass() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => revokePass(id, reason), onSuccess: () => void qc.invalidateQueries({ queryKey: ['passes'] }) });
}
