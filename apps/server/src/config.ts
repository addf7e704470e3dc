import path from 'node:path';
import { z } from 'zod';

/** The default session secret used in development; refused in production. */
export const DEV_SESSION_SECRET = 'parkos-dev-insecure-session-secret-change-me';

const roleSchema = z.enum(['api', 'ingest', 'worker']);
export type ProcessRole = z.infer<typeof roleSchema>;

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  MQTT_URL: z.string().url().optional(),
  ROLES: z
    .string()
    .default('api,ingest,worker')
    .transform((s) => s.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(roleSchema).min(1)),
  SESSION_SECRET: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  COOKIE_SECURE: booleanString.optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  LEDGER_SIGNING_KEY: z.string().optional(),
  LEDGER_STH_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  SEED_DEMO: booleanString.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  PASS_SIGNING_KEY: z.string().optional(),
  PASS_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(30),
  PASS_MEMBER_QR_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Absolute path of the embedded database's folder (PGlite) and other local state. */
  dataDir: string;
  /** Set: PostgreSQL through node-postgres; unset: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dbPoolSize: number;
  mqttPort: number;
  mqttUrl?: string;
  roles: ProcessRole[];
  sessionSecret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  /** Ed25519 private key (PKCS#8 PEM or base64 DER); unset in development: generated into dataDir. */
  ledgerSigningKey?: string;
  ledgerSthIntervalSeconds: number;
  seedDemo: boolean;
  logLevel: string;
  webDist: string;
  /** Ed25519 private key signing pass QR codes (PKCS#8 PEM or base64 DER); unset outside production: one per database. */
  passSigningKey?: string;
  /** A pass accepted at a gate is refused there again for this long. */
  passReplayWindowSeconds: number;
  passMemberQrTtlMinutes: number;
}

/** Raised when the environment is invalid; the message names each offending variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment: the one place ParkOS reads process.env.
 * In production a missing or default secret stops the boot with its name.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction) {
    const problems: string[] = [];
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET is missing');
    else if (e.SESSION_SECRET === DEV_SESSION_SECRET) problems.push('SESSION_SECRET is the development default');
    else if (e.SESSION_SECRET.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
    if (!e.LEDGER_SIGNING_KEY) problems.push('LEDGER_SIGNING_KEY is missing (Ed25519 private key, PKCS#8 PEM)');
    if (problems.length > 0) {
      throw new ConfigError(`Refusing to start in production:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    }
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    mqttPort: e.MQTT_PORT,
    mqttUrl: e.MQTT_URL,
    roles: [...new Set(e.ROLES)],
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? isProduction,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    ledgerSigningKey: e.LEDGER_SIGNING_KEY,
    ledgerSthIntervalSeconds: e.LEDGER_STH_INTERVAL_SECONDS,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST ?? 'dist/web'),
    passSigningKey: e.PASS_SIGNING_KEY,
    passReplayWindowSeconds: e.PASS_REPLAY_WINDOW_SECONDS,
    passMemberQrTtlMinutes: e.PASS_MEMBER_QR_TTL_MINUTES,
  };
}
