import { INDUSTRIES } from '@parkos/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../../lib/db-checks';
import { users } from '../../identity/identity.table';
import { buildings, parks, sites } from '../../parks/parks.table';

/** Who an article is for: every park, one park, a site, a building, or the enterprises of one industry. */
export const NEWS_TARGETS = ['all', 'park', 'site', 'building', 'industry'] as const;
export type NewsTarget = (typeof NEWS_TARGETS)[number];

export const NEWS_CATEGORIES = ['notice', 'policy', 'event', 'service', 'industry'] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

/** draft → published (visible from `publishAt`) → unpublished (withdrawn; may be published again). */
export const NEWS_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

/** Cover images accepted, by their magic bytes. */
export const NEWS_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type NewsImageType = (typeof NEWS_IMAGE_TYPES)[number];

/** An uploaded cover image (封面图), stored in the database so both drivers and backups carry it. */
export const newsImages = pgTable(
  'news_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The park of the uploading operator; null for an all-parks operator. */
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'restrict' }),
    contentType: text('content_type').$type<NewsImageType>().notNull(),
    byteSize: integer('byte_size').notNull(),
    /** Base64 of the image bytes. */
    data: text('data').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [checkOneOf(t.contentType, NEWS_IMAGE_TYPES), checkNotNegative(t.byteSize)],
);

/**
 * A news article (园区资讯). Its place columns follow the target: `park` sets parkId; `site`
 * parkId + siteId; `building` parkId + siteId + buildingId; `industry` parkId + industry;
 * `all` none. The body is HTML sanitized on the server before it is stored.
 */
export const newsArticles = pgTable(
  'news_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary'),
    bodyHtml: text('body_html').notNull(),
    category: text('category').$type<NewsCategory>().notNull(),
    coverImageId: uuid('cover_image_id').references(() => newsImages.id, { onDelete: 'set null' }),
    targetType: text('target_type').$type<NewsTarget>().notNull(),
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'restrict' }),
    buildingId: uuid('building_id').references(() => buildings.id, { onDelete: 'restrict' }),
    industry: text('industry'),
    status: text('status').$type<NewsStatus>().notNull().default('draft'),
    /** Members see a published article from this moment on (scheduled publishing). */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    pinned: boolean('pinned').notNull().default(false),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('news_articles_feed_idx').on(t.status, t.publishAt),
    index('news_articles_park_idx').on(t.parkId),
    index('news_articles_building_idx').on(t.buildingId).where(sql`building_id is not null`),
    checkOneOf(t.category, NEWS_CATEGORIES),
    checkOneOf(t.targetType, NEWS_TARGETS),
    checkOneOf(t.industry, INDUSTRIES),
    checkOneOf(t.status, NEWS_STATUSES),
  ],
);

/** One row per reader and article: the read count is the number of unique readers. */
export const newsReads = pgTable(
  'news_reads',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => newsArticles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);
