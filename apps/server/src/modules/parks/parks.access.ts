import { forbidden, notFound } from '../../lib/errors';
import { enterpriseIdsOf, isOperator, operatorCovers, propertyCompanyIdsOf, type Actor } from '../identity/actor';

/** Where a record lives, for scope checks. */
export interface Place {
  parkId: string;
  siteId?: string | null;
}

/**
 * Read access to park structure: operators in scope; others may read the
 * parks they are related to (their enterprise's park, their contracts' parks).
 */
export function canReadPlace(actor: Actor, place: Place, relatedParkIds: readonly string[]): boolean {
  return operatorCovers(actor, place) || relatedParkIds.includes(place.parkId);
}

/** Enterprise data: operators in scope, and the enterprise's own admins and members. Others get 404, never the data. */
export function assertCanReadEnterprise(actor: Actor, enterprise: { id: string; parkId: string; siteId: string | null }): void {
  if (operatorCovers(actor, enterprise)) return;
  if (enterpriseIdsOf(actor).includes(enterprise.id)) return;
  throw notFound('enterprise', enterprise.id);
}

/** Profile edits: operators in scope, and the enterprise's own admins (not members). */
export function assertCanEditEnterprise(actor: Actor, enterprise: { id: string; parkId: string; siteId: string | null }): void {
  if (operatorCovers(actor, enterprise)) return;
  if (enterpriseIdsOf(actor, ['enterprise_admin']).includes(enterprise.id)) return;
  if (enterpriseIdsOf(actor).includes(enterprise.id)) throw forbidden('Only your enterprise admin may change the profile');
  throw notFound('enterprise', enterprise.id);
}

export function assertOperator(actor: Actor): void {
  if (!isOperator(actor)) throw forbidden('Only park operators may do this');
}

export function isPropertyStaff(actor: Actor): boolean {
  return propertyCompanyIdsOf(actor).length > 0;
}

/**
 * Leasing and structure detail (the park tree with occupancy, a building's vacancy grid, the unit
 * list) is park staff's business: tenants' people get 403 and see only what concerns them.
 */
export function assertMaySeeLeasing(actor: Actor): void {
  if (isOperator(actor) || isPropertyStaff(actor)) return;
  if (enterpriseIdsOf(actor).length) throw forbidden('Leasing and structure data is for park staff');
}
