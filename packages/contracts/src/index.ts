export * from './uscc';
export * from './roles';
export * from './devices';
export * from './device-commands';
export * from './metrics';
export * from './input-rules';
export * from './forms';
export * from './service-systems';
