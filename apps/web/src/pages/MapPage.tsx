import { useMemo } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveRefresh } from '../modules/live/hooks/useLiveEvents';
import { DevicePlot, type PlotPoint } from '../modules/ioc/components/DevicePlot';
import { usePositions } from '../modules/ioc/hooks/useIoc';
import { PageHeader } from '../ui/PageHeader';

/** The park map: devices by latitude/longitude (no tiles: offline parks), clustered when many. */
export function MapPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const positions = usePositions({});
  useLiveRefresh({ onAlarms: [['ioc', 'positions']], onDevices: [['ioc', 'positions']], deviceThrottleMs: 5_000 });
  // Equirectangular: x = longitude, y = −latitude, longitude scaled by cos(latitude) so distances look right.
  const points = useMemo<PlotPoint[]>(() => {
    const rows = positions.data ?? [];
    const lat0 = rows.length ? rows.reduce((s, d) => s + (d.lat ?? 0), 0) / rows.length : 0;
    const k = Math.cos((lat0 * Math.PI) / 180);
    return rows.map((d) => ({ id: d.id, x: (d.lon ?? 0) * k, y: -(d.lat ?? 0), state: d.alarm ? 'alarm' : d.status, label: d.code }));
  }, [positions.data]);

  return (
    <>
      <PageHeader title={t('ioc.mapTitle')} subtitle={t('ioc.devicesOnMap', { count: points.length })} crumbs={[{ title: t('ioc.screenTitle'), to: '/ioc' }, { title: t('ioc.mapTitle') }]} />
      <Card>
        <DevicePlot points={points} onOpen={(id) => void navigate(`/devices/${id}`)} testId="park-map" />
      </Card>
    </>
  );
}
