import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { Trend } from '../api/evaluation.api';

/** Totals and first-level scores of a district or company across periods (ECharts line). */
export function TrendChart({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: trend.points.map((p) => p.label) },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10), max: 100 },
      series: [
        { name: t('evaluation.score.total'), type: 'line', data: trend.points.map((p) => Math.round(p.total * 100) / 100), lineStyle: { width: 3 } },
        ...trend.indicators.map((i) => ({ name: i.name, type: 'line', data: trend.points.map((p) => (p.firstLevel[i.key] !== undefined ? Math.round(p.firstLevel[i.key] * 100) / 100 : null)), lineStyle: { width: 1 }, symbolSize: 4 })),
      ],
    }),
    [trend, t],
  );
  return <EChart option={option} height={300} testId="eval-trend-chart" />;
}
