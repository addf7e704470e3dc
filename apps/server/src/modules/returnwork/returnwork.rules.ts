import type { FormDefinition, FormField } from '@parkos/contracts';
import type { RtwCadence, RtwFlagCode, RtwThresholds } from './returnwork.table';

/** Periods follow the park's calendar: Asia/Shanghai, UTC+8, no daylight saving. */
const LOCAL_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The standard fields of every return-to-work form; operators may add their own after them. */
export const STANDARD_FIELDS: FormField[] = [
  { key: 'peopleReturned', type: 'integer', label: { zh: '返岗人数', en: 'People returned' }, required: true, min: 0, max: 100_000 },
  { key: 'peopleOnSite', type: 'integer', label: { zh: '在岗人数', en: 'People on site' }, required: true, min: 0, max: 100_000 },
  { key: 'peopleFromRiskAreas', type: 'integer', label: { zh: '来自风险地区人数', en: 'People from risk areas' }, required: true, min: 0, max: 100_000 },
  { key: 'healthChecksDone', type: 'integer', label: { zh: '已完成健康检查人数', en: 'Health checks done' }, required: true, min: 0, max: 100_000 },
  { key: 'preventionMeasures', type: 'textarea', label: { zh: '防控措施', en: 'Prevention measures' }, required: true, maxLength: 2000 },
  { key: 'contactName', type: 'text', label: { zh: '联系人', en: 'Contact person' }, required: true, maxLength: 50 },
  { key: 'contactPhone', type: 'phone', label: { zh: '联系电话', en: 'Contact phone' }, required: true },
];
export const STANDARD_KEYS = new Set(STANDARD_FIELDS.map((f) => f.key));

/** The campaign's form: the standard fields, then the operator's extra fields. */
export function campaignForm(extra: FormDefinition | undefined): FormDefinition {
  return { fields: [...STANDARD_FIELDS, ...(extra?.fields ?? [])] };
}

/** Thresholds a campaign starts with unless the operator sets others. */
export const DEFAULT_THRESHOLDS: RtwThresholds = {
  previousChangePct: 30,
  previousChangePeople: 10,
  membersMarginPeople: 0,
  gateScanMinRatio: 0.5,
  gateScanGapPeople: 10,
  parkingMarginVehicles: 5,
};

/** `YYYY-MM-DD` plus days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar day of an instant. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a local day's midnight plus minutes. */
export function localInstant(day: string, minutes = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET_MS + minutes * 60_000);
}

/** One reporting period of a campaign. */
export interface Period {
  /** First day (the period's key). */
  start: string;
  /** Last day, inclusive. */
  end: string;
  /** When the report is due: the first day at the campaign's deadline time. */
  deadline: Date;
}

/** Every period of a campaign, in order (weekly periods run from the start date, the last one clipped to the end date). */
export function periodsOf(c: { cadence: RtwCadence; startDate: string; endDate: string; deadlineMinutes: number }): Period[] {
  const step = c.cadence === 'daily' ? 1 : 7;
  const out: Period[] = [];
  for (let start = c.startDate; start <= c.endDate; start = addDays(start, step)) {
    const last = addDays(start, step - 1);
    out.push({ start, end: last < c.endDate ? last : c.endDate, deadline: localInstant(start, c.deadlineMinutes) });
  }
  return out;
}

/** The period that has begun most recently by `at`, if any (the current one while the campaign runs). */
export function currentPeriod(periods: Period[], at: Date): Period | null {
  const today = localDay(at);
  let found: Period | null = null;
  for (const p of periods) if (p.start <= today) found = p;
  return found;
}

/** What one submission is compared with. */
export interface ComparisonInput {
  peopleOnSite: number;
  /** People on site in the enterprise's previous submitted period, if any. */
  previousOnSite: number | null;
  /** Registered member accounts of the enterprise. */
  members: number;
  /** Distinct people of the enterprise let in at the gates during the period. */
  gatePeople: number;
  /** Distinct vehicles of the enterprise that entered the park's lots during the period. */
  vehicleEntries: number;
}

/** A discrepancy: the reason's code and the figures that explain it. */
export interface FlagFinding {
  code: RtwFlagCode;
  params: Record<string, number>;
}

/** Comparison (比对) of one submission with the enterprise's previous period, its members and the park's own counts. */
export function compareSubmission(input: ComparisonInput, th: RtwThresholds): FlagFinding[] {
  const out: FlagFinding[] = [];
  const onSite = input.peopleOnSite;
  if (input.previousOnSite !== null) {
    const diff = Math.abs(onSite - input.previousOnSite);
    const pct = input.previousOnSite === 0 ? (onSite === 0 ? 0 : 100) : Math.round((diff / input.previousOnSite) * 1000) / 10;
    if (diff > th.previousChangePeople && pct > th.previousChangePct)
      out.push({ code: 'previous_period_change', params: { previous: input.previousOnSite, current: onSite, changePct: pct, thresholdPct: th.previousChangePct, thresholdPeople: th.previousChangePeople } });
  }
  if (onSite > input.members + th.membersMarginPeople) out.push({ code: 'exceeds_members', params: { current: onSite, members: input.members, margin: th.membersMarginPeople } });
  const expectedScans = onSite * th.gateScanMinRatio;
  if (input.gatePeople < expectedScans && onSite - input.gatePeople > th.gateScanGapPeople)
    out.push({ code: 'gate_scans_low', params: { current: onSite, scanned: input.gatePeople, minRatio: th.gateScanMinRatio, gapPeople: th.gateScanGapPeople } });
  if (input.vehicleEntries > onSite + th.parkingMarginVehicles) out.push({ code: 'parking_entries_high', params: { current: onSite, vehicles: input.vehicleEntries, margin: th.parkingMarginVehicles } });
  return out;
}
