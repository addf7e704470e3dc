import { useMemo, useState } from 'react';
import { Card, Col, Empty, List, Row, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import { EChart } from '../../../ui/EChart';
import { StatCard } from '../../../ui/StatCard';
import type { DistrictResult, QuestionResult, Survey, SurveyResults } from '../api/surveys.api';

const round2 = (n: number | null) => (n === null ? '—' : (Math.round(n * 100) / 100).toFixed(2));

/** Top terms as a horizontal bar chart, the most frequent on top (a word cloud has no maintained ECharts 6 extension). */
function TermsChart({ q, testId }: { q: QuestionResult; testId: string }) {
  const { t } = useTranslation();
  const terms = q.topTerms.slice(0, 15).reverse();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 28, containLabel: true },
      xAxis: { type: 'value', name: t('surveys.results.termsAxis'), minInterval: 1, nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: terms.map((x) => x.term) },
      series: [{ type: 'bar', data: terms.map((x) => x.count), itemStyle: { color: '#13a8a8' }, label: { show: true, position: 'right' } }],
    }),
    [terms, t],
  );
  if (!terms.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.noComments')} />;
  return <EChart option={option} height={Math.max(180, 26 * terms.length + 60)} testId={testId} />;
}

/** Counts per rating value or per option as a bar chart. */
function DistributionChart({ q, survey, testId }: { q: QuestionResult; survey: Survey; testId: string }) {
  const { t } = useTranslation();
  const def = survey.questions.find((x) => x.id === q.questionId);
  const labels = q.distribution.map((d) => (q.kind === 'rating' ? d.key : (def?.options?.find((o) => o.id === d.key)?.label ?? d.key)));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, overflow: 'truncate', width: 72 } },
      yAxis: { type: 'value', name: t('surveys.results.countAxis'), minInterval: 1, nameTextStyle: { align: 'left' } },
      series: [{ type: 'bar', data: q.distribution.map((d) => d.count), itemStyle: { color: q.kind === 'rating' ? '#1554d1' : '#fa8c16' } }],
    }),
    [labels, q, t],
  );
  return <EChart option={option} height={220} testId={testId} />;
}

