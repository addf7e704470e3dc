import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table';
import { enterprises, parks } from '../parks/parks.table';

/** What an upload is for; each purpose has its own size limit and allow-list of types (see FILE_PURPOSES). */
export const FILE_PURPOSE_NAMES = ['image', 'document'] as const;
export type FilePurposeName = (typeof FILE_PURPOSE_NAMES)[number];

/**
 * One uploaded file (附件). The bytes live in the file store under `storageKey`; this row holds
 * what ParkOS knows about them. A file is uploaded unattached (`ownerType` null, visible only to
 * its uploader) and then attached to the record it belongs to, whose module decides who may read it.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').$type<FilePurposeName>().notNull(),
    /** The kind of record the file belongs to (registered by its module), e.g. the owner module's entity name. */
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
    uploaderId: uuid('uploader_id').references(() => users.id, { onDelete: 'set null' }),
    uploaderName: text('uploader_name').notNull(),
    /** Scope of the owning record, copied when attached (for listings and storage use per park). */
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'restrict' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    originalName: text('original_name').notNull(),
    /** Detected from the content, never taken from the name or the client's header. */
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('files_storage_key_uq').on(t.storageKey),
    index('files_owner_idx').on(t.ownerType, t.ownerId),
    // The cleanup of abandoned uploads reads only unattached rows.
    index('files_unattached_idx').on(t.createdAt).where(sql`${t.ownerType} is null`),
    index('files_uploader_idx').on(t.uploaderId),
    check('files_purpose_ck', sql`${t.purpose} in ('image', 'document')`),
    check('files_owner_ck', sql`(${t.ownerType} is null) = (${t.ownerId} is null) and (${t.ownerId} is null) = (${t.attachedAt} is null)`),
    check('files_owner_type_ck', sql`${t.ownerType} is null or ${t.ownerType} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check('files_name_ck', sql`char_length(${t.originalName}) between 1 and 255`),
    check('files_mime_ck', sql`${t.mimeType} ~ '^[a-z]+/[a-z0-9.+-]+$'`),
    check('files_size_ck', sql`${t.size} > 0`),
    check('files_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('files_keys_ck', sql`${t.storageKey} <> '' and (${t.thumbnailKey} is null or ${t.thumbnailKey} <> ${t.storageKey})`),
  ],
);
