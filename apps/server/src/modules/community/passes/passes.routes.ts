import type { FastifyRequest } from 'fastify';
import { serializerCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../../lib/http';
import { AppError, ErrorCode, forbidden } from '../../../lib/errors';
import { pageSchema } from '../../../lib/pagination';
import { parseDeviceAuthorization, type DeviceAuth } from '../../iot/device-auth';
import * as s from './passes.schema';
import type { PassesService } from './passes.service';
import type { Gate, ScanDecision } from './scan-verifier';
import { z } from 'zod';
import { allPages, exportLangQuery, sendXlsx } from '../../../lib/xlsx-export';
import { PASS_COLUMNS, SCAN_COLUMNS } from './passes.export';

/** The 200 answer of `POST /passes/scans`: exactly the documented fields, in order (see scanDecisionSchema). */
const serializeDecision = (d: ScanDecision) => JSON.stringify({ result: d.result, reason: d.reason, passId: d.passId, holderKind: d.holderKind, validTo: d.validTo });

declare module 'fastify' {
  interface FastifyRequest {
    gate?: Gate;
  }
}

/** Passes (通行码): members' passes, visitor invitations, revocation, the gate scan endpoint and the scan log. */
export const passesRoutes: FastifyPluginAsyncZod<{ passes: PassesService; deviceAuth: DeviceAuth }> = async (app, { passes: svc, deviceAuth }) => {
  const tags = ['passes'];

  app.get(
    '/.well-known/parkos-pass-keys',
    {
      config: { isPublic: true },
      schema: { tags, summary: 'Ed25519 public keys that sign pass QR codes (public; gates cache them)', description: 'Format `PK1`, see the README. `keyId` is the hex of the 4-byte key id in the QR.', security: [], response: { 200: s.publicKeysSchema, ...errorResponses } },
    },
    async () => svc.getPublicKeys(),
  );

  app.get('/passes/me', { schema: { tags, summary: 'My personal pass with a fresh QR (issued on first use)', querystring: s.myPassQuery, response: { 200: s.passWithQrSchema, ...errorResponses } } }, async (r) => svc.getMyPass(ctxOf(r), r.query.enterpriseId));
  app.get('/passes', { schema: { tags, summary: 'Passes I may see (operators: their parks; enterprise admins: their enterprise; members: their own and their invitations)', querystring: s.passQuery, response: { 200: pageSchema(s.passSchema), ...errorResponses } } }, async (r) => svc.findPasses(ctxOf(r), r.query));
  app.post(
    '/passes/invitations',
    { schema: { tags, summary: 'Invite a visitor for a time window (≤ 7 days); returns the visitor link once', body: s.createInvitationBody, response: { 201: s.invitationCreatedSchema, ...errorResponses } } },
    async (r, reply) => reply.code(201).send(await svc.createInvitation(ctxOf(r), r.body)),
  );
  app.get('/passes/:id', { schema: { tags, summary: 'A pass (its QR only for its holder, inviter or enterprise admin)', params: idParams, response: { 200: s.passWithQrSchema, ...errorResponses } } }, async (r) => svc.getPass(ctxOf(r), r.params.id));
  app.post('/passes/:id/revoke', { schema: { tags, summary: 'Revoke a pass: every gate online refuses it from now on', params: idParams, body: s.revokeBody, response: { 200: s.passSchema, ...errorResponses, 409: errorSchema } } }, async (r) =>
    svc.revokePass(ctxOf(r), r.params.id, r.body.reason),
  );

  app.get(
    '/visitor-passes/:token',
    { config: { isPublic: true }, schema: { tags, summary: 'A visitor’s pass by its link token (public, no account)', security: [], params: s.tokenParams, response: { 200: s.visitorPassSchema, ...errorResponses } } },
    async (r) => svc.getVisitorPass(r.params.token),
  );

  /** Gate credentials: `Authorization: Device <code>:<secret>` of a gate device. */
  const gateAuth = async (request: FastifyRequest) => {
    const creds = parseDeviceAuthorization(request.headers.authorization);
    const device = creds && (await deviceAuth.verify(creds.code, creds.secret));
    if (!device) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Send Authorization: Device <code>:<secret> with valid, unrevoked credentials' });
    const gate = await svc.gateOf(device);
    if (!gate) throw forbidden('Only gate devices (type gate_camera, or tagged gate) may report scans');
    request.gate = gate;
  };

  app.post(
    '/passes/scans',
    {
      config: { isPublic: true },
      onRequest: gateAuth,
      // The hot path: the verifier builds the decision with exactly the documented fields, so the
      // 200 answer is written directly (zod's serializer re-validated it on every scan).
      serializerCompiler: (route) => (String(route.httpStatus) === '200' ? serializeDecision : serializerCompiler(route as unknown as Parameters<typeof serializerCompiler>[0])),
      schema: {
        tags,
        summary: 'A gate reports one scan (device credentials); the answer is the server’s decision',
        description: 'Verifies signature, validity window, scope (park, site, gates), revocation and replays (same nonce at the gate, or the same pass at the same gate within PASS_REPLAY_WINDOW_SECONDS). Every scan is logged with its result.',
        security: [{ device: [] }],
        body: s.scanBody,
        response: { 200: s.scanDecisionSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (r) => svc.verifier.verify({ gate: r.gate!, payload: r.body.payload, nonce: r.body.nonce, scannedAt: r.body.scannedAt, via: 'http' }),
  );

  app.post(
    '/passes/scans/batch',
    {
      config: { isPublic: true },
      onRequest: gateAuth,
      schema: {
        tags,
        summary: 'A gate uploads up to 500 scans at once (after being offline); one decision per scan, in order',
        security: [{ device: [] }],
        body: s.scanBatchBody,
        response: { 200: s.scanBatchResultSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (r) => {
      const decisions = [];
      for (const scan of r.body.scans) decisions.push(await svc.verifier.verify({ gate: r.gate!, payload: scan.payload, nonce: scan.nonce, scannedAt: scan.scannedAt, via: 'http' }));
      return { decisions };
    },
  );

  app.get(
    '/passes/export.xlsx',
    { schema: { tags, summary: 'The pass list as an Excel workbook, with the same filters and scope as GET /passes (headers in ?lang=zh|en)', querystring: s.passQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      const rows = allPages((page, pageSize) => svc.findPasses(ctx, { ...filters, page, pageSize }));
      return sendXlsx(reply, { fileName: `passes-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '通行证', en: 'Passes' }, lang, columns: PASS_COLUMNS, rows });
    },
  );
  app.get(
    '/passes/scans/export.xlsx',
    { schema: { tags, summary: 'The scan log as an Excel workbook, with the same filters as GET /passes/scans (operators; headers in ?lang=zh|en)', querystring: s.scanListQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      const rows = allPages((page, pageSize) => svc.findScans(ctx, { ...filters, page, pageSize }));
      return sendXlsx(reply, { fileName: `pass-scans-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '扫码记录', en: 'Scans' }, lang, columns: SCAN_COLUMNS, rows });
    },
  );
  app.get('/passes/scans', { schema: { tags, summary: 'The scan log, newest first (operators)', querystring: s.scanListQuery, response: { 200: pageSchema(s.scanSchema), ...errorResponses } } }, async (r) => svc.findScans(ctxOf(r), r.query));
  app.get('/passes/scan-stats', { schema: { tags, summary: 'Scans per gate and hour, refusals by reason (operators)', querystring: s.scanStatsQuery, response: { 200: s.scanStatsSchema, ...errorResponses } } }, async (r) => svc.getScanStats(ctxOf(r), r.query));
};
