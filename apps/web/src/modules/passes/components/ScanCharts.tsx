import { useMemo } from 'react';
import dayjs from 'dayjs';
import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { ScanStats } from '../api/passes.api';

/** Scans per hour stacked by gate (accepted), refusals stacked on top, and refusals by reason. */
export function ScanCharts({ stats }: { stats: ScanStats }) {
  const { t } = useTranslation();
  const { hourly, reasons } = useMemo(() => {
    const hours: string[] = [];
    for (let h = dayjs(stats.from).startOf('hour'); h.isBefore(stats.to); h = h.add(1, 'hour')) hours.push(h.toISOString());
    // Series per gate id, named by the gate's name (the legend once showed raw device codes).
    const names = new Map(stats.buckets.map((b) => [b.gateId, b.gateName || b.gateCode]));
    const gates = [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!));
    const key = (gate: string, hour: string) => `${gate}|${dayjs(hour).toISOString()}`;
    const byKey = new Map(stats.buckets.map((b) => [key(b.gateId, b.hour), b]));
    const rejectedPerHour = hours.map((h) => stats.buckets.filter((b) => dayjs(b.hour).toISOString() === h).reduce((a, b) => a + b.rejected, 0));
    const hourly = {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 12, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: hours.map((h) => dayjs(h).format('HH:00')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...gates.map((g) => ({ name: names.get(g), type: 'bar', stack: 'scans', data: hours.map((h) => byKey.get(key(g, h))?.accepted ?? 0) })),
        { name: t('passesEvents.admin.rejected'), type: 'bar', stack: 'scans', itemStyle: { color: '#ff4d4f' }, data: rejectedPerHour },
      ],
    };
    const reasons = {
      tooltip: { trigger: 'item' },
      grid: { left: 96, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: stats.byReason.map((r) => t(`passesEvents.reasons.${r.reason}`, { defaultValue: r.reason })) },
      series: [{ type: 'bar', itemStyle: { color: '#fa8c16' }, data: stats.byReason.map((r) => r.count) }],
    };
    return { hourly, reasons };
  }, [stats, t]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card title={t('passesEvents.admin.perHour')} size="small">
          {stats.buckets.length ? <EChart option={hourly} height={280} testId="scan-chart-hourly" /> : <Empty description={t('passesEvents.admin.noScans')} />}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('passesEvents.admin.byReason')} size="small">
          {stats.byReason.length ? <EChart option={reasons} height={280} testId="scan-chart-reasons" /> : <Empty description={t('passesEvents.admin.noScans')} />}
        </Card>
      </Col>
    </Row>
  );
}
