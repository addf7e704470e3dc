import { useMemo, useState } from 'react';
import { Alert, App, Card, Col, Descriptions, Row, Select, Table, Tag, Typography } from 'antd';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { SchemaForm } from '../../forms/components/SchemaForm';
import { formLocaleOf, serverErrorSchema } from '../../forms/utils/form-schema';
import type { Campaign, Submission } from '../api/returnToWork.api';
import { useSubmissions, useSubmitReport } from '../hooks/useReturnToWork';

/** An enterprise admin's side of a campaign: report for a period (correct it before the deadline) and see earlier reports. */
export function MyReport({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const submissions = useSubmissions(campaign.id);
  const submit = useSubmitReport();
  // The time the page was opened: which periods have begun and which deadlines have passed.
  const [openedAt] = useState(() => Date.now());
  const started = useMemo(() => campaign.periods.filter((p) => Date.parse(`${p.start}T00:00:00+08:00`) <= openedAt).reverse(), [campaign.periods, openedAt]);
  const [periodStart, setPeriodStart] = useState(campaign.currentPeriod?.start ?? started[0]?.start);
  const period = started.find((p) => p.start === periodStart);
  const existing = (submissions.data ?? []).find((s) => s.periodStart === periodStart);
  // The values being edited, for the period (and revision) they were started from.
  const formKey = `${periodStart}|${existing?.revision ?? 0}`;
  const [draft, setDraft] = useState<{ key: string; values: Record<string, unknown> }>({ key: '', values: {} });
  const values = draft.key === formKey ? draft.values : (existing?.values ?? {});
  const setValues = (v: Record<string, unknown>) => setDraft({ key: formKey, values: v });
  const [serverErrors, setServerErrors] = useState<ErrorSchema>();
  const isPastDeadline = period ? Date.parse(period.deadline) < openedAt : false;
  const isClosed = campaign.status === 'closed';
  const isLocked = (!!existing && isPastDeadline) || isClosed;
  const locale = formLocaleOf(i18n.language);

  async function handleSubmit(submitted: Record<string, unknown>) {
    if (!periodStart) return;
    setServerErrors(undefined);
    try {
      await submit.mutateAsync({ id: campaign.id, periodStart, values: submitted });
      void message.success(t('returnToWork.my.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setServerErrors(serverErrorSchema(t, err.fields.filter((f) => f.field.startsWith('body.values'))));
      else void message.error(errorMessage(err));
    }
  }

  if (!started.length) return <Alert type="info" showIcon title={t('returnToWork.notStarted')} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          title={t('returnToWork.my.reportTitle')}
          extra={<Select value={periodStart} onChange={(v) => { setPeriodStart(v); setServerErrors(undefined); }} options={started.map((p) => ({ value: p.start, label: p.start === p.end ? p.start : `${p.start} ~ ${p.end}` }))} style={{ minWidth: 130 }} data-testid="rtw-period" />}
        >
          {period && (
            <Typography.Paragraph type="secondary" data-testid="rtw-deadline">
              {t('returnToWork.my.deadline', { at: formatDateTime(period.deadline) })}
            </Typography.Paragraph>
          )}
          {existing && !isClosed && (
            <Alert
              style={{ marginBottom: 12 }}
              type={isLocked ? 'info' : 'success'}
              showIcon
              title={isLocked ? t('returnToWork.my.locked') : t('returnToWork.my.submittedRevision', { revision: existing.revision, at: formatDateTime(existing.submittedAt) })}
              data-testid="rtw-my-status"
            />
          )}
          {isClosed && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('returnToWork.manage.closedNotice')} data-testid="rtw-closed" />}
          {!existing && isPastDeadline && !isClosed && <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('returnToWork.my.overdue')} />}
          {isLocked ? (
            existing && <Descriptions size="small" column={1} bordered items={campaign.form.fields.map((f) => ({ key: f.key, label: f.label[locale], children: String(existing.values[f.key] ?? '—') }))} />
          ) : (
            <div data-testid="rtw-report-form">
              <SchemaForm key={formKey} definition={campaign.form} values={values} onChange={setValues} onSubmit={(v) => void handleSubmit(v)} serverErrors={serverErrors} isSubmitting={submit.isPending} />
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('returnToWork.my.history')}>
          <Table<Submission>
            rowKey="id"
            size="small"
            loading={submissions.isPending}
            dataSource={submissions.data ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('returnToWork.my.none') }}
            columns={[
              { title: t('returnToWork.period'), dataIndex: 'periodStart', width: 110 },
              { title: t('returnToWork.fields.peopleOnSite'), dataIndex: 'peopleOnSite', width: 80 },
              { title: t('returnToWork.fields.peopleReturned'), dataIndex: 'peopleReturned', width: 80 },
              { title: t('returnToWork.submittedAt'), key: 'at', render: (_: unknown, s) => <>{formatDateTime(s.submittedAt)}{s.isLate && <Tag color="red" style={{ marginLeft: 4 }}>{t('returnToWork.late')}</Tag>}</> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
