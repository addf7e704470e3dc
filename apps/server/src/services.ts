import { inArray } from 'drizzle-orm';
import type { AppConfig } from './config';
import { sites } from './modules/parks/parks.table';
import type { Database } from './db/client';
import { createAuditService } from './modules/identity/audit.service';
import { createAuditNameResolver } from './audit-names';
import { createIdentityService } from './modules/identity/identity.service';
import { createParksService } from './modules/parks/parks.service';
import { createMembershipService } from './modules/membership';
import { createIotServices } from './modules/iot';
import { createAlarmServices } from './modules/iot/alarms';
import { createLedgerService } from './modules/ledger';
import { createNewsService } from './modules/community/news';
import { createBillingServices } from './modules/billing';
import { createParkingService, handleGateCameraEvent } from './modules/parking';
import { createLiveBus, createLiveHub } from './modules/live';
import { createIocService } from './modules/iot/ioc';
import { createDashboardService } from './modules/dashboard';
import { createWorkOrderServices } from './modules/workorders';
import { createHistoryService } from './modules/iot/history';
import { createMailer, createNotificationsService } from './modules/notifications';
import { createPassesServices } from './modules/community/passes';
import { createEventsService } from './modules/community/events';
import { createFilesService, createFolderStore } from './modules/files';
import { createApprovalsService } from './modules/approvals';
import { createJobsService } from './modules/jobs';
import { createPoliciesService } from './modules/policies';
import { createReturnWorkService } from './modules/returnwork';
import { createTrainingService } from './modules/training';
import { createReliefService } from './modules/relief';
import { createEvaluationOutcomes, createEvaluationService } from './modules/evaluation';
import { createServicesService } from './modules/services';
import { createBookingsService } from './modules/bookings';
import { createSpotChecksService } from './modules/spotchecks';
import { createInspectionsService } from './modules/inspections';
import { createSurveysService } from './modules/surveys';
import { createFeverService, createPatrolsService } from './modules/patrols';

