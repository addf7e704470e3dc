/**
 * Files (附件): the one way ParkOS takes uploads.
 *
 * - A client uploads with `POST /api/files?purpose=image|document` (multipart, field `file`).
 *   The content decides the type (see FILE_PURPOSES for each purpose's types and size limit);
 *   images must decode and get a 320 px WebP thumbnail. The upload is unattached: only its
 *   uploader can read it, and the worker deletes it after a day (the `files.cleanup` job).
 * - A feature attaches it to its record in its own route, inside its own transaction, with
 *   `files.attach(tx, ctx, { fileId, ownerType, ownerId, field })`, after declaring once, with
 *   `files.registerOwner(policy)`, who may read and attach files of that owner type.
 * - `GET /api/files/{id}` and `/thumbnail` ask that policy; anyone else gets 404.
 * - `files.attachCopy(tx, ctx, { fileId, ownerType, ownerId, field })` attaches a copy of an attached file
 *   to another record (e.g. an inspection finding's photo onto the work order it opens); each keeps its own bytes.
 * - Bytes live in a `FileStore` (a folder under `FILES_DIR` today; an S3-compatible store can
 *   implement the same four calls). Other modules never touch the store or the table directly.
 */
export { createFilesService, attachedFileCount, isStoredFile, ABANDONED_UPLOAD_MS, type FilesService, type FileOwnerPolicy, type FileScope } from './files.service';
export { createFolderStore, type FileStore } from './file-store';
export { FILE_PURPOSES, IMAGE_TYPES, DOCUMENT_TYPES, THUMBNAIL_SIZE, type FilePurpose } from './file-content';
export { FILE_PURPOSE_NAMES, type FilePurposeName } from './files.table';
export { fileSchema, type FileView } from './files.schema';
export { fileRoutes } from './files.routes';
export { startFileCleanupJob, createFileCleanupJob } from './files.jobs';
