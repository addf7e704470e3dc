import type { FindingSeverity } from './findings';
/**
 * On-site inspections (现场监督检查): the one checklist-and-route model that inspections, patrols,
 * equipment rounds and drone missions share. Codes only; the web app words them in both languages
 * (`inspections.*` in its i18n).
 */

/** What a template or route is for; patrols, equipment rounds and drone missions reuse the same model. */
export const INSPECTION_PURPOSES = ['inspection', 'patrol', 'equipment_round', 'drone_mission'] as const;
export type InspectionPurpose = (typeof INSPECTION_PURPOSES)[number];

/** A checklist item is marked pass/fail, or scored 0..maxScore (below passScore fails). */
export const CHECK_ITEM_KINDS = ['pass_fail', 'score'] as const;
export type CheckItemKind = (typeof CHECK_ITEM_KINDS)[number];

/** How serious a failed item (a finding) is. */
/** Where a checkpoint is: a whole district, one building of it, or a free location (text) within it. */
export const CHECKPOINT_KINDS = ['district', 'building', 'location'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export const SCHEDULE_RECURRENCES = ['none', 'weekly', 'monthly'] as const;
export type ScheduleRecurrence = (typeof SCHEDULE_RECURRENCES)[number];

export const SCHEDULE_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** A result row: a passed item (`ok`), a finding (`open`), or a finding the operator voided. */
export const RESULT_STATUSES = ['ok', 'open', 'voided'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** One item of a checklist template. */
export interface CheckItem {
  /** Stable within the template (`^[a-z0-9_]+$`); a submission names items by it. */
  key: string;
  label: string;
  kind: CheckItemKind;
  /** For `score` items: the maximum and the lowest passing score. */
  maxScore: number | null;
  passScore: number | null;
  /** A failed mark needs a photo. */
  photoRequiredOnFail: boolean;
  /** The severity of a finding when this item fails. */
  severity: FindingSeverity;
  /** The work-order category a finding opens an order in (null: let dispatch decide). */
  category: string | null;
}

/** One stop of a route, with the template checked there. */
export interface Checkpoint {
  key: string;
  name: string;
  kind: CheckpointKind;
  districtId: string;
  buildingId: string | null;
  locationText: string | null;
  templateId: string;
}

/** Scheduled inspections of a district due in a range, and how many were done by their due date. */
export interface PunctualityRow {
  districtId: string;
  due: number;
  onTime: number;
}
