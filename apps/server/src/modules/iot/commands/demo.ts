import type { RequestContext } from '../../../lib/context';
import type { Services } from '../../../services';

/**
 * Demo actuators for the command panel: an irrigation valve, lighting, air
 * conditioning and a barrier gate in the demo park's first building (codes
 * DEMO-VALVE-01 …). They have no credentials until an operator issues them.
 */
export async function seedDemoActuators(services: Services, ctx: RequestContext, place: { parkId: string; buildingId?: string }): Promise<number> {
  const defs = [
    { code: 'DEMO-VALVE-01', name: '中心绿地灌溉阀 1', type: 'irrigation_valve', tags: ['irrigation'] },
    { code: 'DEMO-LIGHT-01', name: 'A1 栋大堂照明', type: 'lighting', tags: ['lobby'] },
    { code: 'DEMO-AC-01', name: 'A1 栋会议室空调', type: 'air_conditioner', tags: ['meeting-room'] },
    { code: 'DEMO-GATE-01', name: '北门道闸', type: 'barrier_gate', tags: ['parking'] },
  ] as const;
  for (const d of defs) {
    await services.iot.devices.createDevice(ctx, { ...d, tags: [...d.tags], parkId: place.parkId, buildingId: d.type === 'barrier_gate' ? undefined : place.buildingId });
  }
  return defs.length;
}
