import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import { jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config';
import type { Database } from './db/client';
import { handleFrameworkError, installErrorHandler } from './lib/error-handler';
import { openApiTransform } from './lib/openapi';
import { registerWebApp } from './lib/web-static';
import { installInputRules } from './lib/validation';
import { installAuthHook } from './modules/identity/auth.hook';
import { identityRoutes } from './modules/identity/identity.routes';
import { parksRoutes } from './modules/parks/parks.routes';
import { membershipRoutes } from './modules/membership';
import { brokerInfoRoutes, commandRoutes, deviceImportRoutes, deviceRoutes, ingestRoutes, IOT_API_DESCRIPTION } from './modules/iot';
import { ledgerRoutes } from './modules/ledger';
import { newsRoutes } from './modules/community/news';
import { billingRoutes, sandboxPayRoutes } from './modules/billing';
import { parkingRoutes } from './modules/parking';
import { liveRoutes } from './modules/live';
import { iocRoutes } from './modules/iot/ioc';
import { dashboardRoutes } from './modules/dashboard';
import { workOrderRoutes, WORK_ORDERS_API_DESCRIPTION } from './modules/workorders';
import { historyRoutes, HISTORY_API_DESCRIPTION } from './modules/iot/history';
import { alarmRoutes, alarmRuleRoutes, ALARMS_API_DESCRIPTION, deviceEventRoutes, shelfRoutes } from './modules/iot/alarms';
import { notificationRoutes } from './modules/notifications';
import { createServices, type Services } from './services';
import { passesRoutes } from './modules/community/passes';
import { eventsRoutes } from './modules/community/events';
import { fileRoutes } from './modules/files';
import { approvalsRoutes } from './modules/approvals';
import { policiesRoutes } from './modules/policies';
import { jobsRoutes } from './modules/jobs';
import { formRoutes } from './modules/forms';
import { returnWorkRoutes } from './modules/returnwork';
import { trainingRoutes } from './modules/training';
import { reliefRoutes } from './modules/relief';
import { inspectionsRoutes } from './modules/inspections';
import { patrolsRoutes } from './modules/patrols';
import { surveysRoutes } from './modules/surveys';
import { evaluationOutcomesRoutes, evaluationRoutes } from './modules/evaluation';
import { servicesRoutes } from './modules/services';
import { bookingsRoutes } from './modules/bookings';
import { spotChecksRoutes } from './modules/spotchecks';
import { z } from 'zod';

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  services?: Services;
  /** Pino logger options; tests pass false. */
  logger?: boolean | object;
  /** A logger to use instead (the process logger of `parkos start`); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
  /** Called for each route as it is registered (tests check OpenAPI coverage with it). */
  onRoute?: (method: string, url: string) => void;
}

const API_DESCRIPTION = `ParkOS REST API. Authenticate with the session cookie from \`POST /api/auth/login\`
(cookie-authenticated writes must send the session's CSRF token in \`X-CSRF-Token\`) or with an
API token as \`Authorization: Bearer pk_…\`. Every error has the shape \`{code, message, requestId, details}\`;
a 400 names the offending fields in \`details.fields\`.`;

