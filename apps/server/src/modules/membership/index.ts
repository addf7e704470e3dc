export { enterpriseInvitations, enterpriseJoinRequests } from './membership.table';
export { createMembershipService, type MembershipService, type MemberView } from './membership.service';
export { membershipRoutes } from './membership.routes';
