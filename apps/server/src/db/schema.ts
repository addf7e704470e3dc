/** Every table of every module: the one Drizzle schema both drivers share. */
export * from '../modules/identity/identity.table';
export * from '../modules/parks/parks.table';
export * from '../modules/ledger/ledger.table';
export * from '../modules/iot/iot.table';
export * from '../modules/iot/rules/rules.table';
export * from '../modules/iot/alarms/alarms.table';
export * from '../modules/community/passes/passes.table';
export * from '../modules/community/events/events.table';
