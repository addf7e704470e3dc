import { eq } from 'drizzle-orm';
import type { AppConfig } from '../config';
import { buildApp } from '../app';
import { createProcessLogger } from '../lib/logger';
import { createServices } from '../services';
import { DEMO_PASSWORD, seedDemoPark } from '../seed/demo-park';
import { openAppDatabase } from './database';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';
import { connectPreferringMqtt5, sharedCommandAckSubscription, sharedEventsSubscription, sharedTelemetrySubscription, createCommandRetryJob, startExternalIngest } from '../modules/iot';
import { createDeviceStatusJob } from '../modules/live';
import { createWorkOrderJobs } from '../modules/workorders';
import { createHistoryJobs } from '../modules/iot/history';
import { loadOfficeReadings, prepareSimulatedDevices, startSimulator } from '../modules/iot/simulator';
import { startDemoPatrolFlights } from '../modules/patrols';
import { devices as deviceTable } from '../modules/iot/iot.table';
import { createEscalationJob, createSilentDeviceJob } from '../modules/iot/alarms';
import { createEventReminderJob } from '../modules/community/events';
import { createFileCleanupJob } from '../modules/files';
import { createJobScheduler, type JobDefinition } from '../modules/jobs';
import { createLedgerHeadJob } from '../modules/ledger';
import { createApprovalEscalationJob } from '../modules/approvals';
import { createPolicyReminderJob } from '../modules/policies';
import { createReturnWorkReminderJob } from '../modules/returnwork';
import { createInspectionScheduleJob } from '../modules/inspections';
import { createSurveyReminderJob } from '../modules/surveys';
import { createEvaluationComputeJob } from '../modules/evaluation';

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
  const log = createProcessLogger(config.logLevel);
  const database = await openAppDatabase(config, `parkos start (roles ${config.roles.join(',')})`);
  const services = createServices(database, config);
  services.alarms.engine.useLogger(log);
  // Data the migrations cannot move (their SQL cannot write files): photos once stored in the database.
  const movedPhotos = await services.workorders.moveLegacyPhotos();
  if (movedPhotos > 0) log.info(`files: moved ${movedPhotos} work-order photo(s) from the database into ${config.filesDir}`);

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

  // The worker's periodic jobs, on one scheduler per process: each job runs once per period however
  // many worker instances share the database (see modules/jobs).
  if (config.roles.includes('worker')) {
    const jobs: JobDefinition[] = [];
    // Signed tree heads, only when the log grew.
    jobs.push(createLedgerHeadJob({ ledger: services.ledger, intervalMs: config.ledgerSthIntervalSeconds * 1000, log }));
    // Silent devices: raise and clear the `silent` rules' alarms.
    jobs.push(createSilentDeviceJob({ engine: services.alarms.engine, intervalMs: options.silentCheckIntervalMs ?? 5_000, log }));
    // Live push: devices going offline (online arrives with their telemetry).
    jobs.push(createDeviceStatusJob({ database, bus: services.live, log }));
    // Work orders: overdue escalation, and dispatch-model retraining (schedule or corrections).
    jobs.push(...createWorkOrderJobs({ ...services.workorders, escalationIntervalMs: config.workOrderEscalationIntervalSeconds * 1000, retrainCheckIntervalMs: 60_000, log }).jobs);
    // Telemetry rollups (1 min, 1 h), retention per device type and the late-reading reconcile, in short bounded statements.
    jobs.push(...createHistoryJobs({ database, history: services.history, log }).jobs);
    // Escalation: active alarms not acknowledged in time notify the next level (in-app, email with SMTP_URL).
    jobs.push(createEscalationJob({ escalation: services.alarms.escalation, log }));
    // Event reminders before each event's start (stored; sent in-app where notifications exist).
    jobs.push(createEventReminderJob({ events: services.events, intervalMs: 60_000, log }).job);
    // Uploads nobody attached within a day are deleted, with their bytes.
    jobs.push(createFileCleanupJob({ files: services.files, intervalMs: 3600_000, log }).job);
    // Actuator commands: resend unacknowledged ones with backoff, then time them out (resends
    // wait for the publisher, set below; only expiry happens before it).
    jobs.push(createCommandRetryJob({ commands: services.iot.commands, log }));
    // Approvals: overdue tasks notify their approvers and the step's escalation role (once per step).
    jobs.push(createApprovalEscalationJob({ approvals: services.approvals, intervalMs: 60_000, log }).job);
    // Policies: deadline reminders to eligible enterprises that have not applied (each once).
    jobs.push(createPolicyReminderJob({ policies: services.policies, intervalMs: 15 * 60_000, log }));
    // Return-to-work: enterprises that missed a period's deadline get one reminder per period.
    jobs.push(createReturnWorkReminderJob({ returnWork: services.returnWork, intervalMs: 5 * 60_000, log }).job);
    // Recurring inspection schedules get their next occurrence.
    jobs.push(createInspectionScheduleJob({ inspections: services.inspections, intervalMs: 60 * 60_000, log }));
    // Surveys: two days before the close, invited enterprises that have not answered get one reminder.
    jobs.push(createSurveyReminderJob({ surveys: services.surveys, intervalMs: 30 * 60_000, log }));
    // Evaluation: every open period's scores are recomputed nightly (daily interval).
    jobs.push(createEvaluationComputeJob({ evaluation: services.evaluation, log }).job);
    // Started now, before the broker: the first rollup and tree head do not wait for ingest.
    const scheduler = createJobScheduler({ database, jobs, log });
    await scheduler.start();
    stops.push(() => scheduler.stop());
  }
  let url: string | undefined;
  let broker: EmbeddedBroker | undefined;

  if (config.roles.includes('ingest') && !config.mqttUrl) {
    broker = await explainPortInUse('MQTT_PORT', config.mqttPort, 'another MQTT broker (such as Mosquitto) may be running: set MQTT_PORT to a free port, or MQTT_URL to use that broker', () =>
      startEmbeddedBroker({
        port: config.mqttPort,
        wsPort: config.mqttWsPort,
        maxConnections: config.mqttMaxConnections,
        maxConnectBytes: config.mqttMaxConnectBytes,
        maxPacketBytes: config.mqttMaxPacketBytes,
        log: log as never,
        deviceAuth: services.iot.deviceAuth,
        ingest: services.iot.ingest,
      }).catch((err: NodeJS.ErrnoException & { port?: number }) => {
        // The WebSocket listener's port, not MQTT_PORT, is the one taken.
        if (err.code === 'EADDRINUSE' && config.mqttWsPort && err.port === config.mqttWsPort && err.port !== config.mqttPort) {
          throw new PortInUseError(`MQTT_WS_PORT=${config.mqttWsPort} is already in use; set MQTT_WS_PORT to a free port, or to off.`);
        }
        throw err;
      }),
    );
    services.iot.brokerInfo.setListening({ port: broker.port, wsPort: broker.wsPort });
    services.iot.commands.setPublisher(broker);
    stops.push(() => broker!.close());
  }
  if (config.roles.includes('ingest') && config.mqttUrl) {
    const external = await startExternalIngest({
      url: config.mqttUrl,
      ingest: services.iot.ingest,
      clientId: config.mqttClientId,
      subscription: sharedTelemetrySubscription(config.mqttShareGroup),
      ackSubscription: sharedCommandAckSubscription(config.mqttShareGroup),
      eventSubscription: sharedEventsSubscription(config.mqttShareGroup),
      log: log as never,
    });
    services.iot.commands.setPublisher(external);
    stops.push(() => external.close());
  }
  // The demo park's simulated devices report over real MQTT (SIMULATE=off disables it).
  if (config.seedDemo && config.simulate && config.roles.includes('ingest')) {
    const url = broker ? `mqtt://127.0.0.1:${broker.port}` : config.mqttUrl!;
    try {
      const devices = await prepareSimulatedDevices({ db: database.db, devices: services.iot.devices });
      if (devices.length > 0) {
        const office = config.simulateReplayDir ? loadOfficeReadings(config.simulateReplayDir) : undefined;
        // Drones fly missions (below) instead of reporting at random.
        const sim = await startSimulator({ url, devices: devices.filter((d) => d.type !== 'drone'), ratePerSecond: config.simulateRate, office, seed: Date.now() % 100_000, log: { info: (m) => log.info(m), warn: (m) => log.warn(m) } });
        stops.unshift(() => sim.stop());
        const drone = devices.find((d) => d.type === 'drone');
        const [droneRow] = drone ? await database.db.select({ id: deviceTable.id, parkId: deviceTable.parkId }).from(deviceTable).where(eq(deviceTable.code, drone.code)) : [];
        if (drone && droneRow?.parkId) {
          const flights = await startDemoPatrolFlights({ url, drone: { id: droneRow.id, code: drone.code, secret: drone.secret }, parkId: droneRow.parkId, patrols: services.patrols, log: { info: (m) => log.info(m), warn: (m) => log.warn(m) } });
          stops.unshift(() => flights.stop());
        }
      }
    } catch (err) {
      log.error({ err }, 'simulate: could not start the demo simulator; the server runs without it');
    }
  }
  if (config.roles.includes('worker')) {
    // Actuator commands: resend unacknowledged ones with backoff, then time them out. A worker
    // without the ingest role in external mode gets its own connection to publish.
    if (!config.roles.includes('ingest') && config.mqttUrl) {
      // MQTT 5, or 3.1.1 when the broker refuses 5.
      const client = await connectPreferringMqtt5(config.mqttUrl, { clientId: `${config.mqttClientId ?? 'parkos'}-commands-${process.pid}`, reconnectPeriod: 1_000 }, (err) =>
        log.warn({ err: err.message }, 'the external MQTT broker refused MQTT 5; commands connect with MQTT 3.1.1'),
      );
      services.iot.commands.setPublisher({ publish: async (topic, payload) => void (await client.publishAsync(topic, payload, { qos: 1 })) });
      stops.push(() => client.endAsync());
    }
  }
  // Last: write what is queued before the database closes.
  stops.push(() => services.iot.pipeline.close());
  stops.push(() => services.live.close());
  stops.push(() => services.passes.verifier.close());

  if (config.roles.includes('api')) {
    // Requests log through the process logger (pretty on a terminal too), only from warn up unless debugging.
    const requestLog = log.child({}, { level: config.logLevel === 'debug' ? 'debug' : 'warn' });
    const { app } = await buildApp({ config, database, services, loggerInstance: requestLog });
    await explainPortInUse('PORT', config.port, 'set PORT to a free port', () => app.listen({ host: config.host, port: config.port }));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    stops.unshift(() => app.close());
    // The sandbox payment provider posts its signed notifications to this server, as a real provider would.
    const delivery = services.paymentSandbox.startDelivery(async (path, headers, body) => (await app.inject({ method: 'POST', url: path, headers, payload: body })).statusCode);
    stops.unshift(() => delivery.stop());
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
