import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { CaseTimeline } from '../../approvals/components/CaseTimeline';
import { useAct, useCase } from '../../approvals/hooks/useApprovals';
import type { ApplicationSummary, Programme } from '../api/relief.api';
import { useApplication, useApply, useEligibility, useResubmit } from '../hooks/useRelief';
import { MaterialsUpload } from './MaterialsUpload';
import { ReliefLinesTable } from './ReliefLinesTable';
import { ApplicationStatusTag, ReasonList, reliefText } from './ReliefTags';

/** The applicant's form: a statement and materials; used to apply and to resubmit a returned application. */
function ApplyForm({ label, onSubmit, isPending, testId }: { label: string; onSubmit: (v: { note: string; fileIds: string[] }) => void; isPending: boolean; testId: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [fileIds, setFileIds] = useState<string[]>([]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('relief.fields.note')} aria-label={t('relief.fields.note')} data-testid={`${testId}-note`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('relief.mine.uploadHint')}
      </Typography.Text>
      <MaterialsUpload onChange={setFileIds} />
      <Button type="primary" block loading={isPending} onClick={() => onSubmit({ note, fileIds })} data-testid={testId}>
        {label}
      </Button>
    </Space>
  );
}

/** The application: its status, relief, materials, credits on bills and the review's steps (CaseTimeline). */
function ApplicationPanel({ summary }: { summary: ApplicationSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useApplication(summary.id);
  const approval = useCase(summary.caseId ?? '');
  const act = useAct();
  const resubmit = useResubmit();
  const canWithdraw = summary.status === 'in_review' || summary.status === 'returned';
  return (
    <Card size="small" title={t('relief.mine.application')} extra={<ApplicationStatusTag status={summary.status} />} data-testid="relief-application">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text strong data-testid="relief-application-amount">
          {summary.status === 'approved' ? t('relief.mine.reliefGranted', { amount: formatFen(summary.grantedFen) }) : t('relief.mine.reliefAsked', { amount: formatFen(summary.reliefFen) })}
        </Typography.Text>
        <QueryBoundary query={detail}>
          {(d) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {d.materials.length > 0 && (
                <div>
                  <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>{t('relief.fields.materials')}</Typography.Text>
                  {d.materials.map((m) => (
                    <a key={m.id} href={`/api/files/${m.id}`} target="_blank" rel="noreferrer" style={{ marginInlineEnd: 8 }}>
                      {m.name}
                    </a>
                  ))}
                </div>
              )}
              {d.credits.length > 0 && (
                <List
                  size="small"
                  header={<Typography.Text strong>{t('relief.mine.credits')}</Typography.Text>}
                  dataSource={d.credits}
                  data-testid="relief-credits"
                  renderItem={(c) => (
                    <List.Item>
                      <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
                        <Typography.Text>{c.status === 'applied' ? t('relief.mine.creditApplied', { bill: c.billTitle ?? '' }) : t('relief.mine.creditPending', { period: c.period })}</Typography.Text>
                        <Typography.Text strong>-¥{formatFen(c.amountFen)}</Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Space>
          )}
        </QueryBoundary>
        {summary.status === 'returned' && (
          <ApplyForm
            label={t('relief.mine.resubmit')}
            testId="relief-resubmit"
            isPending={resubmit.isPending}
            onSubmit={(v) => resubmit.mutate({ id: summary.id, note: v.note || null, fileIds: v.fileIds }, { onSuccess: () => void message.success(t('relief.mine.resubmitted')), onError: (e) => void message.error(errorMessage(e)) })}
          />
        )}
        {canWithdraw && summary.caseId && (
          <Button danger block loading={act.isPending} data-testid="relief-withdraw" onClick={() => act.mutate({ id: summary.caseId!, body: { type: 'withdraw' } }, { onSuccess: () => void message.success(t('relief.mine.withdrawn')), onError: (e) => void message.error(errorMessage(e)) })}>
            {t('relief.mine.withdraw')}
          </Button>
        )}
        {summary.caseId && <QueryBoundary query={approval}>{(c) => <CaseTimeline detail={c} canVerify />}</QueryBoundary>}
      </Space>
    </Card>
  );
}

/** One open programme for the enterprise admin: eligibility (with the reasons when not), the application form, or the application's progress. */
export function ProgrammeApplyCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const eligibility = useEligibility(programme.id);
  const apply = useApply();
  return (
    <Card title={programme.name} data-testid={`relief-programme-${programme.id}`}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('relief.fields.period')}>{`${programme.fromPeriod} ~ ${programme.toPeriod}`}</Descriptions.Item>
          <Descriptions.Item label={t('relief.fields.relief')}>{reliefText(t, programme)}</Descriptions.Item>
          <Descriptions.Item label={t('relief.programmes.rules')}>{t('relief.programmes.leaseRule', { date: formatDate(programme.leaseActiveOn) })}</Descriptions.Item>
          {programme.capPerEnterpriseFen !== null && <Descriptions.Item label={t('relief.fields.capShort')}>¥{formatFen(programme.capPerEnterpriseFen)}</Descriptions.Item>}
        </Descriptions>
        {programme.description && <Typography.Paragraph type="secondary">{programme.description}</Typography.Paragraph>}
        <QueryBoundary query={eligibility}>
          {(e) => {
            const active = e.application && ['in_review', 'returned', 'approved'].includes(e.application.status) ? e.application : null;
            return (
              <Space direction="vertical" style={{ width: '100%' }} size="middle">
                {!active &&
                  (e.eligible ? (
                    <Alert
                      type="success"
                      showIcon
                      data-testid="relief-eligible"
                      message={t('relief.mine.eligible', { amount: formatFen(e.reliefFen) })}
                      description={e.capped && programme.capPerEnterpriseFen !== null ? t('relief.mine.capped', { cap: formatFen(programme.capPerEnterpriseFen) }) : undefined}
                    />
                  ) : (
                    <Alert type="warning" showIcon data-testid="relief-not-eligible" message={t('relief.mine.notEligible')} description={<ReasonList reasons={e.reasons} />} />
                  ))}
                {!active && e.eligible && (
                  <>
                    <Typography.Text strong>{t('relief.mine.lines')}</Typography.Text>
                    <ReliefLinesTable lines={e.lines} />
                    <ApplyForm
                      label={e.application ? t('relief.mine.applyAgain') : t('relief.mine.apply')}
                      testId="relief-apply"
                      isPending={apply.isPending}
                      onSubmit={(v) => apply.mutate({ id: programme.id, note: v.note || null, fileIds: v.fileIds }, { onSuccess: () => void message.success(t('relief.mine.applied')), onError: (err) => void message.error(errorMessage(err)) })}
                    />
                  </>
                )}
                {e.application && <ApplicationPanel summary={e.application} />}
              </Space>
            );
          }}
        </QueryBoundary>
      </Space>
    </Card>
  );
}
