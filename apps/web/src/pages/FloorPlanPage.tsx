import { useMemo, useState } from 'react';
import { Card, Empty, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useLiveRefresh } from '../modules/live/hooks/useLiveEvents';
import { useSession } from '../modules/auth/hooks/useSession';
import { DevicePlot, type PlotPoint } from '../modules/ioc/components/DevicePlot';
import { FloorPlanDrawing } from '../modules/ioc/components/FloorPlanDrawing';
import { FloorPlanEditor } from '../modules/ioc/components/FloorPlanEditor';
import { usePositions } from '../modules/ioc/hooks/useIoc';
import { useBuilding, useBuildings } from '../modules/parks/hooks/useBuilding';
import { PageHeader } from '../ui/PageHeader';
import '../modules/ioc/components/ioc.css';

/** More devices than this on one floor read better on the clustering plot than as markers on the drawing. */
const MAX_ON_DRAWING = 1_000;

/**
 * A building floor's drawing with its devices at their x/y, coloured by state;
 * live. Operators switch to placing: upload the drawing, drag devices onto it.
 * A floor without a drawing or outline shows its devices on a plain plot.
 */
export function FloorPlanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { permissions } = useSession();
  const [isEditing, setIsEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const buildings = useBuildings();
  const sorted = useMemo(() => [...(buildings.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [buildings.data]);
  const buildingId = params.get('buildingId') ?? sorted[0]?.id;
  const building = useBuilding(buildingId);
  const floors = building.data?.floors ?? [];
  // Floors come top first; the plan opens on the ground floor.
  const floorId = params.get('floorId') ?? (floors.find((f) => f.level === 1) ?? floors[floors.length - 1])?.id;
  const floor = floors.find((f) => f.id === floorId);
  const footprint = building.data?.footprint;
  const hasDrawing = !!floor?.planSvg || !!footprint;
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
          {permissions.canManageDevices && floor && (
            <Space>
              <Switch checked={isEditing} onChange={setIsEditing} data-testid="plan-edit" aria-label={t('iocWall.editPlan')} />
              {t('iocWall.editPlan')}
            </Space>
          )}
        </Space>
        {!floorId || !floor ? (
          <Empty description={t('ioc.noFloor')} />
        ) : isEditing && buildingId ? (
          <FloorPlanEditor buildingId={buildingId} floor={floor} footprint={footprint} placed={positions.data ?? []} />
        ) : hasDrawing && points.length <= MAX_ON_DRAWING ? (
          <div className="ioc-plan-frame" style={{ height: 560 }}>
            <FloorPlanDrawing planSvg={floor.planSvg} footprint={footprint} devices={positions.data ?? []} onOpen={(id) => void navigate(`/devices/${id}`)} />
          </div>
        ) : (
          <DevicePlot points={points} extent={extent} onOpen={(id) => void navigate(`/devices/${id}`)} testId="floor-plan" isFloor />
        )}
      </Card>
    </>
  );
}
