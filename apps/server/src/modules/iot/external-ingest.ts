import os from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import type { IngestService } from './ingest.service';
import { isUnsupportedProtocolVersion, optionsForVersion, type MqttProtocolVersion } from './mqtt-protocol';
import { SHARED_TELEMETRY_SUBSCRIPTION } from './topics';

export interface ExternalIngestOptions {
  url: string;
  ingest: IngestService;
  /** Stable per instance, so the broker keeps its session (and unacknowledged messages) across restarts. */
  clientId?: string;
  subscription?: string;
  /** Devices' command acknowledgements (`$share/…/parkos/+/command-acks`); unset: not subscribed. */
  ackSubscription?: string;
  /** Devices' events (`$share/…/parkos/+/events`); unset: not subscribed. */
  eventSubscription?: string;
  /** In-flight unacknowledged messages the broker may send (MQTT 5 Receive Maximum). */
  receiveMaximum?: number;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * External-broker mode: subscribes through a shared subscription so several
 * ingest instances split the stream, and acknowledges each QoS 1 message only
 * after its readings are committed. Redelivered messages are harmless:
 * telemetry is deduplicated by (device, metric, ts). Speaks MQTT 5 (session
 * expiry, receive maximum), or 3.1.1 when the broker refuses 5 — shared
 * subscriptions (`$share/…`) work with 3.1.1 clients on Mosquitto ≥ 1.6, EMQX
 * and HiveMQ; the session then lasts until the broker drops it.
 */
export async function startExternalIngest(options: ExternalIngestOptions): Promise<{ client: MqttClient; protocolVersion: MqttProtocolVersion; publish(topic: string, payload: string): Promise<void>; close(): Promise<void> }> {
  let client: MqttClient;
  let protocolVersion: MqttProtocolVersion = 5;
  try {
    client = await connectIngestClient(options, 5);
  } catch (err) {
    if (!isUnsupportedProtocolVersion(err)) throw err;
    options.log.warn({ err: (err as Error).message }, 'the external MQTT broker refused MQTT 5; connecting with MQTT 3.1.1');
    protocolVersion = 4;
    client = await connectIngestClient(options, 4);
  }
  client.on('error', (err) => options.log.warn({ err: err.message }, 'external MQTT broker error'));

  const subscription = options.subscription ?? SHARED_TELEMETRY_SUBSCRIPTION;
  const subscriptions = [subscription, ...(options.ackSubscription ? [options.ackSubscription] : []), ...(options.eventSubscription ? [options.eventSubscription] : [])];
  const granted = await client.subscribeAsync(subscriptions, { qos: 1 });
  for (const g of granted) if (g.qos > 2) throw new Error(`the broker refused the subscription ${g.topic} (code ${g.qos})`);
  options.log.info({ url: options.url.replace(/\/\/[^@]*@/, '//***@'), subscription, protocolVersion }, 'subscribed to the external MQTT broker');
  return {
    client,
    protocolVersion,
    /** Publishes through this connection (commands to devices), QoS 1. */
    publish: async (topic: string, payload: string) => {
      await client.publishAsync(topic, payload, { qos: 1 });
    },
    close: () => client.endAsync(),
  };
}

/** One connection attempt at a protocol level, with the commit-then-acknowledge handler installed before CONNACK. */
async function connectIngestClient(options: ExternalIngestOptions, protocolVersion: MqttProtocolVersion): Promise<MqttClient> {
  // Not connectAsync: a resumed session gets its queued messages right after
  // CONNACK, before connectAsync's promise resolves, and MQTT.js' default
  // handler would acknowledge them unstored. The handler is installed first.
  const client = mqtt.connect(
    options.url,
    optionsForVersion(
      {
        clientId: options.clientId ?? `parkos-ingest-${os.hostname()}`,
        clean: false,
        properties: { sessionExpiryInterval: 24 * 3600, receiveMaximum: options.receiveMaximum ?? 2_000 },
        reconnectPeriod: 1_000,
      },
      protocolVersion,
    ),
  );
  client.on('connect', () => (client.stream as { setNoDelay?: (v: boolean) => void }).setNoDelay?.(true));

  // MQTT.js handles incoming packets one at a time and sends the PUBACK when
  // handleMessage calls back; waiting there for the commit would allow one
  // message per batch. So we answer handleMessage at once with a marker error
  // (MQTT.js then neither acknowledges nor stops reading) and send the PUBACK
  // ourselves once the batch holding the message has committed.
  const DEFERRED = new Error('acknowledged after commit');
  const sendPacket = (client as unknown as { _sendPacket(packet: object, cb?: () => void): void })._sendPacket.bind(client);
  client.handleMessage = (packet, callback) => {
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const done = options.ingest.handleExternalMessage(packet.topic, payload);
    if (packet.qos === 0) {
      done.catch((err: unknown) => options.log.error({ err }, 'external ingest failed (QoS 0 message lost)'));
      callback();
      return;
    }
    const messageId = packet.messageId;
    done.then(
      () => {
        if (client.connected && !client.disconnecting) sendPacket({ cmd: 'puback', messageId });
      },
      // Not acknowledged: the broker redelivers it when this session reconnects.
      (err: unknown) => options.log.error({ err, messageId }, 'external ingest failed; message left unacknowledged'),
    );
    callback(DEFERRED);
  };
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => {
      client.end(true);
      reject(err);
    };
    client.once('error', onError);
    client.once('connect', () => {
      client.off('error', onError);
      resolve();
    });
  });
  return client;
}
