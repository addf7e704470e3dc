import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, RoleGrant } from '@parkos/contracts';
import { createUser, findUsers, unlockUser, updateUser } from '../api/users.api';

/** A page of users (phones masked by the server). */
export function useUsers(filter: { page: number; pageSize: number; q?: string; role?: Role }) {
  return useQuery({ queryKey: ['users', filter], queryFn: () => findUsers(filter), placeholderData: keepPreviousData });
}

/** Create, edit (name, role grants), enable/disable and unlock users. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  return {
    create: useMutation({ mutationFn: createUser, onSuccess }),
    update: useMutation({ mutationFn: (v: { id: string; displayName?: string; grants?: RoleGrant[] }) => updateUser(v.id, { displayName: v.displayName, grants: v.grants }), onSuccess }),
    setActive: useMutation({ mutationFn: (v: { id: string; isActive: boolean }) => updateUser(v.id, { isActive: v.isActive }), onSuccess }),
    unlock: useMutation({ mutationFn: unlockUser, onSuccess }),
  };
}
