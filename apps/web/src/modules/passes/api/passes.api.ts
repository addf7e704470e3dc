import { api, type Page } from '../../../lib/api-client';

export type PassStatus = 'active' | 'upcoming' | 'expired' | 'revoked';
export type PassKind = 'member' | 'visitor';

/** A pass (通行码) as the API returns it. */
export interface Pass {
  id: string;
  kind: PassKind;
  parkId: string;
  siteId: string | null;
  gateIds: string[];
  enterpriseId: string;
  enterpriseName: string;
  holderUserId: string | null;
  holderName: string | null;
  visitorName: string | null;
  purpose: string | null;
  visitorPhone: string | null;
  visitorPlate: string | null;
  invitedById: string | null;
  validFrom: string;
  validTo: string;
  status: PassStatus;
  revokedAt: string | null;
  revokeReason: string | null;
  createdAt: string;
}

/** The signed QR text and its (short) validity. */
export interface PassQr {
  text: string;
  validFrom: string;
  validTo: string;
  keyId: string;
}

export interface PassWithQr {
  pass: Pass;
  qr: PassQr | null;
}

export interface InvitationCreated extends PassWithQr {
  linkToken: string;
  linkPath: string;
}

export interface VisitorPass {
  visitorName: string;
  parkName: string;
  enterpriseName: string;
  purpose: string | null;
  visitorPlate: string | null;
  validFrom: string;
  validTo: string;
  status: PassStatus;
  qr: PassQr | null;
}

export interface InvitationInput {
  visitorName: string;
  purpose?: string;
  visitorPhone?: string;
  visitorPlate?: string;
  validFrom: string;
  validTo: string;
}

export interface PassFilter {
  page: number;
  pageSize: number;
  kind?: PassKind;
  status?: 'active' | 'revoked';
  /** Valid at some time in the 24 hours from this instant (ISO). */
  validOn?: string;
}

export interface Scan {
  id: number;
  gateId: string;
  gateCode: string | null;
  gateName: string | null;
  holderName: string | null;
  passId: string | null;
  holderKind: string | null;
  nonce: string;
  result: 'accepted' | 'rejected';
  reason: string;
  via: string;
  scannedAt: string;
}

export interface ScanStats {
  from: string;
  to: string;
  buckets: { gateId: string; gateCode: string; gateName: string; hour: string; accepted: number; rejected: number }[];
  byReason: { reason: string; count: number }[];
}

export const getMyPass = () => api.get<PassWithQr>('/passes/me');
export const findPasses = (filter: PassFilter) => api.get<Page<Pass>>('/passes', { ...filter });
export const createInvitation = (input: InvitationInput) => api.post<InvitationCreated>('/passes/invitations', input);
export const revokePass = (id: string, reason: string) => api.post<Pass>(`/passes/${id}/revoke`, { reason });
export const getVisitorPass = (token: string) => api.get<VisitorPass>(`/visitor-passes/${encodeURIComponent(token)}`);
export const findScans = (query: { page: number; pageSize: number; from?: string }) => api.get<Page<Scan>>('/passes/scans', query);
export const getScanStats = () => api.get<ScanStats>('/passes/scan-stats');
