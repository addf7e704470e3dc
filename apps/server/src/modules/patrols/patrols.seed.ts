import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import type { RoleGrant } from '@parkos/contracts';
import { roleGrants, users } from '../identity/identity.table';
import type { InspectionsService } from '../inspections';
import type { DeviceService } from '../iot';
import type { RulesService } from '../iot/alarms';
import { buildings } from '../parks/parks.table';
import { FEVER_THRESHOLD_C } from './fever.service';
import type { PatrolsService } from './patrols.service';

/** The demo drone's code: `sim-` so the demo simulator gets its credentials and flies it. */
export const DEMO_DRONE_CODE = 'sim-drone-01';

/** The alarm over 37.3 °C: an ordinary threshold rule on thermal cameras' `body_temp` (the IoT alarm path). */
export function feverRuleInput(parkId: string) {
  return {
    parkId,
    name: '体温异常（≥37.3 °C）',
    description: '测温摄像机筛查到发热人员',
    kind: 'threshold' as const,
    severity: 'major' as const,
    enabled: true,
    metric: 'body_temp' as const,
    operator: '>=' as const,
    value: FEVER_THRESHOLD_C,
    hysteresis: 0.5,
    deviceType: 'thermal_camera' as const,
  };
}

/**
 * Demo drone patrols: a drone, a checklist and a route over the park's first buildings (purpose `drone_mission`
 * in the inspections model), a weekly mission due now (the demo flyer takes off with it at start) and the
 * fever alarm rule. Returns the route and drone, for tests.
 */
export async function seedPatrols(
  db: Db,
  services: { inspections: InspectionsService; patrols: PatrolsService; devices: DeviceService; rules: RulesService },
  ctx: RequestContext,
  place: { parkId: string; now?: Date },
): Promise<{ routeId: string; droneId: string; missionId: string } | null> {
  await services.rules.createRule(ctx, feverRuleInput(place.parkId));
  const bs = await db
    .select({ id: buildings.id, name: buildings.name, districtId: buildings.districtId })
    .from(buildings)
    .where(eq(buildings.parkId, place.parkId))
    .orderBy(asc(buildings.name))
    .limit(4);
  if (!bs.length) return null;
  const drone = await services.devices.createDevice(ctx, {
    code: DEMO_DRONE_CODE,
    name: '巡航无人机 1 号',
    type: 'drone',
    parkId: place.parkId,
    buildingId: null,
    floorId: null,
    tags: ['demo', 'simulated'],
    metadata: { simulated: true },
  });
  const template = await services.inspections.createTemplate(ctx, {
    parkId: place.parkId,
    purpose: 'drone_mission',
    name: '无人机巡航检查',
    description: '屋面、外立面、周界与消防通道的航拍检查',
    items: [
      { key: 'roof', label: '屋面无杂物、无积水', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'minor', category: 'cleaning' },
      { key: 'facade', label: '外立面无破损、无坠落风险', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'major', category: 'other' },
      { key: 'fire_lane', label: '消防通道无占用', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'critical', category: 'fire' },
    ],
  });
  const route = await services.inspections.createRoute(ctx, {
    parkId: place.parkId,
    purpose: 'drone_mission',
    name: '园区楼宇航线',
    checkpoints: bs.map((b, i) => ({ key: `b${i + 1}`, name: `${b.name}屋面及外立面`, kind: 'building' as const, districtId: b.districtId, buildingId: b.id, templateId: template.id })),
  });
  // The demo operator plans (and answers for) it: the schedule records who created it, which the system is not.
  const [op] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = 'operator'`);
  const grants = op ? await db.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, op.id)) : [];
  const opCtx: RequestContext = op ? { actor: { userId: op.id, username: op.username, displayName: op.displayName, grants: grants as RoleGrant[], via: 'session', access: 'write' } } : ctx;
  const now = place.now ?? new Date();
  const mission = await services.patrols.createMission(opCtx, { routeId: route.id, droneId: drone.id, name: '每周楼宇航拍巡检', plannedAt: new Date(now.getTime() - 60_000), recurrence: 'weekly' });
  return { routeId: route.id, droneId: drone.id, missionId: mission.id };
}
