import type { Role, RoleGrant } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';
import type { User } from '../../auth/api/auth.api';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  email?: string | null;
  phone?: string | null;
  locale?: 'zh-CN' | 'en';
  grants: RoleGrant[];
}

export const findUsers = (filter: { page: number; pageSize: number; q?: string; role?: Role }) => api.get<Page<User>>('/users', { ...filter });
export const createUser = (input: UserInput) => api.post<User>('/users', input);
export const updateUser = (id: string, input: { isActive?: boolean; displayName?: string; grants?: RoleGrant[] }) => api.patch<User>(`/users/${id}`, input);
export const unlockUser = (id: string) => api.post<User>(`/users/${id}/unlock`);
