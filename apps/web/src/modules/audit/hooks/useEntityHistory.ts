import { useQueries } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { findAuditEntries, type AuditEntry } from '../api/audit.api';

/** An audited record: the audit log's entity type and id. */
export interface EntityRef {
  entityType: string;
  entityId: string;
}

/** Entries per entity: the newest ones; a history card shows a short recent past, not the whole log. */
const ENTRIES_PER_ENTITY = 50;

/** The merged result of one audit query per entity. */
export interface EntityHistory {
  entries: AuditEntry[];
  isPending: boolean;
  isForbidden: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
}

/**
 * Audit entries of several records, newest first (the audit API filters by one entity at a time,
 * so this asks once per record). A 403 (members may not read the audit log) is reported as
 * `isForbidden`, not as an error, so that callers can hide the history.
 */
export function useEntityHistory(refs: EntityRef[]): EntityHistory {
  return useQueries({
    queries: refs.map((ref) => ({
      queryKey: ['audit-log', 'entity', ref.entityType, ref.entityId],
      queryFn: () => findAuditEntries({ page: 1, pageSize: ENTRIES_PER_ENTITY, entityType: ref.entityType, entityId: ref.entityId }),
    })),
    combine: (results) => {
      const failed = results.find((r) => r.isError);
      const isForbidden = failed?.error instanceof ApiError && failed.error.status === 403;
      const byId = new Map<number, AuditEntry>();
      for (const r of results) for (const e of r.data?.items ?? []) byId.set(e.id, e);
      return {
        entries: [...byId.values()].sort((a, b) => b.id - a.id),
        isPending: results.some((r) => r.isPending),
        isForbidden,
        isError: !!failed && !isForbidden,
        error: failed?.error,
        refetch: () => results.forEach((r) => void r.refetch()),
      };
    },
  });
}
