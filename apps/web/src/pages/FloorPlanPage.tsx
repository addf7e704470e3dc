import { useMemo } from 'react';
import { Card, Empty, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useLiveRefresh } from '../modules/live/hooks/useLiveEvents';
import { DevicePlot, type PlotPoint } from '../modules/ioc/components/DevicePlot';
import { usePositions } from '../modules/ioc/hooks/useIoc';
import { useBuilding, useBuildings } from '../modules/parks/hooks/useBuilding';
import { PageHeader } from '../ui/PageHeader';

/** A building floor's plan (SVG) with its devices at their x/y, coloured by state; live. */
export function FloorPlanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const buildings = useBuildings();
  const sorted = useMemo(() => [...(buildings.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [buildings.data]);
  const buildingId = params.get('buildingId') ?? sorted[0]?.id;
  const building = useBuilding(buildingId);
  const floors = building.data?.floors ?? [];
  // Floors come top first; the plan opens on the ground floor.
  const floorId = params.get('floorId') ?? (floors.find((f) => f.level === 1) ?? floors[floors.length - 1])?.id;
  const positions = usePositions({ floorId }, !!floorId);
  useLiveRefresh({ onAlarms: [['ioc', 'positions']], onDevices: [['ioc', 'positions']], deviceThrottleMs: 2_000 });
  const points = useMemo<PlotPoint[]>(
    () => (positions.data ?? []).map((d) => ({ id: d.id, x: d.x ?? 0, y: d.y ?? 0, state: d.alarm ? 'alarm' : d.status, label: d.code })),
    [positions.data],
  );
  const extent = useMemo(() => {
    const maxX = Math.max(100, ...points.map((p) => p.x));
    const maxY = Math.max(60, ...points.map((p) => p.y));
    return { x: -2, y: -2, w: maxX + 4, h: maxY + 4 };
  }, [points]);

  return (
    <>
      <PageHeader title={t('ioc.floorPlanTitle')} crumbs={[{ title: t('ioc.screenTitle'), to: '/ioc' }, { title: t('ioc.floorPlanTitle') }]} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('ioc.building')}
            style={{ width: 200 }}
            value={buildingId}
            placeholder={t('ioc.building')}
            onChange={(id) => setParams({ buildingId: id }, { replace: true })}
            options={sorted.map((b) => ({ value: b.id, label: b.name }))}
            data-testid="floor-building"
          />
          <Select
            aria-label={t('ioc.floor')}
            style={{ width: 140 }}
            value={floorId}
            placeholder={t('ioc.floor')}
            onChange={(id) => setParams({ ...(buildingId ? { buildingId } : {}), floorId: id }, { replace: true })}
            options={floors.map((f) => ({ value: f.id, label: f.name }))}
            data-testid="floor-floor"
          />
          <span data-testid="floor-count">{t('ioc.devicesOnFloor', { count: points.length })}</span>
        </Space>
        {floorId ? <DevicePlot points={points} extent={extent} onOpen={(id) => void navigate(`/devices/${id}`)} testId="floor-plan" isFloor /> : <Empty description={t('ioc.noFloor')} />}
      </Card>
    </>
  );
}
