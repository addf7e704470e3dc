import { useState } from 'react';
import { Card, Col, Descriptions, Row, Select, Skeleton, Statistic } from 'antd';
import { BankOutlined, CheckCircleOutlined, ClockCircleOutlined, HomeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatArea, formatPercent } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import { OccupancyChart } from '../modules/dashboard/components/OccupancyChart';
import { OccupancyGauge } from '../modules/dashboard/components/OccupancyGauge';
import { WorkbenchCards } from '../modules/dashboard/components/WorkbenchCards';
import { findEnterprises } from '../modules/enterprises/api/enterprises.api';
import { LeadFunnelChart } from '../modules/leads/components/LeadFunnelChart';
import { useLeadFunnel } from '../modules/leads/hooks/useLeads';
import { useParks, useParkTree } from '../modules/parks/hooks/useParks';
import { buildingsOf, occupancyOf, sumStats } from '../modules/parks/utils/tree-stats';
import { UNIT_STATUS_COLORS } from '../modules/parks/utils/unit-colors';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { StatCard } from '../ui/StatCard';

/** Operators' home: today's operations (alarms, work orders, money, visitors), then leasing and the attraction funnel. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const parks = useParks();
  const [chosenParkId, setChosenParkId] = useState<string>();
  const parkId = chosenParkId ?? parks.data?.[0]?.id;
  const tree = useParkTree(parkId);
  const enterpriseCount = useQuery({
    queryKey: ['enterprises', 'count', parkId],
    queryFn: () => findEnterprises({ page: 1, pageSize: 1, parkId, status: 'active' }),
    enabled: !!parkId,
  });
  const funnel = useLeadFunnel(parkId);

  if (parks.isError) return <ErrorState error={parks.error} onRetry={() => void parks.refetch()} />;
  const stats = tree.data ? sumStats(buildingsOf(tree.data)) : null;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.greeting', { name: user?.displayName ?? '' })}
        extra={
          (parks.data?.length ?? 0) > 1 && (
            <Select style={{ minWidth: 180 }} value={parkId} onChange={setChosenParkId} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          )
        }
      />
      <div style={{ marginBottom: 16 }}>
        <WorkbenchCards parkId={parkId} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <StatCard testId="stat-enterprises" title={t('dashboard.enterprises')} value={enterpriseCount.data?.total ?? '—'} icon={<BankOutlined />} color="#1554d1" />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard testId="stat-leased" title={t('dashboard.unitsLeased')} value={stats?.leased ?? '—'} icon={<CheckCircleOutlined />} color={UNIT_STATUS_COLORS.leased} />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard testId="stat-vacant" title={t('dashboard.unitsVacant')} value={stats?.vacant ?? '—'} icon={<HomeOutlined />} color={UNIT_STATUS_COLORS.vacant} />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard testId="stat-reserved" title={t('dashboard.unitsReserved')} value={stats?.reserved ?? '—'} icon={<ClockCircleOutlined />} color={UNIT_STATUS_COLORS.reserved} />
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('dashboard.occupancy')} style={{ height: '100%' }}>
            {stats ? (
              <>
                <OccupancyGauge rate={occupancyOf(stats)} />
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('dashboard.area')}>{formatArea(stats.area)}</Descriptions.Item>
                  <Descriptions.Item label={t('dashboard.leasedArea')}>{formatArea(stats.leasedArea)}</Descriptions.Item>
                  <Descriptions.Item label={t('dashboard.byCount')}>{formatPercent(stats.total ? stats.leased / stats.total : 0)}</Descriptions.Item>
                </Descriptions>
              </>
            ) : tree.isError ? (
              <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
            ) : (
              <Skeleton active paragraph={{ rows: 6 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('dashboard.occupancyBySite')} style={{ height: '100%' }}>
            <QueryBoundary query={tree} isCard={false}>
              {(data) => <OccupancyChart tree={data} />}
            </QueryBoundary>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('dashboard.funnel')} extra={<span className="muted hide-on-phone">{t('dashboard.funnelHint')}</span>}>
            <QueryBoundary query={funnel} isCard={false}>
              {(f) => (
                <Row gutter={[16, 16]} align="middle">
                  <Col xs={24} md={16}>
                    <LeadFunnelChart funnel={f} />
                  </Col>
                  <Col xs={24} md={8}>
                    <Row gutter={[16, 16]}>
                      <Col span={12}>
                        <Statistic title={t('dashboard.leadsTotal')} value={f.total} />
                      </Col>
                      <Col span={12}>
                        <Statistic title={t('dashboard.overallConversion')} value={formatPercent(f.overallConversion)} />
                      </Col>
                      {f.funnel.slice(1).map((s) => (
                        <Col span={12} key={s.stage}>
                          <Statistic title={t(`stages.${s.stage}`)} value={s.count} suffix={<small className="muted">{formatPercent(s.conversionFromPrevious)}</small>} />
                        </Col>
                      ))}
                    </Row>
                  </Col>
                </Row>
              )}
            </QueryBoundary>
          </Card>
        </Col>
      </Row>
    </>
  );
}
