import { useState } from 'react';
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
import { useConsumption, useIocSummary, useParkView } from '../hooks/useIoc';
import { useWallZoom } from '../hooks/useWallZoom';
import '../utils/echarts-setup';
import { AlarmBuildingPanel } from './AlarmBuildingPanel';
import { AlarmSeverityPanel } from './AlarmSeverityPanel';
import { ConsumptionPanel } from './ConsumptionPanel';
import { CrowdPanel } from './CrowdPanel';
import { EnvironmentPanel } from './EnvironmentPanel';
import { FloorPlanPanel } from './FloorPlanPanel';
import { IocCarousel } from './IocCarousel';
import { LiveReadingsPanel } from './LiveReadingsPanel';
import { ParkViewPanel } from './ParkViewPanel';
import { LatestAlarmsPanel } from './LatestAlarmsPanel';
import { OnlineRatePanel } from './OnlineRatePanel';
import { ParkingPanel } from './ParkingPanel';
import './ioc.css';

/**
 * The operations centre's big screen (IOC 大屏): dark, refreshed by live
 * pushes — alarm changes at once, telemetry at most once a second. As a wall
 * it is one screen laid out for 1920 × 1080 and zoomed to the real one: the
 * park view in the middle (click a building for its floor plan), live readings
 * and the online rate on the left, a carousel of energy, security, parking and
 * crowd on the right, alarms to handle and the environment below. Elsewhere
 * the same panels flow in a grid that fits any width.
 */
export function IocScreen({ isWall = false }: { isWall?: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('ioc.screenTitle'));
  const client = useQueryClient();
  const summary = useIocSummary();
  const consumption = useConsumption();
  const parkView = useParkView();
  const stage = useWallZoom(isWall);
  const [opened, setOpened] = useState<{ id: string; name: string } | null>(null);
  const isLive = useLiveRefresh({ onAlarms: [['ioc', 'summary'], ['ioc', 'park-view']], onDevices: [['ioc', 'summary'], ['ioc', 'park-view']], deviceThrottleMs: 1_000 });
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
      <div
        className={`ioc-screen${isWall ? ' ioc-wall' : ''}`}
        data-testid="ioc-screen"
        data-zoom={stage?.zoom}
        key={stage?.zoom}
        style={stage ? { zoom: stage.zoom, width: stage.width, height: stage.height } : undefined}
      >
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
            <div className="ioc-area-online">
              <OnlineRatePanel devices={summary.data.devices} />
            </div>
            <div className="ioc-area-live">
              <LiveReadingsPanel />
            </div>
            <div className="ioc-area-park">
              {opened ? (
                <FloorPlanPanel buildingId={opened.id} buildingName={opened.name} onClose={() => setOpened(null)} />
              ) : (
                <ParkViewPanel view={parkView.data} onOpen={(b) => setOpened({ id: b.id, name: b.name })} />
              )}
            </div>
            <IocCarousel
              className="ioc-area-carousel"
              slides={[
                { key: 'energy', node: <ConsumptionPanel data={consumption.data} /> },
                {
                  key: 'security',
                  node: (
                    <div className="ioc-slide-pair">
                      <AlarmSeverityPanel alarms={summary.data.alarms} />
                      <AlarmBuildingPanel alarms={summary.data.alarms} />
                    </div>
                  ),
                },
                { key: 'parking', node: <ParkingPanel parking={summary.data.parking} /> },
                { key: 'crowd', node: <CrowdPanel crowd={summary.data.crowd} /> },
              ]}
            />
            <div className="ioc-area-alarms">
              <LatestAlarmsPanel alarms={summary.data.alarms} onChanged={refresh} />
            </div>
            <div className="ioc-area-env">
              <EnvironmentPanel environment={summary.data.environment} />
            </div>
          </div>
        )}
      </div>
    </ConfigProvider>
  );
}
