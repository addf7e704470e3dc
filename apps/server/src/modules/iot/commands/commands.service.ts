import type { AuditAction } from '@parkos/contracts';
import { COMMAND_STATUSES, commandsOf, DEVICE_COMMANDS, type CommandParamSpec, type CommandStatus, type DeviceCommandName } from '@parkos/contracts';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { defineJob, runJobsInProcess, type JobDefinition } from '../../jobs';
import type { Db, Tx } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { forbidden, notFound, validationError } from '../../../lib/errors';
import { assertCanWrite, isOperator, operatorCovers, SYSTEM_ACTOR } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { devices } from '../iot.table';
import type { DeviceType } from '../metrics';
import { commandsTopic } from '../topics';
import { deviceCommands } from './commands.table';

/** Who issued a command: an operator from the UI/API, or an alarm rule's action. */
export type IssuedBy = { kind: 'user'; userId: string } | { kind: 'rule'; ruleId: string };

export interface IssueCommandInput {
  deviceId: string;
  command: string;
  params?: Record<string, unknown>;
  issuedBy: IssuedBy;
}

/** Sends a command message to the broker (QoS 1); resolves when the broker took it. */
export interface CommandPublisher {
  publish(topic: string, payload: string): Promise<void>;
}

export interface CommandServiceOptions {
  /** Wait for the device's acknowledgement after the first send; doubles with each retry. */
  ackTimeoutMs?: number;
  /** Sends before the command times out. */
  maxAttempts?: number;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

type CommandRow = typeof deviceCommands.$inferSelect;

export interface CommandView {
  id: string;
  deviceId: string;
  command: string;
  params: Record<string, number>;
  status: CommandStatus;
  issuedBy: { kind: 'user' | 'rule'; userId: string | null; ruleId: string | null };
  attempts: number;
  maxAttempts: number;
  issuedAt: Date;
  expiresAt: Date;
  sentAt: Date | null;
  finishedAt: Date | null;
  detail: string | null;
}

function view(r: CommandRow): CommandView {
  return {
    id: r.id,
    deviceId: r.deviceId,
    command: r.command,
    params: r.params,
    status: r.status,
    issuedBy: { kind: r.issuedByKind, userId: r.issuedByUserId, ruleId: r.issuedByRuleId },
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    issuedAt: r.issuedAt,
    expiresAt: r.expiresAt,
    sentAt: r.sentAt,
    finishedAt: r.finishedAt,
    detail: r.detail,
  };
}

const OPEN: CommandStatus[] = ['pending', 'sent'];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SYSTEM_CTX: RequestContext = { actor: SYSTEM_ACTOR };

/** Validates a command's parameters against the catalogue; unknown parameters are refused. */
function checkParams(command: DeviceCommandName, raw: Record<string, unknown> | undefined): Record<string, number> {
  const specs: readonly CommandParamSpec[] = DEVICE_COMMANDS[command].params;
  const out: Record<string, number> = {};
  for (const key of Object.keys(raw ?? {})) {
    if (!specs.some((p) => p.name === key)) throw validationError(`body.params.${key}`, `${command} takes no parameter ${key}`);
  }
  for (const p of specs) {
    const v = raw?.[p.name];
    if (v === undefined || v === null) {
      if (p.required) throw validationError(`body.params.${p.name}`, 'required');
      if (p.default !== undefined) out[p.name] = p.default;
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < p.min || v > p.max || (p.integer && !Number.isInteger(v))) {
      throw validationError(`body.params.${p.name}`, `must be ${p.integer ? 'an integer' : 'a number'} from ${p.min} to ${p.max}`);
    }
    out[p.name] = v;
  }
  return out;
}

/**
 * Commands to actuators over MQTT with a correlation id: published QoS 1 to
 * `parkos/{code}/commands` as `{id, command, params, issuedAt, expiresAt}`;
 * the device answers on `parkos/{code}/command-acks` with `{id, status: 'ok'|'error', detail?}`.
 * Without an answer the worker sends it again after ackTimeout, 2×, 4×… up to
 * maxAttempts, then marks it timed_out. Every transition is audited.
 */
export function createCommandService(deps: { db: Db; audit: AuditService; options?: CommandServiceOptions }) {
  const { db, audit } = deps;
  const ackTimeoutMs = deps.options?.ackTimeoutMs ?? 10_000;
  const maxAttempts = deps.options?.maxAttempts ?? 3;
  const log = deps.options?.log;
  let publisher: CommandPublisher | undefined;
  const backoff = (attempt: number) => ackTimeoutMs * 2 ** (attempt - 1);

  async function record(tx: Tx, ctx: RequestContext, action: AuditAction, row: CommandRow, before: unknown, after: unknown) {
    await audit.record(tx, ctx, { action, entityType: 'device_command', entityId: row.id, before, after, parkId: row.parkId });
  }

  /** Claims the next attempt (so two workers never send the same attempt), then publishes. */
  async function send(row: CommandRow, code: string): Promise<CommandRow> {
    if (!publisher) return row;
    const now = new Date();
    const claimed = await db.transaction(async (tx) => {
      const [r] = await tx
        .update(deviceCommands)
        .set({ status: 'sent', attempts: row.attempts + 1, sentAt: now, nextAttemptAt: new Date(now.getTime() + backoff(row.attempts + 1)) })
        .where(and(eq(deviceCommands.id, row.id), inArray(deviceCommands.status, OPEN), eq(deviceCommands.attempts, row.attempts)))
        .returning();
      if (r) await record(tx, SYSTEM_CTX, 'device_command.sent', r, { status: row.status, attempts: row.attempts }, { status: r.status, attempt: r.attempts });
      return r;
    });
    if (!claimed) return row;
    const payload = JSON.stringify({ id: claimed.id, command: claimed.command, params: claimed.params, issuedAt: claimed.issuedAt.toISOString(), expiresAt: claimed.expiresAt.toISOString() });
    try {
      await publisher.publish(commandsTopic(code), payload);
    } catch (err) {
      // Counted as an attempt; the worker tries again after the backoff.
      log?.warn({ err, commandId: claimed.id }, 'command publish failed; will retry');
    }
    return claimed;
  }

  async function loadDevice(id: string) {
    const [d] = await db.select({ id: devices.id, code: devices.code, type: devices.type, parkId: devices.parkId, siteId: devices.siteId }).from(devices).where(eq(devices.id, id));
    return d;
  }

  const service = {
    /** Where commands go: the embedded broker or the external broker's client (set by the ingest role). */
    setPublisher(p: CommandPublisher | undefined): void {
      publisher = p;
    },

    /**
     * Issues a command (no access check: callers are the API after its check, and rule actions).
     * Resolves once it is recorded and, if a broker is connected, sent.
     */
    async issue(input: IssueCommandInput, ctx: RequestContext = SYSTEM_CTX): Promise<CommandView> {
      const device = await loadDevice(input.deviceId);
      if (!device) throw notFound('device', input.deviceId);
      const allowed = commandsOf(device.type as DeviceType);
      if (!(allowed as readonly string[]).includes(input.command)) {
        throw validationError('body.command', allowed.length ? `a ${device.type} takes ${allowed.join(', ')}` : `a ${device.type} takes no commands`);
      }
      const command = input.command as DeviceCommandName;
      const params = checkParams(command, input.params);
      const issuedAt = new Date();
      const expiresAt = new Date(issuedAt.getTime() + backoff(maxAttempts + 1) - ackTimeoutMs);
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(deviceCommands)
          .values({
            deviceId: device.id,
            parkId: device.parkId,
            siteId: device.siteId,
            command,
            params,
            issuedByKind: input.issuedBy.kind,
            issuedByUserId: input.issuedBy.kind === 'user' ? input.issuedBy.userId : null,
            issuedByRuleId: input.issuedBy.kind === 'rule' ? input.issuedBy.ruleId : null,
            maxAttempts,
            nextAttemptAt: issuedAt,
            issuedAt,
            expiresAt,
          })
          .returning();
        await record(tx, ctx, 'device_command.issued', r, null, { deviceId: r.deviceId, command, params, issuedBy: input.issuedBy, status: r.status });
        return r;
      });
      return view(await send(row, device.code));
    },

