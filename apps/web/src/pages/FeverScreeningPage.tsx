import { useState } from 'react';
import { Card, Col, Empty, Flex, List, Row, Select, Space, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';
import { findAlarms } from '../modules/alarms/api/alarms.api';
import { AlarmSeverityTag } from '../modules/alarms/components/AlarmSeverityTag';
import { AlarmStateTag } from '../modules/alarms/components/AlarmStateTag';
import { useParks } from '../modules/parks/hooks/useParks';
import type { FeverSummary } from '../modules/patrols/api/patrols.api';
import { useFeverSummary } from '../modules/patrols/hooks/usePatrols';
import { EChart } from '../ui/EChart';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { StatCard } from '../ui/StatCard';

/** Today in the park's time zone (Asia/Shanghai), as the server's days are. */
function parkToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function Alarms({ cameras }: { cameras: FeverSummary['cameras'] }) {
  const { t } = useTranslation();
  const alarms = useQueries({ queries: cameras.map((c) => ({ queryKey: ['alarms', 'fever', c.id], queryFn: () => findAlarms({ deviceId: c.id, page: 1, pageSize: 5 }), refetchInterval: 15_000 })) });
  const items = alarms.flatMap((q) => q.data?.items ?? []).sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  return (
    <List
      dataSource={items}
      locale={{ emptyText: t('patrols.fever.noAlarms') }}
      renderItem={(a) => (
        <List.Item key={a.id} data-testid="fever-alarm">
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Space wrap size={4}>
              <AlarmSeverityTag severity={a.severity} />
              <AlarmStateTag state={a.state} />
              <Link to={`/alarms/${a.id}`} data-user-content>
                {a.deviceName}
              </Link>
            </Space>
            <Typography.Text type="secondary">
              {a.lastValue !== null && `${t('patrols.fever.temperature', { value: a.lastValue })} · `}
              {formatDateTime(a.lastAt)}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Summary({ s, days }: { s: FeverSummary; days: number }) {
  const { t } = useTranslation();
  const today = parkToday();
  const name = new Map(s.cameras.map((c) => [c.id, c.name]));
  const todays = s.days.filter((d) => d.day === today);
  const perCamera = (id: string) => todays.find((d) => d.deviceId === id);
  // Every day of the range, quiet ones included, oldest first.
  const dayList = Array.from({ length: days }, (_, i) => new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
  const sum = (day: string, k: 'screened' | 'over') => s.days.filter((d) => d.day === day).reduce((n, d) => n + d[k], 0);
  if (!s.cameras.length) return <Empty description={t('patrols.fever.noCameras')} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <StatCard title={`${t('patrols.fever.today')} · ${t('patrols.fever.screened')}`} value={todays.reduce((n, d) => n + d.screened, 0)} />
      </Col>
      <Col xs={12} md={6}>
        <div data-testid="fever-today-over">
          <StatCard title={`${t('patrols.fever.today')} · ${t('patrols.fever.over')}`} value={todays.reduce((n, d) => n + d.over, 0)} />
        </div>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('patrols.fever.camera')}>
          <List
            dataSource={s.cameras}
            renderItem={(c) => (
              <List.Item key={c.id} data-testid={`fever-camera-${c.code}`}>
                <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Typography.Text data-user-content>{c.name}</Typography.Text>
                    <Typography.Text type="secondary" data-user-content>
                      {c.buildingName ?? '—'}
                    </Typography.Text>
                  </Flex>
                  <Space size={16} wrap>
                    <span>
                      {t('patrols.fever.screened')} <b data-testid="camera-screened">{perCamera(c.id)?.screened ?? 0}</b>
                    </span>
                    <span>
                      {t('patrols.fever.over')}{' '}
                      <b style={{ color: (perCamera(c.id)?.over ?? 0) > 0 ? '#cf1322' : undefined }} data-testid="camera-over">
                        {perCamera(c.id)?.over ?? 0}
                      </b>
                    </span>
                    {c.latest !== null && <Typography.Text type={c.latest >= s.threshold ? 'danger' : 'secondary'}>{t('patrols.fever.temperature', { value: c.latest })}</Typography.Text>}
                  </Space>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={`${t('patrols.fever.perDay')} · ${t('patrols.fever.days', { days })}`} style={{ marginTop: 16 }}>
          <EChart
            height={240}
            testId="fever-chart"
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0, data: [t('patrols.fever.screened'), t('patrols.fever.over')] },
              grid: { left: 40, right: 40, top: 36, bottom: 24 },
              xAxis: { type: 'category', data: dayList.map((d) => d.slice(5)) },
              yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1 }],
              series: [
                { name: t('patrols.fever.screened'), type: 'bar', data: dayList.map((d) => sum(d, 'screened')), itemStyle: { color: '#91caff' } },
                { name: t('patrols.fever.over'), type: 'line', yAxisIndex: 1, data: dayList.map((d) => sum(d, 'over')), itemStyle: { color: '#cf1322' } },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('patrols.fever.alarms')}>
          <Alarms cameras={s.cameras} />
        </Card>
        <Card size="small" title={t('patrols.fever.recentFevers')} style={{ marginTop: 16 }}>
          <List
            dataSource={s.recentFevers}
            locale={{ emptyText: t('patrols.fever.noFevers') }}
            renderItem={(f) => (
              <List.Item key={`${f.deviceId}-${f.ts}`}>
                <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                  <Typography.Text data-user-content>{name.get(f.deviceId)}</Typography.Text>
                  <Typography.Text type="danger">{t('patrols.fever.temperature', { value: f.value })}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(f.ts)}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** Fever screening at the key buildings' entrances: counts per entrance and day, the fever alarms. */
export function FeverScreeningPage() {
  const { t } = useTranslation();
  const parks = useParks();
  const [picked, setPicked] = useState<string>();
  const [days, setDays] = useState(7);
  const parkId = picked ?? parks.data?.[0]?.id;
  const summary = useFeverSummary(parkId, days);
  return (
    <div>
      <PageHeader
        title={t('patrols.fever.title')}
        subtitle={t('patrols.fever.subtitle', { threshold: 37.3 })}
        extra={
          <Space wrap>
            {(parks.data?.length ?? 0) > 1 && <Select style={{ minWidth: 160 }} value={parkId} onChange={setPicked} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />}
            <Select value={days} onChange={setDays} options={[7, 14, 30].map((d) => ({ value: d, label: t('patrols.fever.days', { days: d }) }))} />
          </Space>
        }
      />
      <QueryBoundary query={summary}>{(s) => <Summary s={s} days={days} />}</QueryBoundary>
    </div>
  );
}
