import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Select, Segmented, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { DataZoomComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../../ui/EChart';
import { ErrorState } from '../../../ui/ErrorState';
import type { Series } from '../api/history.api';
import { useDeviceSeries } from '../hooks/useDeviceSeries';
import { HISTORY_RANGES, presetRange, type HistoryRange } from '../utils/history-range';
import { metricUnit } from '../../../lib/coded-text';

echarts.use([LineChart, DataZoomComponent]);

interface DeviceHistoryChartProps {
  deviceId: string;
  /** Metrics to offer (the device's reported metrics). */
  metrics: string[];
  metricName: (metric: string) => string;
}

/** The chart option: the average line and, for rolled-up tiers, a min–max band. */
export function seriesChartOption(series: Series, labels: { value: string; min: string; max: string }): EChartsCoreOption {
  const pts = series.points;
  const hasBand = series.bucketSeconds > 0;
  const unitText = metricUnit(series.metric) || series.unit || '';
  const unit = unitText ? ` ${unitText}` : '';
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 56 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? `${Math.round(v * 100) / 100}${unit}` : '') },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true, name: unitText },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [
      ...(hasBand
        ? [
            { name: labels.min, type: 'line', data: pts.map((p) => [p.ts, p.min]), stack: 'band', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 } },
            {
              name: labels.max,
              type: 'line',
              data: pts.map((p) => [p.ts, p.max - p.min]),
              stack: 'band',
              // Stack the band on the min line even when values are negative (dBm).
              stackStrategy: 'all',
              symbol: 'none',
              lineStyle: { opacity: 0 },
              areaStyle: { color: 'rgba(22, 119, 255, 0.18)' },
              tooltip: { valueFormatter: () => '' },
            },
          ]
        : []),
      { name: labels.value, type: 'line', data: pts.map((p) => [p.ts, p.value]), symbol: pts.length < 60 ? 'circle' : 'none', showSymbol: pts.length < 60, lineStyle: { width: 2, color: '#1677ff' }, itemStyle: { color: '#1677ff' } },
    ],
  };
}

/** Any metric of a device over 1 h, 24 h, 7 d, 30 d or a custom range, from the tier the server picks. */
export function DeviceHistoryChart({ deviceId, metrics, metricName }: DeviceHistoryChartProps) {
  const { t } = useTranslation();
  const label = (m: string) => metricName(m);
  const [metric, setMetric] = useState<string | undefined>(metrics[0]);
  const [range, setRange] = useState<HistoryRange>('24h');
  const [custom, setCustom] = useState<{ from: string; to: string } | undefined>();
  const chosen = metric ?? metrics[0];
  const window = range === 'custom' ? custom : presetRange(range);
  const series = useDeviceSeries(deviceId, chosen && window ? { metric: chosen, ...window, maxPoints: 600 } : undefined);
  const labels = useMemo(() => ({ value: t('telemetryHistory.average'), min: t('telemetryHistory.min'), max: t('telemetryHistory.max') }), [t]);
  const option = useMemo(() => (series.data ? seriesChartOption(series.data, labels) : undefined), [series.data, labels]);

  const tierLabel = series.data ? t(`telemetryHistory.tiers.${series.data.tier}`) : '';
  return (
    <Card
      title={t('telemetryHistory.title')}
      data-testid="device-history"
      extra={
        <Link to="/devices/history-settings">
          <Button type="text" size="small" icon={<SettingOutlined />} data-testid="history-settings-link">
            {t('telemetryHistory.settings')}
          </Button>
        </Link>
      }
    >
      {metrics.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telemetryHistory.noMetrics')} />
      ) : (
        <>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('telemetryHistory.metric')}
              value={chosen}
              onChange={setMetric}
              style={{ minWidth: 140 }}
              data-testid="history-metric"
              options={metrics.map((m) => ({ value: m, label: label(m) }))}
            />
            <Segmented<HistoryRange>
              value={range}
              onChange={setRange}
              data-testid="history-range"
              options={HISTORY_RANGES.map((r) => ({ value: r, label: t(`telemetryHistory.ranges.${r}`) }))}
            />
            {range === 'custom' && (
              <DatePicker.RangePicker
                showTime
                data-testid="history-custom-range"
                onChange={(v: [Dayjs | null, Dayjs | null] | null) => setCustom(v?.[0] && v[1] ? { from: v[0].toISOString(), to: v[1].toISOString() } : undefined)}
              />
            )}
            {series.data && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="history-tier">
                <Tag>{tierLabel}</Tag>
                {t('telemetryHistory.points', { count: series.data.points.length })}
              </Typography.Text>
            )}
          </Flex>
          {series.isError && !series.data ? (
            <ErrorState error={series.error} onRetry={() => void series.refetch()} />
          ) : !window ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telemetryHistory.pickRange')} />
          ) : series.data && series.data.points.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telemetryHistory.noData')} data-testid="history-empty" />
          ) : option ? (
            <EChart option={option} height={300} testId="history-chart" />
          ) : (
            <div style={{ height: 300 }} />
          )}
        </>
      )}
    </Card>
  );
}
