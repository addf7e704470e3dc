import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client';
import { passes, passScans } from './passes.table';

/**
 * Distinct people of an enterprise let in at the park's gates in a time window: its members
 * (by account) and its visitors (by pass), counting accepted scans only. Other modules' comparisons
 * (the return-to-work ledger) read the park's own counts through this.
 */
export async function countGatePeople(q: Queryable, input: { parkId: string; enterpriseId: string; from: Date; to: Date }): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(distinct coalesce(${passes.holderUserId}, ${passes.id}))::int` })
    .from(passScans)
    .innerJoin(passes, eq(passes.id, passScans.passId))
    .where(and(eq(passScans.parkId, input.parkId), eq(passScans.result, 'accepted'), gte(passScans.scannedAt, input.from), lt(passScans.scannedAt, input.to), eq(passes.enterpriseId, input.enterpriseId)));
  return Number(row?.n ?? 0);
}
