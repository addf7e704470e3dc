import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Policy } from '../modules/policies/api/policies.api';
import { ApplicationPanel } from '../modules/policies/components/ApplicationPanel';
import { ApplicationsTable } from '../modules/policies/components/ApplicationsTable';
import { ApplyCard } from '../modules/policies/components/ApplyCard';
import { EligibilityPanel } from '../modules/policies/components/EligibilityPanel';
import { PolicyStatusTag, useAmountText } from '../modules/policies/components/PolicyTags';
import { useApplication, usePolicy } from '../modules/policies/hooks/usePolicies';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The enterprise's application for this policy (or its enquiry), and applying from an enquiry. */
function MyApplication({ policy }: { policy: Policy }) {
  const app = useApplication(policy.myApplicationId);
  if (!app.data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {app.data.can.apply && policy.eligibility?.isEligible && <ApplyCard policy={policy} canEnquire={false} />}
      <ApplicationPanel application={app.data} />
    </Space>
  );
}

/** A policy: what it gives and to whom, the enterprise's eligibility, the materials checklist, applying, and the application's progress. */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { permissions } = useSession();
  const policy = usePolicy(id);
  const amountText = useAmountText();
  return (
    <QueryBoundary query={policy} isCard={false}>
      {(p) => (
        <div>
          <PageHeader title={p.title} crumbs={[{ title: t('policies.list.title'), to: '/policies' }, { title: p.title }]} extra={<PolicyStatusTag status={p.status} />} />
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('policies.fields.issuer')}>{p.issuer}</Descriptions.Item>
                {p.documentNo && <Descriptions.Item label={t('policies.fields.documentNo')}>{p.documentNo}</Descriptions.Item>}
                <Descriptions.Item label={t('policies.fields.deadline')}>{formatDateTime(p.deadline)}</Descriptions.Item>
                <Descriptions.Item label={t('policies.fields.amountKind')}>{amountText(p)}</Descriptions.Item>
                <Descriptions.Item label={t('policies.fields.industries')}>{p.industries.length ? p.industries.map((v) => t(`industries.${v}`)).join(', ') : t('policies.fields.any')}</Descriptions.Item>
                <Descriptions.Item label={t('policies.fields.sizes')}>{p.sizes.length ? p.sizes.map((v) => t(`sizes.${v}`)).join(', ') : t('policies.fields.any')}</Descriptions.Item>
                {(p.minAgeYears !== null || p.maxAgeYears !== null) && (
                  <Descriptions.Item label={t('policies.fields.ageRange')}>
                    {p.minAgeYears ?? 0} – {p.maxAgeYears ?? '∞'}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('policies.fields.materials')}>{p.materials.join(', ')}</Descriptions.Item>
              </Descriptions>
              {p.summary && <Typography.Paragraph strong style={{ marginTop: 8 }}>{p.summary}</Typography.Paragraph>}
              {p.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.description}</Typography.Paragraph>}
            </Card>
            {p.eligibility && <EligibilityPanel eligibility={p.eligibility} />}
            {permissions.isOperator && (
              <Card size="small" title={t('policies.list.applications')}>
                <ApplicationsTable policyId={p.id} />
              </Card>
            )}
            {p.myApplicationId ? (
              <MyApplication policy={p} />
            ) : (
              p.eligibility &&
              p.status === 'published' &&
              (permissions.isEnterpriseAdmin ? p.eligibility.isEligible ? <ApplyCard policy={p} canEnquire /> : null : <Alert type="info" showIcon message={t('policies.apply.onlyAdmin')} />)
            )}
          </Space>
        </div>
      )}
    </QueryBoundary>
  );
}
