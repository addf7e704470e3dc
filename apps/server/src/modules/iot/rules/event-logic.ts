import type { IngestErrorReason } from '../metrics';
import { MAX_AGE_MS, MAX_FUTURE_MS, MAX_PAYLOAD_BYTES } from '../payload';
import { meets } from './combination-logic';
import type { RuleCondition } from './rules.table';

/** One accepted device event; `ts` in epoch ms. */
export interface DeviceEvent {
  type: string;
  ts: number;
  eventId: string | null;
  attributes: Record<string, unknown>;
}

export interface EventRejection {
  reason: IngestErrorReason;
  message: string;
}

const TYPE_RE = /^[a-z][a-z0-9_]{0,39}$/;
/** Most events one message may carry. */
export const MAX_EVENTS_PER_MESSAGE = 100;

/**
 * Parses an events payload: one event `{type, ts?, id?, attributes?}` or a
 * batch `{events: [...]}`. `type` is lower-case (fever, intrusion, …); `ts` is
 * ISO 8601 or epoch ms (default: receipt), within the telemetry bounds;
 * `attributes` is a flat JSON object (numbers are what rules compare).
 * Never throws.
 */
export function parseEvents(payload: Buffer | string | object, now = Date.now()): { events: DeviceEvent[]; rejections: EventRejection[] } {
  let body: unknown = payload;
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size > MAX_PAYLOAD_BYTES) return { events: [], rejections: [{ reason: 'oversized', message: `payload of ${size} bytes exceeds ${MAX_PAYLOAD_BYTES}` }] };
    try {
      body = JSON.parse(payload.toString());
    } catch (err) {
      return { events: [], rejections: [{ reason: 'malformed_json', message: (err as Error).message.slice(0, 200) }] };
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { events: [], rejections: [{ reason: 'invalid_payload', message: 'payload must be a JSON object' }] };
  const obj = body as Record<string, unknown>;
  const items = Array.isArray(obj.events) ? obj.events : [obj];
  const out: { events: DeviceEvent[]; rejections: EventRejection[] } = { events: [], rejections: [] };
  if (items.length > MAX_EVENTS_PER_MESSAGE) return { events: [], rejections: [{ reason: 'invalid_payload', message: `at most ${MAX_EVENTS_PER_MESSAGE} events per message` }] };
  for (const [i, raw] of items.entries()) {
    const at = items.length > 1 ? `events[${i}]: ` : '';
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      out.rejections.push({ reason: 'invalid_payload', message: `${at}an event must be an object` });
      continue;
    }
    const e = raw as Record<string, unknown>;
    if (typeof e.type !== 'string' || !TYPE_RE.test(e.type)) {
      out.rejections.push({ reason: 'invalid_payload', message: `${at}type must be lower-case letters, digits and _ (e.g. fever)` });
      continue;
    }
    let ts = now;
    if (e.ts !== undefined && e.ts !== null) {
      ts = typeof e.ts === 'number' ? e.ts : typeof e.ts === 'string' ? Date.parse(e.ts) : NaN;
      if (!Number.isFinite(ts)) {
        out.rejections.push({ reason: 'invalid_timestamp', message: `${at}ts is not a timestamp` });
        continue;
      }
      if (ts > now + MAX_FUTURE_MS) {
        out.rejections.push({ reason: 'ts_future', message: `${at}ts is in the future` });
        continue;
      }
      if (ts < now - MAX_AGE_MS) {
        out.rejections.push({ reason: 'ts_too_old', message: `${at}ts is older than 7 days` });
        continue;
      }
    }
    const attributes = e.attributes ?? {};
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      out.rejections.push({ reason: 'invalid_payload', message: `${at}attributes must be an object` });
      continue;
    }
    const eventId = e.id === undefined || e.id === null ? null : String(e.id).slice(0, 100);
    out.events.push({ type: e.type, ts, eventId, attributes: attributes as Record<string, unknown> });
  }
  return out;
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** Why an event does or does not match an event rule: per attribute condition, the value seen. */
export function explainEvent(rule: { eventType: string | null; conditions: RuleCondition[] | null }, event: Pick<DeviceEvent, 'type' | 'attributes'>) {
  const typeMatches = rule.eventType === event.type;
  const parts = (rule.conditions ?? []).map((c) => {
    const v = event.attributes[c.field];
    const value = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
    return { condition: `${c.field} ${c.operator} ${fmt(c.value)}`, value, met: value !== null && meets(c, value) };
  });
  return { matches: typeMatches && parts.every((p) => p.met), typeMatches, parts };
}

/** The alarm text of a matching event as a code and values: the event type and, per condition, the value seen. */
export function eventText(rule: { eventType: string | null; conditions: RuleCondition[] | null }, event: Pick<DeviceEvent, 'type' | 'attributes'>): { code: 'event'; params: Record<string, unknown> } {
  const parts = (rule.conditions ?? []).map((c) => {
    const { parts: [p] } = explainEvent({ eventType: rule.eventType, conditions: [c] }, event);
    return { field: c.field, value: p.value, operator: c.operator, threshold: c.value };
  });
  return { code: 'event', params: { eventType: event.type, parts } };
}

/** The alarm message of a matching event, e.g. `fever: temperature 38.2 >= 37.3`. */
export function eventMessage(rule: { eventType: string | null; conditions: RuleCondition[] | null }, event: Pick<DeviceEvent, 'type' | 'attributes'>): string {
  const { parts } = explainEvent(rule, event);
  const detail = parts.map((p) => `${p.condition.split(' ')[0]} ${p.value === null ? '?' : fmt(p.value)} ${p.condition.split(' ').slice(1).join(' ')}`).join(', ');
  return detail ? `${event.type}: ${detail}` : event.type;
}
