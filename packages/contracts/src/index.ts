export * from './uscc';
export * from './roles';
