import { api } from '../../../lib/api-client';

/** Where devices connect (GET /api/iot/broker). */
export interface BrokerInfo {
  mode: 'embedded' | 'external';
  /** null: the host the web UI is served from. */
  host: string | null;
  mqtt: { port: number | null; url: string | null };
  websocket: { port: number | null; path: string; url: string | null };
  username: string;
  topics: { telemetry: string; events: string; commands: string; commandAcks: string };
  /** MQTT versions devices may speak (embedded broker: 3.1.1 and 3.1, no MQTT 5); null: the external broker's own. */
  mqttVersions: ('3.1' | '3.1.1' | '5')[] | null;
  maxPayloadBytes: number;
  deviceRatePerSecond: number;
  deviceBurst: number;
}

export const getBrokerInfo = () => api.get<BrokerInfo>('/iot/broker');
