import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CaseActions } from '../modules/approvals/components/CaseActions';
import { CaseTimeline } from '../modules/approvals/components/CaseTimeline';
import { useCase } from '../modules/approvals/hooks/useApprovals';
import { localName } from '../modules/approvals/utils/names';
import { useSession } from '../modules/auth/hooks/useSession';
import { formatDateTime } from '../lib/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { CaseStatusTag } from './ApprovalsPage';

/** One approval case: what it is about, its steps and history, and what I may do now. */
export function ApprovalCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { permissions } = useSession();
  const detail = useCase(id);
  return (
    <QueryBoundary query={detail} isCard={false}>
      {(c) => (
        <div>
          <PageHeader title={c.title} crumbs={[{ title: t('approvals.inbox.title'), to: '/approvals' }, { title: c.title }]} extra={<CaseStatusTag status={c.status} />} />
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t('approvals.case.flow')}>{`${localName(c.flow, i18n.language)} · v${c.flow.version}`}</Descriptions.Item>
                <Descriptions.Item label={t('approvals.case.applicant')}>{c.applicant.displayName}</Descriptions.Item>
                <Descriptions.Item label={t('approvals.case.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
              </Descriptions>
              <div style={{ marginTop: 12 }}>
                <CaseActions detail={c} />
              </div>
            </Card>
            <CaseTimeline detail={c} canVerify={permissions.canSeeAudit || permissions.isEnterpriseAdmin} />
          </Space>
        </div>
      )}
    </QueryBoundary>
  );
}
