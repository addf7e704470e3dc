import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';

/** The park's overall occupancy rate as a gauge. */
export function OccupancyGauge({ rate }: { rate: number }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(
    () => ({
      series: [
        {
          type: 'gauge',
          startAngle: 210,
          endAngle: -30,
          min: 0,
          max: 100,
          progress: { show: true, width: 16, itemStyle: { color: '#1554d1' } },
          axisLine: { lineStyle: { width: 16, color: [[1, '#e8eefc']] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          anchor: { show: false },
          title: { offsetCenter: [0, '42%'], fontSize: 13, color: '#6b7280' },
          detail: { valueAnimation: true, offsetCenter: [0, '-5%'], fontSize: 30, fontWeight: 700, formatter: '{value}%', color: '#111827' },
          data: [{ value: Math.round(rate * 1000) / 10, name: `${t('dashboard.occupancy')} (${t('dashboard.occupancyHint')})` }],
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rate, i18n.language],
  );
  return <EChart option={option} height={220} testId="occupancy-gauge" />;
}
