import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { IocSummary } from '../api/ioc.api';
import { DARK } from '../utils/echarts-setup';
import { IocPanel } from './IocPanel';

/** Devices online / total as a gauge. */
export function OnlineRatePanel({ devices }: { devices: IocSummary['devices'] }) {
  const { t } = useTranslation();
  const rate = Math.round(devices.onlineRate * 1000) / 10;
  const option = useMemo(
    () => ({
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          progress: { show: true, width: 14, itemStyle: { color: rate >= 90 ? '#52c41a' : rate >= 70 ? '#faad14' : '#f5222d' } },
          axisLine: { lineStyle: { width: 14, color: [[1, DARK.axis]] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          detail: { valueAnimation: true, formatter: '{value}%', color: DARK.text, fontSize: 30, offsetCenter: [0, 0] },
          title: { show: false },
          data: [{ value: rate }],
        },
      ],
    }),
    [rate],
  );
  return (
    <IocPanel title={t('ioc.onlineRate')} extra={<span data-testid="ioc-online-count">{t('ioc.onlineOf', { online: devices.online, total: devices.total })}</span>} testId="ioc-online">
      <div data-testid="ioc-online-rate" data-rate={rate}>
        <EChart option={option} height={200} />
      </div>
    </IocPanel>
  );
}
