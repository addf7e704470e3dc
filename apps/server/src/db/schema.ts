/** Every table of every module: the one Drizzle schema both drivers share. */
export * from '../modules/identity/identity.table';
export * from '../modules/parks/parks.table';
export * from '../modules/ledger/ledger.table';
export * from '../modules/iot/iot.table';
export * from '../modules/iot/rules/rules.table';
export * from '../modules/iot/alarms/alarms.table';
export * from '../modules/community/news/news.table';
export * from '../modules/billing/billing.table';
export * from '../modules/parking/parking.table';
export * from '../modules/workorders/workorders.table';
export * from '../modules/iot/history/history.table';
export * from '../modules/iot/rules/event.table';
export * from '../modules/notifications/notifications.table';
export * from '../modules/iot/alarms/shelves.table';
export * from '../modules/iot/commands/commands.table';
export * from '../modules/community/passes/passes.table';
export * from '../modules/community/events/events.table';
