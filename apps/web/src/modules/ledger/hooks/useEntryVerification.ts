import { useQuery } from '@tanstack/react-query';
import { getLedgerEntry, getLedgerKey } from '../api/ledger.api';
import { verifyLedgerEntry } from '../utils/verify-entry';

/** Fetches an audit entry's ledger proof and the published key, then verifies both in the browser. */
export function useEntryVerification(auditId: number | null) {
  return useQuery({
    queryKey: ['ledger-verification', auditId],
    enabled: auditId !== null,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      const [entry, key] = await Promise.all([getLedgerEntry(auditId!), getLedgerKey()]);
      const result = await verifyLedgerEntry({
        entryCanonical: entry.entry.canonical,
        leafHash: entry.leafHash,
        leafIndex: entry.leafIndex,
        proof: entry.inclusionProof,
        head: entry.treeHead,
        publicKeySpki: key.publicKeySpki,
      });
      return { entry, key, result };
    },
  });
}
