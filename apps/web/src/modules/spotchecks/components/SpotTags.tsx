import type { FindingSeverity, FindingStatus } from '@parkos/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const SEVERITY_COLOR: Record<FindingSeverity, string> = { minor: 'gold', major: 'orange', critical: 'red' };
const STATUS_COLOR: Record<FindingStatus, string> = { open: 'volcano', responded: 'blue', closed: 'green', overturned: 'default' };

/** A finding's severity (一般 / 较重 / 严重). */
export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]}>{t(`spotChecks.severity.${severity}`)}</Tag>;
}

/** A finding's status, and "overdue" beside it when its deadline has passed unverified. */
export function FindingStatusTag({ status, isOverdue }: { status: FindingStatus; isOverdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOR[status]}>{t(`spotChecks.status.${status}`)}</Tag>
      {isOverdue && (
        <Tag color="red" data-testid="spot-overdue">
          {t('spotChecks.overdue')}
        </Tag>
      )}
    </>
  );
}
