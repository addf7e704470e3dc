import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, notFound, validationError } from '../../lib/errors';
import { SYSTEM_ACTOR, assertCanWrite } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { FILE_PURPOSES, THUMBNAIL_MIME, detectMimeType, isImageType, makeThumbnail, stripImageMetadata } from './file-content';
import type { FileStore } from './file-store';
import type { FileView } from './files.schema';
import { files, type FilePurposeName } from './files.table';

type FileRow = typeof files.$inferSelect;

/** The park and enterprise of the record a file is attached to. */
export interface FileScope {
  parkId: string | null;
  enterpriseId: string | null;
}

/**
 * What a feature module declares for the records it lets files be attached to. The files module
 * asks it, for every download and every attach, whether this actor may; it knows nothing else
 * about the record.
 */
export interface FileOwnerPolicy {
  /** The record kind, e.g. the feature's entity name (`^[a-z][a-z0-9_]*$`). */
  ownerType: string;
  /** Purposes whose files may be attached to this kind of record. */
  purposes: readonly FilePurposeName[];
  /** May the actor see the record (and so its files)? False also when it does not exist. */
  canRead(ctx: RequestContext, ownerId: string): Promise<boolean>;
  /** May the actor attach files to the record? Its scope when yes, null when not (or not found). */
  canAttach(ctx: RequestContext, ownerId: string, q: Db | Tx): Promise<FileScope | null>;
}

/** Unattached uploads older than this are deleted by {@link FilesService.deleteAbandonedUploads}. */
export const ABANDONED_UPLOAD_MS = 24 * 3600_000;

const storageKeyOf = (id: string) => `o/${id.slice(0, 2)}/${id}`;
const thumbnailKeyOf = (id: string) => `t/${id.slice(0, 2)}/${id}.webp`;
const sha256Of = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function viewOf(r: FileRow): FileView {
  return {
    id: r.id,
    purpose: r.purpose,
    name: r.originalName,
    mimeType: r.mimeType,
    size: r.size,
    sha256: r.sha256,
    hasThumbnail: r.thumbnailKey !== null,
    isAttached: r.ownerType !== null,
    uploadedByName: r.uploaderName,
    createdAt: r.createdAt,
  };
}

/** Opened bytes of a file, ready to send. */
export interface OpenedFile {
  stream: Readable;
  mimeType: string;
  size: number | null;
  name: string;
  /** Changes whenever the bytes could (the content hash; the thumbnail's is distinct). */
  etag: string;
}

/**
 * Files (附件): uploads checked by content, stored through a {@link FileStore}, read only by those
 * who may see the record a file is attached to (asked of the owner's registered policy).
 */
