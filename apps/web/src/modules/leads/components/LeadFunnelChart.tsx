import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadStage } from '@parkos/contracts';
import { formatPercent } from '../../../lib/format';
import { EChart } from '../../../ui/EChart';
import type { LeadFunnel } from '../api/leads.api';
import { STAGE_COLORS } from '../utils/stage-colors';

/** The attraction funnel as an ECharts funnel: how many leads reached each stage. */
export function LeadFunnelChart({ funnel, height = 300 }: { funnel: LeadFunnel; height?: number }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number; dataIndex: number }) => {
          const conv = funnel.funnel[p.dataIndex]?.conversionFromPrevious;
          return `${p.name}: ${p.value}${conv !== null && conv !== undefined ? `<br/>${t('leads.fromPrevious', { rate: formatPercent(conv) })}` : ''}`;
        },
      },
      series: [
        {
          type: 'funnel',
          left: '8%',
          right: '8%',
          top: 10,
          bottom: 10,
          minSize: '24%',
          sort: 'none',
          gap: 3,
          label: { position: 'inside', formatter: '{b}  {c}', color: '#fff', fontWeight: 600 },
          itemStyle: { borderWidth: 0 },
          data: funnel.funnel.map((f) => ({
            name: t(`stages.${f.stage}`),
            value: f.count,
            itemStyle: { color: STAGE_COLORS[f.stage as LeadStage] ?? '#1554d1' },
          })),
        },
      ],
    }),
    // The language is a dependency: labels are translated.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [funnel, i18n.language],
  );
  return <EChart option={option} height={height} testId="funnel-chart" />;
}
