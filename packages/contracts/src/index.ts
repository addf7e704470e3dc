export * from './uscc';
export * from './roles';
export * from './devices';
