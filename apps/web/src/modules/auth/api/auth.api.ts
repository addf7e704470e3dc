import type { RoleGrant } from '@parkos/contracts';
import { api, apiRequest } from '../../../lib/api-client';

/** A ParkOS account as the API returns it (phone masked). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  isActive: boolean;
  locale: string;
  lockedUntil: string | null;
  grants: RoleGrant[];
  createdAt: string;
}

/** Answer of login and /auth/me. */
export interface Session {
  user: User;
  csrfToken: string | null;
}

/** Signs in; the server sets the session cookie. */
export function login(input: { username: string; password: string }): Promise<Session> {
  return apiRequest<Session>('/auth/login', { method: 'POST', body: input, isSilent401: true });
}

/** The current session, or throws 401 when signed out. */
export function getSession(): Promise<Session> {
  return apiRequest<Session>('/auth/me', { isSilent401: true });
}

/** Ends the session. */
export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/** Changes the signed-in user's password. */
export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/auth/password', input);
}
