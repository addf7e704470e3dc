import { and, asc, eq, isNotNull, like } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { SYSTEM_ACTOR } from '../../identity/actor';
import { buildings, floors } from '../../parks/parks.table';
import type { DeviceService } from '../device.service';
import { devices, latestValues, telemetry } from '../iot.table';
import type { DeviceType } from '../metrics';
import { createGenerator } from './profiles';
import type { SimulatedDevice } from './simulator';

/** Codes of the devices the demo simulator plays start with this. */
export const SIMULATED_CODE_PREFIX = 'sim-';

const SYSTEM: RequestContext = { actor: SYSTEM_ACTOR };

/** The demo fleet: how many devices of each type, and their code stem. */
const FLEET: { type: DeviceType; stem: string; count: number; name: string }[] = [
  { type: 'environment_sensor', stem: 'env', count: 8, name: '环境传感器' },
  { type: 'energy_meter', stem: 'kwh', count: 4, name: '楼宇电表' },
  { type: 'water_meter', stem: 'water', count: 2, name: '楼宇水表' },
  { type: 'parking_sensor', stem: 'park', count: 12, name: '地磁车位检测器' },
  { type: 'camera', stem: 'cam', count: 2, name: '大堂客流摄像机' },
  { type: 'fire_panel', stem: 'fire', count: 1, name: '消防主机' },
  // Fever screening at the entrances of the key buildings (the first ones).
  { type: 'thermal_camera', stem: 'thermal', count: 3, name: '入口测温摄像机' },
];

/**
 * Registers the demo park's simulated devices (through the device service, so
 * each is audited) on the floors of its first buildings, and back-fills
 * `historyHours` of readings every 5 minutes so the device charts have a past.
 * The simulator then keeps them reporting.
 */
export async function seedSimulatedDevices(deps: { db: Db; devices: DeviceService }, options: { parkId: string; historyHours?: number; now?: number }): Promise<number> {
  const { db } = deps;
  const place = await db
    .select({ floorId: floors.id, buildingId: buildings.id, buildingName: buildings.name, level: floors.level })
    .from(floors)
    .innerJoin(buildings, eq(buildings.id, floors.buildingId))
    .where(eq(buildings.parkId, options.parkId))
    .orderBy(asc(buildings.name), asc(floors.level))
    .limit(12);
  const created: { id: string; type: DeviceType }[] = [];
  let n = 0;
  for (const group of FLEET) {
    for (let i = 1; i <= group.count; i++) {
      const spot = place.length ? place[n % place.length] : undefined;
      n++;
      const code = `${SIMULATED_CODE_PREFIX}${group.stem}-${String(i).padStart(2, '0')}`;
      const d = await deps.devices.createDevice(SYSTEM, {
        code,
        name: `${spot ? `${spot.buildingName} ${spot.level}F ` : ''}${group.name} ${i}`,
        type: group.type,
        parkId: options.parkId,
        floorId: group.type === 'parking_sensor' ? null : (spot?.floorId ?? null),
        buildingId: spot?.buildingId ?? null,
        x: 10 + ((n * 37) % 80),
        y: 10 + ((n * 53) % 60),
        tags: ['demo', 'simulated'],
        metadata: { simulated: true },
      });
      created.push({ id: d.id, type: d.type });
    }
  }

  const hours = options.historyHours ?? 48;
  if (hours > 0) {
    const now = options.now ?? Date.now();
    const step = 5 * 60_000;
    const start = Math.floor((now - hours * 3_600_000) / step) * step;
    const rows: (typeof telemetry.$inferInsert)[] = [];
    const latest = new Map<string, typeof latestValues.$inferInsert>();
    created.forEach((d, i) => {
      const generate = createGenerator(d.type, { seed: 77 + i });
      for (let ts = start; ts < now - 60_000; ts += step) {
        for (const [metric, value] of Object.entries(generate(ts))) {
          rows.push({ deviceId: d.id, metric, ts: new Date(ts), value });
          latest.set(`${d.id}|${metric}`, { deviceId: d.id, metric, ts: new Date(ts), value });
        }
      }
    });
    for (let i = 0; i < rows.length; i += 2_000) await db.insert(telemetry).values(rows.slice(i, i + 2_000)).onConflictDoNothing();
    const last = [...latest.values()];
    for (let i = 0; i < last.length; i += 1_000) await db.insert(latestValues).values(last.slice(i, i + 1_000)).onConflictDoNothing();
  }
  return created.length;
}

/**
 * Issues fresh MQTT credentials (through the device service: audited, the old
 * secret stops working) for the simulated devices, up to `limit`.
 */
export async function prepareSimulatedDevices(deps: { db: Db; devices: DeviceService }, options: { limit?: number; prefix?: string } = {}): Promise<SimulatedDevice[]> {
  const rows = await deps.db
    .select({ id: devices.id, code: devices.code, type: devices.type })
    .from(devices)
    .where(and(like(devices.code, `${options.prefix ?? SIMULATED_CODE_PREFIX}%`), isNotNull(devices.parkId)))
    .orderBy(asc(devices.code))
    .limit(options.limit ?? 1_000);
  const out: SimulatedDevice[] = [];
  for (const r of rows) {
    const { secret } = await deps.devices.rotateCredentials(SYSTEM, r.id);
    out.push({ code: r.code, secret, type: r.type });
  }
  return out;
}
