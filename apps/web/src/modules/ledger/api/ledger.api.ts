import { api, type Page } from '../../../lib/api-client';

/** A signed tree head: the park's Ed25519 signature over (size, root, timestamp). */
export interface TreeHead {
  treeSize: number;
  rootHash: string;
  timestampMs: number;
  timestamp: string;
  signature: string;
  keyId: string;
}

/** The published verification key (`/api/.well-known/parkos-ledger-key`). */
export interface LedgerPublicKey {
  algorithm: 'Ed25519';
  keyId: string;
  publicKeySpki: string;
  publicKeyPem: string;
  sthFormat: string;
}

/** An audit entry as logged, with its inclusion proof against a signed head. */
export interface LedgerEntry {
  auditId: number;
  leafIndex: number;
  leafHash: string;
  entry: { canonical: string; json: Record<string, unknown> };
  entryMatchesLeaf: boolean;
  treeHead: TreeHead;
  inclusionProof: string[];
}

export const getLedgerEntry = (auditId: number) => api.get<LedgerEntry>(`/ledger/entries/${auditId}`);
export const getLatestHead = () => api.get<TreeHead>('/ledger/heads/latest');
export const findHeads = (page: number, pageSize: number) => api.get<Page<TreeHead>>('/ledger/heads', { page, pageSize });
export const createHead = () => api.post<TreeHead>('/ledger/heads');
export const getLedgerKey = () => api.get<LedgerPublicKey>('/.well-known/parkos-ledger-key');
/** Where the downloadable proof bundle of an entry is (same-origin, so the session cookie goes along). */
export const bundleUrlOf = (auditId: number) => `/api/ledger/entries/${auditId}/bundle`;
