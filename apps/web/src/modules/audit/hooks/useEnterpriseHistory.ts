import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { findAuditEntries, type AuditEntry } from '../api/audit.api';

/** The newest entries a history card shows: a short recent past, not the whole log. */
const HISTORY_ENTRIES = 100;

/** A history card's entries and load state. */
export interface EnterpriseHistory {
  entries: AuditEntry[];
  isPending: boolean;
  isForbidden: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
}

/**
 * The audit entries about one enterprise and everything recorded under it (vehicles, spaces,
 * leases, members — also removed ones), newest first. A 403 (members may not read the audit log)
 * is reported as `isForbidden`, not as an error, so that callers can hide the history.
 */
export function useEnterpriseHistory(enterpriseId: string): EnterpriseHistory {
  const q = useQuery({
    queryKey: ['audit-log', 'enterprise', enterpriseId],
    queryFn: () => findAuditEntries({ page: 1, pageSize: HISTORY_ENTRIES, enterpriseId }),
  });
  const isForbidden = q.error instanceof ApiError && q.error.status === 403;
  return {
    entries: q.data?.items ?? [],
    isPending: q.isPending && !q.isError,
    isForbidden,
    isError: q.isError && !isForbidden,
    error: q.error,
    refetch: () => void q.refetch(),
  };
}
