import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import type { LedgerService } from './ledger.service';
import * as s from './ledger.schema';

/** The Merkle log's API: published key, signed tree heads, entries with proofs, proof bundles. */
export const ledgerRoutes: FastifyPluginAsyncZod<{ ledger: LedgerService }> = async (app, { ledger }) => {
  const tags = ['ledger'];

  app.get(
    '/.well-known/parkos-ledger-key',
    { config: { isPublic: true }, schema: { tags, summary: 'The park’s Ed25519 public key that signs tree heads (public)', security: [], response: { 200: s.publicKeySchema, ...errorResponses } } },
    async () => ledger.getPublicKey(),
  );

  app.get('/ledger/heads/latest', { schema: { tags, summary: 'The newest signed tree head', response: { 200: s.treeHeadSchema, ...errorResponses } } }, async (r) => {
    ctxOf(r);
    return ledger.getLatestHead();
  });
  app.get('/ledger/heads', { schema: { tags, summary: 'Signed tree heads, newest first', querystring: s.headsQuery, response: { 200: pageSchema(s.treeHeadSchema), ...errorResponses } } }, async (r) => {
    ctxOf(r);
    return ledger.findHeads(r.query);
  });
  app.post('/ledger/heads', { schema: { tags, summary: 'Sign a tree head for the current size now (operators)', response: { 201: s.treeHeadSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await ledger.createHeadAs(ctxOf(r))),
  );

  app.get(
    '/ledger/entries/:auditId',
    { schema: { tags, summary: 'An audit entry as logged, with its inclusion proof against the latest signed head', params: s.auditIdParams, response: { 200: s.entrySchema, ...errorResponses } } },
    async (r) => ledger.getEntry(ctxOf(r), r.params.auditId),
  );
  app.get(
    '/ledger/entries/:auditId/bundle',
    { schema: { tags, summary: 'Downloadable proof bundle for `parkos ledger verify-bundle`', params: s.auditIdParams, response: { 200: s.bundleSchema, ...errorResponses } } },
    async (r, reply) => {
      const bundle = await ledger.getBundle(ctxOf(r), r.params.auditId);
      reply.header('content-disposition', `attachment; filename="parkos-ledger-entry-${r.params.auditId}.json"`);
      return bundle;
    },
  );

  app.get(
    '/ledger/proofs/inclusion',
    { schema: { tags, summary: 'Inclusion proof of leaf `index` in the tree of `size` leaves (operators)', querystring: s.inclusionQuery, response: { 200: s.inclusionProofSchema, ...errorResponses } } },
    async (r) => ledger.getInclusionProof(ctxOf(r), r.query),
  );
  app.get(
    '/ledger/proofs/consistency',
    { schema: { tags, summary: 'Consistency proof between the trees of `size1` and `size2` leaves (operators)', querystring: s.consistencyQuery, response: { 200: s.consistencyProofSchema, ...errorResponses } } },
    async (r) => ledger.getConsistencyProof(ctxOf(r), r.query),
  );
};
