/** An alarm as the live stream pushes it. */
export interface LiveAlarm {
  id: string;
  state: string;
  severity: string;
  message: string;
  count: number;
  deviceId: string | null;
  deviceName: string | null;
  deviceCode: string;
  ruleName: string;
  parkId: string;
  siteId: string | null;
  buildingId: string | null;
  assigneeId: string | null;
  lastAt: string;
  updatedAt: string;
}

/** A device whose status or values changed. */
export interface LiveDevice {
  id: string;
  code: string;
  name: string;
  type: string;
  parkId: string;
  buildingId: string | null;
  status: 'online' | 'offline';
  lastSeenAt: string | null;
  values?: Record<string, number>;
}

export type LiveEvent = { type: 'alarms'; items: LiveAlarm[] } | { type: 'devices'; items: LiveDevice[] } | { type: 'connection'; isConnected: boolean };

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

function emit(event: LiveEvent): void {
  for (const l of listeners) l(event);
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const s = new EventSource('/api/live', { withCredentials: true });
  source = s;
  s.addEventListener('ready', () => emit({ type: 'connection', isConnected: true }));
  s.addEventListener('alarms', (e) => emit({ type: 'alarms', items: (JSON.parse((e as MessageEvent<string>).data) as { items: LiveAlarm[] }).items }));
  s.addEventListener('devices', (e) => emit({ type: 'devices', items: (JSON.parse((e as MessageEvent<string>).data) as { items: LiveDevice[] }).items }));
  // EventSource reconnects by itself (the server sends `retry: 2000`).
  s.onerror = () => emit({ type: 'connection', isConnected: false });
}

/**
 * Subscribes to `GET /api/live` (server-sent events). One connection per tab,
 * shared by every subscriber; closed when the last one leaves.
 */
export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}
