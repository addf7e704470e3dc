import { and, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { enterpriseVehicles } from '../parks/parks.table';
import { memberPlates, parkingSessions } from './parking.table';

/**
 * Distinct vehicles of an enterprise (its registered vehicles, its members' plates, or stays it pays for)
 * that entered the park's lots in a time window. Other modules' comparisons read the park's own counts through this.
 */
export async function countEnterpriseVehicleEntries(q: Queryable, input: { parkId: string; enterpriseId: string; from: Date; to: Date }): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(distinct ${parkingSessions.plate})::int` })
    .from(parkingSessions)
    .where(
      and(
        eq(parkingSessions.parkId, input.parkId),
        gte(parkingSessions.entryAt, input.from),
        lt(parkingSessions.entryAt, input.to),
        or(
          eq(parkingSessions.enterpriseId, input.enterpriseId),
          sql`${parkingSessions.plate} in (select ${enterpriseVehicles.plate} from ${enterpriseVehicles} where ${enterpriseVehicles.enterpriseId} = ${input.enterpriseId})`,
          sql`${parkingSessions.plate} in (select ${memberPlates.plate} from ${memberPlates} where ${memberPlates.enterpriseId} = ${input.enterpriseId})`,
        ),
      ),
    );
  return Number(row?.n ?? 0);
}
