import type net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import type { DeviceType } from '../metrics';
import { EMBEDDED_BROKER_PROTOCOL_VERSION } from '../mqtt-protocol';
import { telemetryTopic } from '../topics';
import { BAD_PAYLOADS, createGenerator, createPrng, spikeOf, type OfficeReading, type ValueGenerator } from './profiles';

/** A device the simulator plays: its MQTT credentials and type. */
export interface SimulatedDevice {
  code: string;
  secret: string;
  type: DeviceType;
}

/** Probability of each fault per message. */
export interface FaultRates {
  /** The device goes quiet for 30–180 s (no messages). */
  silence: number;
  /** One reading of the message is far out of range. */
  spike: number;
  /** The message is malformed JSON, an unknown metric or a non-numeric value (rejected and counted by ParkOS). */
  badPayload: number;
}

export const DEFAULT_FAULTS: FaultRates = { silence: 0.002, spike: 0.003, badPayload: 0.002 };

export interface SimulatorOptions {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883`. */
  url: string;
  devices: SimulatedDevice[];
  /** Messages per second over all devices (each message carries all of a device's metrics). */
  ratePerSecond: number;
  faults?: Partial<FaultRates>;
  /** Office readings to replay for environment sensors. */
  office?: OfficeReading[];
  seed?: number;
  qos?: 0 | 1;
  log?: { info(msg: string): void; warn(msg: string): void };
}

/** Counters of a running simulation. */
export interface SimulatorStats {
  connected: number;
  published: number;
  readings: number;
  badPayloads: number;
  spikes: number;
  silences: number;
  errors: number;
}

export interface Simulator {
  stats: SimulatorStats;
  stop(): Promise<void>;
}

/**
 * Publishes realistic telemetry over real MQTT: one connection per device
 * (username = device code, password = its secret), `{ts, values}` messages
 * spread evenly at `ratePerSecond` in total, with silences, spikes and bad
 * payloads at the given rates. Resolves once every device has connected.
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const faults = { ...DEFAULT_FAULTS, ...options.faults };
  const rnd = createPrng(options.seed ?? 2026);
  const qos = options.qos ?? 1;
  const stats: SimulatorStats = { connected: 0, published: 0, readings: 0, badPayloads: 0, spikes: 0, silences: 0, errors: 0 };
  const periodMs = Math.max(50, (options.devices.length / Math.max(0.001, options.ratePerSecond)) * 1000);
  const timers: NodeJS.Timeout[] = [];
  const clients: MqttClient[] = [];
  let stopped = false;

  const players = options.devices.map((d, i) => ({ device: d, generate: createGenerator(d.type, { seed: (options.seed ?? 2026) * 7919 + i, office: options.office }) as ValueGenerator, silentUntil: 0 }));

  await Promise.all(
    players.map(async (p, i) => {
      const client = await mqtt.connectAsync(options.url, {
        // 3.1.1: the embedded broker (Aedes) refuses MQTT 5, and every external broker speaks 3.1.1.
        protocolVersion: EMBEDDED_BROKER_PROTOCOL_VERSION,
        username: p.device.code,
        password: p.device.secret,
        clientId: `sim-${p.device.code}-${Math.floor(rnd() * 1e6)}`,
        reconnectPeriod: 5_000,
        connectTimeout: 10_000,
        clean: true,
      });
      (client.stream as net.Socket).setNoDelay?.(true);
      client.on('error', (err) => {
        stats.errors++;
        options.log?.warn(`simulate: ${p.device.code}: ${err.message}`);
      });
      // By index, not completion order: each player publishes on its own device's connection.
      clients[i] = client;
      stats.connected++;
    }),
  );

  players.forEach((p, i) => {
    const client = clients[i];
    const tick = () => {
      if (stopped) return;
      const now = Date.now();
      if (now < p.silentUntil) return;
      if (rnd() < faults.silence) {
        p.silentUntil = now + 30_000 + rnd() * 150_000;
        stats.silences++;
        return;
      }
      let payload: string;
      if (rnd() < faults.badPayload) {
        payload = BAD_PAYLOADS[Math.floor(rnd() * BAD_PAYLOADS.length)];
        stats.badPayloads++;
      } else {
        let values = p.generate(now);
        if (rnd() < faults.spike) {
          values = spikeOf(values, rnd);
          stats.spikes++;
        }
        payload = JSON.stringify({ ts: now, values });
        stats.readings += Object.keys(values).length;
      }
      if (!client.connected) return;
      client.publish(telemetryTopic(p.device.code), payload, { qos }, (err) => {
        if (err) stats.errors++;
        else stats.published++;
      });
    };
    // Spread the devices over the period so the load is even.
    const start = setTimeout(() => {
      tick();
      const every = setInterval(tick, periodMs);
      every.unref();
      timers.push(every);
    }, (i / players.length) * periodMs);
    start.unref();
    timers.push(start);
  });
  options.log?.info(`simulate: ${players.length} devices connected to ${options.url}, ${options.ratePerSecond} messages/s`);

  return {
    stats,
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      // A graceful end waits for in-flight QoS 1 acknowledgements; a simulator must not hang on one
      // that never comes (a connection the broker closed), so it forces the end after a grace period.
      await Promise.all(
        clients.map(async (c) => {
          let timer: NodeJS.Timeout | undefined;
          const graceful = c.endAsync().catch(() => undefined);
          const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), 2_000)));
          if ((await Promise.race([graceful, expired])) === 'expired') await c.endAsync(true).catch(() => undefined);
          clearTimeout(timer);
        }),
      );
    },
  };
}
