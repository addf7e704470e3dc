import type { Role, RoleGrant } from '@parkos/contracts';
import { AppError, ErrorCode, forbidden } from '../../lib/errors';

/** Who is making a request, with every grant they hold. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  grants: RoleGrant[];
  /** `session` (cookie) or `token` (API token). */
  via: 'session' | 'token' | 'system';
  /** For tokens: `read` tokens may not change state. */
  access: 'read' | 'write';
}

/** The system actor used by the demo seeder and CLI commands. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'ParkOS',
  grants: [{ role: 'operator', scopeType: 'all', scopeId: null }],
  via: 'system',
  access: 'write',
};

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role);
}

/** Operator of the whole company (all parks). */
export function isGlobalOperator(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'operator' && g.scopeType === 'all');
}

export function operatorParkIds(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'operator' && g.scopeType === 'park').map((g) => g.scopeId!);
}

export function operatorSiteIds(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'operator' && g.scopeType === 'site').map((g) => g.scopeId!);
}

/** Enterprises the actor belongs to (as admin or member). */
export function enterpriseIdsOf(actor: Actor, roles: Role[] = ['enterprise_admin', 'member']): string[] {
  return actor.grants.filter((g) => roles.includes(g.role) && g.scopeType === 'enterprise').map((g) => g.scopeId!);
}

export function propertyCompanyIdsOf(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'property' && g.scopeType === 'property_company').map((g) => g.scopeId!);
}

/** Throws 401 when there is no actor; the route layer declares public routes explicitly. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Log in first' });
  return actor;
}

/** Read-only API tokens may not change state. */
export function assertCanWrite(actor: Actor): void {
  if (actor.access !== 'write') throw forbidden('This API token is read-only');
}

/**
 * Whether an operator's scope covers a place. `siteId` may be null for
 * park-level records, which site-scoped operators then do not see.
 */
export function operatorCovers(actor: Actor, place: { parkId: string; siteId?: string | null }): boolean {
  for (const g of actor.grants) {
    if (g.role !== 'operator') continue;
    if (g.scopeType === 'all') return true;
    if (g.scopeType === 'park' && g.scopeId === place.parkId) return true;
    if (g.scopeType === 'site' && place.siteId && g.scopeId === place.siteId) return true;
  }
  return false;
}

export function assertOperatorCovers(actor: Actor, place: { parkId: string; siteId?: string | null }): void {
  if (!operatorCovers(actor, place)) throw forbidden('Only operators of this park may do this');
}

export function isOperator(actor: Actor): boolean {
  return hasRole(actor, 'operator');
}