/** One district's (or all districts') answers question by question. */
function QuestionDetails({ d, survey }: { d: DistrictResult; survey: Survey }) {
  const { t } = useTranslation();
  if (!d.answered) return <Empty description={t('surveys.results.noData')} />;
  return (
    <Row gutter={[16, 16]}>
      {d.questions.map((q, i) => {
        const def = survey.questions.find((x) => x.id === q.questionId);
        const head = `${i + 1}. ${def?.title ?? q.questionId}`;
        if (q.kind === 'text')
          return (
            <Col xs={24} key={q.questionId}>
              <Card size="small" title={head}>
                <Row gutter={[16, 16]}>
                  <Col xs={24} lg={12}>
                    <Typography.Text strong>{t('surveys.results.topTerms')}</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
                      {t('surveys.results.topTermsHint')}
                    </Typography.Paragraph>
                    <TermsChart q={q} testId={`survey-terms-${q.questionId}`} />
                    <div data-testid={`survey-terms-list-${q.questionId}`} style={{ marginTop: 8 }}>
                      {q.topTerms.slice(0, 15).map((x) => (
                        <Tag key={x.term} style={{ marginBottom: 4 }}>
                          {x.term} × {x.count}
                        </Tag>
                      ))}
                    </div>
                  </Col>
                  <Col xs={24} lg={12}>
                    <Typography.Text strong>
                      {t('surveys.results.comments')} ({q.comments.length})
                    </Typography.Text>
                    <List size="small" style={{ maxHeight: 360, overflowY: 'auto' }} dataSource={q.comments} locale={{ emptyText: t('surveys.results.noComments') }} renderItem={(c) => <List.Item style={{ overflowWrap: 'anywhere' }}>{c}</List.Item>} data-testid={`survey-comments-${q.questionId}`} />
                  </Col>
                </Row>
              </Card>
            </Col>
          );
        return (
          <Col xs={24} lg={12} key={q.questionId}>
            <Card size="small" title={head} extra={q.kind === 'rating' ? <Typography.Text data-testid={`survey-mean-${q.questionId}`}>{t('surveys.results.meanOf', { mean: round2(q.mean), max: q.scaleMax })}</Typography.Text> : null}>
              <DistributionChart q={q} survey={survey} testId={`survey-dist-${q.questionId}`} />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/**
 * A survey's results: response rate and counts, a table and a chart of every district's ratings, then the answers
 * question by question for all districts or one (distributions, top terms of comments, the comments).
 */
export function SurveyResultsView({ survey, results }: { survey: Survey; results: SurveyResults }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<string>('all');
  const ratings = survey.questions.filter((q) => q.kind === 'rating');
  const chosen = scope === 'all' ? results.total : (results.districts.find((d) => d.districtId === scope) ?? results.total);
  const meanOf = (d: DistrictResult, id: string) => d.questions.find((q) => q.questionId === id)?.mean ?? null;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: results.districts.map((d) => d.districtName) },
      yAxis: { type: 'value', name: t('surveys.results.meanAxis'), min: 0, max: Math.max(5, ...ratings.map((q) => q.scaleMax ?? 5)), nameTextStyle: { align: 'left' } },
      series: ratings.map((q) => ({ type: 'bar', name: q.title.length > 12 ? `${q.title.slice(0, 12)}…` : q.title, data: results.districts.map((d) => (meanOf(d, q.id) === null ? null : Math.round(meanOf(d, q.id)! * 100) / 100)) })),
    }),
    [results, ratings, t],
  );
  return (
    <div data-testid="survey-results">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <StatCard title={t('surveys.results.responseRate')} value={formatPercent(results.total.responseRate)} testId="survey-response-rate" />
        </Col>
        <Col xs={12} sm={8}>
          <StatCard title={t('surveys.results.invited')} value={results.total.invited} color="#595959" testId="survey-invited" />
        </Col>
        <Col xs={12} sm={8}>
          <StatCard title={t('surveys.results.answered')} value={results.total.answered} color="#52c41a" testId="survey-answered" />
        </Col>
      </Row>
      <Card size="small" title={t('surveys.results.byDistrict')} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
        <Table<DistrictResult>
          rowKey={(d) => d.districtId ?? 'all'}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...results.districts, results.total]}
          data-testid="survey-district-table"
          columns={[
            { title: t('surveys.results.district'), render: (_, d) => d.districtName ?? <strong>{t('surveys.results.overall')}</strong> },
            { title: t('surveys.results.invited'), dataIndex: 'invited', align: 'right' },
            { title: t('surveys.results.answered'), dataIndex: 'answered', align: 'right' },
            { title: t('surveys.results.responseRate'), dataIndex: 'responseRate', align: 'right', render: (v: number) => formatPercent(v) },
            ...ratings.map((q) => ({ title: <span data-user-content>{q.title.length > 10 ? `${q.title.slice(0, 10)}…` : q.title}</span>, key: q.id, align: 'right' as const, render: (_: unknown, d: DistrictResult) => round2(meanOf(d, q.id)) })),
          ]}
        />
      </Card>
      {ratings.length > 0 && results.districts.length > 1 && (
        <Card size="small" title={t('surveys.results.meanChart')} style={{ marginBottom: 16 }}>
          <EChart option={option} height={280} testId="survey-chart-means" />
        </Card>
      )}
      <Card
        size="small"
        title={t('surveys.results.title')}
        extra={
          <Select
            size="small"
            value={scope}
            onChange={setScope}
            style={{ minWidth: 120 }}
            aria-label={t('surveys.results.pickDistrict')}
            options={[{ value: 'all', label: t('surveys.results.overall') }, ...results.districts.map((d) => ({ value: d.districtId ?? '', label: d.districtName ?? '' }))]}
            data-testid="survey-scope"
          />
        }
      >
        <QuestionDetails d={chosen} survey={survey} />
      </Card>
    </div>
  );
}
