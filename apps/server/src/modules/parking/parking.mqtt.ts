import { z } from 'zod';
import type { ParkingService } from './parking.service';
import { GATE_DIRECTIONS } from './parking.table';

const payloadSchema = z.object({ type: z.literal('plate'), plate: z.string().min(7).max(12), direction: z.enum(GATE_DIRECTIONS).optional(), at: z.coerce.date().optional(), eventId: z.string().max(100).optional() });

/**
 * The hook for the MQTT ingest: a gate camera publishes
 * `{"type":"plate","plate":"川A12345","at":"…","eventId":"…"}` on `parkos/{code}/events`.
 * Never throws: a malformed or refused read is returned as `{ok:false, reason}` for the
 * caller to log and count; anything that is not a plate event is `ignored`.
 */
export async function handleGateCameraEvent(parking: ParkingService, device: { id: string; code: string; type: string }, payload: Buffer | string): Promise<{ ok: boolean; result?: string; reason?: string }> {
  if (device.type !== 'gate_camera') return { ok: true, result: 'ignored' };
  let json: unknown;
  try {
    json = JSON.parse(payload.toString());
  } catch {
    return { ok: false, reason: 'malformed JSON' };
  }
  if ((json as { type?: unknown })?.type !== 'plate') return { ok: true, result: 'ignored' };
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  try {
    const r = await parking.recordGateRead(device, { plate: parsed.data.plate, at: parsed.data.at, externalId: parsed.data.eventId, direction: parsed.data.direction });
    return { ok: true, result: r.result };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
