import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { IocSummary } from '../api/ioc.api';
import { DARK } from '../utils/echarts-setup';
import { IocPanel } from './IocPanel';

/** People in the park now (latest people counts) per building, and today's pass scans at the gates. */
export function CrowdPanel({ crowd }: { crowd: IocSummary['crowd'] }) {
  const { t } = useTranslation();
  const rows = crowd.byBuilding.slice(0, 10).reverse();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { color: DARK.muted }, splitLine: { lineStyle: { color: DARK.axis } } },
      yAxis: { type: 'category', data: rows.map((r) => r.buildingName ?? t('ioc.noBuilding')), axisLabel: { color: DARK.text } },
      series: [{ type: 'bar', data: rows.map((r) => r.people), itemStyle: { color: '#9254de' }, label: { show: true, position: 'right', color: DARK.text } }],
    }),
    [rows, t],
  );
  return (
    <IocPanel title={t('iocWall.crowd')} testId="ioc-crowd">
      <div className="ioc-crowd">
        <div className="ioc-stat-row">
          <div className="ioc-stat">
            <b data-testid="ioc-people-now" data-people={crowd.people}>
              {crowd.people.toLocaleString()}
            </b>
            {t('iocWall.peopleNow')} · {t('iocWall.counters', { count: crowd.counters })}
          </div>
          <div className="ioc-stat">
            <b data-testid="ioc-pass-scans">{crowd.passScansToday.toLocaleString()}</b>
            {t('iocWall.passScans')} · {t('iocWall.passAccepted', { count: crowd.passScansAccepted })}
          </div>
        </div>
        <div className="ioc-fill">{rows.length ? <EChart option={option} height={180} /> : <div className="ioc-empty">{t('iocWall.noCounts')}</div>}</div>
      </div>
    </IocPanel>
  );
}
