import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../../lib/http';
import { pageSchema } from '../../../lib/pagination';
import * as s from './news.schema';
import type { NewsService } from './news.service';

const withConflict = { 200: s.articleDetailSchema, ...errorResponses, 409: errorSchema };

/** News: operators manage articles (`/news/articles`), everyone signed in reads their feed (`/news/feed`). */
export const newsRoutes: FastifyPluginAsyncZod<{ news: NewsService }> = async (app, { news: svc }) => {
  const tags = ['news'];
  app.get('/news/articles', { schema: { tags, summary: 'Articles I manage (operators), pinned first', querystring: s.articleQuery, response: { 200: pageSchema(s.articleSchema), ...errorResponses } } }, async (r) => svc.findArticles(ctxOf(r), r.query));
  app.post('/news/articles', { schema: { tags, summary: 'Write an article: draft, publish now, or schedule (publishAt)', body: s.createArticleBody, response: { 201: s.articleDetailSchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.createArticle(ctxOf(r), r.body)));
  app.get('/news/articles/:id', { schema: { tags, summary: 'An article I manage, with its body', params: idParams, response: { 200: s.articleDetailSchema, ...errorResponses } } }, async (r) => svc.getArticle(ctxOf(r), r.params.id));
  app.patch('/news/articles/:id', { schema: { tags, summary: 'Edit an article', params: idParams, body: s.updateArticleBody, response: withConflict } }, async (r) => svc.updateArticle(ctxOf(r), r.params.id, r.body));
  app.post('/news/articles/:id/publish', { schema: { tags, summary: 'Publish now, or at publishAt', params: idParams, body: s.publishBody, response: withConflict } }, async (r) => svc.publishArticle(ctxOf(r), r.params.id, r.body));
  app.post('/news/articles/:id/unpublish', { schema: { tags, summary: 'Withdraw a published article', params: idParams, response: withConflict } }, async (r) => svc.unpublishArticle(ctxOf(r), r.params.id));
  app.post('/news/articles/:id/pin', { schema: { tags, summary: 'Pin to the top of the feed, or unpin', params: idParams, body: s.pinBody, response: withConflict } }, async (r) => svc.pinArticle(ctxOf(r), r.params.id, r.body));
  app.get('/news/feed', { schema: { tags, summary: 'My news feed: live articles for my place, pinned first, newest first', querystring: s.feedQuery, response: { 200: pageSchema(s.articleSchema), ...errorResponses } } }, async (r) => svc.findFeed(ctxOf(r), r.query));
  app.get('/news/feed/:id', { schema: { tags, summary: 'An article of my feed', params: idParams, response: { 200: s.articleDetailSchema, ...errorResponses } } }, async (r) => svc.getFeedArticle(ctxOf(r), r.params.id));
  app.post('/news/feed/:id/read', { schema: { tags, summary: 'Count me as a reader (once per person)', params: idParams, response: { 200: z.object({ readCount: z.number().int() }), ...errorResponses } } }, async (r) => svc.markRead(ctxOf(r), r.params.id));
  app.post(
    '/news/images',
    { bodyLimit: 3 * 1024 * 1024, schema: { tags, summary: 'Upload a cover image (JPEG, PNG or WebP, at most 2 MiB) as base64', body: s.imageUploadBody, response: { 201: s.imageSchema, ...errorResponses, 413: errorSchema } } },
    async (r, reply) => reply.code(201).send(await svc.uploadImage(ctxOf(r), r.body)),
  );
  app.get('/news/images/:id', { schema: { tags, summary: 'A cover image (its bytes)', params: idParams, response: { 200: z.any().describe('The image bytes (image/jpeg, image/png or image/webp)'), ...errorResponses } } }, async (r, reply) => {
    const img = await svc.getImage(ctxOf(r), r.params.id);
    return reply.header('content-type', img.contentType).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(img.bytes);
  });
};
