import { homesEn } from './sections/homes';
import { trainingEn } from './sections/training';
import type { Messages } from './messages';
import { servicesEn } from './sections/services';
import { policiesEn } from './sections/policies';
import { bookingsEn } from './sections/bookings';
import { iocWallEn } from './sections/iocWall';
import { inspectionsEn } from './sections/inspections';
import { patrolsEn } from './sections/patrols';
import { reliefEn } from './sections/relief';
import { operatorEn } from './sections/operator';
import { spotChecksEn } from './sections/spotChecks';
import { evaluationEn } from './sections/evaluation';
import { evaluationOutcomesEn } from './sections/evaluationOutcomes';
import { returnToWorkEn } from './sections/returnToWork';
import { notificationsEn } from './sections/notifications';
import { surveysEn } from './sections/surveys';
import { auditLogEn } from './sections/auditLog';
import { memberAppEn } from './sections/memberApp';
import { peopleEn } from './sections/people';
import { codesEn } from './sections/codes';

/**
 * English UI text, the same shape as zh-CN. Straight quotes only: where a CJK font comes first in the
 * font stack (Linux), curly ones are drawn full-width ("park ’ s").
 */
export const en: Messages = {
  app: { name: 'ParkOS', tagline: 'Smart park operations', footer: 'ParkOS · open-source park operations' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', delete: 'Delete', remove: 'Remove', confirm: 'OK', retry: 'Retry',
    search: 'Search', reset: 'Reset', all: 'All', actions: 'Actions', loading: 'Loading…', yes: 'Yes', no: 'No', none: 'None', back: 'Back',
    saved: 'Saved', created: 'Created', deleted: 'Deleted', updated: 'Updated', close: 'Close', details: 'Details', total: '{{count}} in total',
    required: '{{field}} is required', notNegative: '{{field}} cannot be negative', positive: '{{field}} must be greater than 0', atLeast: '{{field}} must be at least {{min}}', atMost: '{{field}} must be at most {{max}}', areYouSure: 'Are you sure?', copy: 'Copy', copied: 'Copied', readOnly: 'Read only',
    loadFailed: 'Could not load', loadFailedHint: 'The data could not be loaded. Check your connection and try again.', empty: 'No data', noPermission: 'No access', notFound: 'Not found', notFoundHint: 'This record does not exist, or you may not see it.', noPermissionHint: 'Your role may not see this.',
  },
  lang: { label: 'Language', switch: 'Language: {{lang}}', 'zh-CN': '简体中文', en: 'English', short: { 'zh-CN': '中', en: 'EN' } },
  nav: {
    home: 'Dashboard', structure: 'Park structure', enterprises: 'Enterprises', myEnterprise: 'My enterprise', property: 'Property companies', leads: 'Attraction pipeline',
    users: 'Users & roles', audit: 'Audit log', account: 'My account', welcome: 'Welcome', building: 'Building', enterprise: 'Enterprise profile', ledger: 'Ledger', menu: 'Menu', main: 'Main navigation', skipToContent: 'Skip to main content', devices: 'Devices',
    groups: { park: 'Park & enterprises', services: 'Enterprise services', ioc: 'Operations center', workorders: 'Work orders', community: 'Micro-park', evaluation: 'Evaluation', admin: 'System & audit' },
  },
  auth: {
    title: 'Sign in to ParkOS', subtitle: 'Park operations · Enterprise services · Operations center', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password', failed: 'Sign-in failed', logout: 'Sign out',
    demoHint: 'Demo accounts', demoHintText: 'admin, operator, property, ent.admin — password Demo2026park',
    heroTitle: 'Park operations, simplified', heroText: 'Multi-site park structure, 360° enterprise profiles, property contracts and the attraction pipeline on one platform.',
    heroPoint1: 'Multi-site parks · live unit occupancy', heroPoint2: '360° profiles · leases · vehicles · parking', heroPoint3: 'Attraction funnel and conversion', sessionExpired: 'Your session expired, please sign in again',
  },
  roles: {
    operator: 'Operator', property: 'Property', enterprise_admin: 'Enterprise admin', member: 'Member', vendor: 'Cloud vendor', inspector: 'Safety inspector', alliance: 'Alliance', talent: 'Talent', finance_contact: 'Finance contact',
  },
  scopes: { all: 'All parks', park: 'Park', site: 'Site', property_company: 'Property company', enterprise: 'Enterprise', vendor: 'Vendor', none: 'No scope' },
  industries: { software: 'Software', ai: 'AI', games: 'Games', finance: 'Fintech', ecommerce: 'E-commerce', iot: 'IoT', biotech: 'Biotech', services: 'Business services', other: 'Other' },
  sizes: { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' },
  unitStatus: { vacant: 'Vacant', leased: 'Leased', reserved: 'Reserved' },
  enterpriseStatus: { active: 'In park', moved_out: 'Moved out' },
  leaseStatus: { draft: 'Draft', active: 'Active', ended: 'Ended', expired: 'Expired' },
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
    editSite: 'Edit site', editDistrict: 'Edit district', editBuilding: 'Edit building', editFloor: 'Edit floor', editUnit: 'Edit unit', levelFixed: 'The level cannot be changed; add a new floor instead',
    deleteConfirm: 'Delete {{name}}?', deleteConfirmHint: 'Only an empty item can be deleted.',
    deleteBlocked: {
      site: '"{{name}}" cannot be deleted: it still has districts or buildings, or other records (events, news, passes) refer to it. Remove those first.',
      district: '"{{name}}" cannot be deleted: it still has buildings or a property contract. Remove those first.',
      building: '"{{name}}" cannot be deleted: it still has floors or units, or news refers to it. Delete its floors and units first.',
      floor: '"{{name}}" cannot be deleted: it still has units. Delete its units first.',
      unit: '"{{name}}" cannot be deleted: it has lease records (current or past). Leased units stay for the lease history.',
    },
  },
  enterprises: {
    title: 'Enterprises', new: 'New enterprise', searchPlaceholder: 'Name or credit code', legalName: 'Legal name', creditCode: 'Unified social credit code', industry: 'Industry', size: 'Size',
    site: 'Site', park: 'Park', employeeCount: 'Employees', businessScope: 'Business scope', contactName: 'Contact', contactPhone: 'Phone', contactEmail: 'Email',
    status: 'Status', movedInAt: 'Moved in', basics: 'Basics', contacts: 'Contacts', leases: 'Leases', vehicles: 'Vehicles', parkingSpaces: 'Parking spaces', members: 'Members',
    memberCount: 'Members', adminCount: 'Admins', addVehicle: 'Add vehicle', plate: 'Plate', ownerName: 'Owner', addSpace: 'Assign space', lotName: 'Parking lot', spaceCode: 'Space',
    unit: 'Unit', period: 'Period', monthlyRent: 'Monthly rent (CNY)', editProfile: 'Edit profile', filterIndustry: 'Industry', filterSize: 'Size', filterSite: 'Site',
    uscc: { length: 'must be 18 characters', char: 'contains "{{ch}}", which is not allowed (0-9 and A-Y without I, O, S, V, Z)', check: 'check character should be {{expected}}, not {{actual}}', generic: 'Invalid credit code: {{reason}}' },
    notFound: 'Enterprise not found', emptyList: 'No enterprises match', noEnterprise: 'Your account is not linked to an enterprise', created: 'Enterprise created', removeConfirm: 'Remove?',
    platePlaceholder: 'e.g. 川A12345', plateInvalid: 'A plate has 7 to 12 characters', emailInvalid: 'Not a valid email', leaseEndConfirm: 'End this lease?', newLease: 'New lease', endLease: 'End lease',
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
    grantsRequired: 'Add at least one role grant', scopeIdRequired: 'Choose a scope', unlocked: 'Unlocked', editTitle: 'Edit {{name}}',
  },
  account: {
    title: 'My account', profile: 'Profile', changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password',
    passwordMismatch: 'The passwords do not match', passwordChanged: 'Password changed', tokens: 'API tokens', tokensHint: 'For integrations. A token is shown only once, when created.', newToken: 'Create token',
    tokenName: 'Name', access: 'Access', read: 'Read', write: 'Read & write', expiresInDays: 'Valid for (days)', prefix: 'Prefix', expiresAt: 'Expires', lastUsedAt: 'Last used',
    revoke: 'Revoke', revoked: 'Revoked', revokeConfirm: 'Integrations using this token will stop working. Continue?', tokenCreated: 'Token created', tokenOnce: 'Copy it now: it will not be shown again.',
    never: 'Never', noTokens: 'No API tokens yet', roles: 'Roles', passwordTooShort: 'At least 10 characters',
  },
  jobs: {
    names: {
      alarms: { escalation: 'Alarm escalation', 'silent-devices': 'Silent-device check' },
      commands: { retry: 'Command resends' },
      events: { reminders: 'Event reminders' },
      files: { cleanup: 'Unattached upload cleanup' },
      history: { reconcile: 'Late-reading reconcile', retention: 'Telemetry retention', rollup: 'Telemetry rollups' },
      ledger: { 'sign-head': 'Ledger tree head signing' },
      live: { 'device-status': 'Offline device push' },
      workorders: { escalation: 'Overdue work-order escalation', retrain: 'Dispatch model retraining' },
    },
    title: 'Background jobs', job: 'Job', period: 'Every', status: 'Status', lastRun: 'Last run', duration: 'Took', nextRun: 'Next run', runs: 'Runs',
    running: 'Running', ok: 'OK', notRun: 'Not run yet', failed: 'Failed ({{count}}× in a row)', runCounts: '{{runs}} ({{failures}} failed)',
    seconds: '{{count}} s', minutes: '{{count}} min', hours: '{{count}} h', ms: '{{count}} ms',
  },
  audit: {
    title: 'Audit log', at: 'Time', actor: 'Actor', action: 'Action', entityType: 'Entity type', entityId: 'Entity ID', requestId: 'Request ID', before: 'Before', after: 'After',
    diff: 'Changes', field: 'Field', from: 'From', to: 'To', range: 'Time range', verify: 'Ledger', noChanges: 'No field changed', empty: 'No audit entries',
  },
  ledger: {
    title: 'Tamper-evident ledger', subtitle: 'Every audit entry is a leaf of an RFC 9162 Merkle log whose heads the park signs with Ed25519: anyone can check them',
    latestHead: 'Latest signed tree head', treeSize: 'Tree size (entries)', root: 'Root hash', signedAt: 'Signed at', signature: 'Signature', browserCheck: 'Checked in this browser',
    signatureValid: 'Signature valid', signatureInvalid: 'Signature invalid', publishedAt: 'Published at', publicKey: 'Park public key', algorithm: 'Algorithm', keyId: 'Key ID',
    keyHint: 'The key is published at the address above; compare its key ID, then use it to verify any proof bundle offline.', signNow: 'Sign tree head now', signed: 'Signed the head of size {{size}}',
    verifyEntry: 'Verify an audit entry', auditId: 'Audit entry ID', verify: 'Verify', verifyTitle: 'Verify audit entry #{{id}}', recentHeads: 'Recent signed tree heads',
    verified: 'Verified', notVerified: 'Verification failed', verifiedText: 'This entry is leaf {{index}} of the log and is included in the tree of size {{size}} signed by the park key; every computation ran in this browser.',
    notVerifiedText: 'This entry does not match the signed log: it may have been changed after it was recorded. See the failed checks below.',
    leafIndex: 'Leaf index', proofLength: 'Proof length', entry: 'Canonical entry (parkos-audit-v1)', downloadBundle: 'Download proof bundle',
    bundleHint: 'Offline: parkos ledger verify-bundle {{file}}', checkBundle: 'Check a proof bundle file', bundleUnreadable: 'Could not read the bundle',
    bundleValid: 'The bundle is valid, signed by key {{keyId}}',
    steps: { leafHash: 'Leaf hash = SHA-256(0x00 ‖ entry)', inclusion: 'The inclusion proof leads to the signed head\'s root', keyId: 'The head\'s key ID is the park\'s published key', signature: 'The head\'s Ed25519 signature is valid' },
  },
  history: {
    title: 'History', hint: 'Audit entries of this enterprise and its vehicles, parking spaces and leases; each verifies in your browser', at: 'Time', actor: 'Actor', action: 'Action', object: 'Object', empty: 'No changes recorded', verify: 'Verify',
    entities: { enterprise: 'Profile', enterprise_vehicle: 'Vehicle', parking_space_assignment: 'Parking space', lease: 'Lease', device: 'Device' },
  },
  auditActions: {
    enterprise: { created: 'Enterprise created', updated: 'Profile updated' },
    enterprise_vehicle: { created: 'Vehicle registered', deleted: 'Vehicle removed' },
    parking_space: { assigned: 'Space assigned', released: 'Space released' },
    lease: { created: 'Lease signed', ended: 'Lease ended' },
    device: { created: 'Device registered', updated: 'Device updated', deleted: 'Device deleted', credentials_rotated: 'Credentials rotated', credentials_revoked: 'Credentials revoked' },
  },
  devices: {
    title: 'Devices', subtitle: 'IOC device registry: status, latest values, credentials', new: 'New device', edit: 'Edit device', import: 'Import', searchPlaceholder: 'Search code or name',
    code: 'Device code', name: 'Name', type: 'Type', status: 'Status', park: 'Park', building: 'Building', floor: 'Floor', location: 'Location', x: 'X', y: 'Y', lat: 'Latitude', lon: 'Longitude',
    tags: 'Tags', tagsHint: 'Type and press Enter', lastSeen: 'Last seen', never: 'Never', credentials: 'Credentials', createdAt: 'Created', filterType: 'Type', filterStatus: 'Status', filterBuilding: 'Building',
    codeHint: '2–64 letters, digits, dot, dash or underscore; it is the MQTT username', codeInvalid: 'Use 2–64 letters, digits, dot, dash or underscore', created: 'Device created', deleteConfirm: 'Delete the device and all its telemetry?',
    latest: 'Latest values', metric: 'Metric', value: 'Value', readAt: 'Time', noReadings: 'No readings yet', ingestErrors: 'Rejected input', reason: 'Reason', count: 'Count', lastError: 'Last error', lastAt: 'Last at', noErrors: 'Nothing rejected', range: 'Plausible range',
    rollupFailures: 'Some history could not be rolled up', rollupFailure: '{{metric}}, {{from}} – {{to}}: no {{tier}} rollups ({{count}} failed attempts). {{error}}',
    credentialState: { none: 'Not issued', active: 'Active', revoked: 'Revoked' },
    rotate: 'Generate / rotate secret', rotateConfirm: 'The old secret stops working at once; the device must reconnect with the new one. Continue?', revoke: 'Revoke', revokeConfirm: 'The device will no longer be able to connect. Continue?', revoked: 'Credentials revoked',
    rotatedAt: 'Secret rotated', secretTitle: 'Device secret (shown once)', secretOnce: 'Copy it now: it will not be shown again.', secret: 'Secret', username: 'Username',
    mqttHint: 'MQTT connection', host: 'Host', port: 'Port', portHint: 'Default port of the embedded broker; MQTT_PORT of the deployment decides', topic: 'Telemetry topic', commandsTopic: 'Commands topic', payloadExample: 'Example message',
    importTitle: 'Import devices from CSV', importHint: 'Header: code,name,type[,building,floor,x,y,lat,lon,tags]; building by name or ID, tags separated by ;.', importPaste: 'or paste CSV',
    importUpload: 'Choose a CSV file', importMode: 'Mode', allOrNothing: 'Import only if every row is valid', validRowsOnly: 'Import the valid rows', importRun: 'Import', importResult: '{{rows}} rows, {{created}} devices imported',
    importSample: 'code,name,type,building,floor,x,y,lat,lon,tags\nENV-101,Environment sensor 101,environment_sensor,,,,,,,lobby;air', importErrors: 'Error report', row: 'Row', field: 'Field', message: 'Problem', importEmpty: 'Upload or paste CSV first', emptyList: 'No devices match',
  },
  deviceTypes: {
    camera: 'Camera', environment_sensor: 'Environment sensor', energy_meter: 'Energy meter', water_meter: 'Water meter', parking_sensor: 'Parking sensor', gate_camera: 'Gate camera',
    fire_panel: 'Fire panel', thermal_camera: 'Thermal camera', drone: 'Drone', generic: 'Generic device',
    irrigation_valve: 'Irrigation valve', lighting: 'Lighting', air_conditioner: 'Air conditioning', barrier_gate: 'Barrier gate',
  },
  deviceStatus: { online: 'Online', offline: 'Offline' },
  ingestReasons: {
    malformed_json: 'Malformed JSON', invalid_payload: 'Invalid payload', unknown_metric: 'Unknown metric', invalid_value: 'Invalid value', out_of_range: 'Out of plausible range', invalid_timestamp: 'Invalid timestamp',
    ts_future: 'Timestamp in the future', ts_too_old: 'Timestamp too old', wrong_topic: 'Topic not allowed', oversized: 'Too large', rate_limited: 'Rate limited', overloaded: 'Overloaded',
    nul_character: 'Contains a NUL character (U+0000)',
  },
  metrics: {
    temperature: 'Temperature', humidity: 'Humidity', co2: 'CO₂', pm25: 'PM2.5', power_kw: 'Power', energy_kwh: 'Energy', water_m3: 'Water', occupied: 'Occupied', smoke: 'Smoke', body_temp: 'Body temperature', soil_moisture: 'Soil moisture',
  },
  welcome: {
    title: 'Welcome to ParkOS', text: 'Your role: {{roles}}. More features (cloud marketplace, talent services, alliance indicators) are coming soon.', account: 'Manage my account',
  },
  errors: {
    notFound: 'Page not found', notFoundText: 'The page you are looking for does not exist.', forbidden: 'You may not open this page', backHome: 'Back to home', generic: 'Something went wrong',
  },
  fieldErrors: {
    nul_character: 'Must not contain the NUL character (U+0000)', date_out_of_range: 'Must be a date in the years 1 to 9999',
  },
  news: {
    nav: 'News', navAdmin: 'Manage news', feedTitle: 'Park news', adminTitle: 'Manage news', article: 'Article', new: 'New article', edit: 'Edit article',
    allCategories: 'All', emptyFeed: 'No news yet', readers: '{{count}} readers', pinned: 'Pinned', saved: 'Article saved',
    categories: { notice: 'Notices', policy: 'Policy', event: 'Events', service: 'Services', industry: 'Industry' },
    targets: { all: 'All parks', park: 'A park', site: 'A site', building: 'A building', industry: 'An industry' },
    status: { draft: 'Draft', published: 'Published', unpublished: 'Withdrawn', live: 'Live', scheduled: 'Scheduled' },
    modes: { draft: 'Save as draft', now: 'Publish now', schedule: 'Schedule' },
    fields: {
      title: 'Title', summary: 'Summary', category: 'Category', target: 'Audience', park: 'Park', site: 'Site', building: 'Building', industry: 'Industry', cover: 'Cover image', body: 'Body',
      when: 'Publishing', publishAt: 'Publish at', pinned: 'Pinned', status: 'Status', readCount: 'Readers',
    },
    editor: { bold: 'Bold', italic: 'Italic', underline: 'Underline', heading: 'Heading', paragraph: 'Paragraph', bullets: 'Bulleted list', numbers: 'Numbered list', link: 'Insert link', linkPrompt: 'Link address (http:// or https://)' },
    coverUpload: 'Upload cover', coverReplace: 'Replace cover', coverRemove: 'Remove cover', coverHint: 'JPEG, PNG or WebP, at most 2 MB', coverType: 'A cover must be a JPEG, PNG or WebP image', coverSize: 'A cover image may be at most 2 MB',
    bodyRequired: 'Write the body', bodyPlaceholder: 'Write the article here…', searchPlaceholder: 'Search titles', filterStatus: 'Status',
    publish: 'Publish', publishedNow: 'Published', unpublish: 'Withdraw', unpublished: 'Withdrawn', unpublishConfirm: 'Members will no longer see this article. Withdraw it?',
    schedule: 'Schedule', scheduleTitle: 'Schedule "{{title}}"', scheduled: 'Scheduled', pin: 'Pin', unpin: 'Unpin', pinnedDone: 'Pinned', unpinnedDone: 'Unpinned',
  },
  payments: {
    nav: { bills: 'Bills', parking: 'Parking', reconciliation: 'Reconciliation' },
    kinds: { rent: 'Rent', property: 'Property fee', utilities: 'Utilities', parking: 'Parking', service: 'Service fee', booking: 'Resource booking', other: 'Other' },
    billStatus: { open: 'Due', paid: 'Paid', refunded: 'Refunded', void: 'Void' },
    paymentStatus: { pending: 'Awaiting payment', succeeded: 'Paid', failed: 'Failed', closed: 'Closed', partially_refunded: 'Partly refunded', refunded: 'Refunded', unexpected: 'Paid after closing' },
    refundStatus: { pending: 'Refunding', succeeded: 'Refunded', failed: 'Refund failed' },
    bills: {
      title: 'Bills', statement: 'Statement', subtitle: 'Tick several bills and pay them in one checkout', due: 'due {{date}}', paidAt: 'paid {{date}}', tabOpen: 'Due', tabPaid: 'Paid',
      noneOpen: 'No bills due', nonePaid: 'No paid bills yet', selected: '{{count}} selected, total', pay: 'Pay', back: 'Back to bills', item: 'Item', kind: 'Kind', amount: 'Amount',
      status: 'Status', period: 'Period', dueDate: 'Due date', generate: 'Generate monthly bills', issue: 'Issue a bill', voidConfirm: 'Void this bill?', void: 'Void', sum: 'Total',
      issued: 'Bill issued', enterprise: 'Enterprise', amountYuan: 'Amount (yuan)', amountInvalid: 'Enter an amount with at most two decimals', generated: '{{created}} bills generated ({{leases}} leases)',
      park: 'Park', propertyRate: 'Property fee rate', propertyRateHint: 'Charged on the leased unit\'s area; leave empty for rent only', fenPerM2: 'fen/m²·month',
    },
    pay: {
      title: 'Payment', waiting: 'Confirming your payment…', waitingHint: 'Amount ¥{{amount}}; this page updates when the provider\'s notification arrives', continue: 'Continue paying', cancel: 'Cancel payment',
      paid: 'Paid ¥{{amount}}', notPaidHint: 'Nothing was charged; you can pay the bills again', listTitle: 'Payments', refunded: 'Refunded', refund: 'Refund', refundRequested: 'Refund requested',
      refundable: '¥{{amount}} refundable', reason: 'Reason',
      alreadyPaid: 'This payment was already completed at the provider, so it cannot be cancelled',
      unexpectedHint: 'This money arrived after the payment was closed or its bills were paid; it is returned to you automatically',
    },
    receipt: {
      title: 'Receipt', no: 'No.', view: 'View receipt', heading: '{{park}} payment receipt', print: 'Print', payer: 'Payer', enterprise: 'Enterprise', paidAt: 'Paid at', channel: 'Channel',
      txn: 'Provider transaction', status: 'Status', total: 'Total', refunds: 'Refunds',
      providers: { sandbox: 'Sandbox (demo)' },
    },
    recon: {
      title: 'Reconciliation', subtitle: 'Our payments and refunds checked one by one against the provider\'s notifications', matched: 'Matched', missing: 'Missing notification', mismatch: 'Amount mismatch', unknown: 'Unknown notification', unexpected: 'Unexpected payments',
      autoRefunded: 'Refunded automatically', autoRefunding: 'Automatic refund in progress', notRefunded: 'Not refunded yet: check and refund by hand',
      collected: 'Collected', refunded: 'Refunded', net: 'Net', status: 'Result', kind: 'Kind', ours: 'Our amount', notified: 'Notified amount', at: 'Time',
      statuses: { matched: 'Matched', missing_notification: 'Missing notification', amount_mismatch: 'Amount mismatch', unknown_notification: 'Unknown notification', pending: 'Pending', unexpected_payment: 'Unexpected payment' },
      kinds: { payment: 'Payment', refund: 'Refund', notification: 'Notification' },
    },
    parking: {
      title: 'Smart parking', occupancy: 'Live occupancy', occupiedOfCapacity: 'Parked/spaces', noLots: 'No parking lots', free: '{{count}} free', lotOccupancy: '{{name}}: {{occupied}} of {{capacity}} spaces occupied', current: 'Parked now', notParked: 'Your car is not in a lot',
      since: 'in since {{at}}, {{duration}} min', feeSoFar: 'Fee so far', recent: 'Recent stays', myPlates: 'My plates', platePlaceholder: 'e.g. 川A12345 or 川AD12345',
      addPlate: 'Add', reserved: 'Space reserved', reserve: 'Reserve a space', lot: 'Lot', space: 'Space', plate: 'Plate', addPlateFirst: 'Add a plate first', window: 'Time window',
      cancelConfirm: 'Cancel this reservation?', editRule: 'Fee rule', newLot: 'New lot', lotName: 'Lot name', capacity: 'Spaces', freeMinutes: 'Free minutes',
      hourly: 'Per hour', dailyCap: 'Daily cap', nightWindow: 'Night window', nightHourly: 'Night per hour', monthlyPass: 'Monthly pass price', lots: 'Lots', sessions: 'Sessions',
      entry: 'Entry', exit: 'Exit', fee: 'Fee', payer: 'Payer', manualRead: 'Manual read', direction: 'Direction', record: 'Record',
      sessionStatus: { open: 'Parked', closed: 'Left', exit_without_entry: 'Exit without entry', missed_exit: 'Missed exit' },
      payers: { member: 'Member', enterprise: 'Enterprise', pass: 'Monthly pass', visitor: 'Visitor' },
      readResults: { session_opened: 'Entered', session_closed: 'Left', duplicate: 'Duplicate read, ignored', exit_without_entry: 'No entry on record; kept for review', entry_while_open: 'Previous exit missed; entered again' },
    },
  },
  ioc: {
    nav: { screen: 'Operations screen', alarms: 'Alarms' },
    screenTitle: 'Park operations centre', alarmsTitle: 'Alarms', floorPlanTitle: 'Floor plan', mapTitle: 'Park map', wallMode: 'Wall display', fullScreen: 'Full screen', refresh: 'Refresh', loading: 'Loading…',
    live: 'Live', connecting: 'Connecting…', onlineRate: 'Devices online', onlineOf: '{{online}} online of {{total}}', alarmsBySeverity: 'Alarms by severity', openActive: '{{open}} open · {{active}} unacknowledged',
    alarmsByBuilding: 'Alarms by building', noBuilding: 'No building', noOpenAlarms: 'No open alarms', parking: 'Parking occupancy', parkingOf: '{{occupied}} of {{total}} occupied', occupied: 'Occupied', free: 'Free',
    latestAlarms: 'Alarms to handle', consumption: 'Consumption, last 24 h', consumptionTotal: '{{kwh}} kWh · {{m3}} m³', energy: 'Energy (kWh)', water: 'Water (m³)', environment: 'Environment (building averages)',
    temperature: 'Temperature (°C)', humidity: 'Humidity (%)', noData: 'No data yet',
    severity: { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Info' },
    state: { active: 'Active', acknowledged: 'Acknowledged', cleared: 'Cleared', closed: 'Closed' },
    event: { raised: 'Raised', repeated: 'Repeated', reactivated: 'Reactivated', acknowledged: 'Acknowledged', assigned: 'Assigned', commented: 'Comment', cleared: 'Cleared', closed: 'Closed' },
    markerState: { online: 'Online', offline: 'Offline', alarm: 'In alarm' },
    severityLabel: 'Severity', stateLabel: 'State', message: 'Alarm', device: 'Device', building: 'Building', floor: 'Floor', count: 'Count', lastAt: 'Last', firstAt: 'First', rule: 'Rule',
    lastValue: 'Last value', assignee: 'Assignee', unassigned: 'Unassigned', acknowledgedAt: 'Acknowledged', clearedAt: 'Cleared', closedAt: 'Closed', closeReason: 'Reason for closing', details: 'Alarm', history: 'Responses',
    filterState: 'State', filterSeverity: 'Severity', filterBuilding: 'Building', openAlarms: 'Open', noAlarms: 'No alarms match',
    acknowledge: 'Acknowledge', assign: 'Assign', comment: 'Comment', close: 'Close', confirm: 'Submit', done: 'Done', commentOptional: 'Comment (optional)', commentText: 'Comment', reasonOptional: 'Reason (optional)',
    reasonRequired: 'The alarm has not cleared: give a reason to close it', engine: 'Rule engine', assignedTo: 'Assigned to {{id}}', valueWas: 'Value {{value}} ({{count}} in all)',
    devicesOnFloor: '{{count}} devices on this floor', devicesOnMap: '{{count}} devices with coordinates', noFloor: 'Choose a building and floor', zoomIn: 'Zoom in', zoomOut: 'Zoom out', resetZoom: 'Whole plan', clusterTitle: '{{count}} devices: click to zoom in',
    plotLabel: 'Device positions', devicesShown: '{{total}} devices',
  },
  workorders: {
    nav: { list: 'Work orders', triage: 'Dispatch triage', model: 'Dispatch model', new: 'Report a problem' },
    title: 'Work orders', subtitle: 'Alarms, patrol findings and requests become work orders, dispatched to teams automatically', myQueue: 'My queue', myQueueHint: 'Orders dispatched to my teams', myRequests: 'My requests', newRequest: 'Report a problem',
    filterStatus: 'Status', filterCategory: 'Category', filterPriority: 'Priority', filterSla: 'SLA', open: 'Open', search: 'Search title or description', empty: 'No work orders', escalated: 'Escalated',
    status: { new: 'New', dispatched: 'Dispatched', accepted: 'Accepted', in_progress: 'In progress', resolved: 'Resolved', verified: 'Verified', closed: 'Closed' },
    category: { elevator: 'Elevator', hvac: 'HVAC', lighting: 'Lighting', plumbing: 'Plumbing', fire: 'Fire safety', security: 'Security', cleaning: 'Cleaning', network: 'Network', parking: 'Parking', electrical: 'Electrical', other: 'Other' },
    priority: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
    source: { alarm: 'Alarm', patrol: 'Patrol', inspection: 'Inspection', member_request: 'Member request', enterprise_request: 'Enterprise request', operator: 'Operator' },
    sla: { ok: 'On track', at_risk: 'At risk', overdue: 'Overdue', met: 'Met', breached: 'Breached' },
    fields: {
      number: 'No.', title: 'Title', description: 'Description', category: 'Category', priority: 'Priority', location: 'Location', building: 'Building', locationText: 'Exact location', team: 'Team', requester: 'Requester',
      createdAt: 'Created', responseDue: 'Respond by', resolutionDue: 'Resolve by', confidence: 'Confidence', photos: 'Photos', rating: 'Rating', status: 'Status', source: 'Source', sla: 'SLA',
    },
    actions: { dispatch: 'Dispatch', accept: 'Accept', start: 'Start', resolve: 'Resolve', verify: 'Confirm fixed', close: 'Close', reopen: 'Reopen', rate: 'Rate', comment: 'Comment', addPhoto: 'Add photo', cancel: 'Cancel request', urge: 'Chase' },
    events: {
      created: 'Created', classified: 'Classified', triaged: 'Triaged', dispatched: 'Dispatched', accepted: 'Accepted', started: 'Started', resolved: 'Resolved', verified: 'Verified', closed: 'Closed', reopened: 'Reopened',
      commented: 'Comment', photo_added: 'Photo added', rated: 'Rated', escalated: 'Escalated', cancelled: 'Cancelled by the requester', urged: 'Chased by the requester',
    },
    escalation: { team_lead: 'team lead notified', operator: 'operator notified' },
    timeline: 'Progress', comments: 'Comments', commentPlaceholder: 'Write a comment…', send: 'Send', resolveComment: 'What was done (optional)', closeReason: 'Reason for closing',
    decision: {
      title: 'Why it went here', automatic: 'Dispatched automatically', triage: 'Sent to triage', confidence: 'Confidence {{value}} (threshold {{threshold}})', categoryBy: 'Category: {{category}}',
      categorySource: { given: 'given by the requester', rule: 'set by the alarm rule', model: 'predicted ({{value}})', default: 'undetermined' },
      teamBy: 'Team: {{team}}', teamSource: { model: 'predicted ({{value}})', location: 'location rule', none: 'undetermined' },
      terms: 'Terms that weighed most', locationRule: '{{district}} is contracted to {{company}}: dispatched to its team by the location rule', modelVersion: 'Models: category v{{category}} · team v{{team}}',
      state: { automatic: 'Dispatched automatically to {{team}} at {{at}}', manual: 'Dispatched by hand to {{team}} by {{by}} at {{at}}', triage: 'Waiting for an operator to dispatch', pending: 'Not dispatched yet' },
      modelSuggested: 'What the model decided (before the manual dispatch)', words: 'Words that weighed most', device: 'Device type: {{device}}',
    },
    triage: {
      title: 'Dispatch triage', subtitle: 'Orders below the confidence threshold: confirm or correct category and team; corrections become training data', predicted: 'Predicted', confirm: 'Dispatch', empty: 'Nothing waiting for triage', dispatched: 'Dispatched',
    },
    model: {
      title: 'Dispatch model', subtitle: 'Trained only on this park\'s closed work orders; no weights are downloaded', target: { category: 'Category model', team: 'Team model' }, accuracy: 'Held-out accuracy', version: 'Version', trainedAt: 'Trained at',
      examples: 'Training examples', heldOut: '{{count}} held back (20%)', labels: '{{count}} labels', retrain: 'Retrain now', retrained: 'Model retrained', corrections: 'Corrections since training', correctionsHint: 'retrains automatically at {{count}}',
      threshold: 'Auto-dispatch threshold', automaticShare: 'Dispatched automatically', triageCount: 'In triage', history: 'Training history', trigger: 'Trigger', triggers: { seed: 'Demo data', manual: 'Retrain button', schedule: 'Schedule', corrections: '{{count}} corrections' }, trainingMs: 'Took', none: 'No model yet (needs at least 10 closed orders)',
    },
    form: { title: 'Report a problem', subtitle: 'Describe it, add up to 9 photos; it goes to the right team automatically', titlePlaceholder: 'e.g. AC not cooling in meeting room 3F', categoryOptional: 'Category (optional, detected automatically)', submit: 'Submit', submitted: 'Submitted as No. {{number}}' },
    photo: { add: 'Add photos', hint: 'JPEG/PNG/WebP, up to 10 MB each, at most 9', typeError: 'Only JPEG, PNG and WebP images', sizeError: 'A photo may be at most 10 MB', tooMany: 'At most 9 photos', uploaded: 'Photo uploaded' },
    rating: { title: 'Rate the result', comment: 'Comment (optional)', submit: 'Submit rating', thanks: 'Thank you for your rating' },
  },
  telemetryHistory: {
    title: 'History', metric: 'Metric', settings: 'Retention', average: 'Average', min: 'Min', max: 'Max', noMetrics: 'No readings yet, nothing to chart', noData: 'No data in this range', pickRange: 'Pick a start and an end',
    metricNames: { illuminance: 'Illuminance', pm10: 'PM10', noise: 'Noise', voltage: 'Voltage', current: 'Current', flow_m3h: 'Water flow', people_count: 'People', vehicle_count: 'Vehicles', battery: 'Battery', signal_dbm: 'Signal', online: 'Heartbeat', fault: 'Fault', fire_alarm: 'Fire alarm', altitude_m: 'Altitude' },
    points: '{{count}} points', tiers: { raw: 'Raw readings', '1m': '1-minute rollups', '1h': '1-hour rollups' },
    ranges: { '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d', custom: 'Custom' },
    settingsTitle: 'Telemetry history retention', deviceType: 'Device type', rawDays: 'Raw', minuteDays: '1-minute', hourDays: '1-hour', days: 'days',
    default: 'Default', custom: 'Custom', reset: 'Reset', resetConfirm: 'Return this device type to the default retention?', saved: 'Retention saved',
    rollupStatus: 'Rollups complete up to {{watermark}}', retentionHint: 'A background job deletes history older than each tier\'s retention, in small batches that never hold up ingestion.',
    orderRule: 'Raw ≤ 1-minute ≤ 1-hour. Retention applies to every park; only company-wide operators may change it.',
  },
  rules: {
    nav: 'Alarm rules', title: 'Alarm rules', subtitle: 'Threshold, rate of change and silence rules, scoped by device type, location or tag', new: 'New rule', edit: 'Edit rule', created: 'Rule created',
    name: 'Name', kind: 'Kind', severity: 'Severity', enabled: 'Enabled', enabledOn: 'Rule enabled', enabledOff: 'Rule disabled', enabledOnly: 'Enabled only', disabledOnly: 'Disabled only',
    metricHint: 'Unit {{unit}}; readings outside {{min}} … {{max}} are rejected', metric: 'Metric', operator: 'Operator', value: 'Threshold', hysteresis: 'Hysteresis', hysteresisHint: 'After firing, the value must come back past threshold ∓ hysteresis to clear (no flapping)',
    delta: 'Change', windowSeconds: 'Window (s)', direction: 'Direction', silentSeconds: 'Silent for (s)', condition: 'Condition',
    scope: 'Scope', park: 'Park', deviceType: 'Device type', building: 'Building', floor: 'Floor', tag: 'Tag', description: 'Description', wholePark: 'Whole park',
    emptyList: 'No rules', deleteConfirm: 'Delete this rule? A rule that raised alarms can only be disabled.',
    rateText: '{{metric}} changes by ≥ {{delta}} within {{seconds}} s ({{direction}})', silentText: 'no data for {{seconds}} s',
    conditions: 'Conditions (all)', attributeConditions: 'Attribute conditions', addCondition: 'Add condition', groupBy: 'Location', groupByOptions: { floor: 'Same floor', building: 'Same building' },
    combinationHint: 'One alarm for the location when readings of devices there meet every condition within the window', attributeHint: 'Numeric event attributes must all match, e.g. temperature >= 37.3',
    combinationText: '{{groupBy}} within {{seconds}} s: {{conditions}}', eventType: 'Event type', eventTypeHint: 'e.g. fever, intrusion',
    dryRun: 'Dry run (last day)', dryRunHint: 'Replays the last 24 h of data against the rule as filled in; nothing is saved', dryRunSummary: 'Would fire {{episodes}} time(s) ({{devices}} devices, {{readings}} readings, {{events}} events)',
    dryRunTruncated: 'Too much history: only the first 200,000 readings were replayed', dryRunNone: 'Would not have fired in the last day', subject: 'Device / location', firedAt: 'Fired', clearedAt: 'Cleared', stillFiring: 'Still firing', count: 'Count', message: 'Message',
    traceTitle: 'Rule trace', traceNow: 'Now', traceEmpty: 'No rules in this park', verdict: 'Result', why: 'Why', time: 'Time', stateBefore: 'Before', stateAfter: 'After', op: 'Action',
    verdicts: { firing: 'Firing', quiet: 'Not firing', no_data: 'No data', out_of_scope: 'Out of scope' }, ops: { raise: 'Raised', repeat: 'Repeat', clear: 'Cleared' },
    action: 'Command on firing', actionHint: 'e.g. open the valve for 600 s when soil moisture is low', actionTarget: 'Target device', actionCommand: 'Command', actionParams: 'Parameters (JSON)', actionParamsInvalid: 'Must be a JSON object',
    shelves: {
      nav: 'Shelving', title: 'Alarm shelving', subtitle: 'Suppress a device\'s or an area\'s (floor, building) alarms for maintenance: recorded, never escalated', new: 'New shelf', created: 'Shelved', scope: 'Scope', device: 'Device',
      window: 'Maintenance window', reason: 'Reason', state: 'State', active: 'In force', scheduled: 'Scheduled', by: 'By', end: 'End now', endConfirm: 'End this shelf? Alarms will be raised normally again.',
      empty: 'Nothing is shelved', until: 'until', badge: 'Alarms shelved until {{until}}', scopes: { device: 'Device', floor: 'Floor', building: 'Building' },
    },
    notifications: { title: 'Notifications', empty: 'No notifications', readAll: 'Mark all read' },
    kinds: { threshold: 'Threshold', rate_of_change: 'Rate of change', silent: 'Device silent', combination: 'Combination (by location)', event: 'Device event' },
    severities: { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Info' },
    directions: { rise: 'Rise', fall: 'Fall', any: 'Any' },
  },
  deviceOps: {
    broker: {
      title: 'Where to connect', mode: 'Mode', modes: { embedded: 'Embedded MQTT broker', external: 'External MQTT broker' }, mqtt: 'MQTT address', websocket: 'MQTT over WebSocket', off: 'Off',
      protocol: 'MQTT version',
      protocolEmbedded: 'MQTT 3.1.1 (or 3.1). The embedded broker refuses MQTT 5 clients (they report code 132, unsupported protocol version): set the device to 3.1.1.',
      protocolExternal: 'Whatever the external broker supports (MQTT 3.1.1 or 5).',
      username: 'Username', publish: 'May publish to', subscribe: 'May subscribe to', limits: 'Limits', limitsText: '{{rate}} messages/s per device (bursts of {{burst}}), at most {{kb}} KB per message',
    },
    commands: {
      title: 'Send a command', command: 'Command', params: 'Parameters', send: 'Send', sent: 'Command issued', empty: 'No commands yet', status: 'Status', issuedAt: 'Issued', issuedBy: 'Issued by', attempts: 'Attempts',
      finishedAt: 'Finished', detail: 'Device reply', byRule: 'Rule', byUser: 'User', notActuator: 'This type of device takes no commands', duration: 'Duration (minutes)', level: 'Brightness (%)', setpoint: 'Temperature (°C)', mode: 'Mode',
      statuses: { pending: 'Pending', sent: 'Sent', acknowledged: 'Acknowledged', failed: 'Failed', timed_out: 'Timed out' },
      names: {
        open_valve: 'Open valve', close_valve: 'Close valve', lights_on: 'Lights on', lights_off: 'Lights off', set_brightness: 'Set brightness', ac_on: 'Air conditioning on', ac_off: 'Air conditioning off', set_temperature: 'Set temperature',
        open_gate: 'Open gate', close_gate: 'Close gate',
      },
    },
    import: { xlsxUpload: 'Choose an Excel file (.xlsx)', xlsxHint: 'The first worksheet is read; its first row is the header, with the same columns as the CSV.', xlsxRead: 'Read {{name}}', sheetEmpty: 'The worksheet is empty' },
  },
  passesEvents: {
    nav: { myPass: 'My pass', passes: 'Passes', events: 'Events' },
    pass: {
      title: 'My pass', qrAlt: 'QR code', subtitle: 'Show the QR code at the gate', refresh: 'Refresh code', validUntil: 'Code valid until {{time}}', expiresIn: 'Refreshes in {{seconds}} s',
      holder: 'Holder', enterprise: 'Enterprise', passValid: 'Pass valid', noPass: 'Only employees of tenant enterprises have a pass', offlineHint: 'The code is signed: gates verify it even offline.',
      invite: 'Invite a visitor', inviteTitle: 'Invite a visitor', visitorName: 'Visitor name', purpose: 'Purpose', window: 'Visit time', gates: 'Only these gates (optional)',
      invited: 'Invitation created: send the link to your visitor', link: 'Visitor link', copyLink: 'Copy link', myInvitations: 'My invitations', noInvitations: 'No invitations yet',
      status: { active: 'Active', upcoming: 'Upcoming', expired: 'Expired', revoked: 'Revoked' },
      kind: { member: 'Member', visitor: 'Visitor' },
      revoke: 'Revoke', revokeTitle: 'Revoke pass', revokeReason: 'Reason', revoked: 'Revoked', cancelInvite: 'Cancel invitation',
      visitorTitle: 'Visitor pass', visitorHello: 'Welcome, {{name}}', visitorPark: 'Park', visitorHost: 'Host enterprise', visitorInvalid: 'This pass is no longer valid', visitorNotFound: 'The link is invalid or was withdrawn',
    },
    admin: {
      title: 'Passes', subtitle: 'Passes, visitor invitations and gate scans', passes: 'Passes', scans: 'Scan log', charts: 'Gate scans (last 24 hours)',
      perHour: 'Scans per hour', byReason: 'Refusals by reason', accepted: 'Accepted', rejected: 'Rejected', gate: 'Gate', time: 'Time', result: 'Result', reason: 'Reason',
      via: 'Reported via', holder: 'Holder', kind: 'Kind', validity: 'Valid', status: 'Status', filterKind: 'Kind', filterStatus: 'Status', noScans: 'No scans yet',
    },
    reasons: {
      ok: 'Accepted', bad_format: 'Bad format', unknown_key: 'Unknown key', bad_signature: 'Bad signature', not_yet_valid: 'Not yet valid', expired: 'Expired', wrong_park: 'Other park',
      wrong_site: 'Other site', wrong_gate: 'Not this gate', revoked: 'Revoked', replay: 'Used again', duplicate_nonce: 'Duplicate report',
    },
    events: {
      title: 'Events', subtitle: 'Registration, waitlist, check-in and calendar feeds', create: 'New event', empty: 'No events', upcoming: 'Upcoming', all: 'All events',
      fields: {
        title: 'Title', description: 'Description', location: 'Place', time: 'Time', capacity: 'Seats', registration: 'Registration', requiresApproval: 'Needs approval', reminderMinutes: 'Reminder (minutes before)',
      },
      seats: '{{confirmed}}/{{capacity}} registered', waitlist: '{{count}} waiting', pending: '{{count}} pending', checkedIn: '{{count}} checked in',
      register: 'Register', cancel: 'Cancel registration', registered: 'Registered', waitlisted: 'Full: you are on the waitlist', cancelled: 'Registration cancelled', cancelConfirm: 'Cancel your registration? Your seat goes to the waitlist.',
      regStatus: { pending: 'Pending approval', confirmed: 'Registered', waitlisted: 'Waitlisted', cancelled: 'Cancelled', rejected: 'Rejected' },
      waitlistPosition: 'Waitlist position {{position}}', checkInQr: 'Check-in code', checkInHint: 'Show this code at the entrance', checkedInAt: 'Checked in at {{time}}',
      addToCalendar: 'Add to calendar', subscribe: 'Subscribe to my events', subscribeHint: 'Add this address to your calendar app; your registrations stay in sync.', rotate: 'New address',
      notOpen: 'Registration not open yet', closed: 'Registration closed', eventCancelled: 'Event cancelled', capacityBar: '{{count}} of {{capacity}} places taken', cancelEvent: 'Cancel event', cancelEventConfirm: 'Cancel this event?',
      registrations: 'Registrations', attendee: 'Attendee', enterprise: 'Enterprise', status: 'Status', approve: 'Approve', reject: 'Reject', checkIn: 'Check in', checkInPlaceholder: 'Scan or type the code', checkInOk: '{{name}} checked in',
      reminders: 'Reminders',
    },
  },
  memberHome: {
    nav: 'Home', greeting: 'Hello, {{name}}', subtitle: 'Your pass, bills, parking, park news and repair requests at a glance', more: 'All', loadFailed: 'Could not load',
    pass: { title: 'My pass', open: 'Show full screen', empty: 'No pass yet' },
    news: { title: 'Park news', empty: 'No news yet' },
    events: { title: 'My events', empty: 'No registrations yet: browse events' },
    bills: { title: 'Bills due', empty: 'No bills to pay', count: 'Open bills: {{count}}', nextDue: 'Next due {{date}}', overdue: 'Overdue: was due {{date}}', pay: 'Pay bills' },
    parking: { title: 'Parking', since: 'In since {{at}} · {{minutes}} min', feeSoFar: 'Fee so far', notParked: 'Your car is not parked. Free spaces:', noLots: 'No parking lots', free: '{{count}} free' },
    workOrders: { title: 'My repair requests', empty: 'No open requests', openCount: '{{count}} open', new: 'New request' },
  },
  workorderSettings: {
    nav: 'Work-order settings',
    title: 'Work-order settings',
    subtitle: 'Maintenance teams, SLA limits per category and priority, and which alarms become work orders',
    noPark: 'No park yet',
    edit: 'Edit',
    saved: 'Saved',
    openButton: 'Settings',
    tabs: { teams: 'Teams', sla: 'SLA', rules: 'Alarm dispatch rules' },
    teams: {
      new: 'New team', edit: 'Edit team', name: 'Name', kind: 'Kind', company: 'Property company', lead: 'Lead', categories: 'Categories', members: 'Members', memberList: 'Members',
      kinds: { property: 'Property team', operator: 'Operator department' },
    },
    sla: {
      hint: 'Each cell is response / resolution time (d days, h hours, m minutes). Click a cell to change it; cells marked "Overridden" differ from the system default.',
      category: 'Category', editCell: 'Click to change', overridden: 'Overridden', editTitle: 'SLA of {{category}} · {{priority}}',
      responseMinutes: 'Response (minutes)', resolutionMinutes: 'Resolution (minutes)', resolutionBeforeResponse: 'Resolution cannot be shorter than response',
    },
    rules: {
      new: 'New dispatch rule', edit: 'Edit dispatch rule', name: 'Name', minSeverity: 'Minimum severity', atLeast: '{{severity}} or worse', deviceType: 'Device type', alarmRule: 'Alarm rule',
      category: 'Work-order category', priority: 'Priority', enabled: 'Enabled', on: 'On', off: 'Off', any: 'Any', auto: 'Decided automatically',
    },
    severity: { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Info' },
  },
  approvals: {
    nav: { inbox: 'Approvals', flows: 'Approval flows' },
    modes: { all: 'All must approve', any: 'Any one approves' },
    conditionFields: { amountFen: 'the amount', reliefFen: 'the relief', feeFen: 'the fee' },
    ops: { eq: 'equals', ne: 'differs from', gt: 'greater than', gte: 'at least', lt: 'less than', lte: 'at most', in: 'is one of' },
    status: { in_progress: 'In review', approved: 'Approved', rejected: 'Rejected', returned: 'Returned for changes', withdrawn: 'Withdrawn' },
    taskStatus: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', returned: 'Returned', transferred: 'Transferred', escalated: 'Escalated', cancelled: 'Not needed' },
    actionTypes: { submit: 'submitted', approve: 'approved', reject: 'rejected', return: 'returned for changes', resubmit: 'resubmitted', withdraw: 'withdrew', transfer: 'transferred', add_approver: 'added an approver', comment: 'commented', remind: 'sent a reminder', escalate: 'escalated (overdue)' },
    flows: {
      title: 'Approval flows', subtitle: 'Steps with approvers, all-or-any mode, conditions and due times; editing a flow in use makes a new version', create: 'New flow', edit: 'Edit flow', empty: 'No approval flows yet',
      park: 'Park', key: 'Flow key', keyHint: 'Features pick the flow by this key, e.g. services.general (lowercase letters, digits, _ . -)', name: 'Name', nameZh: 'Name (Chinese)', nameEn: 'Name (English)',
      steps: 'Steps', step: 'Step {{n}}', version: 'Version', updatedAt: 'Updated', addStep: 'Add step', removeStep: 'Remove this step',
      stepNameZh: 'Step name (Chinese)', stepNameEn: 'Step name (English)', mode: 'Mode', approvers: 'Approvers', approversRequired: 'At least one approver', addApprover: 'Add approver', removeApprover: 'Remove approver', approverKind: 'Approver type',
      kinds: { user: 'A person', park_operators: 'Operators of this park', enterprise_admin: "Applicant's enterprise admins", role: 'Another role (kept as is)' },
      user: 'Person', hasCondition: 'Only when a condition holds', conditionField: 'Form field', conditionOp: 'Comparison', conditionValue: 'Value', conditionHint: '"is one of" takes several values separated by commas',
      dueHours: 'Due within (hours)', noDue: 'No limit', escalation: 'When overdue', escalations: { none: 'Nothing', notify: 'Notify park operators', reassign: 'Notify and hand over to park operators' },
    },
    inbox: {
      title: 'Approvals', subtitle: 'My tasks, my applications and the park\'s cases', tabs: { tasks: 'My tasks', mine: 'My applications', park: 'Park cases' },
      empty: 'No approvals waiting for you', noCases: 'No cases', step: 'Step', due: 'Due', noDue: 'No limit',
    },
    case: {
      title: 'Subject', flow: 'Flow', applicant: 'Applicant', status: 'Status', createdAt: 'Submitted', steps: 'Steps', history: 'History', system: 'System',
      toApplicant: 'the applicant', onlyWhen: 'Only when {{field}} {{op}} {{value}}', due: 'due {{at}}',
    },
    actions: {
      approve: 'Approve', reject: 'Reject', return: 'Return for changes', transfer: 'Transfer', add_approver: 'Add approver', comment: 'Comment', withdraw: 'Withdraw', resubmit: 'Resubmit', remind: 'Remind',
      reason: 'Reason', commentText: 'Comment', optionalComment: 'Comment (optional)', textRequired: 'Please write something', user: 'Person', returnTo: 'Return to', done: 'Done', reminded: 'The approvers were reminded',
      },
    },
  forms: {
    nav: 'Form designer', title: 'Form designer', subtitle: 'Design service and declaration forms: fields, types, labels, required and options, with a live preview that the server validates by the same rules',
    designer: {
      title: 'Fields', empty: 'No fields yet. Click "Add field" to start.', fieldN: 'Field {{n}}', type: 'Type', labelZh: 'Chinese label', labelEn: 'English label', key: 'Field key',
      required: 'Required', min: 'Minimum', max: 'Maximum', minFen: 'Minimum (fen)', maxFen: 'Maximum (fen)', maxLength: 'Max length', options: 'Options', optionValue: 'Option value',
      addOption: 'Add option', addField: 'Add field', moveUp: 'Move up', moveDown: 'Move down', invalidProp: 'Check the {{prop}}', invalidField: 'Check this field', needsField: 'A form needs at least one field',
      props: { key: 'field key', type: 'type', label: 'labels', options: 'options', min: 'minimum', max: 'maximum', maxLength: 'max length' },
    },
    types: {
      text: 'Text', textarea: 'Long text', number: 'Number', integer: 'Whole number', money: 'Amount', date: 'Date', select: 'Single choice', multiselect: 'Multiple choice',
      checkbox: 'Confirmation box', phone: 'Phone', email: 'Email', file: 'File',
    },
    preview: {
      title: 'Preview', empty: 'Add fields to preview the form here', submit: 'Submit', choose: 'Choose', upload: 'Upload a file', browserValidation: 'Check in browser',
      accepted: 'The server accepted the values', refused: 'The server refused the submission: {{count}} problem(s)', schema: 'Generated JSON Schema',
    },
    issues: {
      required: 'Required', type: 'Wrong type of value', minimum: 'Must be at least {{limit}}', maximum: 'Must be at most {{limit}}', maxLength: 'At most {{limit}} characters', format: 'Not in the right format',
      enum: 'Choose one of the listed options', uniqueItems: 'Options may not repeat', unknownField: 'The form has no such field', nul: 'Contains characters that are not allowed', tooLarge: 'The submission is too large', invalid: 'Not valid',
    },
  },
  // The services section lives in sections/services.ts, so features edit their own file.
  services: servicesEn,
  // The policies section lives in sections/policies.ts, so features edit their own file.
  policies: policiesEn,
  // The bookings section lives in sections/bookings.ts, so features edit their own file.
  bookings: bookingsEn,
  // The IOC wall (park view, floor plans, carousel) lives in sections/iocWall.ts.
  iocWall: iocWallEn,
  // The relief section lives in sections/relief.ts, so features edit their own file.
  relief: reliefEn,
  // Role homes and the lead move-in live in sections/homes.ts.
  homes: homesEn,
  // The training section lives in sections/training.ts.
  training: trainingEn,
  // Third-party spot checks (sections/spotChecks.ts).
  spotChecks: spotChecksEn,
  // The on-site inspections section lives in sections/inspections.ts.
  inspections: inspectionsEn,
  // Drone patrols and fever screening (sections/patrols.ts).
  patrols: patrolsEn,
  // Property evaluation (园区+物业考核) lives in sections/evaluation.ts.
  evaluation: evaluationEn,
  // Evaluation outcomes (appeals, warnings, awards, reports, league table) live in sections/evaluationOutcomes.ts.
  evaluationOutcomes: evaluationOutcomesEn,
  // The returnToWork section lives in sections/returnToWork.ts, so features edit their own file.
  returnToWork: returnToWorkEn,
  // The notifications section lives in sections/notifications.ts: one sentence per notification kind.
  notifications: notificationsEn,
  // The surveys section lives in sections/surveys.ts, so features edit their own file.
  surveys: surveysEn,
  // Audit action and entity wording lives in sections/auditLog.ts.
  auditLog: auditLogEn,
  // Operator tools (roles, workbench, payer columns, exports) live in sections/operator.ts.
  operator: operatorEn,
  // The member app on a phone (tab bar, services, messages, me, full-screen pass, visitor sharing) lives in sections/memberApp.ts.
  memberApp: memberAppEn,
  // The enterprise people section lives in sections/people.ts.
  people: peopleEn,
  // What the server sends as codes and values (field errors, alarms, rule traces, metrics), worded here.
  codes: codesEn,
};
