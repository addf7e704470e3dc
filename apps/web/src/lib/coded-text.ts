import { METRIC_CATALOG, type FieldIssueParams } from '@parkos/contracts';
import i18next from 'i18next';
import { formatDateTime } from './format';

/**
 * Words what the server sends as codes and values (alarm messages, rule-trace reasons,
 * field errors, metric names and units) in the UI language, from the `codes` section.
 */

type Params = Record<string, unknown>;

const tr = (key: string, params?: Params): string => (i18next.t as (k: string, o?: Params) => string)(key, params);
const has = (key: string): boolean => i18next.exists(key);
/** The text of `codes.<group>.<key>`, or `fallback` (the raw key) when there is none. */
const word = (group: string, key: unknown, fallback = String(key ?? '')): string => (typeof key === 'string' && has(`codes.${group}.${key}`) ? tr(`codes.${group}.${key}`) : fallback);

const num = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v === null || v === undefined ? '?' : String(v));

/** A metric's name in the UI language (`people_count` → 人数 / People); unknown metrics as they are. */
export function metricName(metric: unknown): string {
  return word('metrics', metric);
}

/** A metric's unit in the UI language (people_count → 人 / people, co2 → ppm); empty for counts and flags without a word. */
export function metricUnit(metric: unknown): string {
  if (typeof metric !== 'string') return '';
  if (has(`codes.units.${metric}`)) return tr(`codes.units.${metric}`);
  const unit = (METRIC_CATALOG as Record<string, { unit: string }>)[metric]?.unit ?? '';
  return has(`codes.units.${unit}`) ? tr(`codes.units.${unit}`) : unit;
}

/** A value with its metric's unit: `1180 ppm`, `27.8 °C`, `12 人`. */
export function metricValue(metric: unknown, value: unknown): string {
  const unit = metricUnit(metric);
  return unit ? `${num(value)} ${unit}` : num(value);
}

const isFlag = (metric: unknown) => typeof metric === 'string' && (METRIC_CATALOG as Record<string, { kind: string }>)[metric]?.kind === 'flag';
const operator = (op: unknown) => word('operators', op);

/** One attribute condition of an event or combination rule: `温度 38.2 ≥ 37.3`. */
function conditionText(c: { field?: unknown; value?: unknown; operator?: unknown; threshold?: unknown }, withValue: boolean): string {
  const parts = [metricName(c.field)];
  if (withValue) parts.push(metricValue(c.field, c.value));
  parts.push(operator(c.operator), metricValue(c.field, withValue ? c.threshold : c.value));
  return parts.join(' ');
}

const list = (v: unknown): Params[] => (Array.isArray(v) ? (v as Params[]) : []);

/** An alarm's message in the UI language from its code and values; null when the code is unknown (show the stored text). */
export function alarmCodeText(code: string | null | undefined, params: Params | null | undefined): string | null {
  const p = params ?? {};
  switch (code ?? '') {
    case 'threshold':
      if (isFlag(p.metric) && ((p.operator === '>=' && p.threshold === 1) || (p.operator === '>' && p.threshold === 0))) return tr('codes.alarm.threshold_flag', { metric: metricName(p.metric) });
      return tr('codes.alarm.threshold', { metric: metricName(p.metric), value: metricValue(p.metric, p.value), operator: operator(p.operator), threshold: metricValue(p.metric, p.threshold) });
    case 'rate_of_change':
      return tr('codes.alarm.rate_of_change', { metric: metricName(p.metric), change: metricValue(p.metric, p.change), seconds: num(p.seconds), delta: metricValue(p.metric, p.delta), window: num(p.window) });
    case 'no_data':
      return p.lastSeen ? tr('codes.alarm.no_data', { seconds: num(p.seconds), lastSeen: formatDateTime(String(p.lastSeen)) }) : tr('codes.alarm.no_data_never', { seconds: num(p.seconds) });
    case 'event': {
      const detail = list(p.parts)
        .map((c) => conditionText(c, true))
        .join(tr('codes.alarm.sep'));
      return detail ? tr('codes.alarm.event', { eventType: String(p.eventType ?? ''), detail }) : tr('codes.alarm.event_plain', { eventType: String(p.eventType ?? '') });
    }
    case 'combination':
      return tr('codes.alarm.combination', {
        conditions: list(p.conditions)
          .map((c) => conditionText(c, false))
          .join(tr('codes.alarm.and')),
        groupBy: word('groupBy', p.groupBy),
        window: num(p.window),
        metric: metricName(p.metric),
        value: metricValue(p.metric, p.value),
      });
    case 'body_temperature':
      return tr('codes.alarm.body_temperature', { value: num(p.value), threshold: num(p.threshold) });
    case 'incident':
      return has(`codes.alarm.incidents.${String(p.kind)}`) ? tr(`codes.alarm.incidents.${String(p.kind)}`) : null;
    default:
      return null;
  }
}

