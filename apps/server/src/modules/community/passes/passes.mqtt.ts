import { z } from 'zod';
import type { DeviceIdentity } from '../../iot/device-auth';
import type { PassesService } from './passes.service';
import type { ScanDecision } from './scan-verifier';

const scan = z.object({ payload: z.string().min(1).max(400), nonce: z.string().min(1).max(64), scannedAt: z.union([z.number(), z.string()]).optional() });
/** `parkos/{code}/events` messages this module consumes: one scan, or a batch uploaded after the gate was offline. */
const gateEvent = z.union([z.object({ type: z.literal('pass_scan') }).extend(scan.shape), z.object({ type: z.literal('pass_scans'), scans: z.array(scan).min(1).max(500) })]);

/**
 * Gate scans over MQTT (`parkos/{code}/events`, JSON). Other event types are
 * ignored here (other modules read them). Never throws: bad messages are
 * counted and logged.
 */
export function createPassEventHandler(deps: { passes: PassesService; log?: { warn(obj: object, msg: string): void } }) {
  const stats = { scans: 0, ignored: 0, invalid: 0, notGate: 0 };
  async function handle(device: DeviceIdentity, payload: Buffer): Promise<ScanDecision[]> {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      stats.ignored++;
      return [];
    }
    const type = (json as { type?: unknown } | null)?.type;
    if (type !== 'pass_scan' && type !== 'pass_scans') {
      stats.ignored++;
      return [];
    }
    const parsed = gateEvent.safeParse(json);
    if (!parsed.success) {
      stats.invalid++;
      deps.log?.warn({ device: device.code, issues: parsed.error.issues.slice(0, 3) }, 'passes: invalid pass_scan event');
      return [];
    }
    const gate = await deps.passes.gateOf(device);
    if (!gate) {
      stats.notGate++;
      return [];
    }
    const scans = parsed.data.type === 'pass_scan' ? [parsed.data] : parsed.data.scans;
    const out: ScanDecision[] = [];
    for (const s of scans) {
      const at = s.scannedAt === undefined ? undefined : new Date(s.scannedAt);
      out.push(await deps.passes.verifier.verify({ gate, payload: s.payload, nonce: s.nonce, scannedAt: at && !Number.isNaN(at.getTime()) ? at : undefined, via: 'mqtt' }));
      stats.scans++;
    }
    return out;
  }
  return {
    stats,
    handle,
    /** For the ingest service's event hook: fire and forget, never rejects. */
    listener: (device: DeviceIdentity, payload: Buffer): void => {
      handle(device, payload).catch((err: unknown) => deps.log?.warn({ err, device: device.code }, 'passes: could not handle a gate event'));
    },
  };
}
