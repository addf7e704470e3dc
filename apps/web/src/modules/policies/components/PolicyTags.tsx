import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import type { ApplicationStatus, Policy, PolicyStatus } from '../api/policies.api';

const POLICY_COLORS: Record<PolicyStatus, string> = { draft: 'default', published: 'green', closed: 'red' };
const APP_COLORS: Record<ApplicationStatus, string> = { enquiry: 'cyan', submitted: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default' };

/** A policy's status. */
export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  const { t } = useTranslation();
  return <Tag color={POLICY_COLORS[status]}>{t(`policies.status.${status}`)}</Tag>;
}

/** An application's status. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={APP_COLORS[status]} data-testid="application-status">
      {t(`policies.appStatus.${status}`)}
    </Tag>
  );
}

/** What a policy pays, in words. */
export function useAmountText() {
  const { t } = useTranslation();
  return (p: Pick<Policy, 'amountKind' | 'amountFen'>) => t(`policies.amountKinds.${p.amountKind}`, { amount: formatFen(p.amountFen) });
}