    /** POST /devices/{id}/commands: operators in the device's scope with write access; others 404/403. */
    async issueAsUser(ctx: RequestContext, deviceId: string, body: { command: string; params?: Record<string, unknown> }): Promise<CommandView> {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may command devices');
      const device = await loadDevice(deviceId);
      if (!device || !operatorCovers(ctx.actor, device)) throw notFound('device', deviceId);
      assertCanWrite(ctx.actor);
      return service.issue({ deviceId, command: body.command, params: body.params, issuedBy: { kind: 'user', userId: ctx.actor.userId } }, ctx);
    },

    /** A device's commands, newest first. */
    async listForDevice(ctx: RequestContext, deviceId: string, limit = 50): Promise<CommandView[]> {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may see device commands');
      const device = await loadDevice(deviceId);
      if (!device || !operatorCovers(ctx.actor, device)) throw notFound('device', deviceId);
      const rows = await db.select().from(deviceCommands).where(eq(deviceCommands.deviceId, deviceId)).orderBy(desc(deviceCommands.issuedAt)).limit(limit);
      return rows.map(view);
    },

    /**
     * A device's answer on `parkos/{code}/command-acks`. Returns why it was not
     * taken (for the device's error counters), or null when it was applied or
     * was a harmless repeat.
     */
    async handleAck(deviceId: string, payload: Buffer | string): Promise<string | null> {
      let body: unknown;
      try {
        body = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
      } catch {
        return 'command ack is not JSON';
      }
      const b = body as { id?: unknown; status?: unknown; detail?: unknown };
      if (typeof b !== 'object' || b === null || typeof b.id !== 'string' || !UUID_RE.test(b.id)) return 'command ack needs the command id';
      if (b.status !== 'ok' && b.status !== 'error') return "command ack status must be 'ok' or 'error'";
      const status: CommandStatus = b.status === 'ok' ? 'acknowledged' : 'failed';
      const detail = typeof b.detail === 'string' ? b.detail.slice(0, 500) : null;
      const id = b.id;
      const applied = await db.transaction(async (tx) => {
        const [before] = await tx.select().from(deviceCommands).where(and(eq(deviceCommands.id, id), eq(deviceCommands.deviceId, deviceId)));
        if (!before) return 'unknown';
        if (!OPEN.includes(before.status)) return 'repeat';
        const [r] = await tx
          .update(deviceCommands)
          .set({ status, detail, finishedAt: new Date(), nextAttemptAt: null })
          .where(and(eq(deviceCommands.id, id), inArray(deviceCommands.status, OPEN)))
          .returning();
        await record(tx, SYSTEM_CTX, `device_command.${status}`, r, { status: before.status }, { status, detail });
        return 'applied';
      });
      return applied === 'unknown' ? `command ack for unknown command ${id}` : null;
    },

