import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, List, Popconfirm, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime, formatFen } from '../../../lib/format';

/** An amount in yuan with its ¥ sign (— when there is none), as the relief pages show money. */
const formatCny = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `¥${formatFen(fen)}`);
import { CaseActions } from '../../approvals/components/CaseActions';
import { CaseTimeline } from '../../approvals/components/CaseTimeline';
import { useCase } from '../../approvals/hooks/useApprovals';
import { useSession } from '../../auth/hooks/useSession';
import { fileUrl } from '../../files/api/files.api';
import type { Application, MaterialInput } from '../api/policies.api';
import { useResubmit, useWithdraw } from '../hooks/usePolicies';
import { AdvisorThread } from './AdvisorThread';
import { MaterialUploads } from './MaterialUploads';
import { ApplicationStatusTag } from './PolicyTags';

/** The approval case's steps and history, with the approver's actions for operators. */
function CaseSection({ caseId, isOperator }: { caseId: string; isOperator: boolean }) {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const detail = useCase(caseId);
  const qc = useQueryClient();
  // A decision taken here (CaseActions) changes the application: refresh it when the case moves on.
  const seen = useRef<string | null>(null);
  const progress = detail.data ? `${detail.data.status}:${detail.data.actions.length}` : null;
  useEffect(() => {
    if (progress && seen.current && seen.current !== progress) void qc.invalidateQueries({ queryKey: ['policies'] });
    seen.current = progress;
  }, [progress, qc]);
  if (!detail.data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {isOperator && (
        <Card size="small" title={t('policies.application.approval')} extra={<Link to={`/approvals/cases/${caseId}`}>{t('policies.application.openCase')}</Link>}>
          <CaseActions detail={detail.data} />
        </Card>
      )}
      <CaseTimeline detail={detail.data} canVerify={permissions.canSeeAudit || permissions.isEnterpriseAdmin} />
    </Space>
  );
}

/** An application: status, amounts, materials, review progress (CaseTimeline), resubmit and withdraw, and the guidance thread. */
export function ApplicationPanel({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const resubmit = useResubmit();
  const withdraw = useWithdraw();
  const [replacements, setReplacements] = useState<MaterialInput[]>([]);
  const [comment, setComment] = useState('');

  const handleResubmit = () =>
    resubmit.mutate(
      { id: a.id, body: { materials: replacements, comment: comment.trim() || undefined } },
      { onSuccess: () => void message.success(t('policies.application.resubmitted')), onError: (e) => void message.error(errorMessage(e)) },
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('policies.application.title')} extra={<ApplicationStatusTag status={a.status} />}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('policies.application.enterprise')}>{a.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('policies.application.applicant')}>{a.applicant.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('policies.application.submittedAt')}>{formatDateTime(a.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('policies.application.requested')}>{formatCny(a.requestedAmountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('policies.application.granted')}>
            <span data-testid="granted-amount">{formatCny(a.grantedAmountFen)}</span>
          </Descriptions.Item>
          {a.notes && <Descriptions.Item label={t('policies.application.notes')}>{a.notes}</Descriptions.Item>}
        </Descriptions>
        {a.status !== 'enquiry' && (
          <List
            size="small"
            header={<Typography.Text strong>{t('policies.application.materials')}</Typography.Text>}
            dataSource={a.materials}
            renderItem={(m) => (
              <List.Item>
                <Typography.Text>{m.name}</Typography.Text>
                {m.file ? (
                  <a href={fileUrl(m.file.id)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {m.file.name}
                  </a>
                ) : (
                  <Typography.Text type="secondary">{t('policies.application.noFile')}</Typography.Text>
                )}
              </List.Item>
            )}
          />
        )}
        {a.can.withdraw && (
          <Popconfirm title={t('policies.application.withdrawConfirm')} onConfirm={() => withdraw.mutate(a.id, { onSuccess: () => void message.success(t('policies.application.withdrawn')), onError: (e) => void message.error(errorMessage(e)) })}>
            <Button danger style={{ marginTop: 12 }} loading={withdraw.isPending}>
              {t('policies.application.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Card>
      {a.can.resubmit && (
        <Card size="small" title={t('policies.application.resubmit')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('policies.application.resubmitHelp')}</Typography.Text>
            <MaterialUploads names={a.materials.map((m) => m.name)} onChange={setReplacements} />
            <Input.TextArea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('policies.application.resubmitComment')} maxLength={1000} />
            <Button type="primary" onClick={handleResubmit} loading={resubmit.isPending}>
              {t('policies.application.resubmit')}
            </Button>
          </Space>
        </Card>
      )}
      {a.caseId && <CaseSection caseId={a.caseId} isOperator={permissions.isOperator} />}
      <AdvisorThread application={a} />
    </Space>
  );
}
