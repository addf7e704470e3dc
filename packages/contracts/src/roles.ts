/** Roles from DESIGN.md. Each grant binds a role to a scope. */
export const ROLES = ['operator', 'property', 'enterprise_admin', 'member', 'vendor', 'inspector', 'alliance', 'talent', 'finance_contact'] as const;
export type Role = (typeof ROLES)[number];

/** What a grant is limited to; `all` only for operators of the whole company. */
export const SCOPE_TYPES = ['all', 'park', 'site', 'property_company', 'enterprise', 'vendor', 'none'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Which scope types each role accepts. */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  operator: ['all', 'park', 'site'],
  property: ['property_company'],
  enterprise_admin: ['enterprise'],
  member: ['enterprise'],
  vendor: ['vendor', 'none'],
  inspector: ['all', 'park', 'none'],
  alliance: ['all', 'none'],
  talent: ['none'],
  /** An enterprise's finance contact (财务联系人): receives its bill notifications; held beside admin or member. */
  finance_contact: ['enterprise'],
};

/** The roles an enterprise admin hands out within their own enterprise. */
export const ENTERPRISE_ROLES = ['enterprise_admin', 'member', 'finance_contact'] as const;
export type EnterpriseRole = (typeof ENTERPRISE_ROLES)[number];

/** Where an invitation or a join request stands. */
export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];
export type InvitationStatus = 'pending' | 'used' | 'expired' | 'revoked';

/** One of an enterprise's people as its admin sees them; `T` is how instants travel (Date on the server, string on the wire). */
export interface EnterpriseMemberView<T = string> {
  userId: string;
  username: string;
  displayName: string;
  phone: string | null;
  isActive: boolean;
  roles: EnterpriseRole[];
  passes: { id: string; validFrom: T; validTo: T; revokedAt: T | null }[];
  plates: { id: string; plate: string }[];
}

export interface RoleGrant {
  role: Role;
  scopeType: ScopeType;
  /** Id of the park, site, property company, enterprise or vendor; null for `all` and `none`. */
  scopeId: string | null;
}

export const UNIT_STATUSES = ['vacant', 'leased', 'reserved'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const LEAD_STAGES = ['lead', 'visit', 'negotiation', 'signed', 'moved_in', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const INDUSTRIES = ['software', 'ai', 'games', 'finance', 'ecommerce', 'iot', 'biotech', 'services', 'other'] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** An enterprise is in the park (在园) or has moved out (已迁出). */
export const ENTERPRISE_STATUSES = ['active', 'moved_out'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

/** A lease runs until it is ended (退租); a draft (草稿, e.g. made from a moved-in lead) is not in force until an operator confirms it. */
export const LEASE_STATUSES = ['draft', 'active', 'ended'] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];
