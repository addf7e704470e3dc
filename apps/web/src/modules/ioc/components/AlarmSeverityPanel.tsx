import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import { SEVERITY_COLORS } from '../../alarms/components/AlarmSeverityTag';
import type { IocSummary } from '../api/ioc.api';
import { DARK } from '../utils/echarts-setup';
import { IocPanel } from './IocPanel';

/** Open alarms per severity (doughnut) with the active count. */
export function AlarmSeverityPanel({ alarms }: { alarms: IocSummary['alarms'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: { color: DARK.text } },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          label: { color: DARK.text, formatter: '{c}' },
          data: (['critical', 'major', 'minor', 'info'] as const).map((s) => ({ name: t(`ioc.severity.${s}`), value: alarms.bySeverity[s], itemStyle: { color: SEVERITY_COLORS[s] } })),
        },
      ],
    }),
    [alarms.bySeverity, t],
  );
  return (
    <IocPanel title={t('ioc.alarmsBySeverity')} extra={<span data-testid="ioc-open-alarms" data-open={alarms.open} data-active={alarms.active}>{t('ioc.openActive', { open: alarms.open, active: alarms.active })}</span>} testId="ioc-severity">
      <EChart option={option} height={220} />
    </IocPanel>
  );
}
