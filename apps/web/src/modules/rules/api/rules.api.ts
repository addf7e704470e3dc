import { METRIC_NAMES, type DeviceType } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';

export const RULE_KINDS = ['threshold', 'rate_of_change', 'silent', 'combination', 'event'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const OPERATORS = ['>', '>=', '<', '<='] as const;
export type Operator = (typeof OPERATORS)[number];
export const CONDITION_OPERATORS = ['>', '>=', '<', '<=', '='] as const;
export const GROUP_BY = ['floor', 'building'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const DIRECTIONS = ['rise', 'fall', 'any'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Metrics a rule may watch: the shared metric catalogue. */
export const RULE_METRICS = METRIC_NAMES;

/** One condition: a metric (combination) or an event attribute (event). */
export interface RuleCondition {
  field: string;
  operator: (typeof CONDITION_OPERATORS)[number];
  value: number;
}

/** What a rule does when it fires, e.g. open_valve {durationMinutes: 10}. */
export interface RuleAction {
  type: 'command';
  targetDeviceId: string;
  command: string;
  params: Record<string, unknown>;
}

/** An alarm rule (告警规则) as the API returns it. */
export interface AlarmRule {
  id: string;
  parkId: string;
  name: string;
  description: string | null;
  kind: RuleKind;
  severity: Severity;
  enabled: boolean;
  metric: string | null;
  operator: Operator | null;
  value: number | null;
  hysteresis: number;
  delta: number | null;
  windowSeconds: number | null;
  direction: Direction | null;
  silentSeconds: number | null;
  /** combination: metric conditions; event: attribute conditions. */
  conditions: RuleCondition[] | null;
  groupBy: GroupBy | null;
  eventType: string | null;
  /** An actuator command issued when the rule fires. */
  action: RuleAction | null;
  deviceType: DeviceType | null;
  buildingId: string | null;
  floorId: string | null;
  tag: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The create body: the fields of the chosen kind plus scope. */
export type RuleInput = Partial<Omit<AlarmRule, 'id' | 'createdAt' | 'updatedAt'>> & Pick<AlarmRule, 'parkId' | 'name' | 'kind' | 'severity'>;

export interface RuleFilter {
  page: number;
  pageSize: number;
  kind?: RuleKind;
  enabled?: 'true' | 'false';
}

export const findRules = (filter: RuleFilter) => api.get<Page<AlarmRule>>('/alarm-rules', { ...filter });
export const createRule = (input: RuleInput) => api.post<AlarmRule>('/alarm-rules', input);
export const updateRule = (id: string, input: Partial<RuleInput>) => api.patch<AlarmRule>(`/alarm-rules/${id}`, input);
export const deleteRule = (id: string) => api.delete(`/alarm-rules/${id}`);

/** One time a rule would have fired, from the dry run. */
export interface Episode {
  subjectKind: 'device' | 'location';
  subjectId: string;
  label: string;
  firedAt: string;
  lastAt: string;
  clearedAt: string | null;
  count: number;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

export interface DryRunResult {
  from: string;
  to: string;
  devices: number;
  readings: number;
  events: number;
  truncated: boolean;
  episodes: Episode[];
}

export type TraceVerdict = 'firing' | 'quiet' | 'no_data' | 'out_of_scope';

/** Why one rule fired or did not for a device at a time. */
export interface TraceEntry {
  ruleId: string;
  ruleName: string;
  kind: RuleKind;
  severity: Severity;
  enabled: boolean;
  inScope: boolean;
  verdict: TraceVerdict;
  ts: string | null;
  value: number | null;
  explanation: string;
  /** The explanation as a code and values (worded by traceText). */
  reason: { code: string; params: Record<string, unknown> };
  details: Record<string, unknown>;
  steps: { ts: string; value: number; activeBefore: boolean; activeAfter: boolean; op: 'raise' | 'repeat' | 'clear' | null }[];
}

export const dryRunRule = (input: RuleInput) => api.post<DryRunResult>('/alarm-rules/dry-run', input);
export const getRuleTrace = (deviceId: string, at?: string) => api.get<{ deviceId: string; at: string; rules: TraceEntry[] }>(`/devices/${deviceId}/rule-trace`, { at });
