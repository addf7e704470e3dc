import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { exportUrl, type Survey, type SurveyResponse } from '../modules/surveys/api/surveys.api';
import { SurveyAnswerForm, SurveyAnswerView } from '../modules/surveys/components/SurveyAnswerForm';
import { SurveyResultsView } from '../modules/surveys/components/SurveyResultsView';
import { SurveyStatusTag } from '../modules/surveys/components/SurveyStatusTag';
import { useMySurveyResponses, useSurvey, useSurveyResponses, useSurveyResults } from '../modules/surveys/hooks/useSurveys';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** An enterprise admin's view: the form while their enterprise has not answered, else what it answered. */
function AdminView({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const mine = useMySurveyResponses(survey.id);
  const hasPending = survey.mine.some((m) => !m.hasAnswered);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {survey.description && <Typography.Paragraph>{survey.description}</Typography.Paragraph>}
      {hasPending && survey.isAnswerable && (
        <Card size="small" title={t('surveys.answer.title')}>
          <SurveyAnswerForm survey={survey} />
        </Card>
      )}
      {hasPending && !survey.isAnswerable && <Alert type="info" showIcon message={t('surveys.answer.notOpen')} />}
      <QueryBoundary query={mine} skeletonRows={2}>
        {(rows) => (
          <>
            {rows.map((r) => (
              <Card key={r.id} size="small" title={`${t('surveys.answer.yours')} · ${r.enterpriseName}`} extra={<Typography.Text type="secondary">{t('surveys.answer.answeredAt', { time: formatDateTime(r.answeredAt) })}</Typography.Text>}>
                <Alert type="success" showIcon message={t('surveys.answer.alreadyAnswered')} style={{ marginBottom: 12 }} data-testid="survey-answered" />
                <SurveyAnswerView survey={survey} answers={r.answers} />
              </Card>
            ))}
          </>
        )}
      </QueryBoundary>
    </Space>
  );
}

/** Operators: who answered what. */
function ResponsesTable({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const responses = useSurveyResponses(survey.id);
  const label = (qid: string, k: string) => survey.questions.find((q) => q.id === qid)?.options?.find((o) => o.id === k)?.label ?? k;
  return (
    <Card size="small" title={t('surveys.results.responses')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
      <QueryBoundary query={responses} isCard={false}>
        {(rows) => (
          <Table<SurveyResponse>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="survey-responses"
            columns={[
              { title: t('surveys.results.enterprise'), dataIndex: 'enterpriseName', fixed: 'left' },
              { title: t('surveys.results.district'), dataIndex: 'districtName' },
              { title: t('surveys.results.answeredAt'), dataIndex: 'answeredAt', render: (v: string) => formatDateTime(v) },
              ...survey.questions.map((q) => ({
                title: <span data-user-content>{q.title.length > 10 ? `${q.title.slice(0, 10)}…` : q.title}</span>,
                key: q.id,
                render: (_: unknown, r: SurveyResponse) => {
                  const v = r.answers[q.id];
                  if (v === undefined) return '—';
                  if (Array.isArray(v)) return v.map((k) => label(q.id, k)).join(t('surveys.sep'));
                  return q.kind === 'single' ? label(q.id, String(v)) : <span style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'normal' }}>{String(v)}</span>;
                },
              })),
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}

/** Results for operators (with the answers) and property staff (their districts, anonymous). */
function ResultsPart({ survey, isOperator }: { survey: Survey; isOperator: boolean }) {
  const { t } = useTranslation();
  const results = useSurveyResults(survey.id, survey.status !== 'draft');
  if (survey.status === 'draft')
    return (
      <Card size="small">
        <Alert type="info" showIcon message={t('surveys.results.draftPreview')} style={{ marginBottom: 12 }} />
        {survey.questions.map((q, i) => (
          <div key={q.id} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{`${i + 1}. ${q.title}`}</Typography.Text> <Typography.Text type="secondary">{t(`surveys.kinds.${q.kind}`)}{q.kind === 'rating' ? ` 1–${q.scaleMax}` : ''}{q.options ? `: ${q.options.map((o) => o.label).join(' / ')}` : ''}</Typography.Text>
          </div>
        ))}
      </Card>
    );
  return (
    <>
      {!isOperator && <Alert type="info" showIcon message={t('surveys.results.anonymous')} style={{ marginBottom: 16 }} />}
      <QueryBoundary query={results}>{(r) => <SurveyResultsView survey={survey} results={r} />}</QueryBoundary>
      {isOperator && <ResponsesTable survey={survey} />}
    </>
  );
}

/** One survey: the answer form (enterprise admins) or the results (operators, property staff). */
export function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  return (
    <QueryBoundary query={survey}>
      {(s) => {
        const isOperator = s.invited !== null;
        const isAdmin = s.mine.length > 0;
        return (
          <div style={isAdmin ? { maxWidth: 760, margin: '0 auto' } : undefined}>
            <PageHeader
              title={
                <Space wrap>
                  <span>{s.title}</span>
                  <SurveyStatusTag status={s.status} />
                </Space>
              }
              documentTitle={s.title}
              subtitle={`${s.opensOn} ~ ${s.closesOn} · ${s.districts.map((d) => d.name).join(t('surveys.sep'))}`}
              crumbs={[{ title: t('surveys.nav'), to: '/surveys' }, { title: s.title }]}
              extra={
                !isAdmin && s.status !== 'draft' ? (
                  <Button icon={<DownloadOutlined />} href={exportUrl(s.id)} data-testid="survey-export">
                    {t('surveys.results.export')}
                  </Button>
                ) : null
              }
            />
            {isAdmin ? <AdminView survey={s} /> : <ResultsPart survey={s} isOperator={isOperator} />}
          </div>
        );
      }}
    </QueryBoundary>
  );
}
