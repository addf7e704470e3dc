import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseRole } from '@parkos/contracts';
import { createInvitation, decideJoinRequest, findInvitations, findJoinRequests, findMembers, revokeInvitation, updateMember } from '../api/people.api';

/** An enterprise's people, invitations and join requests, with the admin's actions. */
export function usePeople(enterpriseId: string) {
  const qc = useQueryClient();
  const key = ['enterprise-people', enterpriseId];
  const invalidate = () => qc.invalidateQueries({ queryKey: key });
  return {
    members: useQuery({ queryKey: [...key, 'members'], queryFn: () => findMembers(enterpriseId) }),
    invitations: useQuery({ queryKey: [...key, 'invitations'], queryFn: () => findInvitations(enterpriseId) }),
    joinRequests: useQuery({ queryKey: [...key, 'join-requests'], queryFn: () => findJoinRequests(enterpriseId) }),
    updateMember: useMutation({ mutationFn: (v: { userId: string; roles?: EnterpriseRole[]; isActive?: boolean }) => updateMember(enterpriseId, v.userId, v), onSuccess: invalidate }),
    invite: useMutation({ mutationFn: (v: { role?: EnterpriseRole; phone?: string | null; expiresInDays?: number }) => createInvitation(enterpriseId, v), onSuccess: invalidate }),
    revokeInvitation: useMutation({ mutationFn: (id: string) => revokeInvitation(enterpriseId, id), onSuccess: invalidate }),
    decide: useMutation({ mutationFn: (v: { id: string; approve: boolean }) => decideJoinRequest(enterpriseId, v.id, v.approve), onSuccess: invalidate }),
  };
}
