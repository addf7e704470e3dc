import type { AuditAction } from '@parkos/contracts';
import { and, count, desc, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { AppError, ErrorCode, conflict, forbidden, notFound, validationError } from '../../../lib/errors';
import { offsetOf, type Page } from '../../../lib/pagination';
import { assertCanWrite, enterpriseIdsOf, isGlobalOperator, isOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { buildings, enterprises, leases, parks, sites, units } from '../../parks/parks.table';
import type { ArticleDetail, ArticleQuery, ArticleView, CreateArticleInput, FeedQuery, ImageView, NewsTargetInput, UpdateArticleInput } from './news.schema';
import { sanitizeArticleHtml, textOf } from './news.sanitize';
import { newsArticles, newsImages, newsReads, type NewsImageType, type NewsTarget } from './news.table';

type ArticleRow = typeof newsArticles.$inferSelect;

/** Largest cover image accepted, in bytes. */
export const MAX_COVER_BYTES = 2 * 1024 * 1024;

/** The place columns a target resolves to. */
interface ResolvedTarget {
  targetType: NewsTarget;
  parkId: string | null;
  siteId: string | null;
  buildingId: string | null;
  industry: string | null;
}

/** Where a member belongs: their enterprises' parks, sites, leased buildings and industries. */
export interface MemberPlace {
  parkIds: string[];
  siteIds: string[];
  buildingIds: string[];
  industries: Array<{ parkId: string; industry: string }>;
}

const readCount = sql<number>`(select count(*)::int from news_reads r where r.article_id = ${newsArticles.id})`.mapWith(Number);

export function imageUrl(id: string): string {
  return `/api/news/images/${id}`;
}

function view(row: ArticleRow, reads: number, now: Date): ArticleView {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    category: row.category,
    coverImageId: row.coverImageId,
    coverUrl: row.coverImageId ? imageUrl(row.coverImageId) : null,
    target: { type: row.targetType, parkId: row.parkId, siteId: row.siteId, buildingId: row.buildingId, industry: row.industry },
    status: row.status,
    isLive: row.status === 'published' && row.publishAt !== null && row.publishAt <= now,
    publishAt: row.publishAt,
    pinned: row.pinned,
    readCount: reads,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The fields an operator changes, for the audit log (the body by length, not in full). */
function auditable(row: ArticleRow) {
  return {
    title: row.title,
    category: row.category,
    targetType: row.targetType,
    parkId: row.parkId,
    siteId: row.siteId,
    buildingId: row.buildingId,
    industry: row.industry,
    status: row.status,
    publishAt: row.publishAt,
    pinned: row.pinned,
    coverImageId: row.coverImageId,
    bodyLength: row.bodyHtml.length,
  };
}

/** The type a file's first bytes say it is (JPEG, PNG, WebP), or null. */
export function sniffImageType(bytes: Buffer): NewsImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Park news (园区资讯): operators write, schedule, pin and withdraw articles aimed at all parks,
 * a park, a site, a building or the enterprises of an industry; members read the feed of their
 * place. Every operator change is an audit entry; reads are counted once per reader.
 */
export function createNewsService(deps: { db: Db; audit: AuditService; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  function assertOperator(actor: Actor): void {
    if (!isOperator(actor)) throw forbidden('Only park operators may manage news');
  }

  /** Articles an operator manages: all for a company-wide operator, else their parks' and sites'. */
  function managedScope(actor: Actor): SQL | undefined {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [];
    const parkIds = operatorParkIds(actor);
    const siteIds = operatorSiteIds(actor);
    if (parkIds.length) parts.push(inArray(newsArticles.parkId, parkIds));
    if (siteIds.length) parts.push(inArray(newsArticles.siteId, siteIds));
    return parts.length ? or(...parts) : sql`false`;
  }

  function covers(actor: Actor, row: Pick<ArticleRow, 'parkId' | 'siteId' | 'targetType'>): boolean {
    if (isGlobalOperator(actor)) return true;
    if (row.parkId === null) return false;
    return operatorCovers(actor, { parkId: row.parkId, siteId: row.siteId });
  }

  /** Member place from their enterprise grants: the enterprise's park and site, and the buildings it leases. */
  async function placeOf(actor: Actor): Promise<MemberPlace> {
    const ids = enterpriseIdsOf(actor);
    if (ids.length === 0) return { parkIds: [], siteIds: [], buildingIds: [], industries: [] };
    const ents = await db.select({ parkId: enterprises.parkId, siteId: enterprises.siteId, industry: enterprises.industry }).from(enterprises).where(inArray(enterprises.id, ids));
    const leased = await db
      .selectDistinct({ buildingId: buildings.id, siteId: buildings.siteId })
      .from(leases)
      .innerJoin(units, eq(units.id, leases.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(and(inArray(leases.enterpriseId, ids), eq(leases.status, 'active')));
    return {
      parkIds: [...new Set(ents.map((e) => e.parkId))],
      siteIds: [...new Set([...ents.flatMap((e) => (e.siteId ? [e.siteId] : [])), ...leased.map((b) => b.siteId)])],
      buildingIds: leased.map((b) => b.buildingId),
      industries: ents.map((e) => ({ parkId: e.parkId, industry: e.industry })),
    };
  }

  /** Which articles a reader may see: aimed at their place, or (operators) in their scope. */
  async function audienceOf(actor: Actor): Promise<SQL> {
    if (isGlobalOperator(actor)) return sql`true`;
    const place = await placeOf(actor);
    const parts: SQL[] = [eq(newsArticles.targetType, 'all')];
    if (place.parkIds.length) parts.push(and(eq(newsArticles.targetType, 'park'), inArray(newsArticles.parkId, place.parkIds))!);
    if (place.siteIds.length) parts.push(and(eq(newsArticles.targetType, 'site'), inArray(newsArticles.siteId, place.siteIds))!);
    if (place.buildingIds.length) parts.push(and(eq(newsArticles.targetType, 'building'), inArray(newsArticles.buildingId, place.buildingIds))!);
    for (const { parkId, industry } of place.industries) parts.push(and(eq(newsArticles.targetType, 'industry'), eq(newsArticles.parkId, parkId), eq(newsArticles.industry, industry))!);
    const managed = isOperator(actor) ? managedScope(actor) : undefined;
    if (managed) parts.push(managed);
    return or(...parts)!;
  }

  function live(at: Date): SQL {
    return and(eq(newsArticles.status, 'published'), lte(newsArticles.publishAt, at))!;
  }

  /** Checks a target's ids and the operator's right to publish there; returns the place columns. */
  async function resolveTarget(q: Db | Tx, actor: Actor, target: NewsTargetInput): Promise<ResolvedTarget> {
    const field = (name: string) => `body.target.${name}`;
    let resolved: ResolvedTarget;
    switch (target.type) {
      case 'all':
        if (!isGlobalOperator(actor)) throw forbidden('Only company-wide operators may publish to all parks');
        return { targetType: 'all', parkId: null, siteId: null, buildingId: null, industry: null };
      case 'park': {
        if (!target.parkId) throw validationError(field('parkId'), 'required for a park target');
        const [p] = await q.select({ id: parks.id }).from(parks).where(eq(parks.id, target.parkId));
        if (!p) throw validationError(field('parkId'), 'no such park');
        resolved = { targetType: 'park', parkId: p.id, siteId: null, buildingId: null, industry: null };
        break;
      }
      case 'site': {
        if (!target.siteId) throw validationError(field('siteId'), 'required for a site target');
        const [s] = await q.select({ id: sites.id, parkId: sites.parkId }).from(sites).where(eq(sites.id, target.siteId));
        if (!s) throw validationError(field('siteId'), 'no such site');
        resolved = { targetType: 'site', parkId: s.parkId, siteId: s.id, buildingId: null, industry: null };
        break;
      }
      case 'building': {
        if (!target.buildingId) throw validationError(field('buildingId'), 'required for a building target');
        const [b] = await q.select({ id: buildings.id, siteId: buildings.siteId, parkId: buildings.parkId }).from(buildings).where(eq(buildings.id, target.buildingId));
        if (!b) throw validationError(field('buildingId'), 'no such building');
        resolved = { targetType: 'building', parkId: b.parkId, siteId: b.siteId, buildingId: b.id, industry: null };
        break;
      }
      case 'industry': {
        if (!target.industry) throw validationError(field('industry'), 'required for an industry target');
        if (!target.parkId) throw validationError(field('parkId'), 'required for an industry target (the park whose enterprises of that industry read it)');
        const [p] = await q.select({ id: parks.id }).from(parks).where(eq(parks.id, target.parkId));
        if (!p) throw validationError(field('parkId'), 'no such park');
        resolved = { targetType: 'industry', parkId: p.id, siteId: null, buildingId: null, industry: target.industry };
        break;
      }
    }
    if (!operatorCovers(actor, { parkId: resolved.parkId!, siteId: resolved.siteId })) throw forbidden('You may only publish news to places in your scope');
    return resolved;
  }

  function cleanBody(html: string): string {
    const clean = sanitizeArticleHtml(html);
    if (textOf(clean) === '') throw validationError('body.bodyHtml', 'the article has no content once unsafe markup is removed');
    return clean;
  }

  async function checkCover(q: Db | Tx, id: string | null | undefined): Promise<void> {
    if (!id) return;
    const [img] = await q.select({ id: newsImages.id }).from(newsImages).where(eq(newsImages.id, id));
    if (!img) throw validationError('body.coverImageId', 'no such image; upload it first');
  }

  async function readCountOf(q: Db | Tx, id: string): Promise<number> {
    const [{ n }] = await q.select({ n: count() }).from(newsReads).where(eq(newsReads.articleId, id));
    return n;
  }

  async function detail(q: Db | Tx, row: ArticleRow): Promise<ArticleDetail> {
    return { ...view(row, await readCountOf(q, row.id), now()), bodyHtml: row.bodyHtml };
  }

  /** Locks an article the operator manages; others' are 404. */
  async function lock(tx: Tx, actor: Actor, id: string): Promise<ArticleRow> {
    assertOperator(actor);
    assertCanWrite(actor);
    const [row] = await tx.select().from(newsArticles).where(eq(newsArticles.id, id)).for('update');
    if (!row || !covers(actor, row)) throw notFound('article', id);
    return row;
  }

  /** One operator change: the update and its audit entry commit together. */
  async function change(ctx: RequestContext, id: string, action: AuditAction, compute: (before: ArticleRow, tx: Tx) => Promise<Partial<typeof newsArticles.$inferInsert>>): Promise<ArticleDetail> {
    return db.transaction(async (tx) => {
      const before = await lock(tx, ctx.actor, id);
      const set = await compute(before, tx);
      const [after] = await tx
        .update(newsArticles)
        .set({ ...set, updatedAt: now() })
        .where(eq(newsArticles.id, id))
        .returning();
      await audit.record(tx, ctx, { action, entityType: 'news_article', entityId: id, before: auditable(before), after: auditable(after), parkId: after.parkId });
      return detail(tx, after);
    });
  }

  return {
    placeOf,

    /** Operators: the articles they manage, newest first, with read counts. */
    async findArticles(ctx: RequestContext, query: ArticleQuery): Promise<Page<ArticleView>> {
      assertOperator(ctx.actor);
      const where: SQL[] = [];
      const scope = managedScope(ctx.actor);
      if (scope) where.push(scope);
      if (query.status) where.push(eq(newsArticles.status, query.status));
      if (query.category) where.push(eq(newsArticles.category, query.category));
      if (query.q) where.push(ilike(newsArticles.title, `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
      const cond = where.length ? and(...where) : undefined;
      const rows = await db
        .select({ article: newsArticles, reads: readCount })
        .from(newsArticles)
        .where(cond)
        .orderBy(desc(newsArticles.pinned), sql`${newsArticles.publishAt} desc nulls first`, desc(newsArticles.createdAt), desc(newsArticles.id))
        .limit(query.pageSize)
        .offset(offsetOf(query));
      const [{ n }] = await db.select({ n: count() }).from(newsArticles).where(cond);
      const at = now();
      return { items: rows.map((r) => view(r.article, r.reads, at)), total: n, page: query.page, pageSize: query.pageSize };
    },

    /** Operators: one article they manage, with its body. */
    async getArticle(ctx: RequestContext, id: string): Promise<ArticleDetail> {
      assertOperator(ctx.actor);
      const [row] = await db.select().from(newsArticles).where(eq(newsArticles.id, id));
      if (!row || !covers(ctx.actor, row)) throw notFound('article', id);
      return detail(db, row);
    },

    /** Writes an article: a draft, published now, or scheduled for `publishAt`. */
    async createArticle(ctx: RequestContext, input: CreateArticleInput): Promise<ArticleDetail> {
      assertOperator(ctx.actor);
      assertCanWrite(ctx.actor);
      const bodyHtml = cleanBody(input.bodyHtml);
      const target = await resolveTarget(db, ctx.actor, input.target);
      await checkCover(db, input.coverImageId);
      const publish = input.publish === true || (input.publish === undefined && input.publishAt != null);
      const at = now();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(newsArticles)
          .values({
            title: input.title,
            summary: input.summary || null,
            bodyHtml,
            category: input.category,
            coverImageId: input.coverImageId ?? null,
            ...target,
            status: publish ? 'published' : 'draft',
            publishAt: publish ? (input.publishAt ?? at) : (input.publishAt ?? null),
            pinned: input.pinned ?? false,
            pinnedAt: input.pinned ? at : null,
            createdBy: ctx.actor.via === 'system' ? null : ctx.actor.userId,
          })
          .returning();
        await audit.record(tx, ctx, { action: 'news_article.created', entityType: 'news_article', entityId: row.id, after: auditable(row), parkId: row.parkId });
        return detail(tx, row);
      });
    },

    /** Edits text, category, cover, target or the scheduled time. */
    async updateArticle(ctx: RequestContext, id: string, input: UpdateArticleInput): Promise<ArticleDetail> {
      assertOperator(ctx.actor);
      const bodyHtml = input.bodyHtml === undefined ? undefined : cleanBody(input.bodyHtml);
      const target = input.target ? await resolveTarget(db, ctx.actor, input.target) : undefined;
      await checkCover(db, input.coverImageId);
      return change(ctx, id, 'news_article.updated', async (before) => {
        if (before.status === 'published' && input.publishAt === null) throw validationError('body.publishAt', 'a published article needs a publish time; unpublish it instead');
        return {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.summary !== undefined ? { summary: input.summary || null } : {}),
          ...(bodyHtml !== undefined ? { bodyHtml } : {}),
          ...(input.category !== undefined ? { category: input.category } : {}),
          ...(input.coverImageId !== undefined ? { coverImageId: input.coverImageId } : {}),
          ...(target ?? {}),
          ...(input.publishAt !== undefined ? { publishAt: input.publishAt } : {}),
        };
      });
    },

    /** Publishes now, or schedules for `publishAt` (members see it from then on). */
    async publishArticle(ctx: RequestContext, id: string, input?: { publishAt?: Date | null } | null): Promise<ArticleDetail> {
      const at = input?.publishAt ?? now();
      return change(ctx, id, at > now() ? 'news_article.scheduled' : 'news_article.published', async () => ({ status: 'published', publishAt: at }));
    },

    /** Withdraws an article from the feed (it can be published again). */
    async unpublishArticle(ctx: RequestContext, id: string): Promise<ArticleDetail> {
      return change(ctx, id, 'news_article.unpublished', async (before) => {
        if (before.status !== 'published') throw conflict(`Only a published article can be unpublished; this one is ${before.status}`, { status: before.status });
        return { status: 'unpublished' };
      });
    },

    /** Pins an article to the top of the feed, or unpins it. */
    async pinArticle(ctx: RequestContext, id: string, input: { pinned: boolean }): Promise<ArticleDetail> {
      return change(ctx, id, input.pinned ? 'news_article.pinned' : 'news_article.unpinned', async () => ({ pinned: input.pinned, pinnedAt: input.pinned ? now() : null }));
    },

    /** The reader's feed: live articles for their place, pinned first, then newest first. */
    async findFeed(ctx: RequestContext, query: FeedQuery): Promise<Page<ArticleView>> {
      const at = now();
      const where: SQL[] = [live(at), await audienceOf(ctx.actor)];
      if (query.category) where.push(eq(newsArticles.category, query.category));
      const cond = and(...where);
      const rows = await db
        .select({ article: newsArticles, reads: readCount })
        .from(newsArticles)
        .where(cond)
        .orderBy(desc(newsArticles.pinned), desc(newsArticles.publishAt), desc(newsArticles.id))
        .limit(query.pageSize)
        .offset(offsetOf(query));
      const [{ n }] = await db.select({ n: count() }).from(newsArticles).where(cond);
      return { items: rows.map((r) => view(r.article, r.reads, at)), total: n, page: query.page, pageSize: query.pageSize };
    },

    /** One live article of the reader's feed; anything else is 404. */
    async getFeedArticle(ctx: RequestContext, id: string): Promise<ArticleDetail> {
      const [row] = await db
        .select()
        .from(newsArticles)
        .where(and(eq(newsArticles.id, id), live(now()), await audienceOf(ctx.actor)));
      if (!row) throw notFound('article', id);
      return detail(db, row);
    },

    /** Counts the reader once per article, however often they open it; returns the unique-reader count. */
    async markRead(ctx: RequestContext, id: string): Promise<{ readCount: number }> {
      const [row] = await db
        .select({ id: newsArticles.id })
        .from(newsArticles)
        .where(and(eq(newsArticles.id, id), live(now()), await audienceOf(ctx.actor)));
      if (!row) throw notFound('article', id);
      if (ctx.actor.via !== 'system') await db.insert(newsReads).values({ articleId: id, userId: ctx.actor.userId }).onConflictDoNothing();
      return { readCount: await readCountOf(db, id) };
    },

    /** Stores a cover image after checking its bytes are the declared type and within the size limit. */
    async uploadImage(ctx: RequestContext, input: { contentType: NewsImageType; dataBase64: string }): Promise<ImageView> {
      assertOperator(ctx.actor);
      assertCanWrite(ctx.actor);
      const b64 = input.dataBase64.replace(/^data:[^,]*,/, '');
      if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(b64)) throw validationError('body.dataBase64', 'not base64');
      const bytes = Buffer.from(b64, 'base64');
      if (bytes.length === 0) throw validationError('body.dataBase64', 'empty image');
      if (bytes.length > MAX_COVER_BYTES) throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, { message: `body.dataBase64: image is ${bytes.length} bytes; at most ${MAX_COVER_BYTES}`, details: { fields: [{ field: 'body.dataBase64', message: `at most ${MAX_COVER_BYTES} bytes` }] } });
      const sniffed = sniffImageType(bytes);
      if (sniffed === null) throw validationError('body.dataBase64', 'not a JPEG, PNG or WebP image');
      if (sniffed !== input.contentType) throw validationError('body.contentType', `the bytes are ${sniffed}, not ${input.contentType}`);
      const parkId = isGlobalOperator(ctx.actor) ? null : (operatorParkIds(ctx.actor)[0] ?? null);
      return db.transaction(async (tx) => {
        const [img] = await tx
          .insert(newsImages)
          .values({ contentType: sniffed, byteSize: bytes.length, data: bytes.toString('base64'), parkId, createdBy: ctx.actor.via === 'system' ? null : ctx.actor.userId })
          .returning({ id: newsImages.id, contentType: newsImages.contentType, byteSize: newsImages.byteSize });
        await audit.record(tx, ctx, { action: 'news_image.uploaded', entityType: 'news_image', entityId: img.id, after: { contentType: img.contentType, byteSize: img.byteSize }, parkId });
        return { ...img, url: imageUrl(img.id) };
      });
    },

    /** An image's bytes, for any signed-in user (cover ids are only handed out with articles). */
    async getImage(ctx: RequestContext, id: string): Promise<{ contentType: NewsImageType; bytes: Buffer }> {
      void ctx;
      const [img] = await db.select({ contentType: newsImages.contentType, data: newsImages.data }).from(newsImages).where(eq(newsImages.id, id));
      if (!img) throw notFound('image', id);
      return { contentType: img.contentType, bytes: Buffer.from(img.data, 'base64') };
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
