import { useMemo } from 'react';
import { Button, Card, Col, Row, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime, formatFen } from '../lib/format';
import { APPLICATION_STATUSES, exportUrl, type ApplicationSummary, type Dashboard } from '../modules/relief/api/relief.api';
import { ApplicationStatusTag, ProgrammeStatusTag, reliefText } from '../modules/relief/components/ReliefTags';
import { useApplications, useDashboard } from '../modules/relief/hooks/useRelief';
import { EChart } from '../ui/EChart';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { StatCard } from '../ui/StatCard';

const yuan = (fen: number) => Math.round(fen) / 100;

function Charts({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const bar = (labels: string[], values: number[], color: string) => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: labels },
      series: [{ type: 'bar', data: values, itemStyle: { color } }],
    });
    return {
      status: {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: APPLICATION_STATUSES.map((s) => t(`relief.status.${s}`)) },
        yAxis: { type: 'value', name: t('relief.dashboard.count'), nameTextStyle: { align: 'left' }, minInterval: 1 },
        series: [{ type: 'bar', data: APPLICATION_STATUSES.map((s) => d.byStatus.find((x) => x.status === s)?.count ?? 0), itemStyle: { color: '#1554d1' } }],
      },
      budget: {
        tooltip: { trigger: 'item', valueFormatter: (v: number) => `¥${v.toLocaleString()}` },
        // The legend on top keeps clear of the slices' labels below the ring.
        legend: { top: 0 },
        series: [
          {
            type: 'pie',
            center: ['50%', '55%'],
            radius: ['38%', '60%'],
            label: { formatter: '{b}\n{d}%' },
            data: [
              { name: t('relief.dashboard.used'), value: yuan(d.grantedFen), itemStyle: { color: '#52c41a' } },
              { name: t('relief.dashboard.left'), value: yuan(Math.max(0, d.budgetFen - d.grantedFen)), itemStyle: { color: '#d9d9d9' } },
            ],
          },
        ],
      },
      site: bar(d.bySite.map((b) => b.label || t('relief.dashboard.noSite')), d.bySite.map((b) => yuan(b.grantedFen)), '#13a8a8'),
      industry: bar(d.byIndustry.map((b) => t(`industries.${b.key}`)), d.byIndustry.map((b) => yuan(b.grantedFen)), '#fa8c16'),
    };
  }, [d, t]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('relief.dashboard.byStatus')}>
          <EChart option={options.status} height={240} testId="relief-chart-status" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('relief.dashboard.budgetUse')}>
          <EChart option={options.budget} height={240} testId="relief-chart-budget" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('relief.dashboard.bySite')}>
          <EChart option={options.site} height={Math.max(160, 40 * d.bySite.length)} testId="relief-chart-site" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('relief.dashboard.byIndustry')}>
          <EChart option={options.industry} height={Math.max(160, 40 * d.byIndustry.length)} testId="relief-chart-industry" />
        </Card>
      </Col>
    </Row>
  );
}

/** A programme's dashboard for operators: budget, applications by status, relief per site and industry, the applications, and the Excel export. */
export function ReliefDashboardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const dashboard = useDashboard(id);
  const applications = useApplications({ programmeId: id, pageSize: 100 });
  return (
    <QueryBoundary query={dashboard} isCard={false}>
      {(d) => (
        <div>
          <PageHeader
            title={d.programme.name}
            subtitle={`${d.programme.fromPeriod} ~ ${d.programme.toPeriod} · ${reliefText(t, d.programme)}`}
            crumbs={[{ title: t('relief.programmes.title'), to: '/relief/programmes' }, { title: d.programme.name }]}
            extra={
              <>
                <ProgrammeStatusTag status={d.programme.status} />
                <Button icon={<DownloadOutlined />} href={exportUrl(id, i18n.language.startsWith('zh') ? 'zh' : 'en')} data-testid="relief-export">
                  {t('relief.dashboard.export')}
                </Button>
              </>
            }
          />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} lg={6}>
              <StatCard title={t('relief.dashboard.budget')} value={`¥${formatFen(d.budgetFen)}`} testId="relief-stat-budget" />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard title={t('relief.dashboard.granted')} value={`¥${formatFen(d.grantedFen)}`} color="#52c41a" testId="relief-stat-granted" />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard title={t('relief.dashboard.remaining')} value={`¥${formatFen(d.budgetFen - d.grantedFen)}`} color="#13a8a8" />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard title={t('relief.dashboard.pending')} value={`¥${formatFen(d.pendingFen)}`} color="#fa8c16" />
            </Col>
          </Row>
          <Charts d={d} />
          <Card size="small" title={t('relief.dashboard.applications')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
            <QueryBoundary query={applications}>
              {(page) => (
                <Table<ApplicationSummary>
                  rowKey="id"
                  size="small"
                  dataSource={page.items}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: t('relief.dashboard.noData') }}
                  data-testid="relief-applications"
                  columns={[
                    { title: t('relief.fields.enterprise'), dataIndex: 'enterpriseName' },
                    { title: t('relief.fields.status'), dataIndex: 'status', render: (s: ApplicationSummary['status']) => <ApplicationStatusTag status={s} /> },
                    { title: t('relief.fields.relief'), dataIndex: 'reliefFen', align: 'right', render: (v: number) => `¥${formatFen(v)}` },
                    { title: t('relief.fields.granted'), dataIndex: 'grantedFen', align: 'right', render: (v: number | null) => (v === null ? '—' : `¥${formatFen(v)}`) },
                    { title: t('relief.fields.submittedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                    { title: '', render: (_, a) => (a.caseId ? <Link to={`/approvals/cases/${a.caseId}`}>{t('relief.dashboard.case')}</Link> : null) },
                  ]}
                />
              )}
            </QueryBoundary>
          </Card>
        </div>
      )}
    </QueryBoundary>
  );
}
