import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../identity/actor';
import { bills } from './billing.table';

type BillPlace = { parkId: string; siteId: string | null; enterpriseId: string | null; userId: string | null };

/**
 * Who sees a bill: operators of its park/site; for an enterprise bill the
 * enterprise's admins; for a personal bill (parking) only that member.
 * Nobody sees another enterprise's bills.
 */
export function canReadBill(actor: Actor, bill: BillPlace): boolean {
  if (operatorCovers(actor, bill)) return true;
  return canPayBill(actor, bill);
}

/** Who pays a bill: the member it is addressed to, or an admin of the billed enterprise. */
export function canPayBill(actor: Actor, bill: BillPlace): boolean {
  if (bill.userId) return bill.userId === actor.userId;
  return !!bill.enterpriseId && enterpriseIdsOf(actor, ['enterprise_admin']).includes(bill.enterpriseId);
}

/** The SQL form of `canReadBill`, for lists. */
export function billScope(actor: Actor): SQL | undefined {
  if (isGlobalOperator(actor)) return undefined;
  const parts: SQL[] = [eq(bills.userId, actor.userId)];
  const parkIds = operatorParkIds(actor);
  if (parkIds.length) parts.push(inArray(bills.parkId, parkIds));
  const siteIds = operatorSiteIds(actor);
  if (siteIds.length) parts.push(inArray(bills.siteId, siteIds));
  const adminOf = enterpriseIdsOf(actor, ['enterprise_admin']);
  if (adminOf.length) parts.push(and(isNull(bills.userId), inArray(bills.enterpriseId, adminOf))!);
  return parts.length ? or(...parts) : sql`false`;
}
