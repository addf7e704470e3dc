import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { forbidden } from '../../lib/errors';
import type { Actor } from '../identity/actor';
import { areaCovers, loadAreaScope, type AreaScope } from '../iot/alarms/alarms.access';
import { alarms } from '../iot/alarms/alarms.table';
import { devices, latestValues } from '../iot/iot.table';
import { OFFLINE_AFTER_SECONDS } from '../iot/metrics';
import { alarmRules } from '../iot/rules/rules.table';
import type { LiveBus, LiveSignal } from './live.bus';

/** An alarm as pushed to screens: enough to update a list row or a counter. */
export interface LiveAlarm {
  id: string;
  state: string;
  severity: string;
  message: string;
  count: number;
  /** Null for an alarm about a location (combination rules). */
  deviceId: string | null;
  deviceName: string | null;
  deviceCode: string | null;
  ruleName: string;
  parkId: string;
  siteId: string | null;
  buildingId: string | null;
  assigneeId: string | null;
  lastAt: string;
  updatedAt: string;
}

/** A device whose state changed: its status and (for telemetry) its latest values. */
export interface LiveDevice {
  id: string;
  code: string;
  name: string;
  type: string;
  parkId: string;
  siteId: string | null;
  buildingId: string | null;
  status: 'online' | 'offline';
  lastSeenAt: string | null;
  values?: Record<string, number>;
}

/** What a client receives: `alarms` and `devices` events. */
export type LiveMessage = { event: 'alarms'; data: { items: LiveAlarm[] } } | { event: 'devices'; data: { items: LiveDevice[] } };

interface Client {
  area: AreaScope;
  send(message: LiveMessage): void;
}

/**
 * Fans bus signals out to connected screens: each signal's details are loaded
 * once per instance (ids → rows), then every client receives only the rows of
 * its own area (operators: their parks/sites; property staff: their buildings).
 */
export function createLiveHub(deps: { db: Db; bus: LiveBus; log?: { error(obj: object, msg: string): void } }) {
  const { db, bus } = deps;
  const clients = new Set<Client>();
  let unsubscribe: (() => void) | undefined;

  async function loadAlarms(ids: string[]): Promise<LiveAlarm[]> {
    const rows = await db
      .select({ a: alarms, deviceName: devices.name, deviceCode: devices.code, ruleName: alarmRules.name })
      .from(alarms)
      .leftJoin(devices, eq(devices.id, alarms.deviceId))
      .innerJoin(alarmRules, eq(alarmRules.id, alarms.ruleId))
      .where(inArray(alarms.id, ids));
    return rows.map(({ a, deviceName, deviceCode, ruleName }) => ({
      id: a.id,
      state: a.state,
      severity: a.severity,
      message: a.message,
      count: a.count,
      deviceId: a.deviceId,
      deviceName,
      deviceCode,
      ruleName,
      parkId: a.parkId,
      siteId: a.siteId,
      buildingId: a.buildingId,
      assigneeId: a.assigneeId,
      lastAt: a.lastAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    }));
  }

  async function loadDevices(ids: string[], withValues: boolean): Promise<LiveDevice[]> {
    const rows = await db
      .select({ id: devices.id, code: devices.code, name: devices.name, type: devices.type, parkId: devices.parkId, siteId: devices.siteId, buildingId: devices.buildingId, lastSeenAt: devices.lastSeenAt })
      .from(devices)
      .where(inArray(devices.id, ids));
    const values = new Map<string, Record<string, number>>();
    if (withValues && rows.length) {
      for (const v of await db.select({ deviceId: latestValues.deviceId, metric: latestValues.metric, value: latestValues.value }).from(latestValues).where(inArray(latestValues.deviceId, ids))) {
        const m = values.get(v.deviceId) ?? {};
        m[v.metric] = v.value;
        values.set(v.deviceId, m);
      }
    }
    const now = Date.now();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type,
      parkId: r.parkId,
      siteId: r.siteId,
      buildingId: r.buildingId,
      status: r.lastSeenAt && now - r.lastSeenAt.getTime() <= OFFLINE_AFTER_SECONDS[r.type] * 1000 ? 'online' : 'offline',
      lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
      ...(withValues ? { values: values.get(r.id) ?? {} } : {}),
    }));
  }

  async function handle(signal: LiveSignal): Promise<void> {
    if (clients.size === 0) return;
    if (signal.kind === 'alarms') {
      const items = await loadAlarms(signal.ids);
      for (const c of clients) {
        const mine = items.filter((a) => areaCovers(c.area, a));
        if (mine.length) c.send({ event: 'alarms', data: { items: mine } });
      }
      return;
    }
    const items = await loadDevices(signal.deviceIds, signal.kind === 'telemetry');
    for (const c of clients) {
      const mine = items.filter((d) => areaCovers(c.area, d));
      if (mine.length) c.send({ event: 'devices', data: { items: mine } });
    }
  }

  return {
    /** Registers a screen of `actor`; 403 for those with no part in the operations centre. Returns the disconnect function. */
    async connect(actor: Actor, send: (message: LiveMessage) => void): Promise<() => void> {
      const area = await loadAreaScope(db, actor);
      if (!area) throw forbidden('Only park operators and property staff receive live updates');
      if (!unsubscribe) {
        unsubscribe = bus.subscribe((signal) => {
          handle(signal).catch((err: unknown) => deps.log?.error({ err, kind: signal.kind }, 'live signal could not be delivered'));
        });
      }
      await bus.start();
      const client: Client = { area, send };
      clients.add(client);
      return () => clients.delete(client);
    },
    get clientCount(): number {
      return clients.size;
    },
    /** Disconnects everyone and closes the bus (server shutdown). */
    async close(): Promise<void> {
      clients.clear();
      unsubscribe?.();
      unsubscribe = undefined;
      await bus.close();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
