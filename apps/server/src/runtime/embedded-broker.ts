import http from 'node:http';
import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { FastifyBaseLogger } from 'fastify';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { IngestRefusal, maySubscribe, type DeviceAuth, type DeviceIdentity, type IngestService } from '../modules/iot';
import { MqttPacketGuard, type PacketGuardRefusal } from './mqtt-packet-guard';

export interface EmbeddedBroker {
  port: number;
  /** Port of MQTT over WebSocket, when enabled. */
  wsPort?: number;
  /** Live figures for health pages, tests and the benchmark. */
  stats: BrokerStats;
  connectedClients(): number;
  /** Publishes from the server itself (commands), QoS 1 to subscribers. */
  publish(topic: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrokerStats {
  refusedConnections: number;
  failedLogins: number;
  refusedPublishes: number;
  refusedSubscriptions: number;
  /** Connections cut because a packet announced more than its limit (or a malformed length). */
  oversizedPackets: number;
}

export interface EmbeddedBrokerOptions {
  port: number;
  host?: string;
  /** MQTT over WebSocket on this port (path `/mqtt`); unset: off. */
  wsPort?: number;
  log: FastifyBaseLogger;
  /** Device credentials; without them every CONNECT is refused. */
  deviceAuth?: DeviceAuth;
  /** The ingest pipeline's entry point; without it every CONNECT is refused. */
  ingest?: IngestService;
  /** Connections beyond this are refused at CONNECT (and at accept, with some slack). */
  maxConnections?: number;
  /** Largest packet (remaining length) before the device is authenticated: the CONNECT and anything sent before CONNACK. Default 4 KiB. */
  maxConnectBytes?: number;
  /** Largest packet after authentication. Default 128 KiB (the 64 KiB payload limit plus headroom). */
  maxPacketBytes?: number;
}

/** Default packet limits of the embedded broker (see `MQTT_MAX_CONNECT_BYTES`, `MQTT_MAX_PACKET_BYTES`). */
export const DEFAULT_MQTT_MAX_CONNECT_BYTES = 4 * 1024;
export const DEFAULT_MQTT_MAX_PACKET_BYTES = 128 * 1024;

// MQTT 3.1.1 CONNACK return codes (Aedes' AuthErrorCode is a const enum, not importable under isolatedModules).
const BAD_USERNAME_OR_PASSWORD = 4;

/**
 * The embedded MQTT broker (Aedes) for embedded mode. Devices log in with
 * their code and secret; they may publish only under `parkos/{code}/…`
 * (telemetry, events, command-acks) and subscribe only to
 * `parkos/{code}/commands`. A telemetry PUBLISH is held in `authorizePublish`
 * until the pipeline has committed it, so a QoS 1 PUBACK means "in the
 * database"; holding it also stops Aedes reading that socket, which is the
 * backpressure. Overload is refused before it reaches Aedes' emitter (whose
 * recursion overflows the stack when flooded): a connection cap, a token
 * bucket per device and the pipeline's bounded queue.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const { log, deviceAuth, ingest } = options;
  const maxConnections = options.maxConnections ?? 5_000;
  const maxConnectBytes = options.maxConnectBytes ?? DEFAULT_MQTT_MAX_CONNECT_BYTES;
  const maxPacketBytes = options.maxPacketBytes ?? DEFAULT_MQTT_MAX_PACKET_BYTES;
  const stats: BrokerStats = { refusedConnections: 0, failedLogins: 0, refusedPublishes: 0, refusedSubscriptions: 0, oversizedPackets: 0 };
  const identities = new WeakMap<Client, DeviceIdentity>();
  const clientsByCode = new Map<string, Set<Client>>();

  const broker = await Aedes.createBroker({ connectTimeout: 10_000, maxClientsIdLength: 128 });
  // Aedes emits 'error' for persistence failures; unhandled, that would kill the process.
  (broker as unknown as NodeJS.EventEmitter).on('error', (err: Error) => log.error({ err }, 'MQTT broker error'));
  broker.on('clientError', (client, err) => log.debug({ clientId: client?.id, err: err.message }, 'MQTT client error'));
  broker.on('connectionError', (_client, err) => log.debug({ err: err.message }, 'MQTT connection error'));

  // Sockets open (TCP and WebSocket), counted from accept: CONNECTs racing in at once are all counted.
  let openConnections = 0;
  const countConnection = (stream: { once(event: 'close', fn: () => void): unknown }) => {
    openConnections++;
    stream.once('close', () => openConnections--);
  };

  // Aedes has no packet-size limit: every connection goes through a guard that
  // cuts it when a header announces more than the limit, before the body is buffered.
  const guardIdentities = new WeakMap<MqttPacketGuard, DeviceIdentity>();
  const guard = (inner: MqttPacketGuard['inner'], remote: string | undefined): MqttPacketGuard => {
    const g: MqttPacketGuard = new MqttPacketGuard(inner, {
      maxUnauthenticatedBytes: maxConnectBytes,
      maxPacketBytes,
      onRefusal: (refusal: PacketGuardRefusal) => {
        stats.oversizedPackets++;
        const identity = guardIdentities.get(g);
        log.debug({ remote, device: identity?.code, ...refusal }, 'MQTT packet over the limit; connection closed');
        if (identity && refusal.reason === 'too_large') ingest?.recordRejection(identity, 'oversized', `MQTT packet of ${refusal.announced} bytes over the ${refusal.limit}-byte limit; connection closed`);
      },
    });
    return g;
  };

  broker.preConnect = (_client, _packet, done) => {
    if (openConnections > maxConnections) {
      stats.refusedConnections++;
      done(new Error('too many connections'), false);
      return;
    }
    done(null, true);
  };

  broker.authenticate = (client, username, password, done) => {
    if (!deviceAuth || !ingest) {
      done(null, false);
      return;
    }
    deviceAuth.verify(username, password).then(
      (identity) => {
        if (!identity) {
          stats.failedLogins++;
          const err = Object.assign(new Error('Bad device code or secret'), { returnCode: BAD_USERNAME_OR_PASSWORD }) as AuthenticateError;
          done(err, null);
          return;
        }
        identities.set(client, identity);
        // Larger packets only once authenticated (before the CONNACK goes out).
        if (client.conn instanceof MqttPacketGuard) {
          client.conn.admit();
          guardIdentities.set(client.conn, identity);
        }
        let set = clientsByCode.get(identity.code);
        if (!set) clientsByCode.set(identity.code, (set = new Set()));
        set.add(client);
        ingest.touch(identity);
        done(null, true);
      },
      (err: unknown) => {
        log.error({ err }, 'device authentication failed');
        done(null, false);
      },
    );
  };

  broker.on('clientDisconnect', (client) => {
    const identity = identities.get(client);
    if (identity) clientsByCode.get(identity.code)?.delete(client);
  });

  broker.authorizePublish = (client, packet, done) => {
    // Publications by the server itself (commands later) have no client.
    if (!client) {
      done(null);
      return;
    }
    const identity = identities.get(client);
    if (!identity || !ingest) {
      stats.refusedPublishes++;
      done(new Error('not authenticated'));
      return;
    }
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    ingest.handleDevicePublish(identity, packet.topic, payload, packet.qos).then(
      () => done(null),
      (err: unknown) => {
        stats.refusedPublishes++;
        if (err instanceof IngestRefusal) log.debug({ device: identity.code, reason: err.reason }, err.message);
        else log.error({ err, device: identity.code }, 'ingest failed; the message is not acknowledged');
        // No PUBACK: the connection closes and the device resends (at-least-once).
        done(err instanceof Error ? err : new Error(String(err)));
      },
    );
  };

  broker.authorizeSubscribe = (client, sub, done) => {
    const identity = identities.get(client);
    if (identity && maySubscribe(identity.code, sub.topic)) {
      done(null, sub);
      return;
    }
    stats.refusedSubscriptions++;
    if (identity) ingest?.recordRejection(identity, 'wrong_topic', `subscription to ${sub.topic.slice(0, 120)} refused`);
    // A null subscription is a SUBACK failure (0x80) for this topic, not a disconnect.
    done(null, null);
  };

  const unlisten = deviceAuth?.onCredentialsChanged((code) => {
    for (const client of clientsByCode.get(code) ?? []) client.close();
    clientsByCode.delete(code);
  });

  const server = net.createServer({ noDelay: true }, (socket) => {
    countConnection(socket);
    broker.handle(guard(socket, socket.remoteAddress));
  });
  // Hard cap at accept time; the CONNECT-time cap above answers politely first.
  server.maxConnections = maxConnections + 100;
  await listen(server, options.port, options.host);
  const port = (server.address() as net.AddressInfo).port;
  log.info({ port }, 'embedded MQTT broker listening');

  let wss: WebSocketServer | undefined;
  let httpServer: http.Server | undefined;
  let wsPort: number | undefined;
  if (options.wsPort !== undefined) {
    httpServer = http.createServer((_req, res) => res.writeHead(426).end('MQTT over WebSocket only'));
    wss = new WebSocketServer({ server: httpServer, path: '/mqtt', maxPayload: 1024 * 1024 });
    // The WebSocket server re-emits its HTTP server's errors (a taken port is handled by listen below).
    wss.on('error', (err) => log.debug({ err: err.message }, 'MQTT over WebSocket server error'));
    wss.on('connection', (socket, req) => {
      if (openConnections >= maxConnections) {
        stats.refusedConnections++;
        socket.close(1013, 'too many connections');
        return;
      }
      countConnection(socket);
      const stream = createWebSocketStream(socket);
      stream.on('error', () => undefined);
      // ws caps one message at 1 MiB, but a packet may span many messages: the same guard applies.
      broker.handle(guard(stream, req.socket.remoteAddress), req);
    });
    try {
      await listen(httpServer, options.wsPort, options.host);
    } catch (err) {
      // Leave nothing listening when the WebSocket port is taken.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      throw err;
    }
    wsPort = (httpServer.address() as net.AddressInfo).port;
    log.info({ port: wsPort }, 'MQTT over WebSocket listening on /mqtt');
  }

  return {
    port,
    wsPort,
    stats,
    connectedClients: () => broker.connectedClients,
    publish: (topic, payload) =>
      new Promise<void>((resolve, reject) => {
        broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false }, (err) => (err ? reject(err) : resolve()));
      }),
    async close() {
      unlisten?.();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (wss) {
        for (const c of wss.clients) c.terminate();
        await new Promise<void>((resolve) => wss!.close(() => resolve()));
        await new Promise<void>((resolve) => httpServer!.close(() => resolve()));
      }
    },
  };
}

function listen(server: net.Server | http.Server, port: number, host = '0.0.0.0'): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
