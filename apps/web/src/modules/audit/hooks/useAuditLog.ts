import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { findAuditEntries, type AuditFilter } from '../api/audit.api';

/** A page of the audit log. */
export function useAuditLog(filter: AuditFilter) {
  return useQuery({ queryKey: ['audit-log', filter], queryFn: () => findAuditEntries(filter), placeholderData: keepPreviousData });
}
