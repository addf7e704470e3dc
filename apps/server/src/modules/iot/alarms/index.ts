import type { Database } from '../../../db/client';
import type { AuditService } from '../../identity/audit.service';
import { createRuleEngine, type RuleEngineOptions } from '../rules/rule-engine';
import { createRulesService } from '../rules/rules.service';
import { createAlarmsService } from './alarms.service';

export { alarmRoutes } from './alarms.routes';
export { alarmRuleRoutes } from '../rules/rules.routes';
export { createRuleEngine, type RuleEngine, type CommittedReadings } from '../rules/rule-engine';
export { startSilentDeviceJob } from '../rules/rules.jobs';
export type { AlarmsService } from './alarms.service';
export type { RulesService } from '../rules/rules.service';

/** Alarm rules, their engine and alarms, wired to one database. Pass `engine.enqueue` to the ingest pipeline. */
export function createAlarmServices(deps: { database: Database; audit: AuditService; engine?: Omit<RuleEngineOptions, 'database'>; onAlarmChange?: (alarmIds: string[]) => void }) {
  const engine = createRuleEngine({ database: deps.database, ...deps.engine });
  const rules = createRulesService({ db: deps.database.db, audit: deps.audit, onChange: engine.invalidateRules });
  const alarms = createAlarmsService({ db: deps.database.db, audit: deps.audit, onChange: deps.onAlarmChange });
  return { engine, rules, alarms };
}

export type AlarmServices = ReturnType<typeof createAlarmServices>;

/** For the OpenAPI description and the README. */
export const ALARMS_API_DESCRIPTION = `

## Alarm rules and alarms
Rules (\`/api/alarm-rules\`) are evaluated after each committed ingest batch (threshold with hysteresis, rate of change)
and by the worker every few seconds (silent devices). An alarm goes active → acknowledged → cleared → closed; at most one
alarm per rule and device is open (not closed) — repeats increment its \`count\`. Every response is listed in
\`GET /api/alarms/{id}\` (\`events\`) and in the audit log.`;
