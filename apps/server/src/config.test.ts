import { describe, expect, test } from 'vitest';
import { ConfigError, DEV_SESSION_SECRET, loadConfig } from './config';

describe('loadConfig', () => {
  test('embedded defaults: port 3000, ./data, MQTT 1883, all roles', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.mqttPort).toBe(1883);
    expect(c.roles).toEqual(['api', 'ingest', 'worker']);
    expect(c.databaseUrl).toBeUndefined();
  });

  test('uploaded files go to DATA_DIR/files unless FILES_DIR names another (e.g. shared) folder', () => {
    expect(loadConfig({ DATA_DIR: '/srv/parkos' }).filesDir).toBe('/srv/parkos/files');
    expect(loadConfig({ DATA_DIR: '/srv/parkos', FILES_DIR: '/mnt/shared/parkos-files' }).filesDir).toBe('/mnt/shared/parkos-files');
  });

  test('ROLES selects process roles', () => {
    expect(loadConfig({ ROLES: 'api' }).roles).toEqual(['api']);
    expect(loadConfig({ ROLES: 'api, worker' }).roles).toEqual(['api', 'worker']);
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ ROLES: 'api,web' }, 'ROLES'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
  ])('an invalid variable is named in the error (%o)', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  test('production refuses a missing secret and names it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', LEDGER_SIGNING_KEY: 'x', PASS_SIGNING_KEY: 'x' })).toThrow(/SESSION_SECRET is missing/);
  });

  test('production refuses the development default secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: DEV_SESSION_SECRET, LEDGER_SIGNING_KEY: 'x', PASS_SIGNING_KEY: 'x' })).toThrow(/development default/);
  });

  test('production refuses a missing ledger key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PASS_SIGNING_KEY: 'p' })).toThrow(/LEDGER_SIGNING_KEY/);
  });

  test('production refuses a missing pass signing key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), LEDGER_SIGNING_KEY: 'k' })).toThrow(/PASS_SIGNING_KEY/);
  });

  test('production starts with real secrets and secure cookies', () => {
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), LEDGER_SIGNING_KEY: 'k', PASS_SIGNING_KEY: 'p' });
    expect(c.cookieSecure).toBe(true);
  });
});
