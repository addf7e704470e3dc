import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { defineJob, runJobsInProcess, type JobDefinition } from '../../jobs';
import { roleGrants, users } from '../../identity/identity.table';
import type { Mailer } from '../../notifications/mailer';
import type { NotificationsService } from '../../notifications/notifications.service';
import { devices } from '../iot.table';
import { alarmRules, SEVERITIES } from '../rules/rules.table';
import { DEFAULT_ACK_MINUTES, MAX_ESCALATION_LEVEL, type AckDeadlines } from './ack-deadlines';
import { alarmEvents, alarms } from './alarms.table';

export interface EscalationResult {
  escalated: number;
  notified: number;
  emailed: number;
  emailErrors: number;
}

interface Recipient {
  id: string;
  username: string;
  email: string | null;
}

/**
 * Escalation (worker role): an active alarm not acknowledged within its
 * severity's deadline notifies the next level — each further deadline one
 * more level — in-app and by email when SMTP is configured. Each step is an
 * `escalated` alarm event (level, recipients, email) in the same transaction
 * as the notifications; rows are claimed with SKIP LOCKED so several workers
 * never notify twice. Shelved (suppressed) alarms are not escalated.
 */
export function createEscalation(deps: { db: Db; notifications: NotificationsService; deadlines?: Partial<AckDeadlines>; mailer?: Mailer; log?: { error(obj: object, msg: string): void } }) {
  const deadlines: AckDeadlines = { ...DEFAULT_ACK_MINUTES, ...deps.deadlines };
  const { db } = deps;

  async function recipients(q: Db | Tx, level: number, a: { parkId: string; siteId: string | null; assigneeId: string | null }): Promise<Recipient[]> {
    const scope =
      level === 1
        ? a.siteId
          ? and(eq(roleGrants.scopeType, 'site'), eq(roleGrants.scopeId, a.siteId))
          : sql`false`
        : level === 2
          ? and(eq(roleGrants.scopeType, 'park'), eq(roleGrants.scopeId, a.parkId))
          : eq(roleGrants.scopeType, 'all');
    const rows = await q
      .selectDistinct({ id: users.id, username: users.username, email: users.email })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'operator'), eq(users.isActive, true), scope));
    if (level === 1 && a.assigneeId && !rows.some((r) => r.id === a.assigneeId)) {
      const [assignee] = await q.select({ id: users.id, username: users.username, email: users.email }).from(users).where(and(eq(users.id, a.assigneeId), eq(users.isActive, true)));
      if (assignee) rows.unshift(assignee);
    }
    return rows;
  }

  return {
    deadlines,

    /** One pass: escalates every overdue active alarm by one level. */
    async run(now = new Date()): Promise<EscalationResult> {
      const result: EscalationResult = { escalated: 0, notified: 0, emailed: 0, emailErrors: 0 };
      const active = SEVERITIES.filter((s) => deadlines[s] > 0);
      if (active.length === 0) return result;
      // Due for level L+1 when active for (L+1) × deadline.
      const due = or(
        ...active.map((s) =>
          and(eq(alarms.severity, s), sql`${alarms.activeSince} <= ${now.toISOString()}::timestamptz - make_interval(secs => ${deadlines[s] * 60} * (${alarms.escalationLevel} + 1))`),
        ),
      );
      const mails: { to: string[]; subject: string; text: string }[] = [];
      await db.transaction(async (tx) => {
        const rows = await tx
          .select({ a: alarms, ruleName: alarmRules.name, deviceCode: devices.code })
          .from(alarms)
          .innerJoin(alarmRules, eq(alarmRules.id, alarms.ruleId))
          .leftJoin(devices, eq(devices.id, alarms.deviceId))
          .where(and(eq(alarms.state, 'active'), lt(alarms.escalationLevel, MAX_ESCALATION_LEVEL), sql`NOT ${alarms.suppressed}`, due))
          .orderBy(alarms.activeSince)
          .limit(500)
          .for('update', { of: alarms, skipLocked: true });
        for (const { a, ruleName, deviceCode } of rows) {
          const level = a.escalationLevel + 1;
          const to = await recipients(tx, level, a);
          const minutes = deadlines[a.severity] * level;
          await tx.update(alarms).set({ escalationLevel: level, escalatedAt: now }).where(eq(alarms.id, a.id));
          const withEmail = deps.mailer ? to.filter((r) => r.email) : [];
          await tx.insert(alarmEvents).values({
            alarmId: a.id,
            kind: 'escalated',
            actorName: 'system',
            details: { level, minutesUnacknowledged: minutes, recipients: to.map((r) => r.username), email: withEmail.map((r) => r.username) },
          });
          result.notified += await deps.notifications.notify(
            tx,
            to.map((r) => r.id),
            { kind: 'alarm.escalated', params: { minutes, level, rule: ruleName, device: deviceCode ?? null, severity: a.severity, message: a.message, messageCode: a.code, messageParams: a.params ? JSON.stringify(a.params) : null }, link: `/alarms/${a.id}`, entityType: 'alarm', entityId: a.id },
          );
          // Email has no web app to word it: it goes out in both languages.
          const title = `告警 ${minutes} 分钟未确认（第 ${level} 级升级）/ Alarm unacknowledged for ${minutes} min (escalation level ${level}): ${ruleName}`;
          const body = `${deviceCode ?? a.locationId ?? ''} · ${a.severity} · ${a.message}`;
          if (withEmail.length) mails.push({ to: withEmail.map((r) => r.email!), subject: `[ParkOS] ${title}`, text: `${body}\n\n${ruleName}\nalarm ${a.id}` });
          result.escalated++;
        }
      });
      // Email after the commit: a slow or failing SMTP server never holds the alarm rows.
      for (const m of mails) {
        try {
          await deps.mailer!.send(m);
          result.emailed += m.to.length;
        } catch (err) {
          result.emailErrors++;
          deps.log?.error({ err }, 'alarms: escalation email failed');
        }
      }
      return result;
    },
  };
}

export { parseAckMinutes, DEFAULT_ACK_MINUTES, type AckDeadlines } from './ack-deadlines';

export type Escalation = ReturnType<typeof createEscalation>;

interface EscalationJobOptions {
  escalation: Escalation;
  intervalMs?: number;
  log?: { error(obj: object, msg: string): void };
}

/** The worker's `alarms.escalation` job: active alarms not acknowledged in time notify the next level, every `intervalMs` (default 15 s). */
export function createEscalationJob(options: EscalationJobOptions): JobDefinition {
  return defineJob({ id: 'alarms.escalation', intervalMs: options.intervalMs ?? 15_000, run: async () => void (await options.escalation.run()) });
}

/** Runs the escalation job on an in-process timer (tests, tools); the server runs it on the shared scheduler. */
export function startEscalationJob(options: EscalationJobOptions): { stop(): Promise<void> } {
  return runJobsInProcess([createEscalationJob(options)], { log: options.log });
}