export function createFilesService(deps: { db: Db; audit: AuditService; store: FileStore }) {
  const { db, audit, store } = deps;
  const owners = new Map<string, FileOwnerPolicy>();

  /** Those who may read a file: its uploader before it is attached, the owner's readers after. */
  async function canRead(ctx: RequestContext, f: FileRow): Promise<boolean> {
    if (f.ownerType === null || f.ownerId === null) return ctx.actor.via !== 'system' && f.uploaderId === ctx.actor.userId;
    const policy = owners.get(f.ownerType);
    return policy ? policy.canRead(ctx, f.ownerId) : false;
  }

  /** A file the actor may read; any other id (another tenant's included) is 404, never 403. */
  async function readable(ctx: RequestContext, id: string): Promise<FileRow> {
    const [f] = await db.select().from(files).where(eq(files.id, id));
    if (!f || !(await canRead(ctx, f))) throw notFound('file', id);
    return f;
  }

  /** Writes bytes (and the thumbnail) to the store; the caller inserts the row afterwards, so no row points at missing bytes. */
  async function storeBytes(id: string, data: Buffer, thumbnail: Buffer | null): Promise<{ storageKey: string; thumbnailKey: string | null }> {
    const storageKey = storageKeyOf(id);
    await store.put(storageKey, data);
    const thumbnailKey = thumbnail ? thumbnailKeyOf(id) : null;
    if (thumbnail && thumbnailKey) await store.put(thumbnailKey, thumbnail);
    return { storageKey, thumbnailKey };
  }

  async function removeBytes(rows: Pick<FileRow, 'storageKey' | 'thumbnailKey'>[]): Promise<void> {
    for (const r of rows) {
      await store.delete(r.storageKey);
      if (r.thumbnailKey) await store.delete(r.thumbnailKey);
    }
  }

  return {
    /** Declares who may read and attach files of one kind of record; one policy per owner type. */
    registerOwner(policy: FileOwnerPolicy): void {
      if (owners.has(policy.ownerType)) throw new Error(`file owner type ${policy.ownerType} is already registered`);
      if (!/^[a-z][a-z0-9_]{0,39}$/.test(policy.ownerType)) throw new Error(`invalid file owner type ${policy.ownerType}`);
      owners.set(policy.ownerType, policy);
    },

    /**
     * Takes an upload: refuses it (400 naming `field`) unless its content is one of the purpose's
     * types, and (413) when larger than the purpose allows; images must decode, are stored
     * re-encoded without metadata (EXIF/XMP/IPTC: GPS, camera, time) and get a thumbnail. The file is unattached: only its uploader sees it until a feature attaches it.
     */
    async upload(ctx: RequestContext, input: { purpose: FilePurposeName; fileName: string; data: Buffer; field: string }): Promise<FileView> {
      assertCanWrite(ctx.actor);
      const purpose = FILE_PURPOSES[input.purpose];
      if (input.data.length > purpose.maxBytes) {
        throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, { message: `A file for ${input.purpose} may be at most ${mb(purpose.maxBytes)}`, details: { fields: [{ field: input.field, message: `larger than ${mb(purpose.maxBytes)}` }], maxBytes: purpose.maxBytes } });
      }
      if (input.data.length === 0) throw validationError(input.field, 'is empty');
      const mimeType = await detectMimeType(input.data);
      if (!mimeType || !purpose.mimeTypes.includes(mimeType)) {
        throw new AppError(ErrorCode.VALIDATION, {
          message: `${input.field}: the content is ${mimeType ?? 'of an unknown type'}, not one of ${purpose.mimeTypes.join(', ')}`,
          details: { fields: [{ field: input.field, message: `content is ${mimeType ?? 'unknown'}; allowed: ${purpose.mimeTypes.join(', ')}` }], detected: mimeType, allowed: purpose.mimeTypes },
        });
      }
      // Images are stored re-encoded without metadata; size and SHA-256 are of the stored bytes.
      let data = input.data;
      let thumbnail: Buffer | null = null;
      if (purpose.isImage) {
        try {
          if (isImageType(mimeType)) data = await stripImageMetadata(input.data, mimeType);
          thumbnail = await makeThumbnail(data);
        } catch {
          throw validationError(input.field, `is not a readable ${mimeType} image`);
        }
      }
      const id = crypto.randomUUID();
      const keys = await storeBytes(id, data, thumbnail);
      try {
        const row = await db.transaction(async (tx) => {
          const [r] = await tx
            .insert(files)
            .values({ id, purpose: input.purpose, uploaderId: ctx.actor.via === 'system' ? null : ctx.actor.userId, uploaderName: ctx.actor.displayName, originalName: input.fileName, mimeType, size: data.length, sha256: sha256Of(data), ...keys })
            .returning();
          await audit.record(tx, ctx, { action: 'file.uploaded', entityType: 'file', entityId: id, after: { purpose: r.purpose, name: r.originalName, mimeType, size: r.size, sha256: r.sha256 } });
          return r;
        });
        return viewOf(row);
      } catch (err) {
        await removeBytes([keys]).catch(() => undefined);
        throw err;
      }
    },

    /**
     * Attaches the actor's own unattached upload to a record, inside the caller's transaction
     * (the feature locks its record and applies its own limits around this call). A file that is
     * not the actor's, is attached already, or has the wrong purpose is a 400 naming `field`.
     */
    async attach(tx: Tx, ctx: RequestContext, input: { fileId: string; ownerType: string; ownerId: string; field: string }): Promise<FileView> {
      const policy = owners.get(input.ownerType);
      if (!policy) throw new Error(`file owner type ${input.ownerType} is not registered`);
      const scope = await policy.canAttach(ctx, input.ownerId, tx);
      if (!scope) throw notFound(input.ownerType, input.ownerId);
      const [f] = await tx.select().from(files).where(eq(files.id, input.fileId)).for('update');
      // Someone else's upload is "not found", so ids cannot be probed.
      if (!f || ctx.actor.via === 'system' || f.uploaderId !== ctx.actor.userId) throw validationError(input.field, 'no such upload of yours');
      if (f.ownerType !== null) throw validationError(input.field, 'is attached already');
      if (!policy.purposes.includes(f.purpose)) throw validationError(input.field, `a ${f.purpose} file cannot be attached here (allowed: ${policy.purposes.join(', ')})`);
      const [row] = await tx
        .update(files)
        .set({ ownerType: input.ownerType, ownerId: input.ownerId, attachedAt: new Date(), parkId: scope.parkId, enterpriseId: scope.enterpriseId })
        .where(and(eq(files.id, f.id), isNull(files.ownerType)))
        .returning();
      await audit.record(tx, ctx, { action: 'file.attached', entityType: 'file', entityId: f.id, after: { ownerType: input.ownerType, ownerId: input.ownerId, sha256: f.sha256 }, parkId: scope.parkId, enterpriseId: scope.enterpriseId });
      return viewOf(row);
    },

    /**
     * Attaches a copy of an attached file to another record, inside the caller's transaction (e.g. an
     * inspection finding's photo onto the work order it opens): the actor must be able to read the file
     * and attach to the target (else 404 / 400 naming `field`). The copy has its own id and bytes, so
     * either record may later lose its file without the other.
     */
    async attachCopy(tx: Tx, ctx: RequestContext, input: { fileId: string; ownerType: string; ownerId: string; field: string }): Promise<FileView> {
      const policy = owners.get(input.ownerType);
      if (!policy) throw new Error(`file owner type ${input.ownerType} is not registered`);
      const [f] = await tx.select().from(files).where(eq(files.id, input.fileId));
      if (!f || f.ownerType === null) throw validationError(input.field, 'no such file');
      if (!policy.purposes.includes(f.purpose)) throw validationError(input.field, `a ${f.purpose} file cannot be attached here (allowed: ${policy.purposes.join(', ')})`);
      const scope = await policy.canAttach(ctx, input.ownerId, tx);
      if (!scope) throw notFound(input.ownerType, input.ownerId);
      const readAll = async (key: string | null) => {
        if (!key) return null;
        const stream = await store.get(key);
        if (!stream) return null;
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
        return Buffer.concat(chunks);
      };
      const data = await readAll(f.storageKey);
      if (!data) throw notFound('file content', f.id);
      const id = crypto.randomUUID();
      const keys = await storeBytes(id, data, await readAll(f.thumbnailKey));
      const [row] = await tx
        .insert(files)
        .values({
          id,
          purpose: f.purpose,
          ownerType: input.ownerType,
          ownerId: input.ownerId,
          attachedAt: new Date(),
          parkId: scope.parkId,
          enterpriseId: scope.enterpriseId,
          uploaderId: f.uploaderId,
          uploaderName: f.uploaderName,
          originalName: f.originalName,
          mimeType: f.mimeType,
          size: f.size,
          sha256: f.sha256,
          ...keys,
        })
        .returning();
      await audit.record(tx, ctx, { action: 'file.copied', entityType: 'file', entityId: id, after: { from: f.id, ownerType: input.ownerType, ownerId: input.ownerId, sha256: f.sha256 }, parkId: scope.parkId, enterpriseId: scope.enterpriseId });
      return viewOf(row);
    },

    /** The files attached to one record, oldest first (the caller has checked the actor may see it). */
    async findByOwner(q: Db | Tx, ownerType: string, ownerId: string): Promise<FileView[]> {
      const rows = await q.select().from(files).where(and(eq(files.ownerType, ownerType), eq(files.ownerId, ownerId))).orderBy(asc(files.attachedAt), asc(files.createdAt), asc(files.id));
      return rows.map(viewOf);
    },

    /** A file's facts, for those who may read it (404 for anyone else). */
    async getFile(ctx: RequestContext, id: string): Promise<FileView> {
      return viewOf(await readable(ctx, id));
    },

    /** A file's bytes (or its thumbnail), for those who may read it (404 for anyone else). */
    async openFile(ctx: RequestContext, id: string, options: { isThumbnail?: boolean } = {}): Promise<OpenedFile> {
      const f = await readable(ctx, id);
      const key = options.isThumbnail ? f.thumbnailKey : f.storageKey;
      if (!key) throw notFound('thumbnail', id);
      const stream = await store.get(key);
      if (!stream) throw notFound('file content', id);
      return options.isThumbnail
        ? { stream, mimeType: THUMBNAIL_MIME, size: null, name: f.originalName.replace(/(\.[^.]*)?$/, '.webp'), etag: `${f.sha256}-thumb` }
        : { stream, mimeType: f.mimeType, size: f.size, name: f.originalName, etag: f.sha256 };
    },

    /**
     * Imports bytes that are already ParkOS data (a data migration moving them here): stored
     * attached, with the given id, without the upload checks. Idempotent: an id already present
     * is left as it is. Returns whether it was imported now.
     */
    async importAttached(input: {
      id: string;
      purpose: FilePurposeName;
      ownerType: string;
      ownerId: string;
      scope: FileScope;
      uploaderId: string | null;
      uploaderName: string;
      fileName: string;
      declaredMimeType: string;
      data: Buffer;
      createdAt: Date;
    }): Promise<boolean> {
      const [existing] = await db.select({ id: files.id }).from(files).where(eq(files.id, input.id));
      if (existing) return false;
      const detected = await detectMimeType(input.data);
      let thumbnail: Buffer | null = null;
      if (FILE_PURPOSES[input.purpose].isImage) thumbnail = await makeThumbnail(input.data).catch(() => null);
      const keys = await storeBytes(input.id, input.data, thumbnail);
      const inserted = await db
        .insert(files)
        .values({
          id: input.id,
          purpose: input.purpose,
          ownerType: input.ownerType,
          ownerId: input.ownerId,
          attachedAt: input.createdAt,
          parkId: input.scope.parkId,
          enterpriseId: input.scope.enterpriseId,
          uploaderId: input.uploaderId,
          uploaderName: input.uploaderName,
          originalName: input.fileName,
          mimeType: detected ?? input.declaredMimeType,
          size: input.data.length,
          sha256: sha256Of(input.data),
          createdAt: input.createdAt,
          ...keys,
        })
        .onConflictDoNothing({ target: files.id })
        .returning({ id: files.id });
      return inserted.length > 0;
    },

    /**
     * Deletes uploads nobody attached within `maxAgeMs` (default a day): rows first, then their
     * bytes, so an attach racing with this either wins (the row stays) or finds no upload.
     * Each deletion is audited. Returns how many were deleted. The worker calls it.
     */
    async deleteAbandonedUploads(options: { now?: Date; maxAgeMs?: number; limit?: number } = {}): Promise<number> {
      const cutoff = new Date((options.now ?? new Date()).getTime() - (options.maxAgeMs ?? ABANDONED_UPLOAD_MS));
      const rows = await db.transaction(async (tx) => {
        const stale = await tx
          .select({ id: files.id })
          .from(files)
          .where(and(isNull(files.ownerType), lt(files.createdAt, cutoff)))
          .orderBy(asc(files.createdAt))
          .limit(options.limit ?? 500)
          .for('update', { skipLocked: true });
        if (!stale.length) return [];
        const deleted = await tx
          .delete(files)
          .where(and(inArray(files.id, stale.map((s) => s.id)), isNull(files.ownerType)))
          .returning();
        await audit.recordMany(
          tx,
          { actor: SYSTEM_ACTOR },
          deleted.map((d) => ({ action: 'file.expired', entityType: 'file', entityId: d.id, before: { name: d.originalName, sha256: d.sha256, uploaderId: d.uploaderId } })),
        );
        return deleted;
      });
      await removeBytes(rows);
      return rows.length;
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;

/** SQL counting the files attached to each row of an owner table, for list queries (`ownerId` is the row's id column). */
export function attachedFileCount(ownerType: string, ownerId: SQL | { getSQL(): SQL }): SQL<number> {
  return sql<number>`(select count(*)::int from ${files} f where f.owner_type = ${ownerType} and f.owner_id = ${ownerId})`;
}

/** SQL true when a file with this id exists (a data migration skips what it has moved). */
export function isStoredFile(id: SQL | { getSQL(): SQL }): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${files} f where f.id = ${id})`;
}
