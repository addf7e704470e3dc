import { startServerProcess } from './server-process';

/** One ParkOS with the demo park for all browser tests; its URL reaches the tests through E2E_BASE_URL. */
export default async function setup(): Promise<() => Promise<void>> {
  const server = await startServerProcess();
  process.env.E2E_BASE_URL = server.url;
  return () => server.stop();
}
