import { useMemo, useState } from 'react';
import { Button, Segmented } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useBuilding } from '../../parks/hooks/useBuilding';
import { useLiveRefresh } from '../../live/hooks/useLiveEvents';
import { usePositions } from '../hooks/useIoc';
import { FloorPlanDrawing } from './FloorPlanDrawing';
import { IocPanel } from './IocPanel';

/** The wall's drill-down: a building's floor drawing with its devices, a floor picker, and the way back to the park view. */
export function FloorPlanPanel({ buildingId, buildingName, onClose, className }: { buildingId: string; buildingName: string; onClose: () => void; className?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const building = useBuilding(buildingId);
  const floors = useMemo(() => [...(building.data?.floors ?? [])].sort((a, b) => a.level - b.level), [building.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const floor = floors.find((f) => f.id === picked) ?? floors.find((f) => f.level === 1) ?? floors[0];
  const positions = usePositions({ floorId: floor?.id }, !!floor);
  useLiveRefresh({ onAlarms: [['ioc', 'positions']], onDevices: [['ioc', 'positions']], deviceThrottleMs: 2_000 });
  const devices = positions.data ?? [];
  return (
    <IocPanel
      className={className}
      testId="ioc-floor-plan"
      title={<span data-user-content>{t('iocWall.floorPlan', { building: buildingName })}</span>}
      extra={
        <span className="ioc-plan-tools">
          <span data-testid="plan-device-count">{t('iocWall.devicesPlaced', { count: devices.length })}</span>
          <Button size="small" icon={<CloseOutlined />} onClick={onClose} data-testid="ioc-floor-plan-close">
            {t('iocWall.closePlan')}
          </Button>
        </span>
      }
    >
      <div className="ioc-plan-body">
        {floors.length > 1 && (
          <Segmented
            vertical
            size="small"
            className="ioc-floor-picker"
            value={floor?.id}
            onChange={(v) => setPicked(String(v))}
            options={[...floors].reverse().map((f) => ({ value: f.id, label: <span data-testid={`plan-floor-${f.level}`}>{f.name}</span> }))}
          />
        )}
        {floor && <FloorPlanDrawing planSvg={floor.planSvg} footprint={building.data?.footprint} devices={devices} onOpen={(id) => void navigate(`/devices/${id}`)} />}
      </div>
    </IocPanel>
  );
}
