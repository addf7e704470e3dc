import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import type { ParkTree } from '../../parks/api/parks.api';
import { occupancyOf, sumStats } from '../../parks/utils/tree-stats';
import { UNIT_STATUS_COLORS } from '../../parks/utils/unit-colors';

/** Occupancy per site as stacked bars of leased / reserved / vacant units, with the rate by area in the tooltip. */
export function OccupancyChart({ tree }: { tree: ParkTree }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(() => {
    const rows = tree.sites.map((s) => ({ name: s.name, stats: sumStats(s.districts.flatMap((d) => d.buildings)) }));
    const statuses = ['leased', 'reserved', 'vacant'] as const;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, data: statuses.map((s) => t(`unitStatus.${s}`)) },
      grid: { left: 8, right: 48, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: t('structure.units'), nameLocation: 'end', nameGap: 6, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisTick: { show: false } },
      series: [
        ...statuses.map((status) => ({
          name: t(`unitStatus.${status}`),
          type: 'bar',
          stack: 'units',
          barMaxWidth: 26,
          itemStyle: { color: UNIT_STATUS_COLORS[status] },
          data: rows.map((r) => r.stats[status]),
        })),
        {
          name: t('structure.occupancy'),
          type: 'bar',
          stack: 'units',
          data: rows.map(() => 0),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => `${(occupancyOf(rows[p.dataIndex].stats) * 100).toFixed(1)}%`,
            color: '#1f2937',
            fontWeight: 600,
          },
          tooltip: { show: false },
        },
      ],
    };
    // Labels are translated, so the language is a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tree, i18n.language]);
  return <EChart option={option} height={Math.max(220, tree.sites.length * 56 + 70)} testId="occupancy-chart" />;
}
