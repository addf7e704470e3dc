import { api, type Page } from '../../../lib/api-client';

/** One recorded change: who, when, which entity, before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The record's name where the server knows the kind (work order, enterprise, person, event, bill, …). */
  entityName: string | null;
  before: unknown;
  after: unknown;
  parkId: string | null;
  enterpriseId: string | null;
  requestId: string | null;
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  entityType?: string;
  entityId?: string;
  /** Every entry about one enterprise and its vehicles, spaces, leases and members. */
  enterpriseId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const findAuditEntries = (filter: AuditFilter) => api.get<Page<AuditEntry>>('/audit-log', { ...filter });
