import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses } from '../../lib/http';
import { TOPIC_ROOT } from './topics';

/** Where devices connect and what they may send: for installers, the credential dialog and the device page. */
export const brokerInfoSchema = z.object({
  mode: z.enum(['embedded', 'external']),
  /** Host devices use; null: the host the web UI is served from. */
  host: z.string().nullable(),
  mqtt: z.object({ port: z.number().int().nullable(), url: z.string().nullable() }),
  websocket: z.object({ port: z.number().int().nullable(), path: z.string(), url: z.string().nullable() }),
  username: z.string(),
  topics: z.object({ telemetry: z.string(), events: z.string(), commands: z.string(), commandAcks: z.string() }),
  /** MQTT versions devices may speak: the embedded broker (Aedes) takes 3.1.1 (and 3.1) and refuses MQTT 5; null: the external broker's own. */
  mqttVersions: z.array(z.enum(['3.1', '3.1.1', '5'])).nullable(),
  maxPayloadBytes: z.number().int(),
  deviceRatePerSecond: z.number(),
  deviceBurst: z.number().int(),
});
export type BrokerInfo = z.infer<typeof brokerInfoSchema>;

export interface BrokerInfoSettings {
  mqttUrl?: string;
  mqttPort?: number;
  mqttWsPort?: number;
  mqttPublicHost?: string;
  mqttMaxPayloadBytes?: number;
  mqttDeviceRate?: number;
  mqttDeviceBurst?: number;
}

/**
 * The broker's public address and topic scheme. The embedded broker reports
 * the ports it actually listens on (MQTT_PORT=0 picks one) through `setListening`.
 */
export function createBrokerInfo(settings: BrokerInfoSettings) {
  let port = settings.mqttUrl ? null : (settings.mqttPort ?? 1883);
  let wsPort = settings.mqttUrl ? null : (settings.mqttWsPort ?? null);
  return {
    setListening(listening: { port: number; wsPort?: number }): void {
      port = listening.port;
      wsPort = listening.wsPort ?? null;
    },
    get(): BrokerInfo {
      const external = settings.mqttUrl ? new URL(settings.mqttUrl) : undefined;
      const host = settings.mqttPublicHost ?? external?.hostname ?? null;
      const mqttPort = external ? Number(external.port || (external.protocol === 'mqtts:' ? 8883 : 1883)) : port;
      const wsUrl = external && /^wss?:$/.test(external.protocol) ? `${external.protocol}//${host}:${mqttPort}${external.pathname}` : null;
      return {
        mode: external ? 'external' : 'embedded',
        host,
        mqtt: { port: external && /^wss?:$/.test(external.protocol) ? null : mqttPort, url: host && mqttPort ? `mqtt://${host}:${mqttPort}` : null },
        websocket: { port: wsPort, path: '/mqtt', url: wsUrl ?? (host && wsPort ? `ws://${host}:${wsPort}/mqtt` : null) },
        username: '{code}',
        topics: {
          telemetry: `${TOPIC_ROOT}/{code}/telemetry`,
          events: `${TOPIC_ROOT}/{code}/events`,
          commands: `${TOPIC_ROOT}/{code}/commands`,
          commandAcks: `${TOPIC_ROOT}/{code}/command-acks`,
        },
        mqttVersions: external ? null : ['3.1.1', '3.1'],
        maxPayloadBytes: settings.mqttMaxPayloadBytes ?? 64 * 1024,
        deviceRatePerSecond: settings.mqttDeviceRate ?? 200,
        deviceBurst: settings.mqttDeviceBurst ?? 400,
      };
    },
  };
}
export type BrokerInfoService = ReturnType<typeof createBrokerInfo>;

/** `GET /api/iot/broker`: any signed-in user (the address is not a secret; credentials are). */
export const brokerInfoRoutes: FastifyPluginAsyncZod<{ brokerInfo: BrokerInfoService }> = async (app, { brokerInfo }) => {
  app.get(
    '/iot/broker',
    { schema: { tags: ['devices'], summary: 'Where devices connect: broker host, MQTT and WebSocket ports, topic scheme and limits', response: { 200: brokerInfoSchema, ...errorResponses } } },
    async (r) => {
      ctxOf(r);
      return brokerInfo.get();
    },
  );
};
