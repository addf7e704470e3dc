import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { IocSummary } from '../api/ioc.api';
import { DARK } from '../utils/echarts-setup';
import { IocPanel } from './IocPanel';

/** Averages of the latest environment readings per building: °C, %RH and PM2.5 on the left, CO₂ on the right. */
export function EnvironmentPanel({ environment }: { environment: IocSummary['environment'] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const names = environment.map((e) => e.buildingName ?? t('ioc.noBuilding'));
    const bar = (name: string, key: 'temperature' | 'humidity' | 'pm25', color: string) => ({ name, type: 'bar', data: environment.map((e) => e[key]), itemStyle: { color } });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: DARK.text } },
      grid: { left: 40, right: 48, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: names, axisLabel: { color: DARK.text, width: 70, overflow: 'truncate' } },
      yAxis: [
        { type: 'value', axisLabel: { color: DARK.muted }, splitLine: { lineStyle: { color: DARK.axis } } },
        { type: 'value', name: 'ppm', nameTextStyle: { color: DARK.muted }, axisLabel: { color: DARK.muted }, splitLine: { show: false } },
      ],
      series: [
        bar(t('ioc.temperature'), 'temperature', '#ff7a45'),
        bar(t('ioc.humidity'), 'humidity', '#40a9ff'),
        bar('PM2.5', 'pm25', '#b37feb'),
        { name: 'CO₂', type: 'line', yAxisIndex: 1, data: environment.map((e) => e.co2), itemStyle: { color: '#95de64' } },
      ],
    };
  }, [environment, t]);
  return (
    <IocPanel title={t('ioc.environment')} testId="ioc-environment" span={2}>
      {environment.length ? <EChart option={option} height={240} /> : <div className="ioc-empty">{t('ioc.noData')}</div>}
    </IocPanel>
  );
}
