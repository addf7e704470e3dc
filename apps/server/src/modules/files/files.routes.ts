import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ErrorCode, validationError } from '../../lib/errors';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { FILE_PURPOSES, cleanFileName, contentDisposition } from './file-content';
import * as s from './files.schema';
import type { FilesService, OpenedFile } from './files.service';

/** The multipart field that carries the file. */
const FILE_FIELD = 'file';

/** Sends a file's bytes with headers that keep a browser from running or sniffing them. */
function sendFile(request: FastifyRequest, reply: FastifyReply, f: OpenedFile, kind: 'inline' | 'attachment') {
  const etag = `"${f.etag}"`;
  reply
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .header('etag', etag);
  if (request.headers['if-none-match'] === etag) {
    f.stream.destroy();
    return reply.code(304).send();
  }
  reply.header('content-type', f.mimeType).header('content-disposition', contentDisposition(kind, f.name));
  if (f.size !== null) reply.header('content-length', f.size);
  return reply.send(f.stream);
}

/** Upload, download and thumbnails of files; attaching is done by each feature's own routes. */
export const fileRoutes: FastifyPluginAsyncZod<{ files: FilesService }> = async (app, { files: svc }) => {
  // Registered here, so only these routes accept multipart bodies; the file size limit is set per purpose below.
  await app.register(multipart, { limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 100 } });
  const tags = ['files'];

  app.post(
    '/files',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart/form-data, field `file`); its content decides its type; attach it with a feature’s route within a day',
        description: Object.entries(FILE_PURPOSES)
          .map(([name, p]) => `\`${name}\`: ${p.mimeTypes.join(', ')}, at most ${p.maxBytes / 1024 / 1024} MB`)
          .join('; '),
        consumes: ['multipart/form-data'],
        querystring: s.uploadQuery,
        response: { 201: s.fileSchema, ...errorResponses, 413: errorSchema },
      },
    },
    async (r, reply) => {
      const ctx = ctxOf(r);
      if (!r.isMultipart()) throw validationError(`body.${FILE_FIELD}`, 'send multipart/form-data with the file in a field named file');
      const purpose = FILE_PURPOSES[r.query.purpose];
      const part = await r.file({ limits: { fileSize: purpose.maxBytes } });
      if (!part) throw validationError(`body.${FILE_FIELD}`, 'is required');
      if (part.fieldname !== FILE_FIELD) {
        part.file.resume();
        throw validationError(`body.${FILE_FIELD}`, `is required (got a file in field ${part.fieldname})`);
      }
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (err) {
        if (err instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, {
            message: `A file for ${r.query.purpose} may be at most ${purpose.maxBytes / 1024 / 1024} MB`,
            details: { fields: [{ field: `body.${FILE_FIELD}`, message: `larger than ${purpose.maxBytes / 1024 / 1024} MB` }], maxBytes: purpose.maxBytes },
          });
        }
        throw err;
      }
      const view = await svc.upload(ctx, { purpose: r.query.purpose, fileName: cleanFileName(part.filename), data, field: `body.${FILE_FIELD}` });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/files/:id',
    {
      schema: {
        tags,
        summary: 'A file’s bytes, for those who may see the record it is attached to (its uploader until then); images inline unless download=true',
        params: idParams,
        querystring: s.downloadQuery,
        response: { 200: z.any().describe('The file’s bytes, with its detected content type'), ...errorResponses },
      },
    },
    async (r, reply) => {
      const f = await svc.openFile(ctxOf(r), r.params.id);
      return sendFile(r, reply, f, f.mimeType.startsWith('image/') && r.query.download !== 'true' ? 'inline' : 'attachment');
    },
  );

  app.get(
    '/files/:id/thumbnail',
    { schema: { tags, summary: 'A 320 px WebP thumbnail of an image file (404 for other files)', params: idParams, response: { 200: z.any().describe('image/webp'), ...errorResponses } } },
    async (r, reply) => sendFile(r, reply, await svc.openFile(ctxOf(r), r.params.id, { isThumbnail: true }), 'inline'),
  );

  app.get('/files/:id/info', { schema: { tags, summary: 'A file’s name, detected type, size and SHA-256', params: idParams, response: { 200: s.fileSchema, ...errorResponses } } }, async (r) =>
    svc.getFile(ctxOf(r), r.params.id),
  );
};