/** The composition root: every service wired to one database. */
export function createServices(
  database: Database,
  config: Pick<AppConfig, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes' | 'env' | 'dataDir' | 'filesDir'> &
    Partial<Pick<AppConfig, 'ledgerSigningKey' | 'paymentSandbox' | 'sessionSecret' | 'dispatchConfidenceThreshold' | 'dispatchRetrainAfterCorrections' | 'dispatchRetrainIntervalHours' | 'workOrderEscalateToOperatorMinutes' | 'smtpUrl' | 'smtpFrom' | 'alarmAckMinutes' | 'mqttDeviceRate' | 'mqttDeviceBurst' | 'mqttMaxPayloadBytes' | 'ingestQueueMaxRows' | 'mqttUrl' | 'mqttPort' | 'mqttWsPort' | 'mqttPublicHost' | 'commandAckTimeoutMs' | 'commandMaxAttempts' | 'passSigningKey' | 'passReplayWindowSeconds' | 'passMemberQrTtlMinutes'>>,
) {
  const { db } = database;
  const parkIdsOfSites = async (siteIds: string[]) => (siteIds.length ? (await db.select({ parkId: sites.parkId }).from(sites).where(inArray(sites.id, siteIds))).map((r) => r.parkId) : []);
  const audit = createAuditService({ db, parkIdsOfSites, resolveNames: createAuditNameResolver(db) });
  // Every audit entry becomes a Merkle-log leaf inside the transaction that records it.
  const ledger = createLedgerService({ db, parkIdsOfSites, keys: { configuredKey: config.ledgerSigningKey, env: config.env, driver: database.driver, dataDir: config.dataDir } });
  audit.addHook(ledger.appendAuditEntries);
  const parks = createParksService({ db, audit });
  // Uploads of every feature; each feature registers who may read the files of its records.
  const files = createFilesService({ db, audit, store: createFolderStore(config.filesDir) });
  const identity = createIdentityService({
    db,
    audit,
    settings: { sessionTtlHours: config.sessionTtlHours, loginMaxFailures: config.loginMaxFailures, loginLockMinutes: config.loginLockMinutes },
    parkOfScope: parks.parkOfScope,
  });
  // Alarm rules are evaluated after each committed ingest batch, off the insert path.
  // Live push: producers publish ids; api instances' hubs load details and fan out by scope.
  const live = createLiveBus({ database });
  const liveHub = createLiveHub({ db, bus: live });
  const notifications = createNotificationsService({ db });
  // Enterprise admins manage their people; join requests notify them in-app.
  const membership = createMembershipService({ db, audit, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  const alarms = createAlarmServices({
    database,
    audit,
    notifications,
    ackDeadlines: config.alarmAckMinutes,
    mailer: createMailer(config.smtpUrl, config.smtpFrom),
    // Rule actions issue actuator commands (the commands module lives in iot, created below; called only at run time).
    issueCommand: (input) => iot.commands.issue(input),
    engine: { onAlarmsChanged: (ids) => live.publish('alarms', ids), onRaised: (alarmIds) => workorders.workOrders.createFromAlarms(alarmIds) }, onAlarmChange: (ids) => live.publish('alarms', ids) });
  const history = createHistoryService({ database, audit });
  // Device events (MQTT and HTTP): stored and turned into alarms; a drone's findings then open work orders.
  const deviceEvents: typeof alarms.events = {
    ...alarms.events,
    async handle(device, payload) {
      const result = await alarms.events.handle(device, payload);
      // Never fails the device's publish: the next event or the landing collects what this one missed.
      if (result.accepted > 0 && (device as { type?: string }).type === 'drone') await patrols.collectFindings(device.id).catch(() => undefined);
      return result;
    },
  };
  const iot = createIotServices({
    database,
    audit,
    limits: { deviceRatePerSecond: config.mqttDeviceRate, deviceBurst: config.mqttDeviceBurst, maxPayloadBytes: config.mqttMaxPayloadBytes },
    broker: config,
    commands: { ackTimeoutMs: config.commandAckTimeoutMs, maxAttempts: config.commandMaxAttempts },
    pipeline: {
      maxQueuedRows: config.ingestQueueMaxRows,
      onCommitted: (batch) => {
        alarms.engine.enqueue(batch);
        live.publish('telemetry', batch.deviceIds);
      },
    },
    onEvents: (device, payload) => deviceEvents.handle(device, payload),
  });
  const ioc = createIocService({ db });
  const dashboard = createDashboardService({ db });
  const news = createNewsService({ db, audit });
  const payments = createBillingServices({
    db,
    audit,
    sandbox: config.paymentSandbox ?? { secret: `sandbox:${config.sessionSecret ?? 'parkos-dev'}`, notifyDelayMs: 1500, duplicateRate: 0.2 },
    // The enterprise's finance contacts (财务联系人) hear of each bill it is issued.
    onBillIssued: async (tx, bill) => {
      if (!bill.enterpriseId) return;
      const to = await membership.findFinanceContactIds(tx, bill.enterpriseId);
      if (to.length)
        await notifications.notify(tx, to, { kind: 'bill.issued', params: { title: bill.title, period: bill.period, amountFen: bill.amountFen, dueDate: bill.dueDate }, link: '/bills', entityType: 'bill', entityId: bill.id });
    },
  });
  const parking = createParkingService({ db, audit, billing: payments.billing });
  // Gate cameras' plate reads over MQTT (`parkos/{code}/events`); off the ingest path, never awaited.
  iot.ingest.onDeviceEvent((device, payload) => void handleGateCameraEvent(parking, device, payload));
  const workorders = createWorkOrderServices({
    db,
    audit,
    files,
    // Overdue orders notify the team lead, then the park's operators (in-app).
    notify: (tx, userIds, input) => notifications.notify(tx, userIds, input),
    settings: {
      confidenceThreshold: config.dispatchConfidenceThreshold,
      retrainAfterCorrections: config.dispatchRetrainAfterCorrections,
      retrainIntervalHours: config.dispatchRetrainIntervalHours,
      escalateToOperatorAfterMinutes: config.workOrderEscalateToOperatorMinutes,
      trainingMode: config.env === 'test' ? 'inline' : 'thread',
    },
  });
  // Passes: gate scans arrive over HTTP and on the devices' MQTT `events` channel.
  const passes = createPassesServices({
    database,
    audit,
    settings: { env: config.env, signingKey: config.passSigningKey, replayWindowSeconds: config.passReplayWindowSeconds, memberQrTtlMs: (config.passMemberQrTtlMinutes ?? 15) * 60_000 },
  });
  iot.ingest.onDeviceEvent(passes.gateEvents.listener);
  // Event reminders reach members in-app (the bell).
  const events = createEventsService({ db, audit, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  // Approvals notify approvers and applicants in-app (the bell).
  const approvals = createApprovalsService({ db, audit, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  // Policy applications (政策申报): applications run through approvals, materials through files.
  const policies = createPoliciesService({ db, audit, approvals, files, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  policies.register();
  // Return-to-work reminders reach enterprise admins in-app (the bell).
  const returnWork = createReturnWorkService({ db, audit, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  // Rent relief: applications reviewed through approvals, granted relief as credits on rent bills.
  const relief = createReliefService({ db, audit, approvals, files, billing: payments.billing });
  // The enterprise service catalog and requests (approvals, files and billing underneath).
  const serviceCatalog = createServicesService({ db, audit, approvals, files, billing: payments.billing, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  // Shared resources: paid bookings become bills; bookings needing approval run an approvals case.
  const bookings = createBookingsService({ db, audit, billing: payments.billing, approvals });
  // Training of property companies' staff: rosters, sessions, attendance and exam results (an evaluation input).
  const training = createTrainingService({ db, audit });
  // Third-party spot checks: findings' photos through files, the responsible company notified in-app.
  const spotChecks = createSpotChecksService({ db, audit, files, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  // On-site inspections: findings open work orders (with their photos) for the district's company.
  const inspections = createInspectionsService({ db, audit, files, workOrders: workorders.workOrders });
  // Drone patrols fly routes and schedules of the inspections model; their findings open work orders.
  const patrols = createPatrolsService({ db, audit, inspections, workOrders: workorders.workOrders });
  const fever = createFeverService({ db });
  // Satisfaction surveys of enterprises (evaluation input); reminders before the close reach admins in-app.
  const surveys = createSurveysService({ db, audit, notify: (tx, userIds, input) => notifications.notify(tx, userIds, input) });
  // Property evaluation (园区+物业考核): scores from work orders and alarms here, the other inputs through sources.
  const evaluation = createEvaluationService({
    db,
    audit,
    ackDeadlines: config.alarmAckMinutes,
    // The inputs' own modules compute their figures for a range; the evaluation only reads them.
    sources: { inspections, spotChecks, surveys, training },
  });
  // Evaluation outcomes: appeals and awards through approvals, warnings with review tasks (in-app), reports, league table.
  const evaluationOutcomes = createEvaluationOutcomes({
    db,
    audit,
    approvals,
    files,
    news,
    evaluation,
    notify: (tx, userIds, input) => notifications.notify(tx, userIds, input),
  });
  return { deviceEvents, patrols, fever, inspections, spotChecks, training, surveys, evaluation, evaluationOutcomes, approvals, policies, returnWork, relief, serviceCatalog, bookings, audit, identity, parks, membership, files, ledger, iot, alarms, live, liveHub, ioc, dashboard, news, billing: payments.billing, paymentSandbox: payments.sandbox, parking, workorders, history, notifications, passes, events, jobs: createJobsService({ db }) };
}

export type Services = ReturnType<typeof createServices>;