/** Builds the HTTP application without listening; tests drive it with `inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, database } = options;
  const services = options.services ?? createServices(database, config);
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? false }),
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) {
    const onRoute = options.onRoute;
    app.addHook('onRoute', (route) => {
      for (const m of [route.method].flat()) onRoute(m, route.url);
    });
  }
  // Zod validation plus the rules every route obeys: no U+0000 in any string, dates in years 1..9999.
  installInputRules(app);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandler(app);
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ParkOS API',
        version: '0.1.0',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        description: API_DESCRIPTION + IOT_API_DESCRIPTION + ALARMS_API_DESCRIPTION + WORK_ORDERS_API_DESCRIPTION + HISTORY_API_DESCRIPTION,
      },
      // Relative: the document is served by the server it describes, at whatever origin it is reached.
      servers: [{ url: '/', description: 'The ParkOS server that serves this document' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'parkos_session' },
          bearer: { type: 'http', scheme: 'bearer' },
          device: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Device <code>:<secret>' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: openApiTransform,
    transformObject: jsonSchemaTransformObject,
  });
  installAuthHook(app, services.identity);

  await app.register(
    async (api) => {
      api.get('/health', { config: { isPublic: true }, schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), driver: z.string() }) } } }, async () => {
        await database.query('select 1');
        return { status: 'ok' as const, driver: database.driver };
      });
      await api.register(identityRoutes, { identity: services.identity, audit: services.audit, cookieSecure: config.cookieSecure, loginRatePerMinute: config.loginRatePerMinute });
      await api.register(parksRoutes, { parks: services.parks });
      await api.register(membershipRoutes, { membership: services.membership, registerRatePerMinute: config.loginRatePerMinute });
      await api.register(deviceRoutes, { devices: services.iot.devices });
      await api.register(ingestRoutes, { ingest: services.iot.ingest, deviceAuth: services.iot.deviceAuth });
      await api.register(brokerInfoRoutes, { brokerInfo: services.iot.brokerInfo });
      await api.register(commandRoutes, { commands: services.iot.commands });
      await api.register(deviceImportRoutes, { devices: services.iot.devices });
      await api.register(ledgerRoutes, { ledger: services.ledger });
      await api.register(alarmRuleRoutes, { rules: services.alarms.rules });
      await api.register(alarmRoutes, { alarms: services.alarms.alarms });
      await api.register(newsRoutes, { news: services.news });
      await api.register(billingRoutes, { billing: services.billing });
      await api.register(parkingRoutes, { parking: services.parking, deviceAuth: services.iot.deviceAuth });
      await api.register(liveRoutes, { hub: services.liveHub });
      await api.register(iocRoutes, { ioc: services.ioc });
      await api.register(dashboardRoutes, { dashboard: services.dashboard });
      await api.register(workOrderRoutes, { workOrders: services.workorders.workOrders, dispatch: services.workorders.dispatch });
      await api.register(historyRoutes, { history: services.history });
      await api.register(notificationRoutes, { notifications: services.notifications });
      await api.register(shelfRoutes, { shelves: services.alarms.shelves });
      await api.register(deviceEventRoutes, {
        events: services.deviceEvents,
        eventsService: services.alarms.eventsService,
        deviceAuth: services.iot.deviceAuth,
        recordRejections: (id, r) => services.iot.pipeline.recordRejections(id, r),
        touch: (id) => services.iot.pipeline.touch(id),
      });
      await api.register(passesRoutes, { passes: services.passes.passes, deviceAuth: services.iot.deviceAuth });
      await api.register(eventsRoutes, { events: services.events });
      await api.register(fileRoutes, { files: services.files });
      await api.register(approvalsRoutes, { approvals: services.approvals });
      await api.register(policiesRoutes, { policies: services.policies });
      await api.register(jobsRoutes, { jobs: services.jobs });
      await api.register(formRoutes);
      await api.register(returnWorkRoutes, { returnWork: services.returnWork });
      await api.register(reliefRoutes, { relief: services.relief });
      await api.register(surveysRoutes, { surveys: services.surveys });
      await api.register(evaluationRoutes, { evaluation: services.evaluation });
      await api.register(evaluationOutcomesRoutes, { outcomes: services.evaluationOutcomes });
      await api.register(servicesRoutes, { services: services.serviceCatalog });
      await api.register(spotChecksRoutes, { spotChecks: services.spotChecks });
      await api.register(bookingsRoutes, { bookings: services.bookings });
      await api.register(trainingRoutes, { training: services.training });
      await api.register(inspectionsRoutes, { inspections: services.inspections });
      await api.register(patrolsRoutes, { patrols: services.patrols, fever: services.fever });
      api.get('/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () => app.swagger());
      await api.register(scalar, { routePrefix: '/docs', configuration: { url: '/api/openapi.json', title: 'ParkOS API' } });
    },
    { prefix: '/api' },
  );

  // The sandbox payment provider's hosted page, outside /api like a provider's own site.
  await app.register(sandboxPayRoutes, { sandbox: services.paymentSandbox });

  // The built web app: static files, and index.html for client-side routes.
  await registerWebApp(app, config.webDist);
  return { app, services };
}

