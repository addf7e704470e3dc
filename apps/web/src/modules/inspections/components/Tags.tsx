import type { FindingSeverity, ResultStatus, ScheduleStatus } from '@parkos/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const SEVERITY_COLOR: Record<FindingSeverity, string> = { minor: 'gold', major: 'orange', critical: 'red' };
const RESULT_COLOR: Record<ResultStatus, string> = { ok: 'green', open: 'red', voided: 'default' };
const SCHEDULE_COLOR: Record<ScheduleStatus, string> = { open: 'blue', done: 'green', cancelled: 'default' };

/** A finding's severity. */
export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]}>{t(`inspections.severities.${severity}`)}</Tag>;
}
/** A marked item's status: passed, to fix, voided. */
export function ResultStatusTag({ status }: { status: ResultStatus }) {
  const { t } = useTranslation();
  return <Tag color={RESULT_COLOR[status]}>{t(`inspections.resultStatus.${status}`)}</Tag>;
}
/** A schedule's status, overdue in red. */
export function ScheduleStatusTag({ status, isOverdue }: { status: ScheduleStatus; isOverdue: boolean }) {
  const { t } = useTranslation();
  if (isOverdue) return <Tag color="red">{t('inspections.home.overdue')}</Tag>;
  return <Tag color={SCHEDULE_COLOR[status]}>{t(`inspections.scheduleStatus.${status}`)}</Tag>;
}
