import type { Role } from '@parkos/contracts';
import type { User } from '../api/auth.api';

/** What the signed-in user may see and do in the UI (the server enforces it again). */
export interface Permissions {
  roles: Role[];
  isOperator: boolean;
  isGlobalOperator: boolean;
  isProperty: boolean;
  /** A third-party safety inspector (第三方安全机构): records spot checks in its assigned districts. */
  isInspector: boolean;
  isEnterpriseUser: boolean;
  isEnterpriseAdmin: boolean;
  enterpriseIds: string[];
  canSeeDashboard: boolean;
  canSeeStructure: boolean;
  /** API tokens for integrations: operators and enterprise admins (the server refuses others). */
  canCreateApiTokens: boolean;
  canEditStructure: boolean;
  canSeeEnterpriseList: boolean;
  canCreateEnterprise: boolean;
  canSeePropertyCompanies: boolean;
  canEditPropertyCompanies: boolean;
  canSeeLeads: boolean;
  canManageUsers: boolean;
  canSeeAudit: boolean;
  /** The IOC device registry (设备台账): operators. */
  canManageDevices: boolean;
  /** The IOC big screen, floor plans, map and alarms: operators and property staff (their buildings). */
  canSeeIoc: boolean;
  /** Spot checks (安全抽查): operators' overview, inspectors' own checks. */
  canSeeSpotChecks: boolean;
  /** Spot-check findings: operators, inspectors, and property staff (their company's to fix). */
  canSeeSpotCheckFindings: boolean;
  /** Whether the user may edit this enterprise's profile. */
  canEditEnterprise: (enterpriseId: string) => boolean;
}

/** Derives the UI permissions from the user's role grants. */
export function permissionsOf(user: User | null): Permissions {
  const grants = user?.grants ?? [];
  const roles = [...new Set(grants.map((g) => g.role))];
  const has = (role: Role) => roles.includes(role);
  const isOperator = has('operator');
  const enterpriseIds = grants.filter((g) => (g.role === 'enterprise_admin' || g.role === 'member') && g.scopeId).map((g) => g.scopeId as string);
  const adminOf = grants.filter((g) => g.role === 'enterprise_admin' && g.scopeId).map((g) => g.scopeId as string);
  const isProperty = has('property');
  const isEnterpriseUser = has('enterprise_admin') || has('member');
  return {
    roles,
    isOperator,
    isGlobalOperator: grants.some((g) => g.role === 'operator' && g.scopeType === 'all'),
    isProperty,
    isInspector: has('inspector'),
    isEnterpriseUser,
    isEnterpriseAdmin: adminOf.length > 0,
    enterpriseIds,
    canSeeDashboard: isOperator,
    // Park-wide leasing (occupancy, vacancy grids) is park staff's business; tenants see only their own enterprise.
    canSeeStructure: isOperator || isProperty,
    canEditStructure: isOperator,
    canCreateApiTokens: isOperator || adminOf.length > 0,
    canSeeEnterpriseList: isOperator,
    canCreateEnterprise: isOperator,
    canSeePropertyCompanies: isOperator || isProperty,
    canEditPropertyCompanies: isOperator,
    canSeeLeads: isOperator,
    canManageUsers: isOperator,
    canSeeAudit: isOperator,
    canManageDevices: isOperator,
    canSeeIoc: isOperator || isProperty,
    canSeeSpotChecks: isOperator || has('inspector'),
    canSeeSpotCheckFindings: isOperator || isProperty || has('inspector'),
    canEditEnterprise: (id) => isOperator || adminOf.includes(id),
  };
}
