import type { Database } from '../../../db/client';
import type { FiredAlarm } from '../alarms/alarm-writer';
import type { RuleAction } from './rules.table';

/** The call the commands module provides (`commands.issue`); the lead wires it at merge. */
export interface IssueCommandInput {
  deviceId: string;
  command: string;
  params: Record<string, unknown>;
  issuedBy: { kind: 'rule'; ruleId: string; alarmId: string };
}
export type IssueCommand = (input: IssueCommandInput) => Promise<unknown>;

export interface ActionStats {
  issued: number;
  failed: number;
  skippedSuppressed: number;
}

/**
 * Runs the actions of rules that just fired (raised or reactivated), after the
 * alarm is committed: issues each command and records an `action` alarm event
 * with the outcome. A shelved (suppressed) alarm issues nothing. Never throws.
 */
export async function runRuleActions(
  deps: { database: Database; issueCommand?: IssueCommand; log?: { error(obj: object, msg: string): void } },
  fired: readonly FiredAlarm[],
  actionOf: (ruleId: string) => RuleAction | null | undefined,
  stats: ActionStats,
): Promise<void> {
  if (!deps.issueCommand) return;
  for (const f of fired) {
    const action = actionOf(f.ruleId);
    if (!action) continue;
    if (f.suppressed) {
      stats.skippedSuppressed++;
      continue;
    }
    const base = { command: action.command, targetDeviceId: action.targetDeviceId, params: action.params };
    let details: Record<string, unknown>;
    try {
      const result = await deps.issueCommand({ deviceId: action.targetDeviceId, command: action.command, params: action.params, issuedBy: { kind: 'rule', ruleId: f.ruleId, alarmId: f.alarmId } });
      stats.issued++;
      details = { ...base, ok: true, result: result === undefined ? null : result };
    } catch (err) {
      stats.failed++;
      deps.log?.error({ err, ruleId: f.ruleId }, 'alarm rule action failed');
      details = { ...base, ok: false, error: (err as Error).message?.slice(0, 500) ?? String(err) };
    }
    try {
      await deps.database.query("INSERT INTO alarm_events (alarm_id, kind, actor_name, details) VALUES ($1, 'action', 'system', $2::jsonb)", [f.alarmId, JSON.stringify(details)]);
    } catch (err) {
      deps.log?.error({ err }, 'could not record an alarm rule action');
    }
  }
}
