import { Button, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPercent } from '../../../lib/format';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { exportUrlOf, type Campaign, type Overview, type Submission } from '../api/returnToWork.api';
import { useOverview, useSubmissions } from '../hooks/useReturnToWork';
import { FlagsTable } from './FlagsTable';
import { BuildingTrendChart, RateChart } from './RateChart';

/** The operators' overview of a campaign: submission rate, flags, trends per building, missing reports, submissions and the export. */
export function OverviewPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const overview = useOverview(campaign.id, true);
  const submissions = useSubmissions(campaign.id);
  return (
    <QueryBoundary query={overview}>
      {(o: Overview) => {
        const last = o.periods.at(-1);
        const openFlags = o.flags.filter((f) => f.status === 'open').length;
        return (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('returnToWork.overview.currentRate')} value={last ? formatPercent(last.rate) : '—'} data-testid="rtw-current-rate" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('returnToWork.overview.submittedOf')} value={last ? `${last.submitted} / ${last.expected}` : '—'} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('returnToWork.overview.openFlags')} value={openFlags} data-testid="rtw-open-flags" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Button icon={<DownloadOutlined />} href={exportUrlOf(campaign.id)} download block data-testid="rtw-export">
                  {t('returnToWork.overview.export')}
                </Button>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('returnToWork.overview.rateTitle')} size="small">
                <RateChart periods={o.periods} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('returnToWork.overview.buildingTitle')} size="small">
                <BuildingTrendChart buildings={o.buildings} />
              </Card>
            </Col>
            <Col span={24}>
              <Card title={t('returnToWork.flags.title')} size="small" data-testid="rtw-flags">
                <FlagsTable flags={o.flags} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('returnToWork.overview.missing')} size="small" data-testid="rtw-missing">
                <Table
                  rowKey={(m) => `${m.enterpriseId}|${m.periodStart}`}
                  size="small"
                  dataSource={o.missing}
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  locale={{ emptyText: t('returnToWork.overview.noneMissing') }}
                  columns={[
                    { title: t('returnToWork.period'), dataIndex: 'periodStart', width: 110 },
                    { title: t('returnToWork.enterprise'), dataIndex: 'enterpriseName' },
                    { title: t('returnToWork.overview.reminded'), key: 'r', width: 90, render: (_: unknown, m) => (m.reminded ? <Tag color="blue">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('returnToWork.overview.submissions')} size="small">
                <Table<Submission>
                  rowKey="id"
                  size="small"
                  loading={submissions.isPending}
                  dataSource={submissions.data ?? []}
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  scroll={{ x: 560 }}
                  columns={[
                    { title: t('returnToWork.period'), dataIndex: 'periodStart', width: 110 },
                    { title: t('returnToWork.enterprise'), dataIndex: 'enterpriseName' },
                    { title: t('returnToWork.fields.peopleOnSite'), dataIndex: 'peopleOnSite', width: 90 },
                    { title: t('returnToWork.submittedAt'), key: 'at', width: 160, render: (_: unknown, s) => <>{formatDateTime(s.submittedAt)}{s.isLate && <Tag color="red" style={{ marginLeft: 4 }}>{t('returnToWork.late')}</Tag>}</> },
                    { title: t('returnToWork.overview.flags'), key: 'f', width: 70, render: (_: unknown, s) => (s.flags.length ? <Tag color="orange">{s.flags.length}</Tag> : '—') },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        );
      }}
    </QueryBoundary>
  );
}
