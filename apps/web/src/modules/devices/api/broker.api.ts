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
  maxPayloadBytes: number;
  deviceRatePerSecond: number;
  deviceBurst: number;
}

export const getBrokerInfo = () => api.get<BrokerInfo>('/iot/broker');
