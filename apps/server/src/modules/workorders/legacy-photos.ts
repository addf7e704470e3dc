import { and, asc, eq, gt, not } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isStoredFile, type FilesService } from '../files';
import { users } from '../identity/identity.table';
import { WORK_ORDER_FILE_OWNER } from './workorders.service';
import { workOrderAttachments, workOrders } from './workorders.table';

/**
 * Moves photos stored in the database (`work_order_attachments.data`, before the files module)
 * into the file store, as files attached to their order with the same id, so every old link and
 * event keeps pointing at the same photo. Run after the migrations, at every start: it is
 * idempotent (a photo already moved is skipped by its id) and safe when several instances run it
 * at once (same id, same bytes, same key). The old rows are left as they are, read-only: a
 * rollback to the previous release still finds its photos, and a later release drops the table.
 * Returns how many photos were moved now.
 */
export async function moveLegacyPhotos(deps: { db: Db; files: Pick<FilesService, 'importAttached'> }, options: { batchSize?: number } = {}): Promise<number> {
  const { db, files } = deps;
  let moved = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // In batches, so the bytes of every photo are never in memory at once.
    const rows = await db
      .select({ a: workOrderAttachments, parkId: workOrders.parkId, enterpriseId: workOrders.enterpriseId, uploaderId: users.id })
      .from(workOrderAttachments)
      .innerJoin(workOrders, eq(workOrders.id, workOrderAttachments.workOrderId))
      .leftJoin(users, eq(users.id, workOrderAttachments.uploadedBy))
      .where(and(gt(workOrderAttachments.id, after), not(isStoredFile(workOrderAttachments.id))))
      .orderBy(asc(workOrderAttachments.id))
      .limit(options.batchSize ?? 20);
    if (!rows.length) return moved;
    for (const { a, parkId, enterpriseId, uploaderId } of rows) {
      const imported = await files.importAttached({
        id: a.id,
        purpose: 'image',
        ownerType: WORK_ORDER_FILE_OWNER,
        ownerId: a.workOrderId,
        scope: { parkId, enterpriseId },
        uploaderId,
        uploaderName: a.uploadedByName,
        fileName: a.fileName.trim() || 'photo',
        declaredMimeType: a.contentType,
        data: Buffer.from(a.data),
        createdAt: a.createdAt,
      });
      // Not imported: another instance moved it meanwhile; either way it is done.
      if (imported) moved++;
      after = a.id;
    }
  }
}
