import crypto from 'node:crypto';
import path from 'node:path';
import { parseAckMinutes } from './modules/iot/alarms/ack-deadlines';
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
  FILES_DIR: z.string().min(1).optional(),
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
  PAYMENT_SANDBOX_SECRET: z.string().min(16).optional(),
  PAYMENT_SANDBOX_NOTIFY_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1500),
  PAYMENT_SANDBOX_DUPLICATE_RATE: z.coerce.number().min(0).max(1).default(0.2),
  DISPATCH_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  DISPATCH_RETRAIN_AFTER_CORRECTIONS: z.coerce.number().int().min(1).default(20),
  DISPATCH_RETRAIN_INTERVAL_HOURS: z.coerce.number().min(0.01).default(24),
  WORK_ORDER_ESCALATION_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  WORK_ORDER_ESCALATE_TO_OPERATOR_MINUTES: z.coerce.number().int().min(0).default(30),
  SIMULATE: z.enum(['on', 'off']).default('on'),
  SIMULATE_RATE: z.coerce.number().min(0.1).max(10_000).default(5),
  SIMULATE_REPLAY_DIR: z.string().optional(),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().optional(),
  ALARM_ACK_MINUTES: z.string().optional(),
  // MQTT ingestion (see README, "Devices and MQTT").
  MQTT_WS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).optional(),
  MQTT_PUBLIC_HOST: z.string().min(1).optional(),
  MQTT_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).optional(),
  MQTT_SHARE_GROUP: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).default('parkos-ingest'),
  MQTT_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  MQTT_DEVICE_RATE: z.coerce.number().min(0.1).max(1_000_000).default(200),
  MQTT_DEVICE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(400),
  MQTT_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(256).max(16 * 1024 * 1024).default(64 * 1024),
  MQTT_MAX_CONNECT_BYTES: z.coerce.number().int().min(256).max(1024 * 1024).default(4 * 1024),
  // MQTT's own ceiling is 268,435,455 bytes (four length bytes).
  MQTT_MAX_PACKET_BYTES: z.coerce.number().int().min(512).max(268_435_455).optional(),
  INGEST_QUEUE_MAX_ROWS: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  COMMAND_ACK_TIMEOUT_MS: z.coerce.number().int().min(50).max(3_600_000).default(10_000),
  COMMAND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
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
  /**
   * Absolute path of the uploaded files' folder (default `DATA_DIR/files`). With PostgreSQL and
   * several instances it must be one shared folder (NFS or similar) that every instance mounts.
   */
  filesDir: string;
  /** Set: PostgreSQL through node-postgres; unset: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dbPoolSize: number;
  mqttPort: number;
  mqttUrl?: string;
  /** MQTT over WebSocket (embedded mode, path `/mqtt`); undefined: off. Default 8083 (0 = any free port in NODE_ENV=test). */
  mqttWsPort?: number;
  /** Host name devices use to reach the broker, shown to installers; default: the request's host. */
  mqttPublicHost?: string;
  /** External-broker mode: this ingest instance's client id (stable, so the broker keeps its session). */
  mqttClientId?: string;
  /** External-broker mode: the shared-subscription group all ingest instances join. */
  mqttShareGroup: string;
  mqttMaxConnections: number;
  /** Messages per second and burst each device may send. */
  mqttDeviceRate: number;
  mqttDeviceBurst: number;
  mqttMaxPayloadBytes: number;
  /** Embedded broker: largest MQTT packet before the device is authenticated (the CONNECT and anything before CONNACK); larger ones close the connection. */
  mqttMaxConnectBytes: number;
  /** Embedded broker: largest MQTT packet after authentication (default: the payload limit plus 64 KiB); larger ones close the connection. */
  mqttMaxPacketBytes: number;
  /** Readings queued or being written before publishers are held back (backpressure). */
  ingestQueueMaxRows: number;
  /** Actuator commands: wait this long for the device's acknowledgement (doubling per retry)… */
  commandAckTimeoutMs: number;
  /** …and send at most this many times before `timed_out`. */
  commandMaxAttempts: number;
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
  /** Built-in sandbox payment provider: webhook HMAC secret (derived from the session secret when unset), delay, duplicate rate. */
  paymentSandbox: { secret: string; notifyDelayMs: number; duplicateRate: number; faults?: { refundErrors: number; refundRefusals: number } };
  /** Smart dispatch: orders at least this confident are dispatched without a human. */
  dispatchConfidenceThreshold: number;
  dispatchRetrainAfterCorrections: number;
  dispatchRetrainIntervalHours: number;
  workOrderEscalationIntervalSeconds: number;
  workOrderEscalateToOperatorMinutes: number;
  /**
   * `SIMULATE=on` (default) with the demo seed: the server publishes simulated telemetry for the demo
   * park's `sim-*` devices over its own MQTT broker, so the big screen is alive. `off` disables it.
   */
  simulate: boolean;
  /** Simulated messages per second over all demo devices (`SIMULATE_RATE`, default 5). */
  simulateRate: number;
  /** Optional folder of the UCI occupancy-detection files replayed by simulated environment sensors. */
  simulateReplayDir?: string;
  /** Escalation email: nodemailer SMTP URL; unset: in-app notifications only. */
  smtpUrl?: string;
  smtpFrom?: string;
  /** Acknowledge deadline per alarm severity in minutes (ALARM_ACK_MINUTES=critical=5,major=15,minor=60,info=0). */
  alarmAckMinutes?: Record<'critical' | 'major' | 'minor' | 'info', number>;
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
  const mqttMaxPacketBytes = e.MQTT_MAX_PACKET_BYTES ?? e.MQTT_MAX_PAYLOAD_BYTES + 64 * 1024;
  // A payload the ingest would take must fit in a packet the broker lets through.
  if (mqttMaxPacketBytes <= e.MQTT_MAX_PAYLOAD_BYTES) {
    throw new ConfigError(`Invalid configuration:\n  MQTT_MAX_PACKET_BYTES: must be larger than MQTT_MAX_PAYLOAD_BYTES (${e.MQTT_MAX_PAYLOAD_BYTES}) to leave room for the topic and headers`);
  }
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction) {
    const problems: string[] = [];
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET is missing');
    else if (e.SESSION_SECRET === DEV_SESSION_SECRET) problems.push('SESSION_SECRET is the development default');
    else if (e.SESSION_SECRET.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
    if (!e.LEDGER_SIGNING_KEY) problems.push('LEDGER_SIGNING_KEY is missing (Ed25519 private key, PKCS#8 PEM)');
    if (!e.PASS_SIGNING_KEY) problems.push('PASS_SIGNING_KEY is missing (Ed25519 private key signing QR passes, PKCS#8 PEM)');
    if (problems.length > 0) {
      throw new ConfigError(`Refusing to start in production:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    }
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    filesDir: path.resolve(e.FILES_DIR ?? path.join(e.DATA_DIR, 'files')),
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    mqttPort: e.MQTT_PORT,
    mqttUrl: e.MQTT_URL,
    mqttWsPort: e.MQTT_WS_PORT === 'off' ? undefined : (e.MQTT_WS_PORT ?? (e.NODE_ENV === 'test' ? 0 : 8083)),
    mqttPublicHost: e.MQTT_PUBLIC_HOST,
    mqttClientId: e.MQTT_CLIENT_ID,
    mqttShareGroup: e.MQTT_SHARE_GROUP,
    mqttMaxConnections: e.MQTT_MAX_CONNECTIONS,
    mqttDeviceRate: e.MQTT_DEVICE_RATE,
    mqttDeviceBurst: e.MQTT_DEVICE_BURST,
    mqttMaxPayloadBytes: e.MQTT_MAX_PAYLOAD_BYTES,
    mqttMaxConnectBytes: e.MQTT_MAX_CONNECT_BYTES,
    mqttMaxPacketBytes,
    ingestQueueMaxRows: e.INGEST_QUEUE_MAX_ROWS,
    commandAckTimeoutMs: e.COMMAND_ACK_TIMEOUT_MS,
    commandMaxAttempts: e.COMMAND_MAX_ATTEMPTS,
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
    paymentSandbox: {
      secret: e.PAYMENT_SANDBOX_SECRET ?? crypto.createHmac('sha256', e.SESSION_SECRET ?? DEV_SESSION_SECRET).update('parkos-payment-sandbox').digest('hex'),
      notifyDelayMs: e.PAYMENT_SANDBOX_NOTIFY_DELAY_MS,
      duplicateRate: e.PAYMENT_SANDBOX_DUPLICATE_RATE,
    },
    dispatchConfidenceThreshold: e.DISPATCH_CONFIDENCE_THRESHOLD,
    dispatchRetrainAfterCorrections: e.DISPATCH_RETRAIN_AFTER_CORRECTIONS,
    dispatchRetrainIntervalHours: e.DISPATCH_RETRAIN_INTERVAL_HOURS,
    workOrderEscalationIntervalSeconds: e.WORK_ORDER_ESCALATION_INTERVAL_SECONDS,
    workOrderEscalateToOperatorMinutes: e.WORK_ORDER_ESCALATE_TO_OPERATOR_MINUTES,
    simulate: e.SIMULATE === 'on',
    simulateRate: e.SIMULATE_RATE,
    simulateReplayDir: e.SIMULATE_REPLAY_DIR,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    alarmAckMinutes: e.ALARM_ACK_MINUTES ? parseAckMinutes(e.ALARM_ACK_MINUTES) : undefined,
    passSigningKey: e.PASS_SIGNING_KEY,
    passReplayWindowSeconds: e.PASS_REPLAY_WINDOW_SECONDS,
    passMemberQrTtlMinutes: e.PASS_MEMBER_QR_TTL_MINUTES,
  };
}
