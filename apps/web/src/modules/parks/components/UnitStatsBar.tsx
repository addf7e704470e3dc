import { Flex, Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import type { UnitStats } from '../api/parks.api';
import { occupancyOf } from '../utils/tree-stats';
import { UNIT_STATUS_COLORS } from '../utils/unit-colors';

/** Leased / reserved / vacant counts and the occupancy bar of a group of units. */
export function UnitStatsBar({ stats, isCompact = false }: { stats: UnitStats; isCompact?: boolean }) {
  const { t } = useTranslation();
  const occupancy = occupancyOf(stats);
  return (
    <Flex vertical gap={2} style={{ minWidth: isCompact ? 160 : 220 }}>
      <Tooltip title={`${t('structure.occupancy')} ${formatPercent(occupancy)} (${t('dashboard.occupancyHint')})`}>
        <Progress aria-label={t('structure.occupancy')} percent={Math.round(occupancy * 1000) / 10} size="small" strokeColor={UNIT_STATUS_COLORS.leased} />
      </Tooltip>
      <Flex gap={10} wrap>
        {(['leased', 'reserved', 'vacant'] as const).map((s) => (
          <Typography.Text key={s} type="secondary" style={{ fontSize: 12 }}>
            <span className="dot" style={{ background: UNIT_STATUS_COLORS[s] }} />
            {t(`unitStatus.${s}`)} {stats[s]}
          </Typography.Text>
        ))}
      </Flex>
    </Flex>
  );
}
