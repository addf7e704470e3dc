import { api } from '../../../lib/api-client';

/** An API token for integrations; the secret is only in the create answer. */
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  access: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const findApiTokens = () => api.get<ApiToken[]>('/api-tokens');
export const createApiToken = (input: { name: string; access?: 'read' | 'write'; expiresInDays?: number }) => api.post<ApiToken & { token: string }>('/api-tokens', input);
export const revokeApiToken = (id: string) => api.delete(`/api-tokens/${id}`);
