import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { Consumption } from '../api/ioc.api';
import { DARK } from '../utils/echarts-setup';
import { IocPanel } from './IocPanel';

/** Energy (kWh, bars) and water (m³, line) per hour over the last 24 h. */
export function ConsumptionPanel({ data }: { data: Consumption | undefined }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const hours = (data?.hours ?? []).map((h) => `${String(new Date(h).getHours()).padStart(2, '0')}:00`);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: DARK.text } },
      grid: { left: 48, right: 48, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: hours, axisLabel: { color: DARK.muted }, axisLine: { lineStyle: { color: DARK.axis } } },
      yAxis: [
        { type: 'value', name: 'kWh', nameTextStyle: { color: DARK.muted }, axisLabel: { color: DARK.muted }, splitLine: { lineStyle: { color: DARK.axis } } },
        { type: 'value', name: 'm³', nameTextStyle: { color: DARK.muted }, axisLabel: { color: DARK.muted }, splitLine: { show: false } },
      ],
      series: [
        { name: t('ioc.energy'), type: 'bar', data: data?.energyKwh ?? [], itemStyle: { color: '#36cfc9' } },
        { name: t('ioc.water'), type: 'line', yAxisIndex: 1, smooth: true, data: data?.waterM3 ?? [], itemStyle: { color: '#597ef7' } },
      ],
    };
  }, [data, t]);
  const total = (xs: number[] | undefined) => Math.round((xs ?? []).reduce((a, b) => a + b, 0) * 10) / 10;
  return (
    <IocPanel title={t('ioc.consumption')} extra={<span data-testid="ioc-consumption-total">{t('ioc.consumptionTotal', { kwh: total(data?.energyKwh), m3: total(data?.waterM3) })}</span>} testId="ioc-consumption" span={2}>
      <EChart option={option} height={240} />
    </IocPanel>
  );
}
