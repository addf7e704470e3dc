import { findNulPaths, formatInputPath, mayHoldNulEscape } from '../../lib/input-guards';
import type { DeviceAuth, DeviceIdentity } from './device-auth';
import type { IngestPipeline } from './ingest.pipeline';
import type { IngestErrorReason } from './metrics';
import { MAX_PAYLOAD_BYTES, parseTelemetry, type Rejection } from './payload';
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
  /** Largest accepted telemetry payload in bytes. */
  maxPayloadBytes: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = { deviceRatePerSecond: 200, deviceBurst: 400, maxAckDelayMs: 5_000, maxPayloadBytes: MAX_PAYLOAD_BYTES };

export interface HttpIngestResult {
  accepted: number;
  rejected: number;
  rejections: Rejection[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Where a JSON payload holds U+0000 (a string or a key), as a rejection;
 * null when it holds none or is not JSON (the channel's parser reports that).
 * PostgreSQL refuses U+0000 in text and jsonb, so such a message is refused
 * whole, before any channel sees it.
 */
export function nulRejection(payload: Buffer | string): Rejection | null {
  if (!mayHoldNulEscape(payload)) return null;
  let body: unknown;
  try {
    body = JSON.parse(payload.toString());
  } catch {
    return null;
  }
  const [first] = findNulPaths(body);
  if (!first) return null;
  const path = formatInputPath(first);
  return { reason: 'nul_character', message: `${path || 'payload'}: must not contain the character U+0000`, ...(path ? { path } : {}) };
}

/**
 * Takes device messages from the embedded broker, the external broker and
 * HTTP, validates them, counts what it rejects per device and reason, and
 * hands the rest to the batching pipeline. Never throws for bad input.
 */
export function createIngestService(deps: {
  pipeline: IngestPipeline;
  deviceAuth: DeviceAuth;
  limits?: Partial<IngestLimits>;
  log?: { warn(obj: object, msg: string): void };
  /** Device events (`parkos/{code}/events`): stored and turned into alarms by the rules module; resolves after the commit. */
  onEvents?: (device: DeviceIdentity, payload: Buffer) => Promise<{ rejections: Rejection[] }>;
}) {
  const { pipeline, deviceAuth } = deps;
  // Unset (undefined) fields keep their defaults.
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS };
  for (const [k, v] of Object.entries(deps.limits ?? {})) if (v !== undefined) (limits as unknown as Record<string, number>)[k] = v;
  let commandAck: ((device: DeviceIdentity, payload: Buffer) => Promise<string | null>) | undefined;
  const limiter = createRateLimiter({ ratePerSecond: limits.deviceRatePerSecond, burst: limits.deviceBurst });

  /** Listeners of devices' `events` channel (gate cameras, pass scans); called after the publish is accepted, never awaited. */
  const eventListeners: ((device: DeviceIdentity, payload: Buffer) => void)[] = [];

  function reject(device: DeviceIdentity, reason: IngestErrorReason, message: string): void {
    pipeline.recordRejections(device.id, [{ reason, message }]);
  }

  /** Applies a device's command acknowledgement; what it cannot take is counted against the device. */
  async function ackCommand(device: DeviceIdentity, payload: Buffer): Promise<void> {
    if (!commandAck) return;
    const problem = await commandAck(device, payload);
    if (problem) reject(device, 'invalid_payload', problem);
  }

  return {
    /** Registers a listener of devices' `events` publishes (minimal hook used by the parking module). */
    onDeviceEvent(listener: (device: DeviceIdentity, payload: Buffer) => void): void {
      eventListeners.push(listener);
    },

    limits,

    /** Set by the IoT composition root: where `parkos/{code}/command-acks` messages go. */
    setCommandAckHandler(handler: (device: DeviceIdentity, payload: Buffer) => Promise<string | null>): void {
      commandAck = handler;
    },

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
      // Acknowledged and counted, never a disconnect: a QoS 1 device would resend it forever.
      const nul = nulRejection(payload);
      if (nul) {
        pipeline.recordRejections(device.id, [nul]);
        pipeline.touch(device.id);
        return;
      }
      if (channel === 'events') {
        // Module listeners (gate reads, pass scans) see every event; alarm rules store and evaluate them.
        for (const listener of eventListeners) listener(device, payload);
        if (deps.onEvents) pipeline.recordRejections(device.id, (await deps.onEvents(device, payload)).rejections);
        pipeline.touch(device.id);
        return;
      }
      if (channel === 'command-acks') {
        pipeline.touch(device.id);
        await ackCommand(device, payload);
        return;
      }
      if (channel !== 'telemetry') {
        // Events are accepted; alarms consume them later.
        pipeline.touch(device.id);
        return;
      }
      const parsed = parseTelemetry(payload, device.type, Date.now(), limits.maxPayloadBytes);
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

    /** A message from the external broker (telemetry, events, command acks; already authenticated there); resolves after the commit. */
    async handleExternalMessage(topic: string, payload: Buffer): Promise<void> {
      const t = parseDeviceTopic(topic);
      const nul = t && nulRejection(payload);
      if (t && nul) {
        const device = await deviceAuth.findByCode(t.code);
        if (device) pipeline.recordRejections(device.id, [nul]);
        return;
      }
      if (t?.channel === 'command-acks') {
        const device = await deviceAuth.findByCode(t.code);
        if (device) await ackCommand(device, payload);
        return;
      }
      if (t?.channel === 'events') {
        // The broker authenticated the device; listeners and alarm rules take the event as on the embedded broker.
        const device = await deviceAuth.findByCode(t.code);
        if (!device) return;
        for (const listener of eventListeners) listener(device, payload);
        if (deps.onEvents) pipeline.recordRejections(device.id, (await deps.onEvents(device, payload)).rejections);
        pipeline.touch(device.id);
        return;
      }
      if (!t || t.channel !== 'telemetry') {
        deps.log?.warn({ topic }, 'external broker message on an unexpected topic dropped');
        return;
      }
      const device = await deviceAuth.findByCode(t.code);
      if (!device) {
        deps.log?.warn({ code: t.code.slice(0, 64) }, 'telemetry from an unknown or revoked device dropped');
        return;
      }
      const parsed = parseTelemetry(payload, device.type, Date.now(), limits.maxPayloadBytes);
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
      const nul = nulRejection(body);
      const parsed = nul ? { readings: [], rejections: [nul] } : parseTelemetry(body, device.type, Date.now(), limits.maxPayloadBytes);
      pipeline.recordRejections(device.id, parsed.rejections);
      if (parsed.readings.length) await pipeline.submit(device.id, parsed.readings);
      else pipeline.touch(device.id);
      return { accepted: parsed.readings.length, rejected: parsed.rejections.length, rejections: parsed.rejections.slice(0, 50) };
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
