import pino from 'pino';
import type { AppConfig } from '../config';
import { buildApp } from '../app';
import { createServices } from '../services';
import { DEMO_PASSWORD, seedDemoPark } from '../seed/demo-park';
import { openAppDatabase } from './database';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';
import { startExternalIngest } from '../modules/iot';
import { startSilentDeviceJob } from '../modules/iot/alarms';
import { startEventReminderJob } from '../modules/community/events';
import { startExternalGateEvents } from '../modules/community/passes';

export interface RunningServer {
  url?: string;
  mqttPort?: number;
  stop(): Promise<void>;
}

/**
 * Starts the roles named in `config.roles`: `api` (HTTP + web UI), `ingest`
 * (embedded MQTT broker, or the external broker's subscriber), `worker`
 * (background jobs). One process runs all three by default.
 */
export async function startServer(config: AppConfig, options: { silentCheckIntervalMs?: number } = {}): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}) });
  const database = await openAppDatabase(config, `parkos start (roles ${config.roles.join(',')})`);
  const services = createServices(database, config);
  services.alarms.engine.useLogger(log);

  if (config.seedDemo && (await services.identity.countUsers()) === 0) {
    log.info('first start: seeding the demo park');
    const summary = await seedDemoPark(database.db, services, (step) => log.info(`  seeding ${step}…`));
    log.info(`demo park seeded: ${summary.sites} sites, ${summary.buildings} buildings, ${summary.units} units, ${summary.enterprises} enterprises`);
    printDemoLogins(summary.logins.map((l) => `${l.username.padEnd(14)} ${l.description}`));
  }

  // Audit entries recorded before the ledger existed (an upgraded database) become leaves first.
  const backfilled = await services.ledger.appendMissing();
  if (backfilled > 0) log.info(`ledger: appended ${backfilled} earlier audit entries to the Merkle log`);

  const stops: (() => Promise<void>)[] = [];

  if (config.roles.includes('worker')) {
    // Periodic signed tree heads, only when the log grew; a failure is logged and retried next tick.
    const signHead = async () => {
      try {
        const head = await services.ledger.createHeadIfGrown();
        if (head) log.info(`ledger: signed tree head at size ${head.treeSize}`);
      } catch (err) {
        log.error({ err }, 'ledger: could not sign a tree head');
      }
    };
    const timer = setInterval(() => void signHead(), config.ledgerSthIntervalSeconds * 1000);
    timer.unref();
    void signHead();
    stops.push(async () => clearInterval(timer));
    // Silent devices: raise and clear the `silent` rules' alarms.
    const silent = startSilentDeviceJob({ engine: services.alarms.engine, intervalMs: options.silentCheckIntervalMs ?? 5_000, log });
    stops.push(() => silent.stop());
    // Event reminders before each event's start (stored; sent in-app where notifications exist).
    const reminders = startEventReminderJob({ events: services.events, intervalMs: 60_000, log });
    stops.push(() => reminders.stop());
  }
  let url: string | undefined;
  let broker: EmbeddedBroker | undefined;

  if (config.roles.includes('ingest') && !config.mqttUrl) {
    broker = await explainPortInUse('MQTT_PORT', config.mqttPort, 'another MQTT broker (such as Mosquitto) may be running: set MQTT_PORT to a free port, or MQTT_URL to use that broker', () => startEmbeddedBroker({ port: config.mqttPort, log: log as never, deviceAuth: services.iot.deviceAuth, ingest: services.iot.ingest }));
    stops.push(() => broker!.close());
  }
  if (config.roles.includes('ingest') && config.mqttUrl) {
    const external = await startExternalIngest({ url: config.mqttUrl, ingest: services.iot.ingest, log: log as never });
    stops.push(() => external.close());
    // Gate scans published on parkos/{code}/events (the embedded broker reaches them through the ingest hook).
    const gateEvents = await startExternalGateEvents({ url: config.mqttUrl, deviceAuth: services.iot.deviceAuth, handler: services.passes.gateEvents, log: log as never });
    stops.push(() => gateEvents.close());
  }
  // Last: write what is queued before the database closes.
  stops.push(() => services.iot.pipeline.close());
  stops.push(() => services.passes.verifier.close());

  if (config.roles.includes('api')) {
    const { app } = await buildApp({ config, database, services, logger: { level: config.logLevel === 'debug' ? 'debug' : 'warn' } });
    await explainPortInUse('PORT', config.port, 'set PORT to a free port', () => app.listen({ host: config.host, port: config.port }));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    stops.unshift(() => app.close());
    log.info(`ParkOS is running at ${url}  (API docs: ${url}/api/docs)`);
  }

  log.info(`database: ${database.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}; roles: ${config.roles.join(', ')}`);
  if (config.seedDemo) log.info(`demo logins: admin / operator / property / ent.admin / ent.member … password ${DEMO_PASSWORD}`);

  return {
    url,
    mqttPort: broker?.port,
    async stop() {
      for (const stop of stops) await stop().catch((err: unknown) => log.error({ err }, 'error while stopping'));
      await database.close();
    },
  };
}

function printDemoLogins(lines: string[]): void {
  const text = ['', 'Demo logins (password ' + DEMO_PASSWORD + '):', ...lines.map((l) => '  ' + l), ''].join('\n');
  process.stdout.write(text + '\n');
}

/** Thrown when a configured port is taken; the message names the variable to change. */
export class PortInUseError extends Error {}

/** Runs `listen`, turning EADDRINUSE into an error that says which variable to change. */
async function explainPortInUse<T>(variable: string, port: number, hint: string, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(`${variable}=${port} is already in use; ${hint}.`);
    }
    throw err;
  }
}
