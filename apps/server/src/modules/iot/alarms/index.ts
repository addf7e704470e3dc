import type { Database } from '../../../db/client';
import type { AuditService } from '../../identity/audit.service';
import { createEventIngest } from '../rules/event-ingest';
import type { IssueCommand } from '../rules/rule-actions';
import { createDeviceEventsService } from '../rules/event.service';
import { createRuleEngine, type RuleEngineOptions } from '../rules/rule-engine';
import { createRulesService } from '../rules/rules.service';
import { createAlarmsService } from './alarms.service';
import { createEscalation, type AckDeadlines } from './escalation';
import { createShelvesService } from './shelves.service';
import type { Mailer } from '../../notifications/mailer';
import type { NotificationsService } from '../../notifications/notifications.service';

export { alarmRoutes } from './alarms.routes';
export { shelfRoutes } from './shelves.routes';
export { alarmRuleRoutes } from '../rules/rules.routes';
export { createRuleEngine, type RuleEngine, type CommittedReadings } from '../rules/rule-engine';
export { startSilentDeviceJob, createSilentDeviceJob } from '../rules/rules.jobs';
export { startEscalationJob, createEscalationJob, parseAckMinutes, DEFAULT_ACK_MINUTES, type AckDeadlines } from './escalation';
export { deviceEventRoutes } from '../rules/event.routes';
export type { EventIngest } from '../rules/event-ingest';
export type { IssueCommand, IssueCommandInput } from '../rules/rule-actions';
export type { AlarmsService } from './alarms.service';
export type { RulesService } from '../rules/rules.service';

/** Alarm rules, their engine and alarms, wired to one database. Pass `engine.enqueue` to the ingest pipeline. */
export function createAlarmServices(deps: {
  database: Database;
  audit: AuditService;
  engine?: Omit<RuleEngineOptions, 'database'>;
  notifications: NotificationsService;
  ackDeadlines?: Partial<AckDeadlines>;
  mailer?: Mailer;
  /** Called after each committed alarm response (live push). */
  onAlarmChange?: (alarmIds: string[]) => void;
  /** The commands module's `issue`, for rule actions (wired at merge); without it rules issue no commands. */
  issueCommand?: IssueCommand;
}) {
  const engine = createRuleEngine({ database: deps.database, ...deps.engine, issueCommand: deps.issueCommand ?? deps.engine?.issueCommand });
  const rules = createRulesService({ db: deps.database.db, audit: deps.audit, onChange: engine.invalidateRules, database: deps.database });
  const alarms = createAlarmsService({ db: deps.database.db, audit: deps.audit, onChange: deps.onAlarmChange });
  const events = createEventIngest({ database: deps.database, eventRules: engine.eventRules, log: deps.engine?.log, act: engine.act });
  const eventsService = createDeviceEventsService({ db: deps.database.db });
  const escalation = createEscalation({ db: deps.database.db, notifications: deps.notifications, deadlines: deps.ackDeadlines, mailer: deps.mailer, log: deps.engine?.log });
  const shelves = createShelvesService({ db: deps.database.db, audit: deps.audit });
  return { engine, rules, alarms, events, eventsService, escalation, shelves };
}

export type AlarmServices = ReturnType<typeof createAlarmServices>;

/** For the OpenAPI description and the README. */
export const ALARMS_API_DESCRIPTION = `

## Alarm rules and alarms
Rules (\`/api/alarm-rules\`) are evaluated after each committed ingest batch (threshold with hysteresis, rate of change,
combination by location), when a device event arrives (event rules) and by the worker every few seconds (silent devices).
Scope a rule by \`deviceType\`, \`buildingId\`, \`floorId\` and \`tag\`. An alarm goes active → acknowledged → cleared → closed;
at most one alarm per rule and device is open (not closed) — repeats increment its \`count\`. A \`combination\` rule
(\`conditions\` such as smoke = 1 AND temperature > 60, \`windowSeconds\`, \`groupBy\` floor|building) raises one alarm per
rule and location (\`deviceId\` null, \`locationId\` the floor or building), with the same one-open guarantee. Every response
is listed in \`GET /api/alarms/{id}\` (\`events\`) and in the audit log. A dry run (\`POST /api/alarm-rules/dry-run\`) replays a
rule over the last day; \`GET /api/devices/{id}/rule-trace\` explains every rule's verdict for a device at a time.

An active alarm not acknowledged within its severity's deadline (\`ALARM_ACK_MINUTES\`) is escalated one level per deadline
(site operators and assignee → park operators → all operators): in-app (\`/api/notifications\`) and by email with \`SMTP_URL\`;
each step is an \`escalated\` event. Shelves (\`/api/alarm-shelves\`) suppress a device's, floor's or building's alarms for a
maintenance window: alarms are still recorded (\`suppressed: true\`) but never escalated. A rule's optional \`action\`
(\`{type: "command", targetDeviceId, command, params}\`) is issued when it fires and recorded as an \`action\` event.

## Device events
Thermal cameras (fever), cameras and drone patrols (intrusion) publish events on MQTT \`parkos/{code}/events\` (QoS 1: the
PUBACK follows the commit of the event and of its alarm) or \`POST /api/ingest/events\` with \`Authorization: Device <code>:<secret>\`.
Payload (JSON, ≤ 64 KiB): one event \`{"type": "fever", "ts": "2026-05-01T08:00:00Z", "id": "cam7-000123", "attributes": {"temperature": 38.2}}\`
or \`{"events": [ … ]}\` (≤ 100). \`type\`: lower-case letters, digits and _ (fever, intrusion, …); \`ts\`: ISO 8601 or epoch ms,
optional, same bounds as telemetry; \`id\`: optional, a redelivered event with the same id is stored and counted once;
\`attributes\`: a flat object (e.g. fever: temperature °C, face_id; intrusion: zone, confidence 0–1, snapshot_url). Events are
stored (\`GET /api/device-events\`) and an \`event\` rule (\`eventType\` plus optional numeric \`conditions\` on attributes,
e.g. temperature >= 37.3) turns matching ones into alarms. Rejected events are counted per device like telemetry.`;
