/**
 * In-browser verification of a ledger entry with WebCrypto only: nothing here trusts the
 * server's arithmetic. It recomputes the RFC 9162 leaf hash from the entry's canonical bytes,
 * walks the inclusion proof to a root (RFC 9162 §2.1.3.2), compares that with the signed tree
 * head, and checks the head's Ed25519 signature over the RFC 6962 §3.5 TreeHeadSignature bytes
 * with the key published at /api/.well-known/parkos-ledger-key.
 */

/** One check and its outcome. */
export interface VerificationStep {
  key: 'leafHash' | 'inclusion' | 'signature' | 'keyId';
  ok: boolean;
  detail: string;
}

export interface VerificationInput {
  entryCanonical: string;
  leafHash: string;
  leafIndex: number;
  proof: string[];
  head: { treeSize: number; rootHash: string; timestampMs: number; signature: string; keyId: string };
  publicKeySpki: string;
}

export interface VerificationResult {
  ok: boolean;
  steps: VerificationStep[];
  computedLeafHash: string;
  computedRoot: string | null;
}

/** Standard base64 → bytes (throws on malformed input). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Bytes → standard base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const buffer = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    buffer.set(p, offset);
    offset += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
}

/** RFC 9162 leaf hash: SHA-256(0x00 ‖ entry). */
export const leafHashOf = (entry: Uint8Array) => sha256(new Uint8Array([0]), entry);
const nodeHashOf = (left: Uint8Array, right: Uint8Array) => sha256(new Uint8Array([1]), left, right);

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Root reached from a leaf and its audit path (RFC 9162 §2.1.3.2), or null when the path does not fit the tree. */
export async function rootFromInclusionProof(leaf: Uint8Array, index: number, size: number, proof: Uint8Array[]): Promise<Uint8Array | null> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (p.length !== 32 || sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHashOf(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHashOf(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** The 50 signed bytes: 0x00 ‖ 0x01 ‖ uint64be timestamp_ms ‖ uint64be tree_size ‖ root. */
export function sthSigningInput(head: { treeSize: number; timestampMs: number }, root: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(50);
  const view = new DataView(out.buffer);
  out[0] = 0;
  out[1] = 1;
  view.setBigUint64(2, BigInt(head.timestampMs));
  view.setBigUint64(10, BigInt(head.treeSize));
  out.set(root, 18);
  return out;
}

/** Runs every check; never throws (a malformed input is a failed step). */
export async function verifyLedgerEntry(input: VerificationInput): Promise<VerificationResult> {
  const steps: VerificationStep[] = [];
  let computedLeafHash = '';
  let computedRoot: string | null = null;
  try {
    const entry = fromBase64(input.entryCanonical);
    const leaf = await leafHashOf(entry);
    computedLeafHash = toBase64(leaf);
    steps.push({ key: 'leafHash', ok: computedLeafHash === input.leafHash, detail: computedLeafHash });

    const root = await rootFromInclusionProof(fromBase64(input.leafHash), input.leafIndex, input.head.treeSize, input.proof.map(fromBase64));
    computedRoot = root ? toBase64(root) : null;
    const headRoot = fromBase64(input.head.rootHash);
    steps.push({ key: 'inclusion', ok: root !== null && equalBytes(root, headRoot), detail: computedRoot ?? '—' });

    const spki = fromBase64(input.publicKeySpki);
    const keyId = toBase64(await sha256(spki));
    steps.push({ key: 'keyId', ok: keyId === input.head.keyId, detail: keyId });

    const key = await crypto.subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
    const isSigned = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(input.head.signature), sthSigningInput(input.head, headRoot));
    steps.push({ key: 'signature', ok: isSigned, detail: input.head.signature });
  } catch (error) {
    steps.push({ key: 'signature', ok: false, detail: error instanceof Error ? error.message : String(error) });
  }
  return { ok: steps.length === 4 && steps.every((s) => s.ok), steps, computedLeafHash, computedRoot };
}