/** An alarm's message: worded from its code when it has one, else the text stored before codes existed. */
export function alarmText(alarm: { message: string; code?: string | null; params?: Params | null }): string {
  return alarmCodeText(alarm.code, alarm.params) ?? alarm.message;
}

/** A rule-trace reason in the UI language; the server's English explanation when the code is unknown. */
export function traceText(reason: { code: string; params: Params } | undefined, fallback: string): string {
  if (!reason || !has(`codes.trace.${reason.code}`)) return fallback;
  const p = reason.params;
  const common = {
    ...p,
    metric: metricName(p.metric),
    value: metricValue(p.metric, p.value),
    threshold: metricValue(p.metric, p.threshold),
    clearBound: metricValue(p.metric, p.clearBound),
    hysteresis: num(p.hysteresis),
    change: metricValue(p.metric, p.change),
    delta: metricValue(p.metric, p.delta),
    seconds: num(p.seconds),
    operator: operator(p.operator),
    direction: word('directions', p.direction),
    groupBy: word('groupBy', p.groupBy),
    gap: num(p.gap),
    at: typeof p.at === 'string' ? formatDateTime(p.at) : '',
    deviceType: has(`deviceTypes.${String(p.deviceType)}`) ? tr(`deviceTypes.${String(p.deviceType)}`) : String(p.deviceType ?? ''),
    ruleDeviceType: has(`deviceTypes.${String(p.ruleDeviceType)}`) ? tr(`deviceTypes.${String(p.ruleDeviceType)}`) : String(p.ruleDeviceType ?? ''),
    detail: list(p.parts)
      .map((c) => conditionText(c, true))
      .join(tr('codes.alarm.sep')),
  };
  if (reason.code === 'combination') {
    const parts = list(p.parts).map((c) => tr(`codes.trace.combination_${String(c.state)}`, { condition: conditionText(c, false), secondsAgo: num(c.secondsAgo), window: num(p.window) }));
    return parts.join(tr('codes.trace.sep'));
  }
  return tr(`codes.trace.${reason.code}`, common);
}

/** A coded field problem in the UI language (`other` and the allowed values worded too). */
export function fieldIssueText(code: string, params: FieldIssueParams | undefined): string {
  const p = params ?? {};
  switch (code ?? '') {
    case 'invalid_type':
      return tr('codes.field.invalid_type', { type: word('types', p.expected, tr('codes.types.other')) });
    case 'invalid_format':
      return tr('codes.field.invalid_format', { format: word('formats', p.format, tr('codes.formats.other')) });
    case 'too_small':
      return tr(p.inclusive === false ? 'codes.field.too_small_exclusive' : 'codes.field.too_small', { minimum: p.minimum });
    case 'too_big':
      return tr(p.inclusive === false ? 'codes.field.too_big_exclusive' : 'codes.field.too_big', { maximum: p.maximum });
    case 'invalid_value': {
      const allowed = Array.isArray(p.allowed) ? p.allowed : [];
      return allowed.length ? tr('codes.field.invalid_value', { allowed: allowed.join(' / ') }) : tr('codes.field.invalid_value_any');
    }
    case 'unrecognized_keys':
      return tr('codes.field.unrecognized_keys', { keys: Array.isArray(p.keys) ? p.keys.join(', ') : '' });
    case 'uscc':
      return has(`codes.field.uscc_${String(p.problem)}`) ? tr(`codes.field.uscc_${String(p.problem)}`, p) : tr('codes.field.pattern');
    case 'must_be_after':
    case 'must_not_be_after':
      return tr(`codes.field.${code}`, { other: word('fieldNames', p.other) });
    default:
      return tr(`codes.field.${code}`, p);
  }
}
