import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServerProcess } from './server-process';

/** One ParkOS with the demo park for all browser tests; its URL and MQTT port reach the tests through E2E_BASE_URL and E2E_MQTT_PORT. */
export default async function setup(): Promise<() => Promise<void>> {
  const server = await startServerProcess();
  process.env.E2E_BASE_URL = server.url;
  if (server.mqttPort !== null) process.env.E2E_MQTT_PORT = String(server.mqttPort);
  return async () => {
    await server.stop();
    // The server's log, to read when a browser test fails for a reason the page does not show.
    const dir = path.join(ROOT, 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'e2e-server.log'), server.output());
  };
}
