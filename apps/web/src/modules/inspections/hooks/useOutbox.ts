import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { uploadFile } from '../../files/api/files.api';
import { submitRun, type RunDetail } from '../api/inspections.api';
import { dropOutbox, listOutbox, putOutbox, submissionOf, type Draft } from '../utils/outbox';

/** Sends one queued run: its photos first (each uploaded once, progress kept), then the run by its client id. */
async function sendOne(d: Draft): Promise<RunDetail> {
  for (const m of Object.values(d.marks)) {
    for (const p of m.photos) {
      if (p.fileId || !p.blob) continue;
      const f = await uploadFile(new File([p.blob], p.name, { type: p.blob.type }), 'image');
      p.fileId = f.id;
      delete p.blob;
      await putOutbox(d);
    }
  }
  return submitRun(submissionOf(d));
}

/**
 * The queue of runs waiting to be sent: flushed on start, when the browser comes back online and
 * every 15 s. A lost connection leaves a run queued; an answer from the server removes it (or, for a
 * refusal, keeps it with the error so the inspector sees why).
 */
export function useOutbox(onSent?: (run: RunDetail, clientId: string) => void) {
  const qc = useQueryClient();
  const [queued, setQueued] = useState<Draft[]>([]);
  const [isOnline, setIsOnline] = useState(() => navigator.onLine);
  const busy = useRef(false);
  const onSentRef = useRef(onSent);
  useEffect(() => {
    onSentRef.current = onSent;
  }, [onSent]);

  const refresh = useCallback(async () => setQueued(await listOutbox()), []);
  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      for (const d of await listOutbox()) {
        if (d.error) continue;
        try {
          const run = await sendOne(d);
          await dropOutbox(d.clientId);
          void qc.invalidateQueries({ queryKey: ['inspections'] });
          onSentRef.current?.(run, d.clientId);
        } catch (e) {
          if (e instanceof ApiError && e.status !== 0 && e.status !== 401 && e.status < 500) await putOutbox({ ...d, error: e.fields[0]?.field ?? e.code });
          else break;
        }
      }
    } finally {
      busy.current = false;
      await refresh();
    }
  }, [qc, refresh]);

  useEffect(() => {
    void flush();
    const up = () => {
      setIsOnline(true);
      void flush();
    };
    const down = () => setIsOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => void flush(), 15_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [flush]);

  /** Queues a run and tries to send it now. */
  const enqueue = useCallback(
    async (d: Draft) => {
      await putOutbox({ ...d, queuedAt: new Date().toISOString() });
      await refresh();
      await flush();
    },
    [flush, refresh],
  );
  const discard = useCallback(
    async (clientId: string) => {
      await dropOutbox(clientId);
      await refresh();
    },
    [refresh],
  );
  return { queued, isOnline, enqueue, flush, discard };
}
