import type { DeviceAuth, DeviceIdentity } from './device-auth';
import type { IngestPipeline } from './ingest.pipeline';
import type { IngestErrorReason } from './metrics';
import { parseTelemetry, type Rejection } from './payload';
import { createRateLimiter } from './rate-limiter';
import { channelForPublish, parseDeviceTopic } from './topics';

/** Thrown to refuse a publish outright: the embedded broker then closes the device's connection. */
export class IngestRefusal extends Error {
  constructor(
    readonly reason: IngestErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'IngestRefusal';
  }
}

export interface IngestLimits {
  /** Messages per second each device may send, sustained. */
  deviceRatePerSecond: number;
  /** Messages a device may send at once. */
  deviceBurst: number;
  /** A QoS 1 publish over the rate is acknowledged late, by at most this much; beyond it the device is disconnected. */
  maxAckDelayMs: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = { deviceRatePerSecond: 200, deviceBurst: 400, maxAckDelayMs: 5_000 };

export interface HttpIngestResult {
  accepted: number;
  rejected: number;
  rejections: Rejection[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes device messages from the embedded broker, the external broker and
 * HTTP, validates them, counts what it rejects per device and reason, and
 * hands the rest to the batching pipeline. Never throws for bad input.
 */
export function createIngestService(deps: { pipeline: IngestPipeline; deviceAuth: DeviceAuth; limits?: Partial<IngestLimits>; log?: { warn(obj: object, msg: string): void } }) {
  const { pipeline, deviceAuth } = deps;
  const limits = { ...DEFAULT_INGEST_LIMITS, ...deps.limits };
  const limiter = createRateLimiter({ ratePerSecond: limits.deviceRatePerSecond, burst: limits.deviceBurst });
  const eventListeners: ((device: DeviceIdentity, payload: Buffer) => void)[] = [];

  function reject(device: DeviceIdentity, reason: IngestErrorReason, message: string): void {
    pipeline.recordRejections(device.id, [{ reason, message }]);
  }

  return {
    limits,

    /**
     * A PUBLISH from an authenticated device on the embedded broker. Resolves
     * when the broker may acknowledge it (QoS 1: after the commit); throws
     * IngestRefusal when the connection should be closed instead.
     */
    async handleDevicePublish(device: DeviceIdentity, topic: string, payload: Buffer, qos: number): Promise<void> {
      const channel = channelForPublish(device.code, topic);
      if (!channel) {
        reject(device, 'wrong_topic', `publish to ${topic.slice(0, 120)} refused`);
        throw new IngestRefusal('wrong_topic', `device ${device.code} may not publish to ${topic}`);
      }
      if (qos === 0) {
        if (!limiter.tryTake(device.id)) {
          reject(device, 'rate_limited', 'QoS 0 message dropped: over the per-device rate');
          return;
        }
      } else {
        const wait = limiter.reserve(device.id);
        if (wait > limits.maxAckDelayMs) {
          reject(device, 'rate_limited', `disconnected: ${wait} ms over the per-device rate`);
          throw new IngestRefusal('rate_limited', `device ${device.code} exceeds ${limits.deviceRatePerSecond} msg/s`);
        }
        if (wait > 0) await sleep(wait);
      }
      if (channel !== 'telemetry') {
        // Events and command acknowledgements are accepted; alarms and commands consume them later.
        pipeline.touch(device.id);
        if (channel === 'events') for (const listener of eventListeners) listener(device, payload);
        return;
      }
      const parsed = parseTelemetry(payload, device.type);
      pipeline.recordRejections(device.id, parsed.rejections);
      if (parsed.readings.length === 0) {
        pipeline.touch(device.id);
        return;
      }
      if (qos === 0) {
        if (!pipeline.tryAccept(device.id, parsed.readings)) reject(device, 'overloaded', `QoS 0 message of ${parsed.readings.length} readings dropped: ingest queue full`);
        return;
      }
      await pipeline.submit(device.id, parsed.readings);
    },

    /** A telemetry message from the external broker (already authenticated there); resolves after the commit. */
    async handleExternalMessage(topic: string, payload: Buffer): Promise<void> {
      const t = parseDeviceTopic(topic);
      if (!t || t.channel !== 'telemetry') {
        deps.log?.warn({ topic }, 'external broker message on an unexpected topic dropped');
        return;
      }
      const device = await deviceAuth.findByCode(t.code);
      if (!device) {
        deps.log?.warn({ code: t.code.slice(0, 64) }, 'telemetry from an unknown or revoked device dropped');
        return;
      }
      const parsed = parseTelemetry(payload, device.type);
      pipeline.recordRejections(device.id, parsed.rejections);
      if (parsed.readings.length) await pipeline.submit(device.id, parsed.readings);
      else pipeline.touch(device.id);
    },

    /** HTTP ingestion: same formats and validation; resolves after the commit. */
    async handleHttpTelemetry(device: DeviceIdentity, body: string): Promise<HttpIngestResult> {
      if (!limiter.tryTake(device.id)) {
        reject(device, 'rate_limited', 'HTTP request over the per-device rate');
        throw new IngestRefusal('rate_limited', `device ${device.code} exceeds ${limits.deviceRatePerSecond} requests/s`);
      }
      const parsed = parseTelemetry(body, device.type);
      pipeline.recordRejections(device.id, parsed.rejections);
      if (parsed.readings.length) await pipeline.submit(device.id, parsed.readings);
      else pipeline.touch(device.id);
      return { accepted: parsed.readings.length, rejected: parsed.rejections.length, rejections: parsed.rejections.slice(0, 50) };
    },

    /** Called with each message a device publishes on its `events` channel (listeners must not throw). */
    onDeviceEvent(listener: (device: DeviceIdentity, payload: Buffer) => void): void {
      eventListeners.push(listener);
    },

    /** Marks a device seen (on connect). */
    touch(device: DeviceIdentity): void {
      pipeline.touch(device.id);
    },

    /** Counts a refused connection attempt or subscription for a known device. */
    recordRejection(device: DeviceIdentity, reason: IngestErrorReason, message: string): void {
      reject(device, reason, message);
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
