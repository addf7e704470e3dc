import mqtt, { type MqttClient } from 'mqtt';
import type { RequestContext } from '../../lib/context';
import { SYSTEM_ACTOR } from '../identity/actor';
import { EMBEDDED_BROKER_PROTOCOL_VERSION, telemetryTopic } from '../iot';
import type { PatrolsService } from './patrols.service';
import type { Waypoint } from './patrols.table';

const SYSTEM: RequestContext = { actor: SYSTEM_ACTOR };
/** What a drone may spot; the web app words each code. */
export const FINDING_KINDS = ['debris', 'facade_damage', 'fire_lane_blocked', 'illegal_parking', 'water_pooling'] as const;

export interface DemoPatrolFlights {
  stop(): Promise<void>;
}

/** Points between two waypoints (the end included), `steps` of them. */
export function legPoints(a: Waypoint, b: Waypoint, steps: number): { lat: number; lng: number; altitudeM: number }[] {
  return Array.from({ length: steps }, (_, i) => {
    const f = (i + 1) / steps;
    return { lat: a.lat + (b.lat - a.lat) * f, lng: a.lng + (b.lng - a.lng) * f, altitudeM: a.altitudeM + (b.altitudeM - a.altitudeM) * f };
  });
}

/**
 * The demo drone (part of the demo simulator): every `everyMs` it takes the park's due planned mission (or plans a
 * one-off sortie on the last mission's route), takes off, and publishes over MQTT as the drone — telemetry along
 * the route every `stepMs`, a `snapshot` event over each checkpoint and now and then a `finding` — then lands.
 */
export async function startDemoPatrolFlights(options: {
  url: string;
  drone: { id: string; code: string; secret: string };
  parkId: string;
  patrols: PatrolsService;
  everyMs?: number;
  stepMs?: number;
  findingRate?: number;
  log?: { info(msg: string): void; warn(msg: string): void };
}): Promise<DemoPatrolFlights> {
  const stepMs = options.stepMs ?? 1_500;
  const everyMs = options.everyMs ?? 15 * 60_000;
  const findingRate = options.findingRate ?? 0.3;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const client: MqttClient = await mqtt.connectAsync(options.url, {
    protocolVersion: EMBEDDED_BROKER_PROTOCOL_VERSION,
    username: options.drone.code,
    password: options.drone.secret,
    clientId: `sim-${options.drone.code}-flight`,
    reconnectPeriod: 5_000,
  });
  client.on('error', (err) => options.log?.warn(`patrol flight: ${err.message}`));
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
  const publish = (topic: string, body: object) => client.publishAsync(topic, JSON.stringify(body), { qos: 1 });

  async function nextMission() {
    const planned = await options.patrols.findMissions(SYSTEM, { parkId: options.parkId, status: 'planned', page: 1, pageSize: 50 });
    const mine = planned.items.filter((m) => m.droneId === options.drone.id);
    const due = mine.filter((m) => m.plannedAt.getTime() <= Date.now()).at(-1);
    if (due) return due.id;
    const last = (await options.patrols.findMissions(SYSTEM, { parkId: options.parkId, page: 1, pageSize: 1 })).items[0];
    if (!last) return null;
    const sortie = await options.patrols.createMission(SYSTEM, { routeId: last.routeId, droneId: options.drone.id, name: '演示巡航', plannedAt: new Date(), recurrence: 'none' });
    return sortie.id;
  }

  async function fly() {
    const id = await nextMission();
    if (!id || stopped) return;
    const m = await options.patrols.startMission(SYSTEM, id);
    const wps = m.waypoints;
    let battery = 98;
    let seq = 0;
    for (let i = 0; i <= wps.length && !stopped; i++) {
      const from = wps[Math.max(0, i - 1)];
      const to = wps[i % wps.length];
      for (const p of i === 0 ? [to] : legPoints(from, to, 6)) {
        battery = Math.max(20, battery - 0.4);
        await publish(telemetryTopic(options.drone.code), {
          ts: Date.now(),
          values: { latitude: p.lat, longitude: p.lng, altitude_m: Math.round(p.altitudeM * 10) / 10, battery: Math.round(battery) },
        });
        await wait(stepMs);
      }
      if (i === wps.length) break;
      const at = { checkpoint: to.checkpointKey, lat: to.lat, lng: to.lng };
      await publish(`parkos/${options.drone.code}/events`, { type: 'snapshot', id: `${id}-s${seq++}`, attributes: at });
      if (Math.random() < findingRate) {
        const kind = FINDING_KINDS[Math.floor(Math.random() * FINDING_KINDS.length)];
        await publish(`parkos/${options.drone.code}/events`, { type: 'finding', id: `${id}-f${seq++}`, attributes: { ...at, kind, confidence: Math.round((0.7 + Math.random() * 0.29) * 100) / 100 } });
      }
    }
    await wait(stepMs);
    if (!stopped) await options.patrols.completeMission(SYSTEM, id);
    options.log?.info(`patrol flight: mission ${id} flown`);
  }

  const loop = async () => {
    try {
      await fly();
    } catch (err) {
      options.log?.warn(`patrol flight: ${(err as Error).message}`);
    }
    if (!stopped) timer = setTimeout(() => void loop(), everyMs);
    timer?.unref();
  };
  timer = setTimeout(() => void loop(), 5_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client.endAsync(true).catch(() => undefined);
    },
  };
}
