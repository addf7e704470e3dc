/**
 * Training (纵向延伸培训) of property companies' staff: the codes server and web share.
 * The server sends these codes; the web app words them in zh-CN and English.
 */

/** A staff member's post (岗位): 保安, 保洁, 工程, 客服, 主管, other. */
export const TRAINING_POSTS = ['security', 'cleaning', 'engineering', 'customer_service', 'supervisor', 'other'] as const;
export type TrainingPost = (typeof TRAINING_POSTS)[number];

/** A session's topic (培训主题): 消防安全, 服务礼仪, 设备操作, 安全生产, 应急演练, other. */
export const TRAINING_TOPICS = ['fire_safety', 'service_etiquette', 'equipment_operation', 'work_safety', 'emergency_drill', 'other'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** Why a row of an imported results sheet was refused (the web app words each). */
export const TRAINING_IMPORT_ERRORS = ['staff_unknown', 'staff_ambiguous', 'staff_not_invited', 'staff_duplicate', 'attended_invalid', 'score_invalid', 'score_out_of_range', 'score_without_attendance', 'score_without_exam'] as const;
export type TrainingImportError = (typeof TRAINING_IMPORT_ERRORS)[number];

/**
 * One invited staff member of one session, as the evaluation module reads it (`training.records(q, range)`).
 * A session counts once its attendance has been recorded.
 */
export interface TrainingRecord {
  propertyCompanyId: string;
  sessionId: string;
  /** The staff member's id. */
  staffKey: string;
  attended: boolean;
  /** Attended a session with an exam and has a score. */
  examined: boolean;
  /** Examined with a score at or above the session's pass mark. */
  passed: boolean;
  /** The session's hours. */
  hours: number;
  heldAt: Date;
}
