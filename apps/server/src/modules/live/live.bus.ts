import pg from 'pg';
import type { Database } from '../../db/client';

/** What changed, by id only: the api instance that serves a client loads the details. */
export type LiveSignal =
  | { kind: 'alarms'; ids: string[] }
  | { kind: 'telemetry'; deviceIds: string[] }
  | { kind: 'offline'; deviceIds: string[] };

type SignalKind = LiveSignal['kind'];

/** The PostgreSQL channel the bus uses between instances. */
export const LIVE_CHANNEL = 'parkos_live';
/** NOTIFY payloads must stay under 8000 bytes: ids per notification. */
const IDS_PER_NOTIFY = 150;

export interface LiveBusOptions {
  database: Database;
  /** Alarm changes are coalesced this long (they must reach screens within a second). */
  alarmDelayMs?: number;
  /** Telemetry changes are coalesced this long per instance (at most this often a push). */
  telemetryDelayMs?: number;
  log?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export interface LiveBusStats {
  published: number;
  delivered: number;
  errors: number;
}

/**
 * The live event bus (实时推送). Producers (ingest pipeline, alarm service, rule
 * engine, status job) call `publish`; ids of the same kind are coalesced for a
 * short delay and sent as one signal. On PGlite (one process) subscribers get
 * them in-process; on PostgreSQL every signal goes through `NOTIFY`, so every
 * api instance that `start`ed a listener receives it, its own included.
 */
export function createLiveBus(options: LiveBusOptions) {
  const { database } = options;
  const delays: Record<SignalKind, number> = { alarms: options.alarmDelayMs ?? 50, telemetry: options.telemetryDelayMs ?? 500, offline: 50 };
  const pending: Record<SignalKind, Set<string>> = { alarms: new Set(), telemetry: new Set(), offline: new Set() };
  const timers: Partial<Record<SignalKind, NodeJS.Timeout>> = {};
  const subscribers = new Set<(signal: LiveSignal) => void>();
  const stats: LiveBusStats = { published: 0, delivered: 0, errors: 0 };
  const isShared = database.driver === 'postgres' && !!database.pool;
  let listener: pg.Client | undefined;
  let isClosed = false;
  let reconnect: NodeJS.Timeout | undefined;

  function deliver(signal: LiveSignal): void {
    stats.delivered++;
    for (const fn of subscribers) {
      try {
        fn(signal);
      } catch (err) {
        stats.errors++;
        options.log?.error({ err }, 'live subscriber failed');
      }
    }
  }

  function signalOf(kind: SignalKind, ids: string[]): LiveSignal {
    return kind === 'alarms' ? { kind, ids } : { kind, deviceIds: ids };
  }

  async function send(kind: SignalKind, ids: string[]): Promise<void> {
    stats.published++;
    if (!isShared) return deliver(signalOf(kind, ids));
    for (let i = 0; i < ids.length; i += IDS_PER_NOTIFY) {
      await database.query('select pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ k: kind, i: ids.slice(i, i + IDS_PER_NOTIFY) })]);
    }
  }

  function flush(kind: SignalKind): void {
    timers[kind] = undefined;
    const ids = [...pending[kind]];
    pending[kind].clear();
    if (ids.length === 0) return;
    send(kind, ids).catch((err: unknown) => {
      stats.errors++;
      options.log?.error({ err, kind }, 'live signal could not be sent');
    });
  }

  async function listen(): Promise<void> {
    if (!isShared || isClosed || listener) return;
    const client = new pg.Client(database.pool!.options);
    listener = client;
    const retry = () => {
      if (listener !== client) return;
      listener = undefined;
      client.end().catch(() => undefined);
      if (!isClosed) {
        reconnect = setTimeout(() => void listen().catch(() => undefined), 1_000);
        reconnect.unref();
      }
    };
    client.on('error', (err) => {
      options.log?.warn({ err }, 'live listener lost its connection; reconnecting');
      retry();
    });
    client.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
      try {
        const p = JSON.parse(msg.payload) as { k: SignalKind; i: string[] };
        if (p.k in pending && Array.isArray(p.i)) deliver(signalOf(p.k, p.i));
      } catch (err) {
        stats.errors++;
        options.log?.error({ err }, 'malformed live notification dropped');
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      options.log?.warn({ err }, 'live listener could not connect; retrying');
      retry();
    }
  }

  return {
    stats,
    /** Queues ids of one kind; they go out together within the kind's delay. */
    publish(kind: SignalKind, ids: Iterable<string>): void {
      if (isClosed) return;
      const set = pending[kind];
      for (const id of ids) set.add(id);
      if (set.size > 0 && !timers[kind]) timers[kind] = setTimeout(() => flush(kind), delays[kind]);
    },
    /** Receives every signal (on PostgreSQL: once `start` has run). Returns the unsubscribe function. */
    subscribe(fn: (signal: LiveSignal) => void): () => void {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    /** On PostgreSQL, opens the `LISTEN` connection (api instances). Idempotent. */
    async start(): Promise<void> {
      await listen();
    },
    /** Whether this bus has its listener up (always true on PGlite). */
    get isListening(): boolean {
      return !isShared || !!listener;
    },
    /** Sends what is queued and stops listening. */
    async close(): Promise<void> {
      for (const kind of Object.keys(pending) as SignalKind[]) {
        if (timers[kind]) clearTimeout(timers[kind]);
        const ids = [...pending[kind]];
        pending[kind].clear();
        timers[kind] = undefined;
        if (ids.length) await send(kind, ids).catch(() => undefined);
      }
      isClosed = true;
      if (reconnect) clearTimeout(reconnect);
      const l = listener;
      listener = undefined;
      subscribers.clear();
      await l?.end().catch(() => undefined);
    },
  };
}

export type LiveBus = ReturnType<typeof createLiveBus>;
