import type { EnterpriseMemberView, EnterpriseRole, InvitationStatus, JoinRequestStatus } from '@parkos/contracts';
import { api } from '../../../lib/api-client';

/** One of the enterprise's people, with their passes and plates (for its admin). */
export type Member = EnterpriseMemberView;
export type { InvitationStatus };

export interface Invitation {
  id: string;
  role: EnterpriseRole;
  phone: string | null;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  status: InvitationStatus;
}

export interface JoinRequest {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  phone: string | null;
  status: JoinRequestStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** What disabling a leaver cut off. */
export interface MemberUpdate {
  userId: string;
  roles: EnterpriseRole[];
  isActive: boolean;
  effects: { passesRevoked: number; parkingRightsEnded: number; platesUnlinked: number } | null;
}

export const findMembers = (enterpriseId: string) => api.get<Member[]>(`/enterprises/${enterpriseId}/members`);
export const updateMember = (enterpriseId: string, userId: string, input: { roles?: EnterpriseRole[]; isActive?: boolean }) => api.patch<MemberUpdate>(`/enterprises/${enterpriseId}/members/${userId}`, input);
export const findInvitations = (enterpriseId: string) => api.get<Invitation[]>(`/enterprises/${enterpriseId}/invitations`);
export const createInvitation = (enterpriseId: string, input: { role?: EnterpriseRole; phone?: string | null; expiresInDays?: number }) =>
  api.post<Invitation & { token: string }>(`/enterprises/${enterpriseId}/invitations`, input);
export const revokeInvitation = (enterpriseId: string, id: string) => api.delete(`/enterprises/${enterpriseId}/invitations/${id}`);
export const findJoinRequests = (enterpriseId: string) => api.get<JoinRequest[]>(`/enterprises/${enterpriseId}/join-requests`, { status: 'pending' });
export const decideJoinRequest = (enterpriseId: string, id: string, approve: boolean) => api.post(`/enterprises/${enterpriseId}/join-requests/${id}/${approve ? 'approve' : 'reject'}`);

/** What an invitation link offers, shown on the registration page. */
export const getInvitation = (token: string) => api.get<{ enterpriseName: string; role: EnterpriseRole; expiresAt: string }>(`/invitations/${encodeURIComponent(token)}`);

export interface RegisterInput {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  invitationToken?: string | null;
  joinEnterpriseName?: string | null;
}
export const register = (input: RegisterInput) => api.post<{ userId: string; enterpriseId: string | null; role: EnterpriseRole | null; joinRequestId: string | null }>('/auth/register', input);

/** The link a person opens to register into the enterprise. */
export const invitationLink = (token: string) => `${window.location.origin}/register?invite=${encodeURIComponent(token)}`;
