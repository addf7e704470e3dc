import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Eligibility, IneligibleReason } from '../api/policies.api';

/** Words one reason from its code and values. */
export function useReasonText() {
  const { t } = useTranslation();
  const list = (kind: 'industries' | 'sizes', values: unknown) => (Array.isArray(values) ? values.map((v) => t(`${kind}.${String(v)}`)).join(', ') : '');
  return (r: IneligibleReason) => {
    const p = r.params;
    switch (r.code) {
      case 'industry':
        return t('policies.eligibility.reasons.industry', { industry: t(`industries.${String(p.industry)}`), allowed: list('industries', p.allowed) });
      case 'size':
        return t('policies.eligibility.reasons.size', { size: t(`sizes.${String(p.size)}`), allowed: list('sizes', p.allowed) });
      case 'deadline_passed':
        return t('policies.eligibility.reasons.deadline_passed', { deadline: formatDateTime(String(p.deadline)) });
      case 'policy_not_open':
      case 'enterprise_inactive':
      case 'age_unknown':
      case 'age_below_min':
      case 'age_above_max':
        return t(`policies.eligibility.reasons.${r.code}`, p);
    }
  };
}

/** "Eligible" or "not eligible because …", before applying. */
export function EligibilityPanel({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Alert
      data-testid="policy-eligibility"
      type={eligibility.isEligible ? 'success' : 'warning'}
      showIcon
      message={eligibility.isEligible ? t('policies.eligibility.eligible') : t('policies.eligibility.notEligible')}
      description={
        <>
          {!eligibility.isEligible && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {eligibility.reasons.map((r) => (
                <li key={r.code} data-testid={`reason-${r.code}`}>
                  {reasonText(r)}
                </li>
              ))}
            </ul>
          )}
          {eligibility.ageYears !== null && <Typography.Text type="secondary">{t('policies.eligibility.ageYears', { years: eligibility.ageYears })}</Typography.Text>}
        </>
      }
    />
  );
}
