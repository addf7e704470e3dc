import { Badge, Button, ConfigProvider, Space, theme } from 'antd';
import { AlertOutlined, BlockOutlined, ExpandOutlined, EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { brandToken } from '../../../app/theme';
import { formatDateTime } from '../../../lib/format';
import { ErrorState } from '../../../ui/ErrorState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useLiveEvents, useLiveRefresh } from '../../live/hooks/useLiveEvents';
import type { IocSummary } from '../api/ioc.api';
import { useConsumption, useIocSummary } from '../hooks/useIoc';
import '../utils/echarts-setup';
import { AlarmBuildingPanel } from './AlarmBuildingPanel';
import { AlarmSeverityPanel } from './AlarmSeverityPanel';
import { ConsumptionPanel } from './ConsumptionPanel';
import { EnvironmentPanel } from './EnvironmentPanel';
import { LatestAlarmsPanel } from './LatestAlarmsPanel';
import { OnlineRatePanel } from './OnlineRatePanel';
import { ParkingPanel } from './ParkingPanel';
import './ioc.css';

/**
 * The operations centre's big screen (IOC 大屏): dark, a grid that fits any
 * width (wall display, desktop, phone), refreshed by live pushes — alarm
 * changes at once, telemetry at most once a second.
 */
export function IocScreen({ isWall = false }: { isWall?: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('ioc.screenTitle'));
  const client = useQueryClient();
  const summary = useIocSummary();
  const consumption = useConsumption();
  const isLive = useLiveRefresh({ onAlarms: [['ioc', 'summary']], onDevices: [['ioc', 'summary']], deviceThrottleMs: 1_000 });
  // Alarm changes show at once in the list (the counts follow with the refetch).
  useLiveEvents((event) => {
    if (event.type !== 'alarms') return;
    const changed = new Map(event.items.map((a) => [a.id, a]));
    client.setQueryData<IocSummary>(['ioc', 'summary'], (s) =>
      s ? { ...s, alarms: { ...s.alarms, latest: s.alarms.latest.map((a) => (changed.has(a.id) ? { ...a, state: changed.get(a.id)!.state, count: changed.get(a.id)!.count } : a)) } } : s,
    );
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['ioc', 'summary'] });
  const goFullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    // Not inherited from the light app theme (its dark text colours would vanish here); light text keeps 4.5:1 on the navy panels.
    <ConfigProvider theme={{ inherit: false, algorithm: theme.darkAlgorithm, token: { ...brandToken, colorBgContainer: '#0e1f4a', colorTextSecondary: 'rgba(255, 255, 255, 0.75)', colorTextDescription: 'rgba(255, 255, 255, 0.7)', colorTextTertiary: 'rgba(255, 255, 255, 0.7)', colorTextPlaceholder: 'rgba(255, 255, 255, 0.6)' } }}>
      <div className={`ioc-screen${isWall ? ' ioc-wall' : ''}`} data-testid="ioc-screen">
        <div className="ioc-head">
          <h1>{t('ioc.screenTitle')}</h1>
          <Space wrap>
            <Badge status={isLive ? 'processing' : 'default'} text={<span style={{ color: '#9fb3e6' }}>{isLive ? t('ioc.live') : t('ioc.connecting')}</span>} data-testid="live-status" data-live={isLive} />
            {summary.data && <span style={{ color: '#7f8fb8' }}>{formatDateTime(summary.data.at)}</span>}
            <Link to="/alarms">
              <Button size="small" icon={<AlertOutlined />}>{t('ioc.alarmsTitle')}</Button>
            </Link>
            <Link to="/ioc/floor-plan">
              <Button size="small" icon={<BlockOutlined />}>{t('ioc.floorPlanTitle')}</Button>
            </Link>
            <Link to="/ioc/map">
              <Button size="small" icon={<EnvironmentOutlined />}>{t('ioc.mapTitle')}</Button>
            </Link>
            <Button size="small" icon={<ReloadOutlined />} onClick={refresh} aria-label={t('ioc.refresh')} />
            {isWall ? (
              <Button size="small" icon={<ExpandOutlined />} onClick={goFullScreen}>{t('ioc.fullScreen')}</Button>
            ) : (
              <Link to="/ioc/wall">
                <Button size="small" icon={<ExpandOutlined />} data-testid="ioc-wall">{t('ioc.wallMode')}</Button>
              </Link>
            )}
          </Space>
        </div>
        {summary.isError && !summary.data ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : !summary.data ? (
          <div className="ioc-empty">{t('ioc.loading')}</div>
        ) : (
          <div className="ioc-grid">
            <OnlineRatePanel devices={summary.data.devices} />
            <AlarmSeverityPanel alarms={summary.data.alarms} />
            <AlarmBuildingPanel alarms={summary.data.alarms} />
            <ParkingPanel parking={summary.data.parking} />
            <LatestAlarmsPanel alarms={summary.data.alarms} onChanged={refresh} />
            <ConsumptionPanel data={consumption.data} />
            <EnvironmentPanel environment={summary.data.environment} />
          </div>
        )}
      </div>
    </ConfigProvider>
  );
}
