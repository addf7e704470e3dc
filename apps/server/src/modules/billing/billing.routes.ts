import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validationError } from '../../lib/errors';
import { ctxOf, errorResponses, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import { reconciliationCsv, type BillingService } from './billing.service';
import * as s from './billing.schema';
import { BILL_COLUMNS, PAYMENT_COLUMNS } from './billing.export';
import { allPages, exportLangQuery, sendXlsx } from '../../lib/xlsx-export';

const created = { ...errorResponses, 409: errorResponses[400] };
const tags = ['billing'];

/** Bills, statements, checkout (统一支付), payments, refunds, receipts, reconciliation, provider notifications. */
export const billingRoutes: FastifyPluginAsyncZod<{ billing: BillingService }> = async (app, { billing: svc }) => {
  app.get('/bills', { schema: { tags, summary: 'Bills I may see (members: their own; enterprise admins: their enterprise’s; operators: their parks’)', querystring: s.billQuery, response: { 200: s.billListSchema, ...errorResponses } } }, async (r) =>
    svc.findBills(ctxOf(r), { ...r.query, payable: r.query.payable === 'true' }),
  );
  app.get(
    '/bills/export.xlsx',
    { schema: { tags, summary: 'The bills list as an Excel workbook, with the same filters and scope as GET /bills (headers in ?lang=zh|en)', querystring: s.billQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      const rows = allPages((page, pageSize) => svc.findBills(ctx, { ...filters, page, pageSize, payable: filters.payable === 'true' }));
      return sendXlsx(reply, { fileName: `bills-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '账单', en: 'Bills' }, lang, columns: BILL_COLUMNS, rows });
    },
  );
  app.post('/bills', { schema: { tags, summary: 'Issue a bill (operators)', body: s.createBillBody, response: { 201: s.billSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createBill(ctxOf(r), r.body)));
  app.post('/bills/generate', { schema: { tags, summary: 'Issue a period’s rent (from leases) and property fee bills for a park; running it twice adds nothing', body: s.generateBillsBody, response: { 200: z.object({ created: z.number().int(), leases: z.number().int() }), ...created } } }, async (r) =>
    svc.generatePeriodBills(ctxOf(r), r.body),
  );
  app.post('/bills/utilities', { schema: { tags, summary: 'Issue a utilities bill from an IOC meter’s readings, or a manual amount', body: s.utilityBillBody, response: { 201: s.billSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createUtilityBill(ctxOf(r), r.body)));
  app.get('/bills/statement', { schema: { tags, summary: 'Statement of one period with totals in fen', querystring: s.statementQuery, response: { 200: s.statementSchema, ...errorResponses } } }, async (r) => svc.getStatement(ctxOf(r), r.query));
  app.get('/bills/:id', { schema: { tags, summary: 'One bill with its history', params: idParams, response: { 200: s.billDetailSchema, ...errorResponses } } }, async (r) => svc.getBill(ctxOf(r), r.params.id));
  app.post('/bills/:id/void', { schema: { tags, summary: 'Void an open bill (operators)', params: idParams, response: { 200: s.billSchema, ...created } } }, async (r) => svc.voidBill(ctxOf(r), r.params.id));

  app.post(
    '/payments/checkout',
    {
      schema: {
        tags,
        summary: 'Pay several bills in one payment. Send an Idempotency-Key header (or body.idempotencyKey): a retry returns the same payment, never a second charge',
        headers: s.checkoutHeaders,
        body: s.checkoutBody,
        response: { 200: s.checkoutResult, 201: s.checkoutResult, ...created },
      },
    },
    async (r, reply) => {
      const key = r.headers['idempotency-key'] ?? r.body.idempotencyKey;
      if (!key) throw validationError('headers.idempotency-key', 'is required (or body.idempotencyKey)');
      const result = await svc.checkout(ctxOf(r), { billIds: r.body.billIds, idempotencyKey: key, returnUrl: r.body.returnUrl });
      return reply.code(result.replayed ? 200 : 201).send(result);
    },
  );
  app.get('/payments', { schema: { tags, summary: 'Payments I may see', querystring: s.paymentQuery, response: { 200: pageSchema(s.paymentSchema), ...errorResponses } } }, async (r) => svc.findPayments(ctxOf(r), r.query));
  app.get(
    '/payments/export.xlsx',
    { schema: { tags, summary: 'The payments list as an Excel workbook, with the same filters and scope as GET /payments (headers in ?lang=zh|en)', querystring: s.paymentQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      const rows = allPages((page, pageSize) => svc.findPayments(ctx, { ...filters, page, pageSize }));
      return sendXlsx(reply, { fileName: `payments-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '支付记录', en: 'Payments' }, lang, columns: PAYMENT_COLUMNS, rows });
    },
  );
  app.get('/payments/reconciliation', { schema: { tags, summary: 'Reconciliation of payments and refunds against provider notifications (operators)', querystring: s.reconciliationQuery, response: { 200: s.reconciliationSchema, ...errorResponses } } }, async (r) =>
    svc.getReconciliation(ctxOf(r), r.query),
  );
  app.get('/payments/reconciliation.csv', { schema: { tags, summary: 'The reconciliation report as CSV (amounts in fen)', querystring: s.reconciliationQuery, response: { 200: z.string(), ...errorResponses } } }, async (r, reply) => {
    const report = await svc.getReconciliation(ctxOf(r), r.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="reconciliation-${r.query.from.toISOString().slice(0, 10)}.csv"`)
      .send(reconciliationCsv(report.lines));
  });
  app.get('/payments/:id', { schema: { tags, summary: 'One payment; a pending one is checked with the provider first', params: idParams, response: { 200: s.paymentDetailSchema, ...errorResponses } } }, async (r) => svc.getPayment(ctxOf(r), r.params.id));
  app.post('/payments/:id/cancel', { schema: { tags, summary: 'Give up a pending payment (frees its bills)', params: idParams, response: { 200: s.paymentDetailSchema, ...created } } }, async (r) => svc.cancelPayment(ctxOf(r), r.params.id));
  app.post('/payments/:id/refunds', { schema: { tags, summary: 'Refund part or all of a payment (operators)', params: idParams, body: s.refundBody, response: { 201: s.refundSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.refund(ctxOf(r), r.params.id, r.body)));
  app.get('/payments/:id/receipt', { schema: { tags, summary: 'Receipt of a paid payment', params: idParams, response: { 200: s.receiptSchema, ...created } } }, async (r) => svc.getReceipt(ctxOf(r), r.params.id));

  // Provider webhooks: the signature covers the raw body, so this scope keeps it unparsed.
  await app.register(async (scope) => {
    const hooks = scope.withTypeProvider<ZodTypeProvider>();
    hooks.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    const notifySchema = {
      tags,
      summary: 'Asynchronous payment notification from a provider (signed; duplicates and late deliveries are safe)',
      security: [],
      params: z.object({ provider: z.string().min(1).max(40) }),
      response: { 200: z.object({ code: z.literal('SUCCESS'), result: z.string() }), 401: errorResponses[401], 404: errorResponses[404] },
    };
    const handleNotify = async (r: { params: { provider: string }; headers: FastifyRequest['headers']; body: unknown }) => {
      const raw = typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '');
      const { result } = await svc.handleNotification(r.params.provider, r.headers, raw);
      return { code: 'SUCCESS' as const, result };
    };
    // Outside /payments/{id} so that no path is ambiguous (`/payments/notify/{provider}` matched `/payments/{id}/cancel`).
    hooks.post('/payment-notifications/:provider', { config: { isPublic: true }, schema: notifySchema }, handleNotify);
    // Hidden alias of the old path: orders created before the move carry it as their notify_url, and providers keep retrying it.
    hooks.post('/payments/notify/:provider', { config: { isPublic: true }, schema: { ...notifySchema, hide: true } }, handleNotify);
  });
};
