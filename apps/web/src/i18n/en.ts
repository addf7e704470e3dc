import type { Messages } from './messages';

/** English UI text, the same shape as zh-CN. */
export const en: Messages = {
  app: { name: 'ParkOS', tagline: 'Smart park operations', footer: 'ParkOS · open-source park operations' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', delete: 'Delete', remove: 'Remove', confirm: 'OK', retry: 'Retry',
    search: 'Search', reset: 'Reset', all: 'All', actions: 'Actions', loading: 'Loading…', yes: 'Yes', no: 'No', none: 'None', back: 'Back',
    saved: 'Saved', created: 'Created', deleted: 'Deleted', updated: 'Updated', close: 'Close', details: 'Details', total: '{{count}} in total',
    required: '{{field}} is required', areYouSure: 'Are you sure?', copy: 'Copy', copied: 'Copied', readOnly: 'Read only',
    loadFailed: 'Could not load', loadFailedHint: 'The data could not be loaded. Check your connection and try again.', empty: 'No data', noPermission: 'No access', notFound: 'Not found', notFoundHint: 'This record does not exist, or you may not see it.', noPermissionHint: 'Your role may not see this.',
  },
  lang: { label: 'Language', 'zh-CN': '简体中文', en: 'English' },
  nav: {
    home: 'Dashboard', structure: 'Park structure', enterprises: 'Enterprises', myEnterprise: 'My enterprise', property: 'Property companies', leads: 'Attraction pipeline',
    users: 'Users & roles', audit: 'Audit log', account: 'My account', welcome: 'Welcome', building: 'Building', enterprise: 'Enterprise profile', ledger: 'Ledger', menu: 'Menu',
  },
  auth: {
    title: 'Sign in to ParkOS', subtitle: 'Park operations · Enterprise services · Operations center', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password', failed: 'Sign-in failed', logout: 'Sign out',
    demoHint: 'Demo accounts', demoHintText: 'admin, operator, property, ent.admin — password Demo2026park',
    heroTitle: 'Park operations, simplified', heroText: 'Multi-site park structure, 360° enterprise profiles, property contracts and the attraction pipeline on one platform.',
    heroPoint1: 'Multi-site parks · live unit occupancy', heroPoint2: '360° profiles · leases · vehicles · parking', heroPoint3: 'Attraction funnel and conversion', sessionExpired: 'Your session expired, please sign in again',
  },
  roles: {
    operator: 'Operator', property: 'Property', enterprise_admin: 'Enterprise admin', member: 'Member', vendor: 'Cloud vendor', inspector: 'Safety inspector', alliance: 'Alliance', talent: 'Talent',
  },
  scopes: { all: 'All parks', park: 'Park', site: 'Site', property_company: 'Property company', enterprise: 'Enterprise', vendor: 'Vendor', none: 'No scope' },
  industries: { software: 'Software', ai: 'AI', games: 'Games', finance: 'Fintech', ecommerce: 'E-commerce', iot: 'IoT', biotech: 'Biotech', services: 'Business services', other: 'Other' },
  sizes: { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' },
  unitStatus: { vacant: 'Vacant', leased: 'Leased', reserved: 'Reserved' },
  enterpriseStatus: { active: 'In park', moved_out: 'Moved out' },
  leaseStatus: { active: 'Active', ended: 'Ended', expired: 'Expired' },
  stages: { lead: 'Lead', visit: 'Visit', negotiation: 'Negotiation', signed: 'Signed', moved_in: 'Moved in', lost: 'Lost' },
  dashboard: {
    title: 'Park dashboard', greeting: 'Hello, {{name}}', enterprises: 'Enterprises', unitsLeased: 'Units leased', unitsVacant: 'Units vacant', unitsReserved: 'Units reserved',
    occupancy: 'Occupancy', occupancyBySite: 'Occupancy by site', occupancyHint: 'by area', funnel: 'Attraction funnel', funnelHint: 'Leads that reached each stage',
    overallConversion: 'Overall conversion', leadsTotal: 'Leads', buildings: 'Buildings', area: 'Total area', leasedArea: 'Leased area', byCount: 'By units', byArea: 'By area',
  },
  structure: {
    title: 'Park structure', park: 'Park', site: 'Site', district: 'District', building: 'Building', floor: 'Floor', unit: 'Unit', sites: 'Sites', districts: 'Districts', buildings: 'Buildings',
    floors: 'Floors', units: 'Units', newSite: 'New site', newDistrict: 'New district', newBuilding: 'New building', newFloor: 'New floor', newUnit: 'New unit', name: 'Name', address: 'Address',
    lat: 'Latitude', lon: 'Longitude', parentSite: 'Site', parentDistrict: 'District', floorsAboveGround: 'Floors above ground', grossArea: 'Gross area (m²)', level: 'Level', code: 'Unit code',
    area: 'Area (m²)', status: 'Status', tenant: 'Tenant', leaseEnd: 'Lease ends', occupancy: 'Occupancy', noBuildings: 'No buildings in this district', noSites: 'This park has no sites yet',
    viewBuilding: 'View building', legend: 'Legend', changeStatus: 'Change status', empty: 'No parks yet', selectPark: 'Select park', noFloors: 'This building has no floors yet',
    noUnits: 'No units on this floor', unitCount: '{{count}} units', floorCount: '{{count}} floors', buildingCount: '{{count}} buildings',
  },
  enterprises: {
    title: 'Enterprises', new: 'New enterprise', searchPlaceholder: 'Search by name or credit code', legalName: 'Legal name', creditCode: 'Unified social credit code', industry: 'Industry', size: 'Size',
    site: 'Site', park: 'Park', employeeCount: 'Employees', businessScope: 'Business scope', contactName: 'Contact', contactPhone: 'Phone', contactEmail: 'Email',
    status: 'Status', movedInAt: 'Moved in', basics: 'Basics', contacts: 'Contacts', leases: 'Leases', vehicles: 'Vehicles', parkingSpaces: 'Parking spaces', members: 'Members',
    memberCount: 'Members', adminCount: 'Admins', addVehicle: 'Add vehicle', plate: 'Plate', ownerName: 'Owner', addSpace: 'Assign space', lotName: 'Parking lot', spaceCode: 'Space',
    unit: 'Unit', period: 'Period', monthlyRent: 'Monthly rent (CNY)', editProfile: 'Edit profile', filterIndustry: 'Industry', filterSize: 'Size', filterSite: 'Site',
    uscc: { length: 'must be 18 characters', char: 'contains "{{ch}}", which is not allowed (0-9 and A-Y without I, O, S, V, Z)', check: 'check character should be {{expected}}, not {{actual}}', generic: 'Invalid credit code: {{reason}}' },
    notFound: 'Enterprise not found', emptyList: 'No enterprises match', noEnterprise: 'Your account is not linked to an enterprise', created: 'Enterprise created', removeConfirm: 'Remove?',
    plateInvalid: 'A plate has 7 to 12 characters', emailInvalid: 'Not a valid email', leaseEndConfirm: 'End this lease?', endLease: 'End lease',
  },
  property: {
    title: 'Property companies', new: 'New company', name: 'Company', creditCode: 'Unified social credit code', contactName: 'Contact', contactPhone: 'Phone', contracts: 'Contracts',
    newContract: 'New contract', district: 'District', period: 'Period', startDate: 'Start', endDate: 'End', annualFee: 'Annual fee (CNY)', company: 'Company',
    noContracts: 'No contracts', empty: 'No property companies', deleteContractConfirm: 'Delete this contract?', districtCount: 'Serves {{count}} districts',
  },
  leads: {
    title: 'Attraction pipeline', new: 'New lead', companyName: 'Company', industry: 'Industry', contactName: 'Contact', contactPhone: 'Phone', expectedArea: 'Expected area (m²)', notes: 'Notes',
    stage: 'Stage', moveTo: 'Move to', board: 'Board', funnel: 'Funnel', total: 'Leads', overallConversion: 'Overall conversion', fromPrevious: '{{rate}} of previous',
    emptyColumn: 'Drop cards here', searchPlaceholder: 'Search company', moved: 'Moved to "{{stage}}"', park: 'Park', deleteConfirm: 'Delete this lead?', dragHint: 'Drag a card or use its stage selector',
  },
  users: {
    title: 'Users & roles', new: 'New user', username: 'Username', displayName: 'Name', password: 'Initial password', email: 'Email', phone: 'Phone', locale: 'Language', grants: 'Role grants',
    role: 'Role', scopeType: 'Scope type', scopeId: 'Scope', addGrant: 'Add grant', status: 'Status', active: 'Active', disabled: 'Disabled', locked: 'Locked', disable: 'Disable',
    enable: 'Enable', unlock: 'Unlock', createdAt: 'Created', searchPlaceholder: 'Search username or name', filterRole: 'Role', disableConfirm: 'The user will no longer be able to sign in. Continue?',
    grantsRequired: 'Add at least one role grant', scopeIdRequired: 'Choose a scope', unlocked: 'Unlocked',
  },
  account: {
    title: 'My account', profile: 'Profile', changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password',
    passwordMismatch: 'The passwords do not match', passwordChanged: 'Password changed', tokens: 'API tokens', tokensHint: 'For integrations. A token is shown only once, when created.', newToken: 'Create token',
    tokenName: 'Name', access: 'Access', read: 'Read', write: 'Read & write', expiresInDays: 'Valid for (days)', prefix: 'Prefix', expiresAt: 'Expires', lastUsedAt: 'Last used',
    revoke: 'Revoke', revoked: 'Revoked', revokeConfirm: 'Integrations using this token will stop working. Continue?', tokenCreated: 'Token created', tokenOnce: 'Copy it now: it will not be shown again.',
    never: 'Never', noTokens: 'No API tokens yet', roles: 'Roles', passwordTooShort: 'At least 10 characters',
  },
  audit: {
    title: 'Audit log', at: 'Time', actor: 'Actor', action: 'Action', entityType: 'Entity type', entityId: 'Entity ID', requestId: 'Request ID', before: 'Before', after: 'After',
    diff: 'Changes', field: 'Field', from: 'From', to: 'To', range: 'Time range', verify: 'Ledger', noChanges: 'No field changed', empty: 'No audit entries',
  },
  ledger: {
    title: 'Tamper-evident ledger', subtitle: 'Every audit entry is a leaf of an RFC 9162 Merkle log whose heads the park signs with Ed25519: anyone can check them',
    latestHead: 'Latest signed tree head', treeSize: 'Tree size (entries)', root: 'Root hash', signedAt: 'Signed at', signature: 'Signature', browserCheck: 'Checked in this browser',
    signatureValid: 'Signature valid', signatureInvalid: 'Signature invalid', publicKey: 'Park public key', algorithm: 'Algorithm', keyId: 'Key ID',
    keyHint: 'The key is published at the address above; compare its key ID, then use it to verify any proof bundle offline.', signNow: 'Sign tree head now', signed: 'Signed the head of size {{size}}',
    verifyEntry: 'Verify an audit entry', auditId: 'Audit entry ID', verify: 'Verify', verifyTitle: 'Verify audit entry #{{id}}', recentHeads: 'Recent signed tree heads',
    verified: 'Verified', notVerified: 'Verification failed', verifiedText: 'This entry is leaf {{index}} of the log and is included in the tree of size {{size}} signed by the park key; every computation ran in this browser.',
    notVerifiedText: 'This entry does not match the signed log: it may have been changed after it was recorded. See the failed checks below.',
    leafIndex: 'Leaf index', proofLength: 'Proof length', entry: 'Canonical entry (parkos-audit-v1)', downloadBundle: 'Download proof bundle',
    bundleHint: 'Offline: parkos ledger verify-bundle {{file}}', checkBundle: 'Check a proof bundle file', bundleUnreadable: 'Could not read the bundle',
    bundleValid: 'The bundle is valid, signed by key {{keyId}}',
    steps: { leafHash: 'Leaf hash = SHA-256(0x00 ‖ entry)', inclusion: 'The inclusion proof leads to the signed head’s root', keyId: 'The head’s key ID is the park’s published key', signature: 'The head’s Ed25519 signature is valid' },
  },
  welcome: {
    title: 'Welcome to ParkOS', text: 'Your role: {{roles}}. More features (cloud marketplace, talent services, alliance indicators) are coming soon.', account: 'Manage my account',
  },
  errors: {
    notFound: 'Page not found', notFoundText: 'The page you are looking for does not exist.', forbidden: 'You may not open this page', backHome: 'Back to home', generic: 'Something went wrong',
  },
};
