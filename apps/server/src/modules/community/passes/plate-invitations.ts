import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { passes } from './passes.table';

/** Start and end of the local (Asia/Shanghai, UTC+8, no DST) day around an instant. */
export function localDayOf(at: Date): { start: Date; end: Date } {
  const offset = 8 * 3600_000;
  const start = new Date(Math.floor((at.getTime() + offset) / 86_400_000) * 86_400_000 - offset);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/**
 * The visitor invitation that lets `plate` into a park's car parks at `at`: not revoked, for
 * this park, and its window touching the local day of `at` (a visitor who arrives an hour
 * early, or leaves after the window, is still the invited guest of that day). Null if none.
 */
export async function findPlateInvitation(q: Db | Tx, input: { parkId: string; plate: string; at: Date }): Promise<{ passId: string; enterpriseId: string } | null> {
  const day = localDayOf(input.at);
  const [row] = await q
    .select({ passId: passes.id, enterpriseId: passes.enterpriseId })
    .from(passes)
    .where(and(eq(passes.kind, 'visitor'), eq(passes.parkId, input.parkId), eq(passes.visitorPlate, input.plate), isNull(passes.revokedAt), lt(passes.validFrom, day.end), gt(passes.validTo, day.start)))
    .orderBy(asc(passes.validFrom))
    .limit(1);
  return row ?? null;
}
