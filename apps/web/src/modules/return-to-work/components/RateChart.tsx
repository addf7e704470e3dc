import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { Overview } from '../api/returnToWork.api';

/** Submission rate per period (bars) with the number of flags (line). */
export function RateChart({ periods }: { periods: Overview['periods'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 44, right: 44, top: 56, bottom: 28 },
      xAxis: { type: 'category', data: periods.map((p) => p.start.slice(5)) },
      yAxis: [
        { type: 'value', name: t('returnToWork.overview.axisRate'), nameTextStyle: { align: 'left' }, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: t('returnToWork.overview.axisFlags'), nameTextStyle: { align: 'right' }, min: 0, minInterval: 1 },
      ],
      series: [
        { name: t('returnToWork.overview.rate'), type: 'bar', data: periods.map((p) => Math.round(p.rate * 1000) / 10), itemStyle: { color: '#1677ff' } },
        { name: t('returnToWork.overview.flags'), type: 'line', yAxisIndex: 1, data: periods.map((p) => p.flags), itemStyle: { color: '#fa541c' } },
      ],
    }),
    [periods, t],
  );
  return <EChart option={option} height={260} testId="rtw-rate-chart" />;
}

/** People on site per building and period (one line per building). */
export function BuildingTrendChart({ buildings }: { buildings: Overview['buildings'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 44, right: 16, top: 56, bottom: 28 },
      xAxis: { type: 'category', data: (buildings[0]?.series ?? []).map((s) => s.start.slice(5)) },
      yAxis: { type: 'value', name: t('returnToWork.overview.axisPeople'), nameTextStyle: { align: 'left' }, min: 0, minInterval: 1 },
      // A period nobody of the building has reported for yet is a gap, not a drop to zero.
      series: buildings.map((b) => ({ name: b.buildingName ?? t('returnToWork.overview.noBuilding'), type: 'line', data: b.series.map((s) => (s.submitted ? s.peopleOnSite : null)) })),
    }),
    [buildings, t],
  );
  return <EChart option={option} height={260} testId="rtw-building-chart" />;
}
