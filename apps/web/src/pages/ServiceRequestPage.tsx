import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Popconfirm, Rate, Space, Tag, Typography } from 'antd';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ServiceRequest } from '../modules/services/api/services.api';
import { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime, formatFen } from '../lib/format';
import { CaseTimeline } from '../modules/approvals/components/CaseTimeline';
import { useCase } from '../modules/approvals/hooks/useApprovals';
import { localName } from '../modules/approvals/utils/names';
import { useSession } from '../modules/auth/hooks/useSession';
import { SchemaForm } from '../modules/forms/components/SchemaForm';
import { serverErrorSchema } from '../modules/forms/utils/form-schema';
import { RequestStatusTag } from '../modules/services/components/RequestStatusTag';
import { RequestValues } from '../modules/services/components/RequestValues';
import { useAccept, useComplete, useRate, useResubmit, useServiceRequest, useWithdraw } from '../modules/services/hooks/useServices';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The approval steps of the request's case, with the ledger's verify button where the viewer may use it. */
function RequestCase({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const detail = useCase(caseId);
  return (
    <QueryBoundary query={detail} isCard={false}>
      {(c) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Link to={`/approvals/cases/${caseId}`} data-testid="request-open-case">
            {t('services.request.openCase')}
          </Link>
          <CaseTimeline detail={c} canVerify={permissions.canSeeAudit || permissions.isEnterpriseAdmin} />
        </Space>
      )}
    </QueryBoundary>
  );
}

/** Corrects a returned request: the form it was made with, prefilled, and more materials. */
function ResubmitForm({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const resubmit = useResubmit();
  const [values, setValues] = useState<Record<string, unknown>>(r.values);
  const [serverErrors, setServerErrors] = useState<ErrorSchema>();
  const [failure, setFailure] = useState<string>();
  async function handleSubmit(v: Record<string, unknown>) {
    setServerErrors(undefined);
    setFailure(undefined);
    try {
      await resubmit.mutateAsync({ id: r.id, values: v });
      void message.success(t('services.request.resubmitted'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setServerErrors(serverErrorSchema(t, err.fields));
      else setFailure(errorMessage(err));
    }
  }
  return (
    <Card size="small" title={t('services.request.resubmit')} data-testid="request-resubmit">
      <Alert type="warning" showIcon title={t('services.request.returnedHint')} style={{ marginBottom: 12 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <SchemaForm definition={r.form} values={values} onChange={setValues} onSubmit={(v) => void handleSubmit(v)} serverErrors={serverErrors} isSubmitting={resubmit.isPending} />
    </Card>
  );
}

/** Handlers accept an approved request and complete it with a result note. */
function HandleCard({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accept = useAccept();
  const complete = useComplete();
  const [note, setNote] = useState('');
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  if (!r.can.accept && !r.can.complete) return null;
  return (
    <Card size="small" title={t('services.request.handler')}>
      {r.can.accept && (
        <Button type="primary" loading={accept.isPending} onClick={() => void run(() => accept.mutateAsync(r.id), t('services.request.accepted'))} data-testid="request-accept">
          {t('services.request.accept')}
        </Button>
      )}
      {r.can.complete && (
        <Flex vertical gap={8}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('services.request.resultNote')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="request-result-note" />
          <Button type="primary" disabled={!note.trim()} loading={complete.isPending} onClick={() => void run(() => complete.mutateAsync({ id: r.id, resultNote: note.trim() }), t('services.request.completed'))} data-testid="request-complete">
            {t('services.request.complete')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/** The applicant rates a completed request once (1–5 stars and a comment). */
function RateCard({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rate = useRate();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  if (r.rating !== null) {
    return (
      <Card size="small" title={t('services.request.yourRating')}>
        <Rate disabled value={r.rating} />
        {r.ratingComment && <Typography.Paragraph style={{ margin: '8px 0 0' }}>{r.ratingComment}</Typography.Paragraph>}
      </Card>
    );
  }
  if (!r.can.rate) return null;
  return (
    <Card size="small" title={t('services.request.rate')} data-testid="request-rate">
      <Flex vertical gap={8}>
        <Rate value={stars} onChange={setStars} />
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('services.request.ratingComment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        <Button
          type="primary"
          disabled={stars === 0}
          loading={rate.isPending}
          onClick={() =>
            void rate
              .mutateAsync({ id: r.id, rating: stars, comment: comment.trim() || undefined })
              .then(() => message.success(t('services.request.rated')))
              .catch((err: unknown) => message.error(errorMessage(err)))
          }
        >
          {t('services.request.rate')}
        </Button>
      </Flex>
    </Card>
  );
}

/** One service request: status, SLA, what was asked (in the form it was made with), materials, every approval step, and what I may do now. */
export function ServiceRequestPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const request = useServiceRequest(id);
  const withdraw = useWithdraw();
  return (
    <QueryBoundary query={request} isCard={false}>
      {(r) => (
        <div>
          <PageHeader title={localName(r.service, i18n.language)} crumbs={[{ title: t('services.mine.title'), to: '/services/requests' }, { title: t('services.request.title') }]} extra={<RequestStatusTag status={r.status} />} />
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t('services.request.service')}>
                  {t(`services.systems.${r.service.system}`)} · {localName(r.service, i18n.language)}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.request.enterprise')}>{r.enterprise.name}</Descriptions.Item>
                <Descriptions.Item label={t('services.request.applicant')}>{r.applicant.displayName}</Descriptions.Item>
                <Descriptions.Item label={t('services.request.submittedAt')}>{formatDateTime(r.submittedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('services.request.dueAt')}>
                  {formatDateTime(r.dueAt)} {r.isOverdue && <Tag color="red">{t('services.request.overdue')}</Tag>}
                </Descriptions.Item>
                {r.handler && <Descriptions.Item label={t('services.request.handler')}>{r.handler.displayName}</Descriptions.Item>}
                {r.feeFen !== null && (
                  <Descriptions.Item label={t('services.request.fee')}>
                    {formatFen(r.feeFen)} {r.billId && <Link to="/bills">{t('services.request.bill')}</Link>}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {r.can.withdraw && (
                <Popconfirm title={t('services.request.withdrawConfirm')} onConfirm={() => void withdraw.mutateAsync(r.id).then(() => message.success(t('services.request.withdrawn'))).catch((err: unknown) => message.error(errorMessage(err)))}>
                  <Button danger style={{ marginTop: 8 }} data-testid="request-withdraw">
                    {t('services.request.withdraw')}
                  </Button>
                </Popconfirm>
              )}
            </Card>
            {r.resultNote && (
              <Card size="small" title={t('services.request.result')}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="request-result">
                  {r.resultNote}
                </Typography.Paragraph>
              </Card>
            )}
            <RateCard r={r} />
            <HandleCard r={r} />
            {r.can.resubmit && <ResubmitForm key={r.formVersion} r={r} />}
            <Card size="small" title={`${t('services.request.values')} · ${t('services.request.formVersion', { version: r.formVersion })}`}>
              <RequestValues form={r.form} values={r.values} files={r.files} />
            </Card>
            {r.caseId && (
              <Card size="small" title={t('services.request.approvals')}>
                <RequestCase caseId={r.caseId} />
              </Card>
            )}
          </Space>
        </div>
      )}
    </QueryBoundary>
  );
}
