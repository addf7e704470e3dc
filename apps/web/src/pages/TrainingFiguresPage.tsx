import { useMemo, useState } from 'react';
import { Card, Col, Flex, Input, Row, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParks } from '../modules/parks/hooks/useParks';
import type { CompanyFigures, Figures } from '../modules/training/api/training.api';
import { rateText } from '../modules/training/components/TrainingTags';
import { useFigures, useTrainingCompanies } from '../modules/training/hooks/useTraining';
import { monthStart, shanghaiToday } from '../modules/training/utils/dates';
import { EChart } from '../ui/EChart';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { StatCard } from '../ui/StatCard';

const COLORS = ['#1554d1', '#fa541c', '#13a8a8', '#722ed1', '#52c41a', '#faad14'];
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** The monthly trend: each company's attendance rate (solid) and pass rate (dashed) in one chart. */
function TrendChart({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const months = f.companies[0]?.months.map((m) => m.month) ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, name: t('training.figures.rateAxis'), nameTextStyle: { align: 'left' } },
      series: f.companies.flatMap((c, k) => [
        { name: t('training.figures.attendanceOf', { company: c.name }), type: 'line', connectNulls: false, data: c.months.map((m) => pct(m.attendanceRate)), itemStyle: { color: COLORS[k % COLORS.length] } },
        { name: t('training.figures.passOf', { company: c.name }), type: 'line', connectNulls: false, lineStyle: { type: 'dashed' }, symbol: 'triangle', data: c.months.map((m) => pct(m.passRate)), itemStyle: { color: COLORS[k % COLORS.length] } },
      ]),
    };
  }, [f, t]);
  return <EChart option={option} height={340} testId="training-trend" />;
}

/** Training figures (培训统计) per company over a period, with the monthly attendance and pass-rate trend. */
export function TrainingFiguresPage() {
  const { t } = useTranslation();
  const today = shanghaiToday();
  const [from, setFrom] = useState(monthStart(today, -11));
  const [to, setTo] = useState(today);
  const parks = useParks();
  const companies = useTrainingCompanies();
  const parkIds = new Set((companies.data ?? []).flatMap((c) => c.parkIds));
  const parkOptions = (parks.data ?? []).filter((p) => parkIds.has(p.id));
  const [parkId, setParkId] = useState<string | undefined>();
  const figures = useFigures({ parkId, from: from || undefined, to: to || undefined });
  return (
    <div>
      <PageHeader title={t('training.figures.title')} subtitle={t('training.figures.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          {parkOptions.length > 1 && <Select style={{ minWidth: 180 }} value={parkId ?? figures.data?.parkId} onChange={setParkId} options={parkOptions.map((p) => ({ value: p.id, label: p.name }))} />}
          <span>{t('training.figures.period')}</span>
          <Input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} data-testid="training-figures-from" />
          <span>~</span>
          <Input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} data-testid="training-figures-to" />
        </Flex>
      </Card>
      <QueryBoundary query={figures} isCard={false}>
        {(f) => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              {f.companies.map((c) => (
                <Col xs={24} lg={12} key={c.propertyCompanyId}>
                  <Card size="small" title={c.name} data-testid={`training-figures-${c.propertyCompanyId}`}>
                    <Row gutter={[8, 8]}>
                      <Col xs={12} sm={6}>
                        <StatCard title={t('training.fields.sessions')} value={c.sessions} />
                      </Col>
                      <Col xs={12} sm={6}>
                        <StatCard title={t('training.fields.attendanceRate')} value={rateText(c.attendanceRate)} color="#1554d1" testId="training-stat-attendance" />
                      </Col>
                      <Col xs={12} sm={6}>
                        <StatCard title={t('training.fields.passRate')} value={rateText(c.passRate)} color="#52c41a" testId="training-stat-pass" />
                      </Col>
                      <Col xs={12} sm={6}>
                        <StatCard title={t('training.fields.hoursPerStaff')} value={c.hoursPerStaff === null ? '—' : c.hoursPerStaff.toFixed(1)} color="#13a8a8" />
                      </Col>
                    </Row>
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small" title={t('training.figures.trend')} style={{ marginBottom: 16 }}>
              <TrendChart f={f} />
            </Card>
            <Card size="small" title={t('training.figures.companies')} styles={{ body: { padding: 0 } }}>
              <Table<CompanyFigures>
                rowKey="propertyCompanyId"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={f.companies}
                locale={{ emptyText: t('training.figures.empty') }}
                data-testid="training-figures-table"
                columns={[
                  { title: t('training.fields.company'), dataIndex: 'name', fixed: 'left' },
                  { title: t('training.fields.sessions'), dataIndex: 'sessions', align: 'right' },
                  { title: t('training.fields.invited'), dataIndex: 'invited', align: 'right' },
                  { title: t('training.fields.attended'), dataIndex: 'attended', align: 'right' },
                  { title: t('training.fields.attendanceRate'), key: 'ar', align: 'right', render: (_, c) => rateText(c.attendanceRate) },
                  { title: t('training.fields.examined'), dataIndex: 'examined', align: 'right' },
                  { title: t('training.fields.passed'), dataIndex: 'passed', align: 'right' },
                  { title: t('training.fields.passRate'), key: 'pr', align: 'right', render: (_, c) => rateText(c.passRate) },
                  { title: t('training.fields.hoursTotal'), dataIndex: 'hours', align: 'right' },
                  { title: t('training.fields.activeStaff'), dataIndex: 'activeStaff', align: 'right' },
                  { title: t('training.fields.hoursPerStaff'), key: 'hps', align: 'right', render: (_, c) => (c.hoursPerStaff === null ? '—' : c.hoursPerStaff.toFixed(1)) },
                ]}
              />
            </Card>
          </>
        )}
      </QueryBoundary>
    </div>
  );
}
