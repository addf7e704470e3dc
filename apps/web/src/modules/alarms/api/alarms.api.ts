import { api, type Page } from '../../../lib/api-client';

export const ALARM_STATES = ['active', 'acknowledged', 'cleared', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type AlarmEventKind = 'raised' | 'repeated' | 'reactivated' | 'acknowledged' | 'assigned' | 'commented' | 'cleared' | 'closed';

/** An alarm (告警). */
export interface Alarm {
  id: string;
  ruleId: string;
  ruleName: string;
  ruleKind: string;
  /** Null for an alarm about a location (combination rules). */
  deviceId: string | null;
  deviceCode: string | null;
  deviceName: string | null;
  parkId: string;
  siteId: string | null;
  buildingId: string | null;
  severity: Severity;
  state: AlarmState;
  /** English text; shown as it is only for alarms raised before codes (see alarmText). */
  message: string;
  code: string | null;
  params: Record<string, unknown> | null;
  lastValue: number | null;
  firstAt: string;
  lastAt: string;
  count: number;
  assigneeId: string | null;
  acknowledgedAt: string | null;
  clearedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  updatedAt: string;
}

/** One response to an alarm: who, when, what. */
export interface AlarmEvent {
  id: number;
  kind: AlarmEventKind;
  actorId: string | null;
  actorName: string;
  at: string;
  comment: string | null;
  details: Record<string, unknown> | null;
}

export interface AlarmDetail extends Alarm {
  events: AlarmEvent[];
}

export interface AlarmFilter {
  page: number;
  pageSize: number;
  state?: AlarmState | 'open';
  severity?: Severity;
  buildingId?: string;
  deviceId?: string;
}

export const findAlarms = (filter: AlarmFilter) => api.get<Page<Alarm>>('/alarms', { ...filter });
export const getAlarm = (id: string) => api.get<AlarmDetail>(`/alarms/${id}`);
export const acknowledgeAlarm = (id: string, comment?: string) => api.post<AlarmDetail>(`/alarms/${id}/acknowledge`, comment ? { comment } : {});
export const assignAlarm = (id: string, userId: string | null) => api.post<AlarmDetail>(`/alarms/${id}/assign`, { userId });
export const commentAlarm = (id: string, text: string) => api.post<AlarmDetail>(`/alarms/${id}/comments`, { text });
export const closeAlarm = (id: string, reason?: string) => api.post<AlarmDetail>(`/alarms/${id}/close`, reason ? { reason } : {});
