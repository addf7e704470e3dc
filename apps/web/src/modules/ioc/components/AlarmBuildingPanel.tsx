import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { IocSummary } from '../api/ioc.api';
import { DARK } from '../utils/echarts-setup';
import { IocPanel } from './IocPanel';

/** Open alarms per building (horizontal bars, most first). */
export function AlarmBuildingPanel({ alarms }: { alarms: IocSummary['alarms'] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const rows = [...alarms.byBuilding].reverse();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 24, top: 12, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: DARK.muted }, splitLine: { lineStyle: { color: DARK.axis } } },
      yAxis: { type: 'category', data: rows.map((r) => r.buildingName ?? t('ioc.noBuilding')), axisLabel: { color: DARK.text, width: 80, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#fa8c16' }, label: { show: true, position: 'right', color: DARK.text } }],
    };
  }, [alarms.byBuilding, t]);
  return (
    <IocPanel title={t('ioc.alarmsByBuilding')} testId="ioc-buildings">
      {alarms.byBuilding.length ? <EChart option={option} height={220} /> : <div className="ioc-empty">{t('ioc.noOpenAlarms')}</div>}
    </IocPanel>
  );
}
