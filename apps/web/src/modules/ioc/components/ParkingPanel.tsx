import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { IocSummary } from '../api/ioc.api';
import { DARK } from '../utils/echarts-setup';
import { IocPanel } from './IocPanel';

/** Parking spaces occupied / free, from the space sensors' latest readings. */
export function ParkingPanel({ parking }: { parking: IocSummary['parking'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: { color: DARK.text } },
      title: { text: parking.total ? `${Math.round((parking.occupied / parking.total) * 100)}%` : '—', left: 'center', top: '36%', textStyle: { color: DARK.text, fontSize: 24 } },
      series: [
        {
          type: 'pie',
          radius: ['50%', '70%'],
          center: ['50%', '45%'],
          label: { show: false },
          data: [
            { name: t('ioc.occupied'), value: parking.occupied, itemStyle: { color: '#ff7a45' } },
            { name: t('ioc.free'), value: parking.total - parking.occupied, itemStyle: { color: '#52c41a' } },
          ],
        },
      ],
    }),
    [parking, t],
  );
  return (
    <IocPanel title={t('ioc.parking')} extra={<span data-testid="ioc-parking">{t('ioc.parkingOf', { occupied: parking.occupied, total: parking.total })}</span>} testId="ioc-parking-panel">
      <EChart option={option} height={200} />
    </IocPanel>
  );
}
