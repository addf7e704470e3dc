import { INDUSTRIES } from '@parkos/contracts';
import { z } from 'zod';
import { NEWS_CATEGORIES, NEWS_IMAGE_TYPES, NEWS_STATUSES, NEWS_TARGETS } from './news.table';

/** Where an article is aimed; the ids the target needs are checked by the service (400 naming the field). */
export const newsTargetSchema = z.object({
  type: z.enum(NEWS_TARGETS),
  parkId: z.string().uuid().nullish(),
  siteId: z.string().uuid().nullish(),
  buildingId: z.string().uuid().nullish(),
  industry: z.enum(INDUSTRIES).nullish(),
});
export type NewsTargetInput = z.infer<typeof newsTargetSchema>;

const articleFields = {
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().max(300).nullish(),
  /** HTML from the editor; sanitized (allow-list) before it is stored. */
  bodyHtml: z.string().min(1).max(200_000),
  category: z.enum(NEWS_CATEGORIES),
  coverImageId: z.string().uuid().nullish(),
  target: newsTargetSchema,
  /** Publish now (`publish: true`, publishAt omitted), at a time (publishAt), or keep as a draft. */
  publish: z.boolean().optional(),
  publishAt: z.coerce.date().nullish(),
  pinned: z.boolean().optional(),
};

export const createArticleBody = z.object(articleFields);
export type CreateArticleInput = z.infer<typeof createArticleBody>;

export const updateArticleBody = z.object({
  title: articleFields.title.optional(),
  summary: articleFields.summary,
  bodyHtml: articleFields.bodyHtml.optional(),
  category: articleFields.category.optional(),
  coverImageId: articleFields.coverImageId,
  target: newsTargetSchema.optional(),
  publishAt: articleFields.publishAt,
});
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

export const publishBody = z.object({ publishAt: z.coerce.date().nullish() }).nullish();
export const pinBody = z.object({ pinned: z.boolean() });

export const articleQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: z.enum(NEWS_STATUSES).optional(),
  category: z.enum(NEWS_CATEGORIES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ArticleQuery = z.infer<typeof articleQuery>;

export const feedQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  category: z.enum(NEWS_CATEGORIES).optional(),
});
export type FeedQuery = z.infer<typeof feedQuery>;

export const articleSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  category: z.enum(NEWS_CATEGORIES),
  coverImageId: z.string().nullable(),
  coverUrl: z.string().nullable(),
  target: z.object({
    type: z.enum(NEWS_TARGETS),
    parkId: z.string().nullable(),
    siteId: z.string().nullable(),
    buildingId: z.string().nullable(),
    industry: z.string().nullable(),
  }),
  status: z.enum(NEWS_STATUSES),
  /** Published and its time has come: members of the target can see it. */
  isLive: z.boolean(),
  publishAt: z.date().nullable(),
  pinned: z.boolean(),
  readCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ArticleView = z.infer<typeof articleSchema>;

export const articleDetailSchema = articleSchema.extend({ bodyHtml: z.string() });
export type ArticleDetail = z.infer<typeof articleDetailSchema>;

/** A cover upload: the bytes as base64 (JSON keeps the API one format); the type is checked against the bytes. */
export const imageUploadBody = z.object({
  contentType: z.enum(NEWS_IMAGE_TYPES),
  dataBase64: z.string().min(1),
});
export const imageSchema = z.object({ id: z.string(), url: z.string(), contentType: z.enum(NEWS_IMAGE_TYPES), byteSize: z.number().int() });
export type ImageView = z.infer<typeof imageSchema>;