    /** The worker's tick: resends due commands and times out those out of attempts. Returns how many it handled. */
    async retryDue(now = new Date()): Promise<number> {
      const due = await db
        .select({ row: deviceCommands, code: devices.code })
        .from(deviceCommands)
        .innerJoin(devices, eq(devices.id, deviceCommands.deviceId))
        .where(and(inArray(deviceCommands.status, OPEN), lte(deviceCommands.nextAttemptAt, now)))
        .orderBy(deviceCommands.nextAttemptAt)
        .limit(200);
      for (const { row, code } of due) {
        if (row.attempts >= row.maxAttempts || now >= row.expiresAt) {
          await db.transaction(async (tx) => {
            const [r] = await tx
              .update(deviceCommands)
              .set({ status: 'timed_out', finishedAt: now, nextAttemptAt: null, detail: `no acknowledgement after ${row.attempts} attempt(s)` })
              .where(and(eq(deviceCommands.id, row.id), inArray(deviceCommands.status, OPEN), eq(deviceCommands.attempts, row.attempts)))
              .returning();
            if (r) await record(tx, SYSTEM_CTX, 'device_command.timed_out', r, { status: row.status, attempts: row.attempts }, { status: 'timed_out' });
          });
        } else if (publisher) {
          await send(row, code);
        }
      }
      return due.length;
    },

    /** Open commands (for health pages and tests). */
    async countOpen(): Promise<number> {
      const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(deviceCommands).where(inArray(deviceCommands.status, OPEN));
      return n;
    },
  };
  return service;
}

export type CommandService = ReturnType<typeof createCommandService>;
export { COMMAND_STATUSES };

interface CommandRetryJobDeps {
  commands: CommandService;
  intervalMs?: number;
  log: { error(obj: object, msg: string): void };
}

/** The worker's `commands.retry` job: resends unacknowledged commands with backoff and times them out, every `intervalMs` (default 1 s). */
export function createCommandRetryJob(deps: CommandRetryJobDeps): JobDefinition {
  return defineJob({ id: 'commands.retry', intervalMs: deps.intervalMs ?? 1_000, run: async () => void (await deps.commands.retryDue()) });
}

/** Runs the retry job on an in-process timer (tests, tools); the server runs it on the shared scheduler. */
export function startCommandRetryJob(deps: CommandRetryJobDeps) {
  let failures = 0;
  const running = runJobsInProcess([createCommandRetryJob(deps)], {
    log: {
      error: (obj) => {
        failures++;
        deps.log.error(obj as object, 'command retry tick failed');
      },
    },
  });
  return { failures: () => failures, stop: () => running.stop() };
}
