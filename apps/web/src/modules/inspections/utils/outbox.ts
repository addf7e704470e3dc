import type { Mark, Submission } from '../api/inspections.api';

/**
 * The phone's own store for inspections (IndexedDB, which keeps photos as blobs): the draft of a run
 * being walked, and submissions waiting to be sent. A submission keeps its client id, so sending it
 * again (after a lost answer, or when back online) never makes a second run on the server.
 */

/** A photo taken on the phone: its bytes until uploaded, then the server's file id. */
export interface PendingPhoto {
  name: string;
  blob?: Blob;
  fileId?: string;
}
export interface DraftMark extends Omit<Mark, 'photoIds'> {
  photos: PendingPhoto[];
}
export interface Draft {
  clientId: string;
  routeId: string;
  routeName: string;
  scheduleId: string | null;
  startedAt: string;
  note: string | null;
  marks: Record<string, DraftMark>;
  /** Set when it waits in the outbox; `error` when the server refused it (not a lost connection). */
  queuedAt?: string;
  error?: string;
}

const DB_NAME = 'parkos-inspections';
const DRAFTS = 'drafts';
const OUTBOX = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(DRAFTS, { keyPath: 'routeId' });
      req.result.createObjectStore(OUTBOX, { keyPath: 'clientId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = fn(tx.objectStore(store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const loadDraft = (routeId: string) => run<Draft | undefined>(DRAFTS, 'readonly', (s) => s.get(routeId) as IDBRequest<Draft | undefined>);
export const saveDraft = (d: Draft) => run(DRAFTS, 'readwrite', (s) => s.put(d));
export const dropDraft = (routeId: string) => run(DRAFTS, 'readwrite', (s) => s.delete(routeId));
export const listOutbox = () => run<Draft[]>(OUTBOX, 'readonly', (s) => s.getAll() as IDBRequest<Draft[]>);
export const putOutbox = (d: Draft) => run(OUTBOX, 'readwrite', (s) => s.put(d));
export const dropOutbox = (clientId: string) => run(OUTBOX, 'readwrite', (s) => s.delete(clientId));

/** The submission of a draft whose photos are all uploaded. */
export function submissionOf(d: Draft): Submission {
  return {
    clientId: d.clientId,
    routeId: d.routeId,
    scheduleId: d.scheduleId,
    startedAt: d.startedAt,
    note: d.note,
    marks: Object.values(d.marks).map(({ photos, ...m }) => ({ ...m, photoIds: photos.map((p) => p.fileId).filter((x): x is string => !!x) })),
  };
}
